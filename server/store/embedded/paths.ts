/**
 * Path finding on the embedded graph index. The least hop count comes from a bidirectional
 * breadth-first search; paths of that length are enumerated on the shortest-path DAG (only actors
 * that lie on some shortest path are entered), longer ones by a depth-first search pruned by the
 * hop distance to the target. Neighbours are visited in id order, so paths come out in contract
 * order (fewer hops, then the actor-id sequence). Time-respecting searches carry each prefix's
 * reach (server/domain/temporal.ts) and drop a branch as soon as no times fit.
 */
import { ANY_DAY, chooseHops, extendReach, type HopChoice, type HopRules, type Reach } from '../../domain/temporal.js';
import type { PathQuery } from '../port.js';
import { Budget } from './budget.js';
import { WALK_IN, WALK_OUT, type EdgeFilter, type GraphIndex } from './graph-index.js';

export interface IndexPath {
  nodes: number[];
  hops: Array<HopChoice<number>>;
}

export interface IndexPathResult {
  paths: IndexPath[];
  truncatedBy: 'LIMIT' | 'TIME' | null;
}

const CHECK_EVERY = 2047;

/** Breadth-first distances from one end, extended a level at a time. */
class Ball {
  readonly dist: Int32Array;
  depth = 0;
  frontier: number[];

  constructor(
    private readonly g: GraphIndex,
    private readonly f: EdgeFilter,
    private readonly excluded: Uint8Array,
    /** Entry bits a step must carry: forward from the start, or backward into the target. */
    private readonly mask: number,
    root: number,
    /** Scratch distances, all −1. */
    dist: Int32Array,
  ) {
    this.dist = dist;
    this.dist[root] = 0;
    this.frontier = [root];
  }

  get exhausted(): boolean {
    return this.frontier.length === 0;
  }

  /** The sum of the frontier's degrees: the cost of the next level. */
  cost(): number {
    let c = 0;
    for (const v of this.frontier) c += (this.g.offsets[v + 1] as number) - (this.g.offsets[v] as number);
    return c;
  }

  /** Expand one level; calls `meet` for every newly reached actor. */
  async expand(budget: Budget, meet?: (v: number) => void): Promise<void> {
    const { g, f, excluded, mask } = this;
    const next: number[] = [];
    const d = this.depth + 1;
    let steps = 0;
    for (const u of this.frontier) {
      for (let i = g.offsets[u] as number, end = g.offsets[u + 1] as number; i < end; i += 1) {
        if ((++steps & CHECK_EVERY) === 0 && (await budget.check())) return;
        const w = g.neighbour[i] as number;
        if (this.dist[w] !== -1 || excluded[w] === 1 || ((g.walk[i] as number) & mask) === 0 || !g.passes(g.edge[i] as number, f)) continue;
        this.dist[w] = d;
        next.push(w);
        meet?.(w);
      }
    }
    this.frontier = next;
    this.depth = d;
  }
}

export async function findIndexPaths(g: GraphIndex, q: PathQuery, source: number, target: number): Promise<IndexPathResult> {
  const held: Array<Int32Array | Uint8Array> = [];
  try {
    return await search(g, q, source, target, held);
  } finally {
    g.scratch.give(...held);
  }
}

async function search(g: GraphIndex, q: PathQuery, source: number, target: number, held: Array<Int32Array | Uint8Array>): Promise<IndexPathResult> {
  const hold = <T extends Int32Array | Uint8Array>(a: T): T => (held.push(a), a);
  const budget = new Budget(q.budgetMs);
  const f = g.compile(q.filter);
  const excluded = hold(g.scratch.actorMarks());
  for (const id of q.excludeActors) {
    const v = g.actorIndex.get(id);
    if (v !== undefined) excluded[v] = 1;
  }
  const forwardMask = q.direction === 'OUT' ? WALK_OUT : q.direction === 'IN' ? WALK_IN : WALK_OUT | WALK_IN;
  const backwardMask = q.direction === 'OUT' ? WALK_IN : q.direction === 'IN' ? WALK_OUT : WALK_OUT | WALK_IN;
  const fwd = new Ball(g, f, excluded, forwardMask, source, hold(g.scratch.perActor(-1)));
  const back = new Ball(g, f, excluded, backwardMask, target, hold(g.scratch.perActor(-1)));

  // 1. The least hop count, by bidirectional BFS (always expanding the cheaper side).
  let least = Infinity;
  while (least === Infinity && !fwd.exhausted && !back.exhausted && fwd.depth + back.depth < q.maxHops && !budget.timedOut) {
    if (fwd.cost() <= back.cost()) await fwd.expand(budget, (w) => back.dist[w] !== -1 && (least = Math.min(least, fwd.depth + 1 + (back.dist[w] as number))));
    else await back.expand(budget, (w) => fwd.dist[w] !== -1 && (least = Math.min(least, back.depth + 1 + (fwd.dist[w] as number))));
  }
  if (budget.timedOut) return { paths: [], truncatedBy: 'TIME' };
  if (least === Infinity || least > q.maxHops) return { paths: [], truncatedBy: null };
  const L = least;
  const pf = fwd.depth;
  const pb = back.depth;

  // 2. Enumerate.
  const temporal = q.temporal;
  const gap = temporal?.maxGapDays ?? null;
  const wanted = q.mode === 'K_SHORTEST' ? Math.min(q.k, q.limit) : q.limit;
  const paths: IndexPath[] = [];
  let capped = false;
  const rules: HopRules<number> = {
    span: (e) => [g.validFrom[e] as number, g.validTo[e] as number],
    better: (a, b) => (g.rank[b] as number) - (g.rank[a] as number) || (g.contractOf[a] as number) - (g.contractOf[b] as number),
    listed: (a, b) => (g.contractOf[a] as number) - (g.contractOf[b] as number),
  };
  /** The qualifying relationships from u to w (u's entries are grouped by neighbour). */
  const hopEdges = (u: number, w: number): number[] => {
    const out: number[] = [];
    const end = g.offsets[u + 1] as number;
    for (let i = g.firstEntry(u, w); i < end && g.neighbour[i] === w; i += 1) {
      if (((g.walk[i] as number) & forwardMask) !== 0 && g.passes(g.edge[i] as number, f)) out.push(g.edge[i] as number);
    }
    return out;
  };
  const emit = (nodes: number[]): void => {
    const hops = chooseHops(nodes.slice(1).map((w, i) => hopEdges(nodes[i] as number, w)), rules, temporal);
    if (hops) paths.push({ nodes, hops });
  };

  // Shortest-path DAG membership for the forward zone: can v (at position df[v]) reach the target in L − df[v] hops?
  const good = hold(g.scratch.actorMarks());
  const onDag = (v: number): boolean => {
    if (good[v] !== 0) return good[v] === 1;
    const i0 = fwd.dist[v] as number;
    let ok = false;
    if (L - i0 <= pb) ok = back.dist[v] === L - i0;
    else {
      for (let i = g.offsets[v] as number, end = g.offsets[v + 1] as number; i < end && !ok; i += 1) {
        const w = g.neighbour[i] as number;
        if (fwd.dist[w] === i0 + 1 && ((g.walk[i] as number) & forwardMask) !== 0 && g.passes(g.edge[i] as number, f) && onDag(w)) ok = true;
      }
    }
    good[v] = ok ? 1 : 2;
    return ok;
  };

  const visited = hold(g.scratch.actorMarks());
  const nodes = new Int32Array(q.maxHops + 1);
  const cursor = new Int32Array(q.maxHops + 1);
  const reach: Reach[] = new Array<Reach>(q.maxHops + 1);
  const spans: number[] = [];

  /** Depth-first enumeration of the paths of exactly `length` hops, in id order. */
  const walk = async (length: number, admissible: (w: number, depth: number) => boolean): Promise<void> => {
    let depth = 0;
    nodes[0] = source;
    cursor[0] = g.offsets[source] as number;
    reach[0] = ANY_DAY;
    visited[source] = 1;
    let steps = 0;
    while (depth >= 0) {
      if ((++steps & CHECK_EVERY) === 0 && (await budget.check())) break;
      const u = nodes[depth] as number;
      const end = g.offsets[u + 1] as number;
      let i = cursor[depth] as number;
      if (i >= end) {
        visited[u] = 0;
        depth -= 1;
        continue;
      }
      const w = g.neighbour[i] as number;
      let qualifying = 0;
      spans.length = 0;
      for (; i < end && g.neighbour[i] === w; i += 1) {
        const e = g.edge[i] as number;
        if (((g.walk[i] as number) & forwardMask) === 0 || !g.passes(e, f)) continue;
        qualifying += 1;
        if (temporal) spans.push(g.validFrom[e] as number, g.validTo[e] as number);
      }
      cursor[depth] = i;
      const next = depth + 1;
      if (qualifying === 0 || visited[w] === 1 || excluded[w] === 1) continue;
      if (w === target ? next !== length : next >= length) continue;
      if (!admissible(w, next)) continue;
      let r: Reach = ANY_DAY;
      if (temporal) {
        r = extendReach(reach[depth] as Reach, spans, gap);
        if (r.length === 0) continue;
      }
      if (w === target) {
        if (paths.length === wanted) {
          capped = true;
          break;
        }
        emit([...nodes.subarray(0, next), target]);
        continue;
      }
      depth = next;
      nodes[depth] = w;
      cursor[depth] = g.offsets[w] as number;
      reach[depth] = r;
      visited[w] = 1;
    }
    visited.fill(0);
  };

  const dagAdmissible = (w: number, depth: number): boolean => (depth <= pf ? fwd.dist[w] === depth && onDag(w) : back.dist[w] === L - depth);
  const generalAdmissible = (length: number) => (w: number, depth: number): boolean => {
    const d = back.dist[w] as number;
    return d !== -1 && d <= length - depth;
  };

  for (let length = L; length <= q.maxHops && !capped && !budget.timedOut; length += 1) {
    if (length === L) await walk(length, dagAdmissible);
    else {
      while (back.depth < length - 1 && !back.exhausted && !budget.timedOut) await back.expand(budget);
      await walk(length, generalAdmissible(length));
    }
    if (q.mode === 'SHORTEST' && (!temporal || paths.length > 0)) break;
    // K_SHORTEST capped below k by the limit: one more path, of any length, means truncated.
    if (q.mode === 'K_SHORTEST' && paths.length >= wanted && (wanted >= q.k || capped)) break;
  }
  if (q.mode === 'K_SHORTEST' && capped && paths.length >= q.k) capped = false;
  return { paths, truncatedBy: budget.timedOut ? 'TIME' : capped ? 'LIMIT' : null };
}
