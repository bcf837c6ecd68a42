/**
 * The store contract on the Neo4j adapter. Runs only when NEO4J_URI is set (with NEO4J_USER,
 * NEO4J_PASSWORD and optionally NEO4J_DATABASE), and then DELETES EVERYTHING in that database
 * first: point it at a throwaway server (docker compose), never at data you want to keep.
 */
import { describe, it } from 'vitest';
import { openNeo4jStore } from '../../server/store/neo4j/adapter.js';
import { runStoreContract } from './store-contract.js';

const uri = process.env.NEO4J_URI;

if (uri) {
  runStoreContract(`neo4j (${uri})`, async () => {
    const store = await openNeo4jStore({
      uri,
      user: process.env.NEO4J_USER || 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      ...(process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : {}),
    });
    await store.clearAll();
    return store;
  });
} else {
  describe('store contract: neo4j', () => {
    it.skip('skipped: NEO4J_URI is not set (start Neo4j with `docker compose up -d`, then NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=nexus-explorer npm test)', () => {});
  });
}
