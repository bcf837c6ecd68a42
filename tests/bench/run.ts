/**
 * `npm run bench [-- <suite> [options]]`: api (latency over HTTP on the sourced dataset),
 * serve (throughput under autocannon load), scale (synthetic 10k–1M graphs on the stores; see
 * tests/bench/scale/run.ts), explorer (the graph view in Chromium), paths (Neo4j's simple-path
 * questions against a reference formulation; empties NEO4J_URI's database). No suite: all of them.
 * Each prints Markdown tables and writes test-results/bench/<suite>.{json,md}; nothing asserts.
 */
const [suite, ...rest] = process.argv.slice(2);
const SUITES = ['api', 'serve', 'scale', 'explorer', 'paths'] as const;
if (suite !== undefined && !(SUITES as readonly string[]).includes(suite)) {
  console.error(`usage: npm run bench [-- ${SUITES.join('|')} [options]]`);
  process.exit(2);
}
const wanted = (name: (typeof SUITES)[number]) => suite === undefined || suite === name;
const { writeReport } = await import('./stats.js');

if (wanted('api')) {
  const { runApiBench, apiMarkdown } = await import('./api.js');
  const md = apiMarkdown(await runApiBench());
  console.log(md);
  await writeReport('api', { markdown: md }, md);
}
/** Prints a suite's Markdown and writes its JSON and Markdown report. */
async function publish<R extends object>(name: string, report: R, markdown: (r: R) => string): Promise<void> {
  const md = markdown(report);
  console.log(md);
  await writeReport(name, report, md);
}
if (wanted('serve')) {
  const { runServeBench, serveMarkdown } = await import('./serve.js');
  await publish('serve', await runServeBench(rest), serveMarkdown);
}
if (wanted('scale')) {
  const { runScaleBench, scaleMarkdown } = await import('./scale/run.js');
  await publish('scale', await runScaleBench(rest), scaleMarkdown);
}
if (wanted('explorer')) {
  const { firstDrawOnSourcedData, printExplorerRows, printFirstDraw, runExplorerBench } = await import('./explorer.js');
  const rows = await runExplorerBench();
  if (rows) printExplorerRows(rows);
  const first = await firstDrawOnSourcedData();
  if (first) printFirstDraw(first);
}
if (wanted('paths')) {
  const { runPathsBench, pathsMarkdown } = await import('./neo4j-paths.js');
  const report = await runPathsBench();
  if (report) await publish('paths', report, pathsMarkdown);
}
