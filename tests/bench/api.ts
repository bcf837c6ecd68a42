/**
 * API benchmark: p50/p95 latency of `paths` and `network` over real HTTP on the sourced dataset,
 * and of the path service on a synthetic graph (5,000 actors, 20,000 relationships) to show how
 * it scales. Prints a table; never asserts timings (they belong here, not in tests).
 */
import { performance } from 'node:perf_hooks';
import { EmbeddedStore } from '../../server/store/embedded/adapter.js';
import { findPaths } from '../../server/services/paths.js';
import { yearRange } from '../../server/domain/time.js';
import type { Dataset } from '../../server/domain/schemas.js';
import { RELATIONSHIP_TYPES, CONFIDENCE_GRADES, ACTOR_KINDS } from '../../server/domain/vocabulary.js';
import { gql, startTestServer } from '../helpers/server.js';
import { seededRandom } from '../../client/src/model/random.js';

export interface BenchRow {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

function summarise(name: string, samples: number[]): BenchRow {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { name, runs: s.length, p50: at(0.5), p95: at(0.95), max: s.at(-1) ?? NaN };
}

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i += 1) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

const PATH_QUERIES: Array<[string, string]> = [
  ['jund-al-khilafah', 'al-qaeda'],
  ['imu', 'osh-drug-barons'],
  ['iju', 'taliban'],
  ['tajik-dca', 'imu'],
  ['hizb-ut-tahrir', 'taliban'],
];

async function httpBench(): Promise<BenchRow[]> {
  const server = await startTestServer();
  try {
    const rows: BenchRow[] = [];
    const pathQuery = (mode: string, maxHops: number) =>
      `query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, mode: ${mode}, k: 5, maxHops: ${maxHops}) { truncated paths { length hops { relationship { id typeLabel confidence interval { label } citations { quote source { title } } } } } } }`;
    const pick = (i: number) => PATH_QUERIES[i % PATH_QUERIES.length]!;
    rows.push(summarise('paths SHORTEST maxHops 4 (HTTP)', await time(200, (i) => gql(server.url, pathQuery('SHORTEST', 4), { from: pick(i)[0], to: pick(i)[1] }))));
    rows.push(summarise('paths K_SHORTEST k=5 maxHops 4 (HTTP)', await time(200, (i) => gql(server.url, pathQuery('K_SHORTEST', 4), { from: pick(i)[0], to: pick(i)[1] }))));
    rows.push(summarise('paths ALL_SIMPLE maxHops 3 (HTTP)', await time(100, (i) => gql(server.url, pathQuery('ALL_SIMPLE', 3), { from: pick(i)[0], to: pick(i)[1] }))));
    const networkQuery = 'query ($at: Int) { network(at: $at) { truncated nodes { id name kind } edges { id type confidence source { id } target { id } interval { from to } } } }';
    rows.push(summarise('network(at: year) (HTTP)', await time(200, (i) => gql(server.url, networkQuery, { at: 1991 + (i % 25) }))));
    rows.push(summarise('network (all years) (HTTP)', await time(100, () => gql(server.url, 'query { network { nodes { id name kind } edges { id type source { id } target { id } interval { from to } } } }'))));
    return rows;
  } finally {
    await server.close();
  }
}

/** A deterministic synthetic graph: `actors` actors, `rels` relationships with dates and grades. */
export function syntheticDataset(actors: number, rels: number): Dataset {
  const rand = seededRandom(42);
  const cite = [{ source: 'synthetic', quote: 'synthetic benchmark data' }];
  const ds: Dataset = { sources: [{ id: 'synthetic', title: 'Synthetic', authors: [], year: null, file: 'none' }], actors: [], relationships: [], events: [], capacity: [], figures: [] };
  const groupKinds = ACTOR_KINDS.filter((k) => !['region', 'route', 'state'].includes(k) && k !== 'official' && k !== 'person' && k !== 'state_agency' && k !== 'military_force' && k !== 'international_organisation');
  for (let i = 0; i < actors; i += 1) {
    ds.actors.push({ id: `a${i}`, name: `Actor ${i}`, aliases: [], kind: groupKinds[i % groupKinds.length]!, country: null, description: '', active: null, nameCollision: null, citations: cite });
  }
  const types = RELATIONSHIP_TYPES.filter((t) => !['operates_in', 'traffics_through', 'leads', 'designated_by'].includes(t));
  for (let i = 0; i < rels; i += 1) {
    const s = Math.floor(rand() * actors);
    let t = Math.floor(rand() * actors);
    if (t === s) t = (t + 1) % actors;
    const from = 1990 + Math.floor(rand() * 25);
    const to = rand() < 0.3 ? null : from + Math.floor(rand() * 10);
    ds.relationships.push({
      id: `r${i}`, source: `a${s}`, target: `a${t}`, type: types[i % types.length]!, interval: { from: String(from), to: to === null ? null : String(to) },
      confidence: CONFIDENCE_GRADES[i % CONFIDENCE_GRADES.length]!, description: '', stageNote: null, citations: cite,
    });
  }
  return ds;
}

async function syntheticBench(): Promise<BenchRow[]> {
  const store = await EmbeddedStore.open({ dataFile: null });
  await store.upsert(syntheticDataset(5000, 20000));
  const base = { mode: 'SHORTEST' as const, k: 5, filter: {}, timeRespecting: false, direction: 'ANY' as const, excludeActors: [], limit: 25, budgetMs: 2000 };
  const pair = (i: number) => ({ from: `a${(i * 7919) % 5000}`, to: `a${(i * 104729 + 1) % 5000}` });
  const rows = [
    summarise('synthetic 5k/20k: paths SHORTEST maxHops 6', await time(100, (i) => findPaths(store, { ...base, ...pair(i), maxHops: 6 }))),
    summarise('synthetic 5k/20k: paths K_SHORTEST k=5 maxHops 4, at 2005', await time(100, (i) => findPaths(store, { ...base, ...pair(i), mode: 'K_SHORTEST', maxHops: 4, filter: { window: yearRange(2005) } }))),
    summarise('synthetic 5k/20k: snapshot at a year', await time(100, (i) => store.snapshot({ window: yearRange(1990 + (i % 30)), limit: 20000 }))),
  ];
  await store.close();
  return rows;
}

export async function runApiBench(): Promise<BenchRow[]> {
  return [...(await httpBench()), ...(await syntheticBench())];
}

export function printRows(title: string, rows: BenchRow[]): void {
  console.log(`\n${title}`);
  console.log('| benchmark | runs | p50 ms | p95 ms | max ms |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.name} | ${r.runs} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.max.toFixed(2)} |`);
}

if (process.argv[1]?.endsWith('api.ts')) {
  printRows('API (embedded store, sourced dataset)', await runApiBench());
}
