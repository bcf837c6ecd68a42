/**
 * `npm run data:restore`: put the last good copy of the embedded store's data file
 * (`<DATA_FILE>.bak`, kept at every write) back in place. The backup is validated first like a
 * data file at startup; the file it replaces is kept as `<DATA_FILE>.rejected-<time>`.
 */
import { copyFile, rename, stat } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { checkIntegrity } from '../dataset/integrity.js';
import { DomainError } from '../domain/errors.js';
import { backupPathOf } from '../store/embedded/files.js';
import { readDataFile } from '../store/embedded/persistence.js';

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function main(): Promise<number> {
  const { dataFile } = loadConfig();
  const backup = backupPathOf(dataFile);
  if (!(await exists(backup))) {
    console.error(`data:restore: there is no backup ${backup} (one is kept each time the store writes ${dataFile})`);
    return 1;
  }
  const stored = await readDataFile(backup);
  const problems = stored ? checkIntegrity(stored.dataset, undefined, backup) : [];
  if (!stored || problems.length > 0) {
    console.error(`data:restore: the backup ${backup} is not a valid data file either; nothing was changed`);
    for (const p of problems.slice(0, 20)) console.error(`  ${p.file} › ${p.record} › ${p.field}: ${p.reason}`);
    return 1;
  }
  if (await exists(dataFile)) {
    const rejected = `${dataFile}.rejected-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(dataFile, rejected);
    console.log(`data:restore: the file it replaces is kept as ${rejected}`);
  }
  const tmp = `${dataFile}.${process.pid}.${Date.now()}.tmp`;
  await copyFile(backup, tmp);
  await rename(tmp, dataFile);
  console.log(`data:restore: ${dataFile} restored from ${backup} (${stored.dataset.actors.length} actors, ${stored.dataset.relationships.length} relationships)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof DomainError ? `data:restore: ${e.message}` : e);
    process.exit(1);
  },
);
