/**
 * Graph traversal over the store port: which relationships can be walked from an actor,
 * loading adjacency level by level (one store round trip per level), and BFS distances.
 * Shared by path finding and neighbourhoods, identical for both stores.
 */
import type { Relationship } from '../domain/schemas.js';
import { RELATIONSHIP_TYPE_INFO } from '../domain/vocabulary.js';
import type { GraphStore, RelationshipFilter } from '../store/port.js';

export type Direction = 'ANY' | 'OUT' | 'IN';

export interface Step {
  relationship: Relationship;
  /** The actor reached by walking the relationship. */
  to: string;
}

/** Can `r` be walked starting from actor `from`, given the direction rule? */
export function walkable(r: Relationship, from: string, direction: Direction): string | null {
  const undirected = !RELATIONSHIP_TYPE_INFO[r.type].directed;
  if (r.source === from && (direction !== 'IN' || undirected)) return r.target;
  if (r.target === from && (direction !== 'OUT' || undirected)) return r.source;
  return null;
}

/** Lazily loaded adjacency of the filtered graph, with excluded actors removed. */
export class AdjacencyCache {
  private readonly loaded = new Map<string, Relationship[]>();
  loads = 0;

  constructor(
    private readonly store: GraphStore,
    private readonly filter: RelationshipFilter,
    private readonly excluded: ReadonlySet<string>,
  ) {}

  /** Load the incident relationships of every actor in `ids` not loaded yet (one round trip). */
  async load(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.loaded.has(id) && !this.excluded.has(id));
    if (missing.length === 0) return;
    this.loads += 1;
    const rels = await this.store.incident(missing, this.filter);
    for (const id of missing) this.loaded.set(id, []);
    for (const r of rels) {
      if (this.excluded.has(r.source) || this.excluded.has(r.target)) continue;
      this.loaded.get(r.source)?.push(r);
      if (r.target !== r.source) this.loaded.get(r.target)?.push(r);
    }
  }

  isLoaded(id: string): boolean {
    return this.loaded.has(id);
  }

  /** Relationships touching `id` (must be loaded). */
  incident(id: string): readonly Relationship[] {
    return this.loaded.get(id) ?? [];
  }

  /** Steps that can be walked from `id` under the direction rule. */
  steps(id: string, direction: Direction): Step[] {
    const out: Step[] = [];
    for (const r of this.incident(id)) {
      const to = walkable(r, id, direction);
      if (to !== null && !this.excluded.has(to)) out.push({ relationship: r, to });
    }
    return out;
  }
}

/**
 * Hop distances *to* a target, found by a reverse breadth-first search that is extended level by
 * level only as far as a query needs (loading adjacency one level per store round trip).
 * u is at distance d+1 when some relationship walkable from u reaches an actor at distance d.
 * After `extendTo(h)`, every actor within h hops is known, and the adjacency of every actor
 * within h-1 hops is loaded.
 */
export class DistancesTo {
  readonly dist = new Map<string, number>();
  private frontier: string[];
  private level = 0;

  constructor(
    private readonly cache: AdjacencyCache,
    target: string,
    private readonly direction: Direction,
  ) {
    this.dist.set(target, 0);
    this.frontier = [target];
  }

  /** True when no actor lies farther out. */
  get exhausted(): boolean {
    return this.frontier.length === 0;
  }

  get hops(): number {
    return this.level;
  }

  async extendTo(hops: number, shouldStop: () => boolean): Promise<void> {
    while (this.level < hops && this.frontier.length > 0 && !shouldStop()) {
      await this.cache.load(this.frontier);
      const next: string[] = [];
      for (const v of this.frontier) {
        for (const r of this.cache.incident(v)) {
          const u = r.source === v ? r.target : r.source;
          if (this.dist.has(u) || walkable(r, u, this.direction) !== v) continue;
          this.dist.set(u, this.level + 1);
          next.push(u);
        }
      }
      this.frontier = next;
      this.level += 1;
    }
  }
}
