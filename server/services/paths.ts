/**
 * Path finding between two actors, written once over the store port so both stores answer
 * identically. Paths are simple (no actor twice) sequences of actors; each hop carries the
 * relationship that links the pair (plus the other qualifying relationships between them).
 *
 * Order: fewer hops first, then the actor-id sequence in code-point order.
 * - SHORTEST: every path of the least hop count (that satisfies the constraints);
 * - K_SHORTEST: the first k paths in that order;
 * - ALL_SIMPLE: every path up to maxHops.
 * timeRespecting: each hop must start no earlier than the latest dated start before it
 * (undated hops do not constrain the chain). Results are capped and time-boxed; `truncated`
 * says an answer may be incomplete.
 */
import type { Relationship } from '../domain/schemas.js';
import { confidenceRank } from '../domain/vocabulary.js';
import type { GraphStore, RelationshipFilter } from '../store/port.js';
import { compareIds, compareRelationships, startDay } from '../store/records.js';
import { AdjacencyCache, DistancesTo, type Direction } from './traversal.js';

export type PathMode = 'SHORTEST' | 'K_SHORTEST' | 'ALL_SIMPLE';

export interface PathQuery {
  from: string;
  to: string;
  mode: PathMode;
  k: number;
  maxHops: number;
  filter: RelationshipFilter;
  timeRespecting: boolean;
  direction: Direction;
  excludeActors: readonly string[];
  /** Most paths returned. */
  limit: number;
  /** Wall-clock budget for the search, in ms. */
  budgetMs: number;
}

export interface PathHop {
  from: string;
  to: string;
  relationship: Relationship;
  /** Other relationships between the same two actors that also qualify. */
  alternatives: Relationship[];
}

export interface FoundPath {
  actors: string[];
  hops: PathHop[];
}

export interface PathResult {
  paths: FoundPath[];
  truncated: boolean;
  /** Why the answer may be incomplete: the path cap or the time budget. */
  truncatedBy: 'LIMIT' | 'TIME' | null;
}

const UNDATED = -1_000_000;

/** Let other requests run during a long search. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function surestFirst(a: Relationship, b: Relationship): number {
  return confidenceRank(b.confidence) - confidenceRank(a.confidence) || compareRelationships(a, b);
}

/** Pick the relationship a hop uses, and the chain clock after it; null when none qualifies. */
function chooseHop(candidates: Relationship[], clock: number, timeRespecting: boolean): { primary: Relationship; rest: Relationship[]; clock: number } | null {
  const qualifying = timeRespecting ? candidates.filter((r) => startDay(r) === UNDATED || startDay(r) >= clock) : candidates;
  if (qualifying.length === 0) return null;
  const after = (r: Relationship) => (startDay(r) === UNDATED ? clock : Math.max(clock, startDay(r)));
  const ordered = [...qualifying].sort((a, b) => (timeRespecting ? after(a) - after(b) : 0) || surestFirst(a, b));
  const primary = ordered[0] as Relationship;
  return { primary, rest: ordered.slice(1).sort(compareRelationships), clock: after(primary) };
}

export async function findPaths(store: GraphStore, q: PathQuery): Promise<PathResult> {
  const deadline = Date.now() + q.budgetMs;
  let steps = 0;
  let timedOut = false;
  const shouldStop = () => {
    if (!timedOut && (++steps & 255) === 0 && Date.now() > deadline) timedOut = true;
    return timedOut;
  };

  const cache = new AdjacencyCache(store, q.filter, new Set(q.excludeActors));
  const overBudget = () => Date.now() > deadline;
  const distances = new DistancesTo(cache, q.to, q.direction);
  const dist = distances.dist;
  while (!dist.has(q.from) && !distances.exhausted && distances.hops < q.maxHops && !overBudget()) {
    await distances.extendTo(distances.hops + 1, overBudget);
  }
  const least = dist.get(q.from);
  if (least === undefined || least === 0) return { paths: [], truncated: overBudget(), truncatedBy: overBudget() ? 'TIME' : null };
  await cache.load([q.from]);

  const wanted = q.mode === 'K_SHORTEST' ? Math.min(q.k, q.limit) : q.limit;
  const paths: FoundPath[] = [];
  let capped = false;
  const visited = new Set<string>([q.from]);
  const hops: PathHop[] = [];

  const walk = async (u: string, depth: number, length: number, clock: number): Promise<void> => {
    if (capped || shouldStop()) return;
    if ((steps & 2047) === 0) await yieldToEventLoop();
    if (depth === length) {
      if (u !== q.to) return;
      if (paths.length === wanted) {
        capped = true;
        return;
      }
      paths.push({ actors: [q.from, ...hops.map((h) => h.to)], hops: hops.map((h) => ({ ...h, alternatives: [...h.alternatives] })) });
      return;
    }
    if ((dist.get(u) ?? Infinity) > length - depth) return;
    const byNeighbour = new Map<string, Relationship[]>();
    for (const step of cache.steps(u, q.direction)) {
      if (visited.has(step.to) || (step.to === q.to && depth + 1 < length)) continue;
      const list = byNeighbour.get(step.to);
      if (list) list.push(step.relationship);
      else byNeighbour.set(step.to, [step.relationship]);
    }
    for (const w of [...byNeighbour.keys()].sort(compareIds)) {
      const hop = chooseHop(byNeighbour.get(w) ?? [], clock, q.timeRespecting);
      if (!hop) continue;
      visited.add(w);
      hops.push({ from: u, to: w, relationship: hop.primary, alternatives: hop.rest });
      await walk(w, depth + 1, length, hop.clock);
      hops.pop();
      visited.delete(w);
      if (capped || timedOut) return;
    }
  };

  for (let length = least; length <= q.maxHops && !capped && !timedOut; length += 1) {
    await distances.extendTo(length, overBudget);
    await walk(q.from, 0, length, -Infinity);
    const done = q.mode === 'SHORTEST' ? paths.length > 0 : q.mode === 'K_SHORTEST' ? paths.length >= wanted : false;
    if (done) break;
  }
  if (q.mode === 'K_SHORTEST' && capped && paths.length >= q.k) capped = false;
  const truncatedBy = timedOut ? 'TIME' : capped ? 'LIMIT' : null;
  return { paths, truncated: truncatedBy !== null, truncatedBy };
}
