/**
 * Test server: the real app (createApp) on an ephemeral loopback port, over a store holding the
 * sourced dataset — the in-memory embedded store, or the Neo4j named by NEO4J_URI (emptied and
 * seeded first). Optionally builds the explorer first.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import { loadSeedDir } from '../../server/dataset/load.js';
import { EmbeddedStore } from '../../server/store/embedded/adapter.js';
import type { GraphStore } from '../../server/store/port.js';
import type { NexusService } from '../../server/services/nexus.js';
import { neo4jTestConfig } from './neo4j.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let clientBuild: Promise<void> | null = null;

/** Build client/ into client/dist once per test process. */
export function ensureClientBuilt(): Promise<void> {
  clientBuild ??= import('vite').then(async ({ build }) => {
    await build({ configFile: path.join(ROOT, 'client/vite.config.ts'), logLevel: 'warn' });
  });
  return clientBuild;
}

export interface TestServer {
  url: string;
  service: NexusService;
  store: GraphStore;
  close(): Promise<void>;
}

export type TestStore = 'embedded' | 'neo4j';

/** A store holding the sourced dataset. Neo4j: the database named by NEO4J_URI is emptied first. */
export async function openSeededStore(kind: TestStore): Promise<GraphStore> {
  const seed = await loadSeedDir();
  if (kind === 'embedded') {
    const store = await EmbeddedStore.open({ dataFile: null });
    await store.upsert(seed);
    return store;
  }
  const config = neo4jTestConfig();
  if (!config) throw new Error('NEO4J_URI is not set');
  const { openNeo4jStore } = await import('../../server/store/neo4j/adapter.js');
  const store = await openNeo4jStore(config);
  await store.clearAll();
  await store.upsert(seed);
  return store;
}

export interface TestServerOptions {
  buildClient?: boolean;
  limits?: Partial<Config['limits']>;
  store?: TestStore;
  /** Opens the store instead (e.g. a generated big dataset). */
  openStore?: () => Promise<GraphStore>;
  access?: Config['access'];
  /** More environment for loadConfig (NODE_ENV is test). */
  env?: Record<string, string>;
  /** Receives the request log lines (with env REQUEST_LOG=json). */
  requestLogSink?: (line: string) => void;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  if (options.buildClient) await ensureClientBuilt();
  const config = loadConfig({ NODE_ENV: 'test', ...options.env });
  const store = options.openStore ? await options.openStore() : await openSeededStore(options.store ?? 'embedded');
  const { app, service, stop } = await createApp({
    store,
    config: { ...config, limits: { ...config.limits, ...options.limits }, ...(options.access ? { access: options.access } : {}) },
    ...(options.requestLogSink ? { requestLogSink: options.requestLogSink } : {}),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    service,
    store,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
      await store.close();
    },
  };
}

/** POST a GraphQL request; returns status and parsed body. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }> } }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as never };
}
