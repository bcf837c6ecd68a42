/**
 * What every benchmark shares: timing samples into p50/p95/p99 rows, a progress line on stderr,
 * Markdown tables, and the JSON + Markdown report files under test-results/bench/. Benchmarks
 * measure and report; they never assert timings.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const REPORT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results/bench');

export interface Row {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

export function summarise(name: string, samples: readonly number[]): Row {
  const s = [...samples].sort((a, b) => a - b);
  return { name, runs: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), max: s.at(-1) ?? NaN };
}

/** Time `fn(i)` for i in 0..runs-1 after a few warm-up calls; milliseconds per call. */
export async function timeRuns(runs: number, fn: (i: number) => unknown, warmup = 5, onStep?: (i: number) => void): Promise<number[]> {
  for (let i = 0; i < Math.min(warmup, runs); i += 1) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
    onStep?.(i);
  }
  return out;
}

/** One line on stderr that rewrites itself (a plain line when stderr is not a terminal). */
export function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${text}`);
  else process.stderr.write(`${text}\n`);
}

export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
}

const fmt = (v: unknown): string => (typeof v === 'number' ? (Number.isInteger(v) ? v.toLocaleString('en') : v < 10 ? v.toFixed(2) : v.toFixed(1)) : String(v ?? ''));

export function markdownTable(columns: ReadonlyArray<[key: string, title: string]>, rows: ReadonlyArray<Record<string, unknown>>): string {
  const right = (k: string) => rows.some((r) => typeof r[k] === 'number');
  const head = `| ${columns.map(([, t]) => t).join(' | ')} |`;
  const rule = `| ${columns.map(([k]) => (right(k) ? '---:' : '---')).join(' | ')} |`;
  const body = rows.map((r) => `| ${columns.map(([k]) => fmt(r[k])).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

export const LATENCY_COLUMNS: ReadonlyArray<[string, string]> = [
  ['name', 'benchmark'],
  ['runs', 'runs'],
  ['p50', 'p50 ms'],
  ['p95', 'p95 ms'],
  ['p99', 'p99 ms'],
  ['max', 'max ms'],
];

/** Write `<name>.json` and `<name>.md` into test-results/bench; returns the Markdown path. */
export async function writeReport(name: string, data: unknown, markdown: string): Promise<string> {
  await mkdir(REPORT_DIR, { recursive: true });
  await writeFile(path.join(REPORT_DIR, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
  const md = path.join(REPORT_DIR, `${name}.md`);
  await writeFile(md, `${markdown}\n`);
  return md;
}

export const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);
