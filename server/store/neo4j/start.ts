/**
 * The server's way to open Neo4j: one attempt within NEO4J_TIMEOUT_MS; if Neo4j is unreachable or
 * silent, the store is returned anyway, not ready (/readyz 503, requests STORE_UNAVAILABLE), and
 * connects in the background with backoff (0.5 s doubling up to NEO4J_RETRY_MAX_MS) until Neo4j
 * answers. A missing Cypher file still stops startup: that is not going to fix itself.
 */
import { Neo4jStore } from './adapter.js';
import { DEFAULT_NEO4J_TIMEOUT_MS, backoffDelays, createDriver, type Neo4jConnectionConfig } from './connection.js';
import { DEFAULT_CYPHER_DIR, QueryRegistry } from './queries.js';

export interface Neo4jStartConfig extends Neo4jConnectionConfig {
  retryMaxMs: number;
}

export async function startNeo4jStore(config: Neo4jStartConfig, log: (line: string) => void = (l) => console.log(l)): Promise<Neo4jStore> {
  const queries = await QueryRegistry.load(DEFAULT_CYPHER_DIR);
  const store = new Neo4jStore(createDriver(config), queries, config.database, {
    timeoutMs: config.timeoutMs ?? DEFAULT_NEO4J_TIMEOUT_MS,
    reconnect: () => createDriver(config),
  });
  const reason = (e: unknown) => `Neo4j at ${config.uri} is not reachable yet (${(e as Error).message}); retrying`;
  try {
    await store.connect();
    return store;
  } catch (e) {
    store.setNotReady(reason(e));
    log(`[neo4j] ${reason(e)} with backoff; serving with /readyz false meanwhile`);
  }
  const delays = backoffDelays(config.retryMaxMs);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const attempt = async () => {
    try {
      await store.connect();
      if (stopped) return;
      store.setNotReady(null);
      log(`[neo4j] connected to ${config.uri}: ready`);
    } catch (e) {
      if (stopped) return;
      store.setNotReady(reason(e));
      schedule();
    }
  };
  const schedule = () => {
    const delay = delays();
    timer = setTimeout(() => void attempt(), delay);
    timer.unref();
  };
  store.onClose(() => {
    stopped = true;
    clearTimeout(timer);
  });
  schedule();
  return store;
}
