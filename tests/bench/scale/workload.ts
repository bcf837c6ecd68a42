/**
 * The scale bench's random questions, seeded so every store and the yardstick get the same ones:
 * the store-port calls the API makes (connecting types for paths and neighbourhoods, as the
 * service defaults), and the GraphQL document of a SHORTEST path with its citations.
 */
import type { DiffQuery, NeighbourhoodQuery, PathQuery, SnapshotQuery } from '../../../server/store/port.js';
import { CONNECTING_TYPES } from '../../../server/domain/vocabulary.js';
import { yearRange } from '../../../server/domain/time.js';
import { seededRandom } from '../../../server/layout/random.js';

export const RUNS = 200;
const BUDGET_MS = 1500;
const CONNECTING = { types: CONNECTING_TYPES };

export interface Workload {
  pairs: Array<[string, string]>;
  centres: string[];
  years: number[];
}

export function workload(actors: number, runs = RUNS, seed = 11): Workload {
  const r = seededRandom(seed);
  const actor = () => `a${Math.floor(r() * actors)}`;
  const pairs: Array<[string, string]> = [];
  while (pairs.length < runs) {
    const a = actor();
    const b = actor();
    if (a !== b) pairs.push([a, b]);
  }
  return { pairs, centres: Array.from({ length: runs }, actor), years: Array.from({ length: runs }, () => 1990 + Math.floor(r() * 22)) };
}

const base = (from: string, to: string): PathQuery => ({
  from, to, mode: 'SHORTEST', k: 1, maxHops: 6, filter: CONNECTING, temporal: null, direction: 'ANY', excludeActors: [], limit: 25, budgetMs: BUDGET_MS,
});

export const shortest = ([from, to]: [string, string]): PathQuery => base(from, to);
export const kShortest = ([from, to]: [string, string]): PathQuery => ({ ...base(from, to), mode: 'K_SHORTEST', k: 5, limit: 5 });
export const allSimple = ([from, to]: [string, string]): PathQuery => ({ ...base(from, to), mode: 'ALL_SIMPLE', maxHops: 4, limit: 1000 });
export const temporalShortest = ([from, to]: [string, string]): PathQuery => ({ ...base(from, to), maxHops: 4, temporal: { maxGapDays: null }, limit: 5 });
export const neighbourhood = (center: string): NeighbourhoodQuery => ({ center, depth: 2, filter: CONNECTING, maxActors: 2000, budgetMs: BUDGET_MS });
export const snapshot = (year: number): SnapshotQuery => ({ window: yearRange(year), limit: 5000 });
export const diff = (year: number): DiffQuery => ({ fromWindow: yearRange(year), toWindow: yearRange(year + 3), filter: {}, limit: 2000 });

export const SHORTEST_WITH_CITATIONS = `query ($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, mode: SHORTEST, maxHops: 6) {
    truncated
    paths { length hops { from { id name } to { id name } relationship { id type confidence validity { label } citations { quote source { id title } } } } }
  }
}`;
