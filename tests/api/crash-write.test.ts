/**
 * kill -9 during an edit, on the embedded store's real server process: after a restart the data is
 * exactly what it was before the write or exactly what it became (the record and its audit entry
 * together), never a mix, and the server serves it.
 */
import { watch } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/tokens.js';
import { freePort, startServer } from '../helpers/process.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('nexus-crash-');

const EVIDENCE = { source: 'cornell-narcotics-imu', quote: 'formally founded the IMU in Kabul in 1998', confidence: 'STATED' };

async function post(port: number, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Record<string, unknown>;
}

/** What a restart serves: IMU's description and how many audit entries name it. */
async function stored(env: Record<string, string>): Promise<{ description: string; entries: number }> {
  const port = await freePort();
  const proc = startServer({ ...env, PORT: String(port), HOST: '127.0.0.1' });
  try {
    await expect.poll(() => proc.output(), { timeout: 60_000, interval: 100 }).toMatch(/ready in \d+ ms/);
    const body = (await post(port, '{ actor(id: "imu") { description } history(recordId: "imu") { id } }')) as { data: { actor: { description: string }; history: unknown[] } };
    return { description: body.data.actor.description, entries: body.data.history.length };
  } finally {
    proc.child.kill('SIGKILL');
    await proc.exited;
  }
}

describe('kill -9 during a write (embedded store)', () => {
  it('a restart gives exactly the data before or after the write', async () => {
    const dir = await tempDir();
    const env = { DATA_FILE: path.join(dir, 'nexus.json'), TOKENS_FILE: path.join(dir, 'tokens.json') };
    const { token } = await createToken(env.TOKENS_FILE, 'alice', 'editor');
    const original = await stored(env);
    expect(original.entries).toBe(0);

    let current = original;
    for (const [i, when] of [[1, 'while the data file is being written'], [2, 'right after the answer']] as const) {
      const port = await freePort();
      const proc = startServer({ ...env, PORT: String(port), HOST: '127.0.0.1' });
      await expect.poll(() => proc.output(), { timeout: 60_000, interval: 100 }).toMatch(/ready in \d+ ms/);
      const description = `Edited by the crash test, attempt ${i}.`;
      // Mid-write: kill as soon as the temp data file appears (the write has begun, the rename has not been seen).
      const watcher = watch(dir, (_event, name) => {
        if (when === 'while the data file is being written' && name?.endsWith('.tmp')) proc.child.kill('SIGKILL');
      });
      const answer = await post(port, 'mutation($d: String!, $e: EvidenceInput!) { updateActor(id: "imu", changes: { description: $d }, evidence: $e) { change { id } } }', { d: description, e: EVIDENCE }, token).catch(() => null);
      if (when === 'right after the answer') {
        expect(answer).toMatchObject({ data: { updateActor: { change: { id: expect.any(String) } } } });
        proc.child.kill('SIGKILL');
      }
      await proc.exited;
      watcher.close();
      const after = await stored(env);
      // The record and its audit entry land together: exactly as before, or changed with one entry more.
      const before = { ...current };
      const written = { description, entries: current.entries + 1 };
      expect([before, written]).toContainEqual(after);
      if (when === 'right after the answer') expect(after).toEqual(written);
      current = after;
    }
  }, 240_000);
});
