/**
 * The server process as users run it: starts with no configuration beyond a port, serves, and
 * exits cleanly on SIGTERM — answering every request in flight first (up to DRAIN_MS) while
 * refusing new connections; a bad environment variable stops it with the variable named.
 */
import { request } from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, startServer } from '../helpers/process.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('nexus-proc-');

describe('the server process', () => {
  it('serves the sourced dataset and closes cleanly on SIGTERM', async () => {
    const dir = await tempDir();
    const port = await freePort();
    const proc = startServer({ PORT: String(port), HOST: '127.0.0.1', DATA_FILE: path.join(dir, 'nexus.json') });
    await expect.poll(() => proc.output(), { timeout: 30_000, interval: 200 }).toMatch(/ready in \d+ ms/);
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { store: string; counts: { actors: number } };
    expect(health.store).toBe('embedded');
    expect(health.counts.actors).toBeGreaterThan(100);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toMatch(/SIGTERM: closing/);
  }, 40_000);

  /** Start a test-mode server whose /graphql requests are held `delayMs` (the test hook), and put `n` requests in flight. */
  async function serverWithRequestsInFlight(n: number, env: Record<string, string>) {
    const dir = await tempDir();
    const port = await freePort();
    const proc = startServer({ PORT: String(port), HOST: '127.0.0.1', DATA_FILE: path.join(dir, 'nexus.json'), NODE_ENV: 'test', ...env });
    await expect.poll(() => proc.output(), { timeout: 30_000, interval: 100 }).toMatch(/ready in \d+ ms/);
    const url = `http://127.0.0.1:${port}`;
    const requests = Array.from({ length: n }, (_, i) =>
      fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `query Slow${i} { sources { id } }` }) }).then(
        async (res) => ({ status: res.status, sources: ((await res.json()) as { data?: { sources: unknown[] } }).data?.sources.length }),
        (e: unknown) => ({ status: 0, error: String(e) }),
      ),
    );
    const inFlight = async () => ((await (await fetch(`${url}/healthz`)).json()) as { requestsInFlight: number }).requestsInFlight;
    await expect.poll(inFlight, { timeout: 20_000, interval: 50 }).toBe(n);
    return { proc, port, requests };
  }

  /** A request on a new connection: answered, or refused because the server no longer accepts. */
  const freshConnection = (port: number) =>
    new Promise<string>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
        res.resume();
        resolve('answered');
      });
      req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      req.end();
    });

  it('SIGTERM with 20 requests in flight answers all 20, refuses new connections, then exits 0', async () => {
    const { proc, port, requests } = await serverWithRequestsInFlight(20, { TEST_REQUEST_DELAY_MS: '8000', DRAIN_MS: '30000', CLIENT_CONCURRENCY: '50' });
    proc.child.kill('SIGTERM');
    await expect.poll(() => proc.output(), { timeout: 10_000, interval: 20 }).toMatch(/SIGTERM: closing: no new connections; 20 request\(s\) in flight/);
    expect(await freshConnection(port)).toBe('ECONNREFUSED');
    const answers = await Promise.all(requests);
    expect(answers).toEqual(Array.from({ length: 20 }, () => ({ status: 200, sources: 5 })));
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toMatch(/SIGTERM: every request answered/);
  }, 60_000);

  it('requests still running after DRAIN_MS are cut and the process exits 1, saying so', async () => {
    const { proc, requests } = await serverWithRequestsInFlight(3, { TEST_REQUEST_DELAY_MS: '60000', DRAIN_MS: '300' });
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toMatch(/SIGTERM: drain time over, 3 request\(s\) cut/);
    expect((await Promise.all(requests)).map((r) => r.status)).toEqual([0, 0, 0]);
  }, 60_000);

  it('refuses a bad environment variable, naming it', async () => {
    const proc = startServer({ PORT: 'not-a-port' });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toMatch(/invalid configuration:\s+PORT:/);
  }, 40_000);
});
