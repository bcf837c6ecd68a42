/**
 * Chooses and opens the configured store: Neo4j when NEO4J_URI is set, otherwise the embedded
 * store, which is synced to seed/ at startup (an unchanged seed writes nothing; records a newer seed
 * dropped are removed).
 */
import type { Config } from '../config.js';
import { loadSeedDir } from '../dataset/load.js';
import { EmbeddedStore } from './embedded/adapter.js';
import type { GraphStore } from './port.js';

export async function openConfiguredStore(config: Pick<Config, 'neo4j' | 'dataFile' | 'seedDir'>): Promise<GraphStore> {
  if (config.neo4j) {
    const { openNeo4jStore } = await import('./neo4j/adapter.js');
    return openNeo4jStore(config.neo4j);
  }
  const store = await EmbeddedStore.open({ dataFile: config.dataFile });
  await store.syncSeed(await loadSeedDir(config.seedDir));
  return store;
}
