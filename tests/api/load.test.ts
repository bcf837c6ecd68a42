/**
 * The mixed read/write load test on the embedded store (tests/api/load-suite.ts): with CI=true,
 * 50 connections for 30 s; locally LOAD_SECONDS (default 5) and LOAD_CONNECTIONS (default 50).
 */
import { runLoadSuite } from './load-suite.js';

runLoadSuite('embedded', 'embedded');
