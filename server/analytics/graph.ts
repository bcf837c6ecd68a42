/**
 * The simple graph analytics run on, built from a network the store answered (one snapshot):
 * actors as indices, distinct undirected neighbours (centrality, communities) and directed arcs
 * (brokerage: a directed relationship goes from source to target, an undirected one both ways),
 * each arc with the surest relationship behind it.
 */
import type { Actor, Relationship } from '../domain/derive.js';
import { confidenceRank, RELATIONSHIP_TYPE_INFO } from '../domain/vocabulary.js';

export interface AnalysisGraph {
  actors: Actor[];
  index: ReadonlyMap<string, number>;
  /** Distinct neighbours of each actor, either direction, ascending. */
  adj: number[][];
  /** Distinct out-neighbours of each actor, ascending. */
  out: number[][];
  /** "u v" → the surest relationship making the arc u → v. */
  arcs: ReadonlyMap<string, Relationship>;
  edgeCount: number;
}

export const arcKey = (u: number, v: number) => `${u} ${v}`;

export function analysisGraph(actors: readonly Actor[], relationships: readonly Relationship[]): AnalysisGraph {
  const sorted = [...actors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(sorted.map((a, i) => [a.id, i]));
  const adj = sorted.map(() => new Set<number>());
  const out = sorted.map(() => new Set<number>());
  const arcs = new Map<string, Relationship>();
  const addArc = (u: number, v: number, r: Relationship) => {
    out[u]!.add(v);
    const key = arcKey(u, v);
    const known = arcs.get(key);
    if (!known || confidenceRank(r.confidence) > confidenceRank(known.confidence) || (confidenceRank(r.confidence) === confidenceRank(known.confidence) && r.id < known.id)) arcs.set(key, r);
  };
  for (const r of relationships) {
    const u = index.get(r.source);
    const v = index.get(r.target);
    if (u === undefined || v === undefined || u === v) continue;
    adj[u]!.add(v);
    adj[v]!.add(u);
    addArc(u, v, r);
    if (!RELATIONSHIP_TYPE_INFO[r.type].directed) addArc(v, u, r);
  }
  const list = (s: Set<number>) => [...s].sort((a, b) => a - b);
  const adjList = adj.map(list);
  return { actors: sorted, index, adj: adjList, out: out.map(list), arcs, edgeCount: adjList.reduce((n, a) => n + a.length, 0) / 2 };
}

/** A wall-clock budget: `over()` is true once it has run out (checked between units of work). */
export class Deadline {
  private readonly end: number;
  stopped = false;
  constructor(ms: number) {
    this.end = performance.now() + ms;
  }
  over(): boolean {
    if (!this.stopped && performance.now() > this.end) this.stopped = true;
    return this.stopped;
  }
}
