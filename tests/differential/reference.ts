/**
 * A plain reference for path questions, written from the contract's words and not from either
 * store: the graph in graphology, every simple path up to maxHops enumerated by depth-first
 * search over qualifying hops, then filtered and ordered as the contract says (fewer hops, then
 * the actor-id sequence). Time-respecting feasibility is brute force: every choice of one
 * relationship per hop, with the interval of possible times carried hop by hop.
 */
import { MultiDirectedGraph } from 'graphology';
import type { Relationship } from '../../server/domain/derive.js';
import { confidenceRank, RELATIONSHIP_TYPE_INFO } from '../../server/domain/vocabulary.js';
import type { PathQuery, RelationshipFilter } from '../../server/store/port.js';

export interface RefHop {
  relationship: string;
  alternatives: string[];
}

export interface RefPath {
  actors: string[];
  /** Non-temporal questions only: the surest qualifying relationship of each hop and the others. */
  hops: RefHop[] | null;
}

export interface RefAnswer {
  paths: RefPath[];
  truncated: boolean;
}

type Edge = { rel: Relationship };

export class ReferenceGraph {
  private readonly g = new MultiDirectedGraph<Record<string, never>, Edge>();

  constructor(actorIds: readonly string[], relationships: readonly Relationship[]) {
    for (const id of actorIds) this.g.addNode(id);
    for (const rel of relationships) this.g.addEdge(rel.source, rel.target, { rel });
  }

  /** Actors linked to this one by any relationship, either way, in id order. */
  neighboursOf(id: string): string[] {
    return [...this.g.neighbors(id)].sort();
  }

  private qualifies(r: Relationship, f: RelationshipFilter): boolean {
    if (f.types && !f.types.includes(r.type)) return false;
    if (f.window && (r.validity.from.day > f.window.end || r.validity.to.day < f.window.start)) return false;
    if (f.minConfidence && confidenceRank(r.confidence) < confidenceRank(f.minConfidence)) return false;
    if (f.datedOnly && !r.dated) return false;
    if (f.minSources && r.corroboration < f.minSources) return false;
    return true;
  }

  /** The qualifying relationships that take a walker from u to w in this direction. */
  hopRelationships(u: string, w: string, q: Pick<PathQuery, 'direction' | 'filter'>): Relationship[] {
    const out: Relationship[] = [];
    const take = (attrs: Edge, forward: boolean) => {
      const directed = RELATIONSHIP_TYPE_INFO[attrs.rel.type].directed;
      const ok = q.direction === 'ANY' || !directed || (q.direction === 'OUT' ? forward : !forward);
      if (ok && this.qualifies(attrs.rel, q.filter)) out.push(attrs.rel);
    };
    this.g.forEachOutEdge(u, w, (_e, attrs) => take(attrs, true));
    this.g.forEachOutEdge(w, u, (_e, attrs) => take(attrs, false));
    return out;
  }

  /** Every simple path from q.from to q.to of at most q.maxHops qualifying hops, avoiding excluded actors. */
  allSimplePaths(q: PathQuery): string[][] {
    const excluded = new Set(q.excludeActors);
    const found: string[][] = [];
    const path = [q.from];
    const onPath = new Set([q.from]);
    const visit = (u: string) => {
      if (path.length - 1 === q.maxHops) return;
      for (const w of this.g.neighbors(u)) {
        if (onPath.has(w) || excluded.has(w) || this.hopRelationships(u, w, q).length === 0) continue;
        path.push(w);
        if (w === q.to) found.push([...path]);
        else {
          onPath.add(w);
          visit(w);
          onPath.delete(w);
        }
        path.pop();
      }
    };
    visit(q.from);
    return found.sort((a, b) => a.length - b.length || compareSequences(a, b));
  }

  /** Brute force: is there a choice of relationships and times t1 ≤ t2 ≤ … (gaps ≤ maxGap) inside their validity? */
  feasible(actors: readonly string[], q: PathQuery): boolean {
    const gap = q.temporal?.maxGapDays ?? Infinity;
    const hops = actors.slice(1).map((w, i) => this.hopRelationships(actors[i] as string, w, q));
    const search = (i: number, lo: number, hi: number): boolean => {
      if (i === hops.length) return true;
      for (const r of hops[i] as Relationship[]) {
        // Times possible at hop i: at or after the earliest previous time, within gap of the latest.
        const a = Math.max(r.validity.from.day, i === 0 ? -Infinity : lo);
        const b = Math.min(r.validity.to.day, i === 0 ? Infinity : hi + gap);
        if (a <= b && search(i + 1, a, b)) return true;
      }
      return false;
    };
    return search(0, -Infinity, Infinity);
  }

  answer(q: PathQuery): RefAnswer {
    let candidates = this.allSimplePaths(q);
    if (q.temporal) candidates = candidates.filter((p) => this.feasible(p, q));
    if (q.mode === 'SHORTEST' && candidates.length > 0) candidates = candidates.filter((p) => p.length === (candidates[0] as string[]).length);
    const wanted = q.mode === 'K_SHORTEST' ? Math.min(q.k, q.limit) : q.limit;
    let truncated = candidates.length > wanted;
    if (q.mode === 'K_SHORTEST' && truncated && wanted >= q.k) truncated = false;
    const paths = candidates.slice(0, wanted).map((actors) => ({ actors, hops: q.temporal ? null : this.evidence(actors, q) }));
    return { paths, truncated };
  }

  /** The surest qualifying relationship of each hop (then validity start, then id), and the others in validity order. */
  private evidence(actors: readonly string[], q: PathQuery): RefHop[] {
    return actors.slice(1).map((w, i) => {
      const rels = this.hopRelationships(actors[i] as string, w, q);
      const listed = (a: Relationship, b: Relationship) => a.validity.from.day - b.validity.from.day || compareSequences([a.id], [b.id]);
      const surest = [...rels].sort((a, b) => confidenceRank(b.confidence) - confidenceRank(a.confidence) || listed(a, b))[0] as Relationship;
      return { relationship: surest.id, alternatives: rels.filter((r) => r !== surest).sort(listed).map((r) => r.id) };
    });
  }
}

function compareSequences(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
