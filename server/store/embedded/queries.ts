/**
 * Snapshots, neighbourhoods, relationship lists and diffs on the embedded graph index, answered
 * on its typed arrays (year buckets for "valid in year Y", CSR adjacency for expansion). Results are
 * relationship and actor positions in the index; the adapter turns them into records.
 */
import { ACTOR_KINDS } from '../../domain/vocabulary.js';
import type { DayRange } from '../../domain/time.js';
import type { NeighbourhoodQuery, OverviewQuery, RelationshipFilter, SnapshotQuery } from '../port.js';
import { compareIds } from '../records.js';
import { Budget } from './budget.js';
import type { EdgeFilter, GraphIndex } from './graph-index.js';

const CHECK_EVERY = 4095;

/** Relationships incident to any of these actors, each once. */
function incidentEdges(g: GraphIndex, actorIds: readonly string[]): number[] {
  const seen = g.scratch.relationshipMarks();
  const out: number[] = [];
  for (const id of actorIds) {
    const v = g.actorIndex.get(id);
    if (v === undefined) continue;
    for (let i = g.offsets[v] as number, end = g.offsets[v + 1] as number; i < end; i += 1) {
      const e = g.edge[i] as number;
      if (seen[e] === 0) {
        seen[e] = 1;
        out.push(e);
      }
    }
  }
  g.scratch.give(seen);
  return out;
}

/** Calls `visit` for the relationships passing the filter, in priority order; stop by returning false. */
function inPriorityOrder(g: GraphIndex, filter: RelationshipFilter, f: EdgeFilter, visit: (e: number) => boolean): void {
  if (filter.actorIds) {
    const edges = incidentEdges(g, filter.actorIds).sort((a, b) => (g.priorityOf[a] as number) - (g.priorityOf[b] as number));
    for (const e of edges) if (g.passes(e, f) && !visit(e)) return;
    return;
  }
  const years = g.yearsOf(filter.window);
  const order = years && years[0] === years[1] ? g.bucket(years[0]) : g.priority;
  for (const e of order) if (g.passes(e, f) && !visit(e)) return;
}

export function indexSnapshot(g: GraphIndex, q: SnapshotQuery): { edges: number[]; actors: number[]; truncated: boolean } {
  const f = g.compile(q);
  const kindOk = new Uint8Array(ACTOR_KINDS.length).fill(q.kinds ? 0 : 1);
  if (q.kinds) for (const k of q.kinds) kindOk[ACTOR_KINDS.indexOf(k)] = 1;
  const edges: number[] = [];
  let truncated = false;
  inPriorityOrder(g, q, f, (e) => {
    if (kindOk[g.kind[g.src[e] as number] as number] !== 1 || kindOk[g.kind[g.dst[e] as number] as number] !== 1) return true;
    if (edges.length === q.limit) {
      truncated = true;
      return false;
    }
    edges.push(e);
    return true;
  });
  edges.sort((a, b) => (g.contractOf[a] as number) - (g.contractOf[b] as number));
  const seen = g.scratch.actorMarks();
  const actors: number[] = [];
  for (const e of edges) {
    for (const v of [g.src[e] as number, g.dst[e] as number]) {
      if (seen[v] === 0) {
        seen[v] = 1;
        actors.push(v);
      }
    }
  }
  g.scratch.give(seen);
  return { edges, actors: actors.sort((a, b) => a - b), truncated };
}

/** The best-connected actors (relationship ends, each relationship once, then id) and the surest relationships among them. */
export function indexOverview(g: GraphIndex, q: OverviewQuery): { edges: number[]; actors: number[]; truncated: boolean } {
  const n = g.actorIds.length;
  const degree = new Int32Array(n);
  for (let e = 0; e < g.src.length; e += 1) {
    const s = g.src[e] as number;
    const d = g.dst[e] as number;
    degree[s] = (degree[s] as number) + 1;
    if (d !== s) degree[d] = (degree[d] as number) + 1;
  }
  const ranked = Array.from({ length: n }, (_, v) => v).sort((a, b) => (degree[b] as number) - (degree[a] as number) || compareIds(g.actorIds[a] as string, g.actorIds[b] as string));
  const top = ranked.slice(0, q.maxActors);
  const inTop = g.scratch.actorMarks();
  for (const v of top) inTop[v] = 1;
  const edges: number[] = [];
  let truncated = n > q.maxActors;
  for (const e of g.priority) {
    if (inTop[g.src[e] as number] !== 1 || inTop[g.dst[e] as number] !== 1) continue;
    if (edges.length === q.maxRelationships) {
      truncated = true;
      break;
    }
    edges.push(e);
  }
  g.scratch.give(inTop);
  edges.sort((a, b) => (g.contractOf[a] as number) - (g.contractOf[b] as number));
  return { edges, actors: top.sort((a, b) => a - b), truncated };
}

/** Matching relationships in contract order, one page of them, and how many matched. */
export function indexList(g: GraphIndex, filter: RelationshipFilter, offset: number, limit: number): { edges: number[]; total: number } {
  const f = g.compile(filter);
  const edges: number[] = [];
  let total = 0;
  const take = (e: number) => {
    if (!g.passes(e, f)) return;
    if (total >= offset && edges.length < limit) edges.push(e);
    total += 1;
  };
  if (filter.actorIds) incidentEdges(g, filter.actorIds).sort((a, b) => (g.contractOf[a] as number) - (g.contractOf[b] as number)).forEach(take);
  else g.contract.forEach(take);
  return { edges, total };
}

export async function indexNeighbourhood(
  g: GraphIndex,
  q: NeighbourhoodQuery,
  center: number,
): Promise<{ actors: number[]; distances: number[]; edges: number[]; truncatedBy: 'LIMIT' | 'TIME' | null }> {
  const budget = new Budget(q.budgetMs);
  const f = g.compile(q.filter);
  const distance = g.scratch.perActor(-1);
  const seen = g.scratch.actorMarks();
  const seenEdge = g.scratch.relationshipMarks();
  try {
    distance[center] = 0;
    const admitted = [center];
    let frontier = [center];
    let capped = false;
    let steps = 0;
    for (let d = 1; d <= q.depth && frontier.length > 0 && !capped && !budget.timedOut; d += 1) {
      const candidates: number[] = [];
      for (const u of frontier) {
        for (let i = g.offsets[u] as number, end = g.offsets[u + 1] as number; i < end; i += 1) {
          if ((++steps & CHECK_EVERY) === 0 && (await budget.check())) break;
          const w = g.neighbour[i] as number;
          if (distance[w] !== -1 || seen[w] === 1 || !g.passes(g.edge[i] as number, f)) continue;
          seen[w] = 1;
          candidates.push(w);
        }
      }
      for (const w of candidates) seen[w] = 0;
      candidates.sort((a, b) => a - b);
      const next: number[] = [];
      for (const w of candidates) {
        if (admitted.length >= q.maxActors) {
          capped = true;
          break;
        }
        distance[w] = d;
        admitted.push(w);
        next.push(w);
      }
      frontier = next;
    }
    const edges: number[] = [];
    for (const u of admitted) {
      if ((distance[u] as number) >= q.depth) continue;
      for (let i = g.offsets[u] as number, end = g.offsets[u + 1] as number; i < end; i += 1) {
        const e = g.edge[i] as number;
        if (seenEdge[e] === 1 || distance[g.neighbour[i] as number] === -1 || !g.passes(e, f)) continue;
        seenEdge[e] = 1;
        edges.push(e);
      }
    }
    edges.sort((a, b) => (g.contractOf[a] as number) - (g.contractOf[b] as number));
    const distances = admitted.map((v) => distance[v] as number);
    return { actors: admitted, distances, edges, truncatedBy: budget.timedOut ? 'TIME' : capped ? 'LIMIT' : null };
  } finally {
    g.scratch.give(distance, seen, seenEdge);
  }
}

/** Marks (bit 1: valid in `a`, bit 2: valid in `b`) of the relationships passing the filter; give them back to `g.scratch` when done. */
export function indexValidIn(g: GraphIndex, filter: RelationshipFilter, a: DayRange, b: DayRange): Uint8Array {
  const marks = g.scratch.relationshipMarks();
  for (const [window, bit] of [[a, 1], [b, 2]] as const) {
    const f = g.compile({ ...filter, window });
    inPriorityOrder(g, { ...filter, window }, f, (e) => {
      marks[e] = (marks[e] as number) | bit;
      return true;
    });
  }
  return marks;
}
