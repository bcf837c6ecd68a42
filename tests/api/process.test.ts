/**
 * The server process as users run it: starts with no configuration beyond a port, serves, and
 * exits cleanly on SIGTERM; a bad environment variable stops it with the variable named.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServer } from '../helpers/process.js';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

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
