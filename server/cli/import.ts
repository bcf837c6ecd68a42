/**
 * `npm run import -- <file> [--dry-run]`: bulk-load records into the configured store (the
 * embedded store's DATA_FILE, or Neo4j when NEO4J_URI is set). The file is a record file (one
 * `{"type": "actor", "data": {…}}` per line; see README "Import") or one seed-format JSON file. Every
 * record is validated and every reference checked before anything is written; problems are
 * reported by file, line and field. Progress goes to stderr; the counts and the time to stdout.
 */
import { readFile, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { readRecordFile } from '../dataset/records-file.js';
import { parseSeedFile } from '../dataset/load.js';
import { DomainError, SeedValidationError, type SeedProblem } from '../domain/errors.js';
import type { Dataset } from '../domain/schemas.js';
import { EmbeddedStore } from '../store/embedded/adapter.js';
import type { GraphStore } from '../store/port.js';

function report(problems: readonly SeedProblem[]): void {
  for (const p of problems) console.error(`  ${p.file} › ${p.record} › ${p.field}: ${p.reason}`);
}

async function readInput(file: string): Promise<{ dataset: Dataset; problems: SeedProblem[]; recordFile?: string }> {
  const info = await stat(file);
  // A seed-format file is one JSON object with a "source"; a record file has one record per line.
  if (info.size < 64 * 1024 * 1024) {
    const text = await readFile(file, 'utf8');
    if (/^\s*\{\s*"source"\s*:/.test(text)) {
      const parsed = parseSeedFile(path.basename(file), text);
      if (!parsed.file) return { dataset: { sources: [], actors: [], relationships: [], events: [], capacity: [], figures: [] }, problems: parsed.problems };
      const f = parsed.file;
      return { dataset: { sources: [f.source], actors: f.actors, relationships: f.relationships, events: f.events, capacity: f.capacity, figures: f.figures }, problems: [] };
    }
  }
  const started = performance.now();
  const result = await readRecordFile(file, { onProgress: (n) => console.error(`import: ${n.toLocaleString('en')} records read (${((performance.now() - started) / 1000).toFixed(1)} s)`) });
  return { dataset: result.dataset, problems: result.problems, recordFile: file };
}

async function main(argv: readonly string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('--'));
  const dryRun = argv.includes('--dry-run');
  if (!file) {
    console.error('usage: npm run import -- <file> [--dry-run]');
    return 2;
  }
  const started = performance.now();
  const { dataset, problems, recordFile } = await readInput(path.resolve(file));
  if (problems.length > 0) {
    console.error(`import: ${file} is refused, nothing was written:`);
    report(problems);
    return 1;
  }
  const counts = `${dataset.sources.length} sources, ${dataset.actors.length} actors, ${dataset.relationships.length} relationships, ${dataset.events.length} events, ${dataset.capacity.length} capacity ratings, ${dataset.figures.length} figures`;
  console.log(`import: ${counts} valid (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (dryRun) return 0;
  const config = loadConfig();
  let store: GraphStore;
  if (config.neo4j) {
    const { openNeo4jStore } = await import('../store/neo4j/adapter.js');
    store = await openNeo4jStore(config.neo4j);
  } else store = await EmbeddedStore.open({ dataFile: config.dataFile });
  try {
    const { changed } = await store.bulkLoad(dataset, {
      ...(recordFile ? { recordFile } : {}),
      onProgress: (done, total, what) => console.error(`import: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} (${what}, ${((performance.now() - started) / 1000).toFixed(1)} s)`),
    });
    const c = await store.counts();
    const peak = (process.resourceUsage().maxRSS / 1024).toFixed(0);
    console.log(`import: ${changed} records written into the ${store.kind} store in ${((performance.now() - started) / 1000).toFixed(1)} s (peak RSS ${peak} MiB); it now holds ${c.actors} actors and ${c.relationships} relationships`);
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof SeedValidationError) {
      console.error('import: refused, nothing was written:');
      report(e.problems);
    } else console.error(e instanceof DomainError ? e.message : e);
    process.exit(1);
  },
);
