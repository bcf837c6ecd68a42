/**
 * The store contract on the Neo4j adapter. Runs when NEO4J_URI is set (with NEO4J_USER,
 * NEO4J_PASSWORD and optionally NEO4J_DATABASE) — always in CI, where .ci/run starts a real Neo4j
 * 5.26 — and then DELETES EVERYTHING in that database first: point it at a throwaway server
 * (`npm run neo4j:start`), never at data you want to keep.
 */
import { describe, expect, it } from 'vitest';
import { openNeo4jStore } from '../../server/store/neo4j/adapter.js';
import { runStoreContract } from './store-contract.js';
import { neo4jTestConfig } from '../helpers/neo4j.js';

const config = neo4jTestConfig();

if (config) {
  runStoreContract(`neo4j (${config.uri})`, async () => {
    const store = await openNeo4jStore(config);
    await store.clearAll();
    return store;
  });
} else {
  describe('store contract: neo4j', () => {
    it('runs in CI (CI=true requires NEO4J_URI)', () => {
      expect(process.env.CI, 'CI=true but NEO4J_URI is not set: .ci/run starts Neo4j and sets it').not.toBe('true');
    });
  });
}
