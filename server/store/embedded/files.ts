/**
 * Housekeeping around the embedded store's data file: checking at startup that its folder exists
 * or can be made and written (without `mkdir -p`, which never returns on paths such as /proc/…),
 * removing temp files that a killed write left behind, and keeping the last good file as
 * `<file>.bak` (restored by `npm run data:restore`).
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../../domain/errors.js';

export class StartupPathError extends DomainError {
  constructor(message: string) {
    super('BAD_USER_INPUT', message);
  }
}

export const backupPathOf = (file: string): string => `${file}.bak`;

const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** Make `dir` and any missing parents one level at a time, naming the level that fails. */
async function ensureDir(dir: string, what: string): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    try {
      const info = await stat(at);
      if (!info.isDirectory()) throw new StartupPathError(`${what}: ${at} is not a folder`);
      break;
    } catch (e) {
      if (e instanceof StartupPathError) throw e;
      if (errno(e) !== 'ENOENT') throw new StartupPathError(`${what}: cannot use ${at} (${errno(e)})`);
      const parent = path.dirname(at);
      if (parent === at) throw new StartupPathError(`${what}: no folder ${at}`);
      missing.unshift(at);
      at = parent;
    }
  }
  for (const level of missing) {
    try {
      await mkdir(level);
    } catch (e) {
      if (errno(e) !== 'EEXIST') throw new StartupPathError(`${what}: cannot create the folder ${level} (${errno(e)})`);
    }
  }
}

/** The data file's folder exists (or is made) and takes a new file; the file, if there, is a readable file. */
export async function checkDataFilePath(file: string): Promise<void> {
  const what = `DATA_FILE ${file}`;
  const dir = path.dirname(path.resolve(file));
  await ensureDir(dir, what);
  const probe = path.join(dir, `.${path.basename(file)}.${process.pid}.write-check`);
  try {
    const handle = await open(probe, 'wx');
    await handle.close();
  } catch (e) {
    throw new StartupPathError(`${what}: the folder ${dir} cannot be written (${errno(e)})`);
  } finally {
    await rm(probe, { force: true });
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new StartupPathError(`${what}: is not a file`);
    const handle = await open(file, 'r');
    await handle.close();
  } catch (e) {
    if (e instanceof StartupPathError) throw e;
    if (errno(e) !== 'ENOENT') throw new StartupPathError(`${what}: cannot be read (${errno(e)})`);
  }
}

/** The seed folder exists and can be listed. */
export async function checkSeedDirPath(dir: string): Promise<void> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new StartupPathError(`SEED_DIR ${dir}: is not a folder`);
    await readdir(dir);
  } catch (e) {
    if (e instanceof StartupPathError) throw e;
    throw new StartupPathError(`SEED_DIR ${dir}: cannot be read (${errno(e)})`);
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === 'EPERM';
  }
}

/**
 * Remove `<file>[.bak].<pid>.<time>.tmp` files left by a write whose process is gone (a write still
 * running in another process, such as an import, keeps its file). Returns the names removed.
 */
export async function removeOrphanTemps(file: string): Promise<string[]> {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\.bak)?\\.(\\d+)\\.\\d+\\.tmp$`);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m || isRunning(Number(m[1]))) continue;
    await rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Before a new version replaces the data file: the current one (good: it was validated when
 * read, or written by the store) becomes the backup. A hard link costs nothing whatever the size,
 * and after the rename that follows it is the old file's only name; a copy where links are refused.
 */
export async function keepAsBackup(file: string): Promise<void> {
  const backup = backupPathOf(file);
  const tmp = `${backup}.${process.pid}.${Date.now()}.tmp`;
  try {
    await link(file, tmp);
  } catch (e) {
    if (errno(e) === 'ENOENT') return;
    await copyFile(file, tmp);
  }
  await rename(tmp, backup);
}

/** A good data file with no backup yet (one from before backups existed) gets one, copied. */
export async function ensureBackup(file: string): Promise<void> {
  const backup = backupPathOf(file);
  try {
    await stat(backup);
    return;
  } catch {
    // none yet
  }
  const tmp = `${backup}.${process.pid}.${Date.now()}.tmp`;
  await copyFile(file, tmp, constants.COPYFILE_FICLONE);
  await rename(tmp, backup);
}
