/**
 * Explorer benchmark: builds tests/bench/page (the real graph module + a synthetic graph) with Vite,
 * serves it locally, and in headless Chromium measures the first layout, time-slider steps and
 * viewport frame times on 2,000 and 5,000 elements. Prints a table; asserts nothing.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasChromium, launchBrowser, skipReason } from '../e2e/browser.js';
import type { BenchResult } from './page/main.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(HERE, '../../test-results/bench-page');

export interface ExplorerBenchRow {
  elements: number;
  nodes: number;
  edges: number;
  layoutMs: number;
  stepMedian: number;
  stepP95: number;
  stepFrameMedian: number;
  stepFrameP95: number;
  filterMedian: number;
  panFrameMedian: number;
  panFrameP95: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

async function buildPage(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: false, root: path.join(HERE, 'page'), base: './', logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true, chunkSizeWarningLimit: 2000 } });
}

function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').split('?')[0]!).replace(/^\/+/, '') || 'index.html';
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export interface FirstDraw {
  /** Navigation start → the graph drawn and the page ready (window.__nexus.ready), per load. */
  readyMs: number[];
  /** Of which the in-page layout. */
  layoutMs: number[];
}

/** The real explorer on the sourced dataset (the app in-process, as `npm start` serves it): first draw, 5 loads. */
export async function firstDrawOnSourcedData(loads = 5): Promise<FirstDraw | null> {
  if (!hasChromium) return null;
  const { startTestServer } = await import('../helpers/server.js');
  const server = await startTestServer({ buildClient: true });
  const browser = await launchBrowser();
  const out: FirstDraw = { readyMs: [], layoutMs: [] };
  try {
    for (let i = 0; i < loads + 1; i += 1) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => window.__nexus?.ready === true, null, { timeout: 60_000 });
      const t = await page.evaluate(() => ({ ready: performance.now(), layout: window.__nexus!.layoutMs }));
      if (i > 0) {
        // the first load warms the server and the browser's caches up
        out.readyMs.push(t.ready);
        out.layoutMs.push(t.layout);
      }
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

export function printFirstDraw(d: FirstDraw): void {
  console.log(`\nExplorer on the sourced dataset: navigation → graph drawn p50 ${quantile(d.readyMs, 0.5).toFixed(0)} ms (max ${Math.max(...d.readyMs).toFixed(0)}), of which the in-page layout p50 ${quantile(d.layoutMs, 0.5).toFixed(0)} ms, ${d.readyMs.length} loads. Target: ≤ 1,500 ms.`);
}

export async function runExplorerBench(sizes: number[] = [2000, 5000]): Promise<ExplorerBenchRow[] | null> {
  if (!hasChromium) {
    console.warn(`[bench] explorer ${skipReason}`);
    return null;
  }
  await buildPage();
  const server = await serve(OUT);
  const browser = await launchBrowser();
  try {
    const rows: ExplorerBenchRow[] = [];
    for (const elements of sizes) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`);
      await page.waitForFunction(() => window.__bench !== undefined);
      const r: BenchResult = await page.evaluate((n) => window.__bench!.run(n), elements);
      rows.push({
        elements,
        nodes: r.nodes,
        edges: r.edges,
        layoutMs: r.layoutMs,
        stepMedian: quantile(r.stepMs, 0.5),
        stepP95: quantile(r.stepMs, 0.95),
        stepFrameMedian: quantile(r.stepFrameMs, 0.5),
        stepFrameP95: quantile(r.stepFrameMs, 0.95),
        filterMedian: quantile(r.filterMs, 0.5),
        panFrameMedian: quantile(r.panFrameMs, 0.5),
        panFrameP95: quantile(r.panFrameMs, 0.95),
      });
      await page.close();
    }
    return rows;
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export function printExplorerRows(rows: ExplorerBenchRow[]): void {
  const f = (n: number) => n.toFixed(1);
  console.log('\nExplorer (headless Chromium, software rendering, synthetic graph; ms)');
  console.log('| elements | nodes | edges | first layout | step p50 | step p95 | step+paint p50 | step+paint p95 | filter p50 | pan/zoom frame p50 | pan/zoom frame p95 |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.elements} | ${r.nodes} | ${r.edges} | ${f(r.layoutMs)} | ${f(r.stepMedian)} | ${f(r.stepP95)} | ${f(r.stepFrameMedian)} | ${f(r.stepFrameP95)} | ${f(r.filterMedian)} | ${f(r.panFrameMedian)} | ${f(r.panFrameP95)} |`,
    );
  }
  console.log(
    'step = one year\'s show/hide + restyle (synchronous, what blocks the slider); step+paint = until the next animation frame (includes the ~16.7 ms vsync wait); filter = computing the visible set. Targets: step ≤ 16 ms at 2,000 elements and ≤ 33 ms at 5,000; first layout ≤ 1 s at 2,000.',
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = await runExplorerBench();
  if (rows) printExplorerRows(rows);
}
