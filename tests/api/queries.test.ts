/** The GraphQL API over real HTTP on the sourced dataset, on the embedded store (see queries-suite.ts). */
import { runApiQueries } from './queries-suite.js';

runApiQueries('embedded');
