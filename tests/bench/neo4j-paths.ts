/**
 * `npm run bench -- paths`: the Neo4j path questions that enumerate simple paths (time-respecting
 * ones of every mode, and ALL_SIMPLE) on the differential test's 10k-actor graph and on the sourced
 * dataset, answered by cypher/paths-simple.cypher (met in the middle) and, in the same process
 * against the same database, by the reference formulation in tests/bench/reference/ (every
 * full-length walk from the start). Each reference answer is cut off at REFERENCE_BUDGET_MS (a
 * cut-off counts as that time). EMPTIES the database at NEO4J_URI.
 */
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSeedDir } from '../../server/dataset/load.js';
import { RELATIONSHIP_TYPES } from '../../server/domain/vocabulary.js';
import { EmbeddedStore } from '../../server/store/embedded/adapter.js';
import { openNeo4jStore, type Neo4jStore } from '../../server/store/neo4j/adapter.js';
import { DEFAULT_CYPHER_DIR } from '../../server/store/neo4j/queries.js';
import type { PathQuery } from '../../server/store/port.js';
import { differentialDataset, differentialQuestions, storedRelationships } from '../differential/cases.js';
import { ReferenceGraph } from '../differential/reference.js';
import { neo4jTestConfig } from '../helpers/neo4j.js';
import { endProgress, markdownTable, progress, summarise } from './stats.js';

const REFERENCE_BUDGET_MS = 10_000;

export interface PathsBenchRow {
  graph: string;
  questions: number;
  currentP50: number;
  currentP95: number;
  currentMax: number;
  referenceP50: number;
  referenceP95: number;
  referenceCutOff: number;
  ratioP50: number;
}

/** A copy of cypher/ with the reference paths-simple.cypher in place of the current one. */
async function referenceCypherDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-cypher-reference-'));
  for (const f of await readdir(DEFAULT_CYPHER_DIR)) await copyFile(path.join(DEFAULT_CYPHER_DIR, f), path.join(dir, f));
  await copyFile(path.resolve(import.meta.dirname, 'reference/paths-simple-full-walk.cypher'), path.join(dir, 'paths-simple.cypher'));
  return dir;
}

async function compare(graph: string, questions: PathQuery[], current: Neo4jStore, reference: Neo4jStore): Promise<PathsBenchRow> {
  const now: number[] = [];
  const before: number[] = [];
  let cutOff = 0;
  for (const [i, q] of [...questions, ...questions.slice(0, 3)].entries()) {
    const t0 = performance.now();
    await current.paths(q);
    const t1 = performance.now();
    const old = await reference.paths({ ...q, budgetMs: REFERENCE_BUDGET_MS });
    const t2 = performance.now();
    if (i < 3) continue; // the first three again at the end: plans compiled, warm caches
    now.push(t1 - t0);
    before.push(old.truncatedBy === 'TIME' ? REFERENCE_BUDGET_MS : t2 - t1);
    if (old.truncatedBy === 'TIME') cutOff += 1;
    progress(`paths ${graph}: ${i + 1}/${questions.length + 3}`);
  }
  endProgress();
  const a = summarise('current', now);
  const b = summarise('reference', before);
  return { graph, questions: now.length, currentP50: a.p50, currentP95: a.p95, currentMax: a.max, referenceP50: b.p50, referenceP95: b.p95, referenceCutOff: cutOff, ratioP50: b.p50 / a.p50 };
}

export async function runPathsBench(): Promise<{ rows: PathsBenchRow[] } | null> {
  const config = neo4jTestConfig();
  if (!config) {
    console.error('paths: set NEO4J_URI (npm run neo4j:start) to run this suite; it empties that database');
    return null;
  }
  const dir = await referenceCypherDir();
  const current = await openNeo4jStore(config);
  const reference = await openNeo4jStore(config, { cypherDir: dir });
  try {
    const rows: PathsBenchRow[] = [];
    const dataset = differentialDataset();
    await current.clearAll();
    await current.bulkLoad(dataset);
    const embedded = await EmbeddedStore.open({ dataFile: null });
    await embedded.bulkLoad(dataset);
    const ids = dataset.actors.map((a) => a.id);
    const all = differentialQuestions(new ReferenceGraph(ids, await storedRelationships(embedded)), ids);
    rows.push(await compare('10k actors / 24k relationships (differential)', all.filter((q) => q.temporal !== null || q.mode === 'ALL_SIMPLE').slice(0, 200), current, reference));
    await current.clearAll();
    await current.bulkLoad(await loadSeedDir());
    const sourced: PathQuery[] = [4, 5, 6].flatMap((maxHops) =>
      (['ALL_SIMPLE', 'SHORTEST'] as const).map((mode) => ({ from: 'iju', to: 'drug-trafficking-networks-central-asia', mode, k: 3, maxHops, filter: { types: [...RELATIONSHIP_TYPES] }, temporal: { maxGapDays: null }, direction: 'ANY' as const, excludeActors: [], limit: 200, budgetMs: 60_000 })),
    );
    rows.push(await compare('sourced dataset, IJU → trafficking networks, every type, 4–6 hops', sourced, current, reference));
    await current.clearAll();
    return { rows };
  } finally {
    await Promise.all([current.close(), reference.close()]);
    await rm(dir, { recursive: true, force: true });
  }
}

export function pathsMarkdown(report: { rows: PathsBenchRow[] } | null): string {
  if (!report) return '';
  return `## Neo4j simple-path questions: met in the middle vs every full-length walk (reference cut off at ${REFERENCE_BUDGET_MS / 1000} s)\n\n${markdownTable(
    [
      ['graph', 'graph'],
      ['questions', 'questions'],
      ['currentP50', 'current p50 ms'],
      ['currentP95', 'current p95 ms'],
      ['currentMax', 'current max ms'],
      ['referenceP50', 'reference p50 ms'],
      ['referenceP95', 'reference p95 ms'],
      ['referenceCutOff', 'reference cut off'],
      ['ratioP50', 'reference / current (p50)'],
    ],
    report.rows as unknown as Array<Record<string, unknown>>,
  )}\n`;
}
