/**
 * `npm run bench -- scale [small|large] [uniform|hubs]`: seeded synthetic nexus graphs
 * (10k actors / 100k relationships and 100k / 1M; uniform and hub-heavy) imported with
 * `npm run import` (time and peak RSS of that process), opened as the server opens them, then
 * ≥ 200 random questions of each kind on the embedded store — and on Neo4j when NEO4J_URI is set
 * (its database is emptied and loaded by bulkLoad) — with graphology's bidirectional BFS on the
 * same pairs as the yardstick. Writes test-results/bench/scale.{json,md}. Asserts nothing.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../../server/app.js';
import { loadConfig } from '../../../server/config.js';
import { readRecordFile } from '../../../server/dataset/records-file.js';
import { EmbeddedStore } from '../../../server/store/embedded/adapter.js';
import type { GraphStore } from '../../../server/store/port.js';
import { neo4jTestConfig } from '../../helpers/neo4j.js';
import { endProgress, markdownTable, progress, summarise, writeReport, type Row } from '../stats.js';
import { writeImportFile, type SyntheticSpec } from './generate.js';
import { allSimple, diff, kShortest, neighbourhood, RUNS, shortest, SHORTEST_WITH_CITATIONS, snapshot, temporalShortest, workload, type Workload } from './workload.js';
import { yardstickGraph, yardstickShortest } from './yardstick.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CACHE = path.join(os.tmpdir(), 'nexus-scale-bench');

interface LoadRow extends Record<string, unknown> {
  graph: string;
  store: string;
  step: string;
  seconds: number;
  peakRssMiB: number | null;
}

interface QueryRow extends Row, Record<string, unknown> {
  graph: string;
  store: string;
  /** Answers cut by the 1.5 s budget (truncatedBy TIME). */
  timedOut?: number;
}

const label = (s: SyntheticSpec) => `${s.actors / 1000}k/${s.relationships >= 1e6 ? `${s.relationships / 1e6}M` : `${s.relationships / 1000}k`} ${s.shape}`;

function runNode(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_')));
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', ...args], { cwd: ROOT, env: { ...base, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    const last = d.trim().split('\n').at(-1);
    if (last) progress(last);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

async function importAndOpen(spec: SyntheticSpec, file: string, dataFile: string): Promise<LoadRow[]> {
  await rm(dataFile, { force: true });
  const imported = await runNode(['server/cli/import.ts', file], { DATA_FILE: dataFile });
  if (imported.code !== 0) throw new Error(`import failed:\n${imported.stderr}`);
  const peak = /peak RSS (\d+) MiB/.exec(imported.stdout)?.[1];
  const opened = await runNode(['tests/bench/scale/open-child.ts', dataFile], {});
  if (opened.code !== 0) throw new Error(`open failed:\n${opened.stderr}`);
  const open = JSON.parse(opened.stdout.trim().split('\n').at(-1) ?? '{}') as { openMs: number; peakRssMiB: number };
  return [
    { graph: label(spec), store: 'embedded', step: 'npm run import (validate, index, write data file)', seconds: imported.ms / 1000, peakRssMiB: peak ? Number(peak) : null },
    { graph: label(spec), store: 'embedded', step: 'server start (open data file)', seconds: open.openMs / 1000, peakRssMiB: open.peakRssMiB },
  ];
}

/** After this many answers cut by the time budget in a row, a kind stops early (its row says so). */
const GIVE_UP_AFTER = 20;
/**
 * Neo4j's questions are far slower than the embedded store's on these graphs: each kind runs
 * ≥ 200 questions or for this long, whichever ends first (its row gives the count).
 */
const NEO4J_KIND_MS = Number(process.env.BENCH_NEO4J_KIND_MS ?? 45_000);

async function queryRows(graph: string, storeName: string, store: GraphStore, w: Workload): Promise<QueryRow[]> {
  const kinds: Array<[string, (i: number) => Promise<object>]> = [
    ['SHORTEST ≤ 6 hops', (i) => store.paths(shortest(w.pairs[i]!))],
    ['K_SHORTEST k=5 ≤ 6 hops', (i) => store.paths(kShortest(w.pairs[i]!))],
    ['ALL_SIMPLE ≤ 4 hops, cap 1,000', (i) => store.paths(allSimple(w.pairs[i]!))],
    ['time-respecting ≤ 4 hops', (i) => store.paths(temporalShortest(w.pairs[i]!))],
    ['neighbourhood depth 2 (≤ 2,000 actors)', (i) => store.neighbourhood(neighbourhood(w.centres[i]!))],
    ['network at a year (cap 5,000)', (i) => store.snapshot(snapshot(w.years[i]!))],
    ['diff of two years', (i) => store.diff(diff(w.years[i]!))],
  ];
  const rows: QueryRow[] = [];
  for (const [name, fn] of kinds) {
    let timedOut = 0;
    let streak = 0;
    const samples: number[] = [];
    const deadline = storeName === 'neo4j' ? performance.now() + NEO4J_KIND_MS : Infinity;
    for (let i = 0; i < RUNS + 5 && streak < GIVE_UP_AFTER && performance.now() < deadline; i += 1) {
      const t0 = performance.now();
      const answer = await fn(i % RUNS);
      if (i < 5) continue; // warm-up
      samples.push(performance.now() - t0);
      const cut = (answer as { truncatedBy?: string | null }).truncatedBy === 'TIME';
      streak = cut ? streak + 1 : 0;
      if (cut) timedOut += 1;
      if (i % 20 === 0) progress(`scale ${graph} · ${storeName} · ${name} · ${i - 5}/${RUNS}`);
    }
    rows.push({ graph, store: storeName, ...summarise(name, samples), timedOut });
  }
  return rows;
}

async function httpRows(graph: string, storeName: string, store: GraphStore, w: Workload): Promise<QueryRow> {
  const config = loadConfig({ NODE_ENV: 'test' });
  const { app, stop } = await createApp({ store, config });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  try {
    const ask = async (i: number) => {
      const [from, to] = w.pairs[i % RUNS]!;
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SHORTEST_WITH_CITATIONS, variables: { from, to } }) });
      const body = (await res.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(`HTTP SHORTEST failed: ${JSON.stringify(body.errors)}`);
    };
    for (let i = 0; i < 5; i += 1) await ask(i);
    const deadline = storeName === 'neo4j' ? performance.now() + NEO4J_KIND_MS : Infinity;
    const samples: number[] = [];
    for (let i = 0; i < RUNS && performance.now() < deadline; i += 1) {
      const t0 = performance.now();
      await ask(i);
      samples.push(performance.now() - t0);
      if (i % 20 === 0) progress(`scale ${graph} · ${storeName} · HTTP SHORTEST · ${i}/${RUNS}`);
    }
    return { graph, store: storeName, ...summarise('SHORTEST ≤ 6 hops with citations, over HTTP', samples) };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stop();
  }
}

export interface ScaleReport {
  loads: LoadRow[];
  queries: QueryRow[];
  yardstick: Array<{ graph: string; graphologyP50: number; graphologyP95: number; embeddedP50: number; ratioP50: number; neo4jP50: number | null; sameLengths: boolean }>;
}

export async function runScaleBench(args: readonly string[]): Promise<ScaleReport> {
  const sizes = args.includes('small') ? [[10_000, 100_000]] : args.includes('large') ? [[100_000, 1_000_000]] : [[10_000, 100_000], [100_000, 1_000_000]];
  const shapes = (['uniform', 'hubs'] as const).filter((s) => !args.some((a) => a === 'uniform' || a === 'hubs') || args.includes(s));
  const neo = neo4jTestConfig();
  if (neo) console.error(`scale: NEO4J_URI is set — the database at ${neo.uri} will be emptied and loaded with synthetic graphs`);
  await mkdir(CACHE, { recursive: true });
  const report: ScaleReport = { loads: [], queries: [], yardstick: [] };
  for (const [actors, relationships] of sizes) {
    for (const shape of shapes) {
      const spec: SyntheticSpec = { actors: actors!, relationships: relationships!, shape, seed: 1 };
      const graph = label(spec);
      const file = path.join(CACHE, `${shape}-${actors}-${relationships}.ndjson`);
      if (!existsSync(file)) {
        progress(`scale ${graph} · generating ${file}`);
        await writeImportFile(file, spec);
      }
      const dataFile = path.join(CACHE, `${shape}-${actors}-${relationships}.data.json`);
      report.loads.push(...(await importAndOpen(spec, file, dataFile)));
      const w = workload(actors!);
      const store = await EmbeddedStore.open({ dataFile });
      const embedded = await queryRows(graph, 'embedded', store, w);
      report.queries.push(...embedded, await httpRows(graph, 'embedded', store, w));
      const lengths: Array<number | null> = [];
      for (const pair of w.pairs) lengths.push((await store.paths({ ...shortest(pair), limit: 1 })).paths[0]?.hops.length ?? null);
      await store.close();
      const { dataset } = await readRecordFile(file);

      progress(`scale ${graph} · graphology yardstick`);
      let yard = await yardstickShortest(yardstickGraph(dataset), w.pairs);
      let neo4jP50: number | null = null;
      if (neo) {
        const { openNeo4jStore } = await import('../../../server/store/neo4j/adapter.js');
        const n = await openNeo4jStore(neo);
        try {
          await n.clearAll();
          const started = performance.now();
          await n.bulkLoad(dataset, { onProgress: (done, total, what) => progress(`scale ${graph} · Neo4j bulk load · ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${what}`) });
          report.loads.push({ graph, store: 'neo4j', step: 'bulkLoad (UNWIND batches, derive)', seconds: (performance.now() - started) / 1000, peakRssMiB: null });
          const rows = await queryRows(graph, 'neo4j', n, w);
          report.queries.push(...rows, await httpRows(graph, 'neo4j', n, w));
          neo4jP50 = rows[0]!.p50;
          await n.clearAll();
        } finally {
          await n.close();
        }
      }
      // The yardstick again after the stores, so the ratio is not one noisy moment.
      const again = await yardstickShortest(yardstickGraph(dataset), w.pairs);
      const g = summarise('graphology', [...yard.samples, ...again.samples]);
      report.yardstick.push({ graph, graphologyP50: g.p50, graphologyP95: g.p95, embeddedP50: embedded[0]!.p50, ratioP50: embedded[0]!.p50 / g.p50, neo4jP50, sameLengths: lengths.every((l, i) => l === yard.lengths[i]) });
      yard = again;
    }
  }
  endProgress();
  return report;
}

export function scaleMarkdown(r: ScaleReport): string {
  const parts = [
    '## Load (`npm run import` and server start in their own processes)',
    markdownTable([['graph', 'graph'], ['store', 'store'], ['step', 'step'], ['seconds', 's'], ['peakRssMiB', 'peak RSS MiB']], r.loads),
    '## Questions (≥ 200 random each; ms)',
    markdownTable([['graph', 'graph'], ['store', 'store'], ['name', 'question'], ['runs', 'runs'], ['p50', 'p50'], ['p95', 'p95'], ['p99', 'p99'], ['max', 'max'], ['timedOut', 'cut by budget']], r.queries),
    '## Yardstick: graphology bidirectional BFS on the same pairs, same process',
    markdownTable([['graph', 'graph'], ['graphologyP50', 'graphology p50 ms'], ['graphologyP95', 'graphology p95 ms'], ['embeddedP50', 'embedded SHORTEST p50 ms'], ['ratioP50', 'embedded / graphology'], ['neo4jP50', 'Neo4j SHORTEST p50 ms'], ['sameLengths', 'same hop counts']], r.yardstick),
  ];
  return parts.join('\n\n');
}

if (process.argv[1]?.endsWith(path.join('scale', 'run.ts'))) {
  const report = await runScaleBench(process.argv.slice(2));
  const md = scaleMarkdown(report);
  console.log(md);
  console.log(`\nreport: ${await writeReport('scale', report, `# Scale bench (${new Date().toISOString()})\n\n${md}`)}`);
}
