/**
 * Temporary folders for one test file, removed after its tests: call `tempDirs(prefix)` at the
 * file's (or a describe's) top level, then `await tempDir()` wherever a test needs a fresh folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export function tempDirs(prefix: string): (otherPrefix?: string) => Promise<string> {
  const made: string[] = [];
  afterAll(async () => {
    await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
  });
  return async (otherPrefix = prefix) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), otherPrefix));
    made.push(dir);
    return dir;
  };
}
