/**
 * The server process as users run it: starts with no configuration beyond a port, serves, and
 * exits cleanly on SIGTERM; a bad environment variable stops it with the variable named.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/** The environment of a user's shell, without a Neo4j the test run may have configured (this is the embedded store's start). */
function userEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('NEO4J_')) delete env[key];
  return env;
}

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { cwd: ROOT, env: { ...userEnv(), NODE_ENV: 'production', ...env } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

describe('the server process', () => {
  it('serves the sourced dataset and closes cleanly on SIGTERM', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-proc-'));
    temps.push(dir);
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

  it('refuses a bad environment variable, naming it', async () => {
    const proc = startServer({ PORT: 'not-a-port' });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toMatch(/invalid configuration:\s+PORT:/);
  }, 40_000);
});
