/**
 * `npm run import -- <file|folder>… [--dry-run] [--overwrite-edited] [--format F] [--kind K] [--source-id ID]`: import
 * records into the configured store (the embedded store's DATA_FILE, or Neo4j when NEO4J_URI is
 * set). Reads seed files, dataset documents, record files, our CSV tables, the MMP relationships
 * CSV and FollowTheMoney JSON lines (see README "Import and export"). Everything is validated and
 * compared with the store before anything is written; `--dry-run` says per row what would be
 * added, updated or skipped and why, and writes nothing. A record an editor has changed is skipped
 * (with the audit entry that changed it) unless `--overwrite-edited`; a retired id never comes back.
 * The write is all or nothing and adds one audit entry (operation import, by the user's login name).
 * Progress goes to stderr; the plan, the counts and the time to stdout.
 */
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { ACTOR_KINDS, type ActorKind } from '../domain/vocabulary.js';
import { loadConfig } from '../config.js';
import { IMPORT_FORMATS, readImportFiles, type ImportFormat, type ReadOptions } from '../exchange/read.js';
import { applyImport, planImport, type ImportPlan } from '../services/imports.js';
import { openConfiguredStore, reportProblems, runMain } from './shared.js';

const USAGE = `usage: npm run import -- <file|folder>… [--dry-run] [--overwrite-edited] [--format ${IMPORT_FORMATS.join('|')}] [--kind <actor kind>] [--source-id <id>]`;

function parseArgs(argv: readonly string[]): { files: string[]; dryRun: boolean; overwriteEdited: boolean; options: ReadOptions } | string {
  const files: string[] = [];
  const options: ReadOptions = {};
  let dryRun = false;
  let overwriteEdited = false;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] as string;
    const value = () => argv[(i += 1)] ?? '';
    if (a === '--dry-run') dryRun = true;
    else if (a === '--overwrite-edited') overwriteEdited = true;
    else if (a === '--format') {
      const f = value();
      if (!(IMPORT_FORMATS as readonly string[]).includes(f)) return `--format: must be one of ${IMPORT_FORMATS.join(', ')}`;
      options.format = f as ImportFormat;
    } else if (a === '--kind') {
      const k = value();
      if (!(ACTOR_KINDS as readonly string[]).includes(k)) return `--kind: must be one of ${ACTOR_KINDS.join(', ')}`;
      options.kind = k as ActorKind;
    } else if (a === '--source-id') options.sourceId = value();
    else if (a.startsWith('--')) return `${a}: unknown option`;
    else files.push(path.resolve(a));
  }
  return files.length === 0 ? 'give at least one file or folder' : { files, dryRun, overwriteEdited, options };
}

function printPlan(plan: ImportPlan, perRow: boolean): void {
  if (perRow) for (const r of plan.rows) console.log(`  ${r.where}: ${r.action}${r.record ? ` ${r.record}` : ''} — ${r.why}`);
  if (plan.review.length > 0) {
    console.log(`review (${plan.review.length}):`);
    for (const line of plan.review) console.log(`  ${line}`);
  }
  const c = plan.counts;
  console.log(`import: ${c.add} records to add, ${c.update} to update, ${c.unchanged} unchanged, ${c.skip} rows skipped`);
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(`import: ${args}\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const { input, recordFile } = await readImportFiles(args.files, { ...args.options, onProgress: (n) => console.error(`import: ${n.toLocaleString('en')} records read (${seconds()} s)`) });
  if (input.problems.length > 0) {
    console.error(`import: refused, nothing was written (${input.problems.length} problem(s)):`);
    reportProblems(input.problems);
    return 1;
  }
  const d = input.dataset;
  console.log(`import: ${input.format}: ${d.sources.length} sources, ${d.actors.length} actors, ${d.relationships.length} relationships, ${d.events.length} events, ${d.capacity.length} capacity ratings, ${d.figures.length} figures read (${seconds()} s)`);
  const store = await openConfiguredStore();
  try {
    const plan = await planImport(store, input, { rows: args.dryRun, overwriteEdited: args.overwriteEdited });
    if (plan.problems.length > 0) {
      console.error(`import: refused, nothing was written (${plan.problems.length} problem(s)):`);
      reportProblems(plan.problems);
      return 1;
    }
    printPlan(plan, args.dryRun);
    if (args.dryRun) {
      console.log('import: dry run, nothing was written');
      return 0;
    }
    const { changed } = await applyImport(store, plan, {
      by: os.userInfo().username,
      files: args.files.map((f) => path.basename(f)),
      ...(recordFile ? { recordFile } : {}),
      singleTransactionRecords: loadConfig().importTransactionRecords,
      onProgress: (done, total, what) => console.error(`import: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} (${what}, ${seconds()} s)`),
    });
    const c = await store.counts();
    const peak = (process.resourceUsage().maxRSS / 1024).toFixed(0);
    console.log(`import: ${changed} records written into the ${store.kind} store in ${seconds()} s (peak RSS ${peak} MiB); it now holds ${c.actors} actors and ${c.relationships} relationships`);
    return 0;
  } finally {
    await store.close();
  }
}

runMain('import', main);
