/**
 * The Neo4j the tests may use: NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), or null
 * when none is configured. In CI a missing Neo4j is a failure, never a skip (the callers check).
 */
import type { Neo4jConfig } from '../../server/store/neo4j/adapter.js';

export function neo4jTestConfig(): Neo4jConfig | null {
  const uri = process.env.NEO4J_URI;
  if (!uri) return null;
  return {
    uri,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    ...(process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : {}),
  };
}
