/**
 * Communities by Louvain (Blondel et al. 2008), pure and seeded: actors move to the neighbouring
 * community that most increases modularity (in an order shuffled by the seed), then communities
 * become single nodes and the pass repeats, until nothing moves or the time budget runs out.
 * Community numbers are given largest first (ties by the smallest actor index), so the answer is
 * the same for the same network and seed.
 */
import { seededRandom } from '../layout/random.js';
import { Deadline, type AnalysisGraph } from './graph.js';

export interface CommunityResult {
  /** Community of each actor (the graph's order). */
  membership: number[];
  modularity: number;
  stoppedEarly: boolean;
}

/** A weighted undirected graph: neighbour → weight per node, and each node's self-loop weight. */
interface Level {
  nbrs: Array<Map<number, number>>;
  self: number[];
}

function modularityOf(level: Level, community: number[], m2: number): number {
  const inside = new Map<number, number>();
  const total = new Map<number, number>();
  level.nbrs.forEach((nb, v) => {
    const c = community[v] as number;
    let k = 2 * (level.self[v] as number);
    inside.set(c, (inside.get(c) ?? 0) + 2 * (level.self[v] as number));
    for (const [w, wt] of nb) {
      k += wt;
      if (community[w] === c) inside.set(c, (inside.get(c) ?? 0) + wt);
    }
    total.set(c, (total.get(c) ?? 0) + k);
  });
  let q = 0;
  for (const [c, tot] of total) q += (inside.get(c) ?? 0) / m2 - (tot / m2) ** 2;
  return q;
}

export function louvain(g: AnalysisGraph, seed: number, budgetMs: number): CommunityResult {
  const deadline = new Deadline(budgetMs);
  const random = seededRandom(seed);
  let level: Level = { nbrs: g.adj.map((nb) => new Map(nb.map((w) => [w, 1]))), self: g.adj.map(() => 0) };
  const m2 = 2 * g.edgeCount;
  let membership = g.adj.map((_, v) => v);
  if (m2 === 0) return { membership: renumber(membership), modularity: 0, stoppedEarly: false };
  for (;;) {
    const n = level.nbrs.length;
    const degree = level.nbrs.map((nb, v) => 2 * (level.self[v] as number) + [...nb.values()].reduce((a, b) => a + b, 0));
    const community = Array.from({ length: n }, (_, v) => v);
    const total = [...degree];
    const order = Array.from({ length: n }, (_, v) => v);
    for (let i = n - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let moved = false;
    for (let improved = true; improved && !deadline.over(); ) {
      improved = false;
      for (const v of order) {
        const from = community[v] as number;
        const links = new Map<number, number>();
        for (const [w, wt] of level.nbrs[v]!) links.set(community[w] as number, (links.get(community[w] as number) ?? 0) + wt);
        total[from] = (total[from] as number) - (degree[v] as number);
        let best = from;
        let gain = (links.get(from) ?? 0) - ((total[from] as number) * (degree[v] as number)) / m2;
        for (const [c, k] of links) {
          const g2 = k - ((total[c] as number) * (degree[v] as number)) / m2;
          if (g2 > gain + 1e-12 || (Math.abs(g2 - gain) <= 1e-12 && c < best && g2 > 0)) {
            gain = g2;
            best = c;
          }
        }
        total[best] = (total[best] as number) + (degree[v] as number);
        if (best !== from) {
          community[v] = best;
          improved = true;
          moved = true;
        }
      }
    }
    const ids = renumber(community);
    membership = membership.map((c) => ids[c] as number);
    if (!moved || deadline.stopped) break;
    // aggregate: one node per community
    const k = Math.max(...ids) + 1;
    const next: Level = { nbrs: Array.from({ length: k }, () => new Map<number, number>()), self: new Array<number>(k).fill(0) };
    level.nbrs.forEach((nb, v) => {
      const cv = ids[v] as number;
      next.self[cv] = (next.self[cv] as number) + (level.self[v] as number);
      for (const [w, wt] of nb) {
        const cw = ids[w] as number;
        if (cw === cv) next.self[cv] = (next.self[cv] as number) + wt / 2;
        else next.nbrs[cv]!.set(cw, (next.nbrs[cv]!.get(cw) ?? 0) + wt);
      }
    });
    level = next;
  }
  const base: Level = { nbrs: g.adj.map((nb) => new Map(nb.map((w) => [w, 1]))), self: g.adj.map(() => 0) };
  const final = renumber(membership);
  return { membership: final, modularity: modularityOf(base, final, m2), stoppedEarly: deadline.stopped };
}

/** Community numbers 0, 1, … largest first (ties by the smallest member), for a stable answer. */
function renumber(community: readonly number[]): number[] {
  const members = new Map<number, number[]>();
  community.forEach((c, v) => members.set(c, [...(members.get(c) ?? []), v]));
  const ranked = [...members.values()].sort((a, b) => b.length - a.length || (a[0] as number) - (b[0] as number));
  const out = new Array<number>(community.length);
  ranked.forEach((vs, i) => vs.forEach((v) => (out[v] = i)));
  return out;
}
