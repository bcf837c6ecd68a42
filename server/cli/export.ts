/**
 * `npm run export -- --format json|csv|graphml|gexf|cypher|ftm [--year Y | --from Y1 --to Y2]
 * [--types a,b] [--stages …] [--kinds …] [--min-confidence G] [--dated-only] [--min-sources N]
 * [--table sources|actors|relationships] --out PATH`: the whole dataset, or the view `network`
 * answers for the filters, from the configured store, in one of the exchange formats (README
 * "Import and export"). CSV without --table writes its three tables into the folder PATH.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { exportRequest, EXPORT_PARAMETERS } from '../exchange/export-args.js';
import { batched, writeFormat, EXPORT_FORMATS } from '../exchange/export-formats.js';
import { CSV_TABLES, type CsvTable } from '../exchange/table-csv.js';
import { ExportService } from '../services/exports.js';
import { openConfiguredStore, runMain } from './shared.js';

const USAGE = `usage: npm run export -- --format ${EXPORT_FORMATS.join('|')} [--year Y | --from Y1 --to Y2] [--types a,b] [--stages …] [--kinds …] [--min-confidence G] [--dated-only] [--min-sources N] [--table ${CSV_TABLES.join('|')}] --out PATH`;

/** --min-confidence → minConfidence, --year → year, … */
const OPTION = (flag: string) => flag.replace(/^--/, '').replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

async function writeFile(file: string, pieces: Iterable<string>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  try {
    for (const chunk of batched(pieces)) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    await rename(tmp, file);
  } catch (e) {
    out.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const values = new Map<string, string>();
  let out: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] as string;
    if (flag === '--out') out = argv[(i += 1)];
    else if (flag === '--dated-only') values.set('datedOnly', 'true');
    else if (flag.startsWith('--') && (EXPORT_PARAMETERS as readonly string[]).includes(OPTION(flag))) values.set(OPTION(flag), argv[(i += 1)] ?? '');
    else {
      console.error(`export: ${flag}: unknown option\n${USAGE}`);
      return 2;
    }
  }
  if (!out) {
    console.error(`export: --out is required\n${USAGE}`);
    return 2;
  }
  const request = exportRequest((name) => values.get(name));
  const store = await openConfiguredStore();
  try {
    const view = await new ExportService(store).view(request.args);
    const target = path.resolve(out);
    if (request.format === 'csv' && !request.table) {
      for (const table of CSV_TABLES) await writeFile(path.join(target, `${table}.csv`), writeFormat(view, 'csv', table as CsvTable));
    } else await writeFile(target, writeFormat(view, request.format, request.table));
    console.log(`export: ${view.description}: ${view.actors.length} actors, ${view.relationships.length} relationships, ${view.sources.length} sources as ${request.format} → ${target}`);
    return 0;
  } finally {
    await store.close();
  }
}

runMain('export', main);
