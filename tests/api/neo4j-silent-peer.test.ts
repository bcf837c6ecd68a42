/**
 * The server process started against a "Neo4j" that accepts TCP and never answers (a bare socket
 * server, no Neo4j needed): with the default NEO4J_TIMEOUT_MS (5 s) it gives up on the first
 * attempt within the timeout, listens with /readyz 503 and STORE_UNAVAILABLE, keeps retrying with
 * backoff, and exits on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const sockets = new Set<Socket>();
const silent = createServer((s) => {
  sockets.add(s);
  s.resume();
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

async function listening(server: ReturnType<typeof createServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

describe('Neo4j that accepts TCP and never answers', () => {
  it('startup gives up within the timeout, serves with /readyz 503, and keeps retrying', async () => {
    const peer = await listening(silent);
    const probe = createServer();
    const port = await listening(probe);
    await new Promise((resolve) => probe.close(resolve));
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_')));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', NEO4J_URI: `bolt://127.0.0.1:${peer}`, NEO4J_RETRY_MAX_MS: '1000', REQUEST_LOG: 'off' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await expect.poll(() => out, { timeout: 30_000, interval: 100 }).toMatch(/ready in \d+ ms/);
      expect(out).toMatch(/\[neo4j\] Neo4j at bolt:\/\/127\.0\.0\.1:\d+ is not reachable yet \(.*\); retrying with backoff; serving with \/readyz false/);
      const readyIn = Number(/ready in (\d+) ms/.exec(out)![1]);
      expect(readyIn).toBeLessThan(15_000); // the default 5 s timeout, not the driver's minute
      const readyz = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(readyz.status).toBe(503);
      expect(((await readyz.json()) as { ready: boolean; error: string }).error).toMatch(/not reachable yet/);
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' }) });
      expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('STORE_UNAVAILABLE');
      const attempts = sockets.size;
      await expect.poll(() => sockets.size, { timeout: 30_000, interval: 200 }).toBeGreaterThan(attempts);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 90_000);
});
