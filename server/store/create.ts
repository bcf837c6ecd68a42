/**
 * Chooses and opens the configured store: Neo4j when NEO4J_URI is set (serving, not ready, while
 * it connects in the background: neo4j/start.ts), otherwise the embedded store. For the embedded store, startup first checks its paths (giving up within
 * STARTUP_CHECK_TIMEOUT_MS with a message), removes orphan temp files, validates the data file,
 * keeps a backup of it, then lets seed-sync.ts decide whether the seed folder may sync.
 */
import type { Config } from '../config.js';
import { loadSeedFolder } from '../dataset/load.js';
import { EmbeddedStore } from './embedded/adapter.js';
import { StartupPathError, checkDataFilePath, checkSeedDirPath, ensureBackup } from './embedded/files.js';
import { syncSeedFolder } from './seed-sync.js';
import type { GraphStore } from './port.js';

/** `work`, or a StartupPathError naming `what` when it takes longer than `ms` (a hung file system). */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StartupPathError(`${what}: no answer within ${ms} ms (STARTUP_CHECK_TIMEOUT_MS)`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

type StoreConfig = Pick<Config, 'neo4j' | 'dataFile' | 'seedDir' | 'seedSync' | 'startupCheckTimeoutMs'>;

export async function openConfiguredStore(config: StoreConfig): Promise<GraphStore> {
  if (config.neo4j) {
    const { startNeo4jStore } = await import('./neo4j/start.js');
    return startNeo4jStore(config.neo4j);
  }
  const ms = config.startupCheckTimeoutMs;
  await withDeadline(checkDataFilePath(config.dataFile), ms, `DATA_FILE ${config.dataFile}`);
  if (config.seedSync !== 'off') await withDeadline(checkSeedDirPath(config.seedDir), ms, `SEED_DIR ${config.seedDir}`);
  const store = await EmbeddedStore.open({ dataFile: config.dataFile });
  if (config.seedSync === 'off') console.log('[seed] SEED_SYNC=off: the seed is not synced');
  else await syncSeedFolder(store, await loadSeedFolder(config.seedDir), config.seedSync);
  // A good file with no backup yet (a first start, or one from before backups) gets one now.
  if ((await store.counts()).actors > 0) await ensureBackup(config.dataFile);
  return store;
}
