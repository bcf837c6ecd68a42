/** The injection corpus on the embedded store (tests/neo4j/server.test.ts runs it on Neo4j). */
import { runInjectionCorpus } from './injection-suite.js';

runInjectionCorpus('embedded');
