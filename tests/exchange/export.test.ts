/** The export over HTTP on the embedded store (the same suite runs on Neo4j in tests/neo4j/server.test.ts). */
import { runExportSuite } from './export-suite.js';

runExportSuite('embedded');
