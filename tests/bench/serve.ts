/**
 * `npm run bench -- serve [--duration S]`: the server as `npm start` runs it (its own process,
 * embedded store, sourced dataset), loaded by autocannon from this process on loopback with the
 * explorer's own queries: SHORTEST paths with citations and network(at) at 50 connections; a
 * cheap query while four clients send the most expensive queries the limits allow; documents
 * the server must reject. Reports req/s, latency percentiles and both processes' CPU.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { NexusApi } from '../../client/src/api/queries.js';
import { markdownTable, progress, endProgress } from './stats.js';
import { SOURCED_PAIRS } from './api.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The explorer's request body for one of its API calls (captured, not copied). */
async function explorerBody(call: (api: NexusApi) => Promise<unknown>): Promise<string> {
  let body = '';
  const api = new NexusApi(async <T,>(query: string, variables?: Record<string, unknown>) => {
    body = JSON.stringify({ query, variables });
    return { network: null, paths: null, diff: null } as T;
  });
  await call(api).catch(() => undefined);
  return body;
}


function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startServer(port: number, dataFile: string): Promise<ChildProcess> {
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_'))), PORT: String(port), HOST: '127.0.0.1', DATA_FILE: dataFile, NODE_ENV: 'production',
    // Every autocannon connection comes from one address: the per-client limits and the request log would measure themselves.
    CLIENT_RATE_PER_MIN: '0', CLIENT_CONCURRENCY: '0', REQUEST_LOG: 'off' };
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', 'server/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => d.includes('ready in') && resolve());
  });
  return child;
}

/** CPU seconds (user + system) a process has used, from /proc. */
async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export interface ServeRow extends Record<string, unknown> {
  scenario: string;
  connections: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  serverCpu: number;
  loaderCpu: number;
}

type Cannon = autocannon.Result;

function cannon(url: string, connections: number, duration: number, bodies: string[], title: string): Promise<Cannon> {
  return new Promise((resolve, reject) => {
    let n = 0;
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        connections,
        duration,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: bodies.map((body) => ({ method: 'POST', body })),
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('response', () => {
      n += 1;
      if (n % 2000 === 0) progress(`serve · ${title} · ${n.toLocaleString('en')} responses`);
    });
  });
}

export interface ServeReport {
  durationS: number;
  rows: ServeRow[];
  checks: string[];
}

export async function runServeBench(args: readonly string[]): Promise<ServeReport> {
  const at = args.indexOf('--duration');
  const duration = at >= 0 ? Number(args[at + 1]) : 30;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-serve-'));
  const port = await freePort();
  const server = await startServer(port, path.join(dir, 'nexus.json'));
  const url = `http://127.0.0.1:${port}`;
  try {
    return await measureAll(url, server, duration);
  } finally {
    endProgress();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await rm(dir, { recursive: true, force: true });
  }
}

async function measureAll(url: string, server: ChildProcess, duration: number): Promise<ServeReport> {
  const pathsBodies = await Promise.all(SOURCED_PAIRS.map(([from, to]) => explorerBody((api) => api.paths({ from, to, mode: 'SHORTEST', maxHops: 6 } as never))));
  const networkBodies = await Promise.all(Array.from({ length: 25 }, (_, i) => explorerBody((api) => api.network({ at: 1991 + i }))));
  /** The most expensive form of each question the limits allow: the largest limit the server accepts. */
  const expensiveTemplates: Array<(limit: number) => Promise<string>> = [
    (limit) => explorerBody((api) => api.paths({ from: 'imu', to: 'taliban', mode: 'ALL_SIMPLE', maxHops: 6, limit } as never)),
    (limit) => explorerBody((api) => api.network({ limit })),
    async (limit) => JSON.stringify({ query: `query { neighbourhood(id: "imu", depth: 3, limit: ${limit}) { nodes { id name kind lifespan { label } } edges { id type confidence validity { label } source { id } target { id } citations { quote source { title } } } } }` }),
    async (limit) => JSON.stringify({ query: `query { diff(fromYear: 1990, toYear: 2015, limit: ${limit}) { added { id typeLabel validity { label } source { id name } target { id name } citations { quote source { title } } } ended { id } changedStage { a { id } b { id } fromStages toStages } } }` }),
  ];
  const accepted = async (body: string) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return !((await res.json()) as { errors?: unknown[] }).errors;
  };
  const expensive: string[] = [];
  for (const template of expensiveTemplates) {
    let [lo, hi] = [1, 20_000];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (await accepted(await template(mid))) lo = mid;
      else hi = mid - 1;
    }
    expensive.push(await template(lo));
  }
  const cheap = [JSON.stringify({ query: 'query { actor(id: "imu") { id name kind } }' })];
  const rejected = [
    JSON.stringify({ query: `query { ${Array.from({ length: 29 }, (_, i) => `a${i}: network { nodes { id name aliases lifespan { label from { readings { citation { quote source { title } } } } } } edges { id claims { citation { quote } } } }`).join(' ')} }` }),
    JSON.stringify({ query: `query { actor(id: "imu") { ${'relationships { source { '.repeat(12)}id${' } }'.repeat(12)} } }` }),
    JSON.stringify({ query: `query { ${Array.from({ length: 700 }, (_, i) => `f${i}: vocabularyVersion`).join(' ')} }` }),
  ];
  const checks: string[] = [];
  for (const [name, bodies, wantErrors] of [['paths', pathsBodies, false], ['network', networkBodies, false], ['expensive', expensive, false], ['rejected', rejected, true]] as const) {
    for (const body of bodies) {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const json = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      const failed = Boolean(json.errors?.length);
      if (failed !== wantErrors) throw new Error(`serve: a ${name} request ${wantErrors ? 'was accepted' : 'failed'}: ${JSON.stringify(json).slice(0, 400)}`);
      if (wantErrors) checks.push(`rejected with ${res.status} ${json.errors?.[0]?.extensions?.code}`);
    }
  }
  const rows: ServeRow[] = [];
  const measure = async (scenario: string, connections: number, run: () => Promise<Cannon>) => {
    const s0 = await cpuSeconds(server.pid!);
    const l0 = process.cpuUsage();
    const started = process.hrtime.bigint();
    const r = await run();
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    const l = process.cpuUsage(l0);
    rows.push({
      scenario,
      connections,
      reqPerSec: Math.round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      serverCpu: Math.round((100 * ((await cpuSeconds(server.pid!)) - s0)) / wall),
      loaderCpu: Math.round((100 * (l.user + l.system)) / 1e6 / wall),
    });
  };
  {
    await measure('paths SHORTEST ≤ 6 hops with citations (explorer query)', 50, () => cannon(url, 50, duration, pathsBodies, 'paths'));
    await measure('network(at: year) (explorer query, 1991–2015)', 50, () => cannon(url, 50, duration, networkBodies, 'network'));
    const heavy = cannon(url, 4, duration, expensive, 'expensive');
    await measure('cheap actor query while 4 clients send the most expensive queries', 1, () => cannon(url, 1, duration, cheap, 'cheap'));
    const h = await heavy;
    rows.push({ scenario: '… the 4 expensive clients meanwhile', connections: 4, reqPerSec: Math.round(h.requests.average), p50: h.latency.p50, p99: h.latency.p99, non2xx: h.non2xx, errors: h.errors + h.timeouts, serverCpu: NaN, loaderCpu: NaN });
    await measure('documents refused by validation (cost, depth, fields), one at a time', 1, () => cannon(url, 1, Math.max(5, Math.round(duration / 3)), rejected, 'rejected'));
    await measure('documents refused by validation, 10 clients at once', 10, () => cannon(url, 10, Math.max(5, Math.round(duration / 3)), rejected, 'rejected'));
  }
  return { durationS: duration, rows, checks };
}

export function serveMarkdown(r: ServeReport): string {
  return [
    `## Serving the sourced dataset (autocannon, ${r.durationS} s per scenario; CPU in % of one core)`,
    markdownTable(
      [['scenario', 'scenario'], ['connections', 'conns'], ['reqPerSec', 'req/s'], ['p50', 'p50 ms'], ['p99', 'p99 ms'], ['non2xx', 'non-2xx'], ['errors', 'errors'], ['serverCpu', 'server CPU %'], ['loaderCpu', 'autocannon CPU %']],
      r.rows,
    ),
    `Refused documents answered: ${[...new Set(r.checks)].join('; ')}.`,
  ].join('\n\n');
}
