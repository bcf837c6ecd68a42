/**
 * Nothing lost at startup (embedded store, as server/index.ts opens it): an empty or partial seed
 * folder removes nothing and says so; an empty folder in front of an empty store stops startup; a
 * bad data file (an invalid record, cut short, `null`) is refused naming the file, its problems and
 * the restore command, and is left as it was; every write keeps the file it replaces as a backup
 * that `npm run data:restore` puts back; orphan temp files go; a path that cannot be used fails fast.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openConfiguredStore } from '../../server/store/create.js';
import { loadConfig } from '../../server/config.js';
import { loadSeedDir } from '../../server/dataset/load.js';
import type { GraphStore } from '../../server/store/port.js';
import { ROOT, runCli } from '../helpers/cli.js';

const SEED = path.join(ROOT, 'seed', 'data');
const temps: string[] = [];
const opened: GraphStore[] = [];
let logged: string[] = [];

beforeEach(() => {
  logged = [];
  const keep = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  vi.spyOn(console, 'log').mockImplementation(keep);
  vi.spyOn(console, 'warn').mockImplementation(keep);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-startup-'));
  temps.push(dir);
  return dir;
}

/** A seed folder holding the first `n` of the seed's files. */
async function seedFolder(n: number): Promise<string> {
  const dir = await tempDir();
  const names = (await readdir(SEED)).filter((f) => f.endsWith('.json')).sort().slice(0, n);
  await Promise.all(names.map((f) => copyFile(path.join(SEED, f), path.join(dir, f))));
  return dir;
}

async function open(env: Record<string, string>): Promise<GraphStore> {
  const store = await openConfiguredStore(loadConfig({ NODE_ENV: 'test', ...env }));
  opened.push(store);
  return store;
}

/** A data file holding the whole seed, as the first start writes it. */
async function seededDataFile(): Promise<string> {
  const file = path.join(await tempDir(), 'nexus.json');
  const store = await openConfiguredStore(loadConfig({ NODE_ENV: 'test', DATA_FILE: file }));
  await store.close();
  return file;
}

describe('the seed never removes what it did not put there', () => {
  it('an empty seed folder leaves the store and its file as they were, and says why', async () => {
    const file = await seededDataFile();
    const before = await readFile(file, 'utf8');
    const store = await open({ DATA_FILE: file, SEED_DIR: await tempDir() });
    expect((await store.counts()).actors).toBe(283);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(logged.join('\n')).toMatch(/holds no seed files .*not synced and nothing is removed; the store keeps its 283 actors/);
  });

  it('a folder with 1 of the 5 seed files leaves the store whole, naming the missing documents', async () => {
    const file = await seededDataFile();
    const before = await readFile(file, 'utf8');
    const store = await open({ DATA_FILE: file, SEED_DIR: await seedFolder(1) });
    expect(await store.counts()).toMatchObject({ actors: 283, relationships: 617, sources: 5 });
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(logged.join('\n')).toMatch(/holds 1 seed file\(s\) but lacks 4 of the 5 documents synced before \(.*cornell-narcotics-imu.*\): the seed is not synced/);
  });

  it('SEED_SYNC=prune lets a partial folder remove what its missing documents brought, never emptying the store', async () => {
    const file = await seededDataFile();
    const store = await open({ DATA_FILE: file, SEED_DIR: await seedFolder(4), SEED_SYNC: 'prune' });
    const counts = await store.counts();
    expect(counts.sources).toBe(4);
    expect(counts.actors).toBeGreaterThan(0);
    expect(counts.actors).toBeLessThan(283);
    expect(logged.join('\n')).toMatch(/SEED_SYNC=prune: removing what kunze-logvinov-isaf brought in/);
  });

  it('a new store fills from a partial folder (there is nothing to lose)', async () => {
    const store = await open({ DATA_FILE: path.join(await tempDir(), 'nexus.json'), SEED_DIR: await seedFolder(1) });
    expect((await store.counts()).sources).toBe(1);
  });

  it('an empty seed folder in front of an empty store stops startup and writes nothing', async () => {
    const dir = await tempDir();
    await expect(open({ DATA_FILE: path.join(dir, 'nexus.json'), SEED_DIR: await tempDir() })).rejects.toThrow(/holds no seed files .* refusing to start with an empty store/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('the data file is validated on load', () => {
  const refusedWith = async (file: string, pattern: RegExp) => {
    const before = await readFile(file, 'utf8');
    const error = (await open({ DATA_FILE: file }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(new RegExp(`the data file ${file.replace(/[.]/g, '\\.')} is invalid`));
    expect(error.message).toMatch(pattern);
    expect(error.message).toContain(`DATA_FILE=${file} npm run data:restore`);
    expect(await readFile(file, 'utf8')).toBe(before);
  };

  it('one actor of an unknown kind refuses the file, naming the line, record and field', async () => {
    const file = await seededDataFile();
    const actor = (await readFile(file, 'utf8')).split('\n').find((l) => l.startsWith('{"type":"actor"'))!;
    await writeFile(file, `${await readFile(file, 'utf8')}${actor.replace(/"kind":"[a-z_]+"/, '"kind":"alien"').replace(/"id":"[a-z0-9-]+"/, '"id":"zz-alien"')}\n`);
    await refusedWith(file, /line \d+ \(actor "zz-alien"\) › kind: Invalid option/);
  });

  it('a file cut short at a line end, mid-line, or holding `null` is refused', async () => {
    const file = await seededDataFile();
    const lines = (await readFile(file, 'utf8')).split('\n');
    await writeFile(file, `${lines.slice(0, 400).join('\n')}\n`);
    await refusedWith(file, /the header says \d+, the file holds \d+: the file is cut short/);
    await writeFile(file, (await readFile(`${file}.bak`, 'utf8')).slice(0, 30_000));
    await refusedWith(file, /\(json\)|\(header\)/);
    await writeFile(file, 'null\n');
    await refusedWith(file, /not a Nexus Explorer data file/);
  });

  it('every write keeps the file it replaces as the backup, and data:restore puts it back', async () => {
    const file = await seededDataFile();
    const first = await readFile(file, 'utf8');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(first);
    const store = await open({ DATA_FILE: file });
    const imu = (await loadSeedDir()).actors.find((a) => a.id === 'imu')!;
    await store.upsert({ actors: [{ ...imu, description: 'edited' }] });
    expect(await readFile(file, 'utf8')).not.toBe(first);
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(first);
    await writeFile(file, 'null\n');
    const restore = await runCli(['server/cli/restore-data.ts'], { DATA_FILE: file });
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toMatch(/restored from .*nexus\.json\.bak \(283 actors, 617 relationships\)/);
    expect(await readFile(file, 'utf8')).toBe(first);
    expect((await readdir(path.dirname(file))).some((f) => /^nexus\.json\.rejected-/.test(f))).toBe(true);
    expect((await (await open({ DATA_FILE: file })).counts()).actors).toBe(283);
  }, 30_000);

  it('temp files left by a killed write are removed at startup; one of a running process is kept', async () => {
    const file = await seededDataFile();
    const dead = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid!)));
    const orphan = `${file}.${deadPid}.1700000000000.tmp`;
    const live = `${file}.${process.ppid}.1700000000000.tmp`;
    await writeFile(orphan, '{"format":2');
    await writeFile(live, '{"format":2');
    await open({ DATA_FILE: file });
    const names = await readdir(path.dirname(file));
    expect(names).not.toContain(path.basename(orphan));
    expect(names).toContain(path.basename(live));
    expect(logged.join('\n')).toMatch(/removed 1 temp file\(s\) left by an interrupted write/);
  });
});

describe('startup paths', () => {
  it('a data file path that cannot be made fails within seconds, naming it', async () => {
    await expect(open({ DATA_FILE: '/proc/nope/x.json' })).rejects.toThrow(/DATA_FILE \/proc\/nope\/x\.json: cannot create the folder \/proc\/nope/);
    const dir = await tempDir();
    await mkdir(path.join(dir, 'file.json'));
    await expect(open({ DATA_FILE: path.join(dir, 'file.json') })).rejects.toThrow(/is not a file/);
    await expect(open({ DATA_FILE: path.join(dir, 'x.json'), SEED_DIR: path.join(dir, 'none') })).rejects.toThrow(/SEED_DIR .*none: cannot be read \(ENOENT\)/);
  });

  it('the server process exits with the message (no spinning)', async () => {
    const run = await runCli(['server/index.ts'], { DATA_FILE: '/proc/nope/x.json', PORT: '0' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^DATA_FILE \/proc\/nope\/x\.json: cannot create the folder \/proc\/nope \(ENOENT\)\s*$/);
  }, 30_000);

  it('db:seed refuses an empty seed folder before connecting, deleting nothing', async () => {
    const run = await runCli(['server/cli/seed-neo4j.ts', '--reset'], { NEO4J_URI: 'bolt://127.0.0.1:9', SEED_DIR: await tempDir() });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/holds no seed files \(\*\.json\): refused, nothing was written and nothing deleted/);
  }, 30_000);
});
