/**
 * The embedded store's in-memory state: records by id plus an adjacency index
 * (actor id → ids of relationships touching it). Pure data; no I/O.
 */
import type { Actor, CapacityAssessment, Dataset, Figure, NexusEvent, Relationship, Source } from '../../domain/schemas.js';
import { searchKeysOf, type SearchKeys } from '../../domain/search.js';
import { intervalRange, validityOf, type DayRange } from '../../domain/time.js';

export interface IndexedActor {
  actor: Actor;
  keys: SearchKeys;
}

/** Ids of records, by section. */
export type RecordIds = Record<keyof Dataset, string[]>;

export function idsOf(ds: Dataset): RecordIds {
  return {
    sources: ds.sources.map((r) => r.id),
    actors: ds.actors.map((r) => r.id),
    relationships: ds.relationships.map((r) => r.id),
    events: ds.events.map((r) => r.id),
    capacity: ds.capacity.map((r) => r.id),
    figures: ds.figures.map((r) => r.id),
  };
}

export class StoreState {
  readonly sources = new Map<string, Source>();
  readonly actors = new Map<string, IndexedActor>();
  readonly relationships = new Map<string, Relationship>();
  readonly events = new Map<string, NexusEvent>();
  readonly capacity = new Map<string, CapacityAssessment>();
  readonly figures = new Map<string, Figure>();
  readonly adjacency = new Map<string, Set<string>>();
  /** When each relationship is valid: its dates, unknown ends bounded by its actors' lifetimes. */
  readonly validity = new Map<string, DayRange>();

  static from(dataset: Dataset): StoreState {
    const state = new StoreState();
    state.apply(dataset);
    return state;
  }

  /** A shallow copy whose maps can be changed without touching this state. */
  clone(): StoreState {
    const next = new StoreState();
    for (const key of ['sources', 'actors', 'relationships', 'events', 'capacity', 'figures'] as const) {
      for (const [id, value] of this[key]) (next[key] as Map<string, unknown>).set(id, value);
    }
    for (const [id, set] of this.adjacency) next.adjacency.set(id, new Set(set));
    for (const [id, range] of this.validity) next.validity.set(id, range);
    return next;
  }

  /** Replace records by id. Returns how many records were created or changed. */
  apply(batch: Dataset): number {
    let changed = 0;
    const same = (a: unknown, b: unknown) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);
    const put = <T extends { id: string }>(map: Map<string, T>, value: T): void => {
      if (same(map.get(value.id), value)) return;
      map.set(value.id, value);
      changed += 1;
    };
    const touched = new Set<string>();
    batch.sources.forEach((s) => put(this.sources, s));
    for (const a of batch.actors) {
      if (same(this.actors.get(a.id)?.actor, a)) continue;
      this.actors.set(a.id, { actor: a, keys: searchKeysOf(a) });
      this.adjacency.get(a.id)?.forEach((id) => touched.add(id));
      changed += 1;
    }
    for (const r of batch.relationships) {
      const previous = this.relationships.get(r.id);
      if (same(previous, r)) continue;
      if (previous) this.unlink(previous);
      this.relationships.set(r.id, r);
      this.link(r);
      touched.add(r.id);
      changed += 1;
    }
    for (const id of touched) this.refreshValidity(id);
    batch.events.forEach((e) => put(this.events, e));
    batch.capacity.forEach((c) => put(this.capacity, c));
    batch.figures.forEach((f) => put(this.figures, f));
    return changed;
  }

  /** Remove records by id (relationships first, so the adjacency stays right). Returns how many went. */
  remove(ids: RecordIds): number {
    let removed = 0;
    for (const id of ids.relationships) {
      const r = this.relationships.get(id);
      if (!r) continue;
      this.unlink(r);
      this.relationships.delete(id);
      this.validity.delete(id);
      removed += 1;
    }
    for (const key of ['sources', 'actors', 'events', 'capacity', 'figures'] as const) {
      for (const id of ids[key]) if (this[key].delete(id)) removed += 1;
    }
    return removed;
  }

  toDataset(): Dataset {
    return {
      sources: [...this.sources.values()],
      actors: [...this.actors.values()].map((a) => a.actor),
      relationships: [...this.relationships.values()],
      events: [...this.events.values()],
      capacity: [...this.capacity.values()],
      figures: [...this.figures.values()],
    };
  }

  private refreshValidity(id: string): void {
    const r = this.relationships.get(id);
    if (!r) return;
    const v = validityOf(r.interval, this.actors.get(r.source)?.actor.active, this.actors.get(r.target)?.actor.active);
    this.validity.set(id, intervalRange(v));
  }

  private link(r: Relationship): void {
    for (const id of [r.source, r.target]) {
      let set = this.adjacency.get(id);
      if (!set) this.adjacency.set(id, (set = new Set()));
      set.add(r.id);
    }
  }

  private unlink(r: Relationship): void {
    this.adjacency.get(r.source)?.delete(r.id);
    this.adjacency.get(r.target)?.delete(r.id);
  }
}
