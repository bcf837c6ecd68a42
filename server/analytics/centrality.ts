/**
 * Centrality on the undirected simple graph, pure: degree, betweenness (Brandes 2001, every
 * shortest path between every pair of actors; an unordered pair counted once) and PageRank
 * (damping 0.85, power iteration, an isolated actor's rank spread evenly). Betweenness stops
 * early when the time budget runs out and says so; the sums then cover the sources done.
 */
import { Deadline, type AnalysisGraph } from './graph.js';

export interface CentralityScores {
  degree: number[];
  betweenness: number[];
  pagerank: number[];
  /** Betweenness covers only part of the sources (the budget ran out). */
  stoppedEarly: boolean;
}

export function betweenness(g: AnalysisGraph, deadline: Deadline): { scores: number[]; complete: boolean } {
  const n = g.adj.length;
  const cb = new Array<number>(n).fill(0);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const order: number[] = [];
  const preds: number[][] = Array.from({ length: n }, () => []);
  for (let s = 0; s < n; s += 1) {
    if (deadline.over()) return { scores: cb.map((x) => x / 2), complete: false };
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    order.length = 0;
    for (const p of preds) p.length = 0;
    sigma[s] = 1;
    dist[s] = 0;
    const queue = [s];
    for (let head = 0; head < queue.length; head += 1) {
      const v = queue[head] as number;
      order.push(v);
      for (const w of g.adj[v] as number[]) {
        if (dist[w] === -1) {
          dist[w] = (dist[v] as number) + 1;
          queue.push(w);
        }
        if (dist[w] === (dist[v] as number) + 1) {
          sigma[w] = (sigma[w] as number) + (sigma[v] as number);
          (preds[w] as number[]).push(v);
        }
      }
    }
    for (let i = order.length - 1; i >= 0; i -= 1) {
      const w = order[i] as number;
      for (const v of preds[w] as number[]) delta[v] = (delta[v] as number) + ((sigma[v] as number) / (sigma[w] as number)) * (1 + (delta[w] as number));
      if (w !== s) cb[w] = (cb[w] as number) + (delta[w] as number);
    }
  }
  // every unordered pair was counted from both ends
  return { scores: cb.map((x) => x / 2), complete: true };
}

export function pagerank(g: AnalysisGraph, damping = 0.85, tolerance = 1e-10, maxIterations = 200): number[] {
  const n = g.adj.length;
  if (n === 0) return [];
  let rank = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < maxIterations; it += 1) {
    const next = new Array<number>(n).fill(0);
    let dangling = 0;
    for (let v = 0; v < n; v += 1) {
      const nb = g.adj[v] as number[];
      if (nb.length === 0) dangling += rank[v] as number;
      else for (const w of nb) next[w] = (next[w] as number) + (rank[v] as number) / nb.length;
    }
    let change = 0;
    for (let v = 0; v < n; v += 1) {
      const value = (1 - damping) / n + damping * ((next[v] as number) + dangling / n);
      change += Math.abs(value - (rank[v] as number));
      next[v] = value;
    }
    rank = next;
    if (change < tolerance) break;
  }
  return rank;
}

export function centrality(g: AnalysisGraph, budgetMs: number): CentralityScores {
  const deadline = new Deadline(budgetMs);
  const b = betweenness(g, deadline);
  return { degree: g.adj.map((a) => a.length), betweenness: b.scores, pagerank: pagerank(g), stoppedEarly: !b.complete };
}
