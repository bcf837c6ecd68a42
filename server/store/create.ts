/**
 * Chooses and opens the configured store: Neo4j when NEO4J_URI is set, otherwise the embedded
 * store, which is filled from seed/ at startup (idempotently: an unchanged seed writes nothing).
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
  await store.upsert(await loadSeedDir(config.seedDir));
  return store;
}
