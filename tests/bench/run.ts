/**
 * `npm run bench`: the API benchmark (tests/bench/api.ts) and the explorer benchmark
 * (tests/bench/explorer.ts). Prints tables to stdout; asserts nothing.
 */
import { printRows, runApiBench } from './api.js';
import { printExplorerRows, runExplorerBench } from './explorer.js';

const only = process.argv[2];
if (only !== 'explorer') printRows('API (embedded store, sourced dataset)', await runApiBench());
if (only !== 'api') {
  const rows = await runExplorerBench();
  if (rows) printExplorerRows(rows);
}
