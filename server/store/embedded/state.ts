/**
 * The embedded store's in-memory state: the records as written (what is persisted), the views
 * derived from them (actors with lifespans, relationships with validity; server/domain/derive.ts),
 * search keys, and the graph index the queries run on. Pure data; no I/O. A write builds a new
 * state from a copy of the records, so readers keep a consistent state until the swap.
 */
import { AttestationIndex, claimSourcesByActor, deriveLifespan, deriveRelationship, sourcePeriodsOf, type Actor, type Relationship } from '../../domain/derive.js';
import type { ActorRecord, CapacityAssessment, Dataset, Figure, NexusEvent, RelationshipRecord, Source } from '../../domain/schemas.js';
import { searchKeysOf, type SearchKeys } from '../../domain/search.js';
import { GraphIndex } from './graph-index.js';

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

const keysCache = new WeakMap<ActorRecord, SearchKeys>();

function keysOf(a: ActorRecord): SearchKeys {
  let keys = keysCache.get(a);
  if (!keys) keysCache.set(a, (keys = searchKeysOf(a)));
  return keys;
}

const SECTIONS = ['sources', 'actors', 'relationships', 'events', 'capacity', 'figures'] as const;

export class StoreState {
  readonly sources = new Map<string, Source>();
  readonly actorRecords = new Map<string, ActorRecord>();
  readonly relationshipRecords = new Map<string, RelationshipRecord>();
  readonly events = new Map<string, NexusEvent>();
  readonly capacity = new Map<string, CapacityAssessment>();
  readonly figures = new Map<string, Figure>();
  /** Derived by `derive()`. */
  readonly actors = new Map<string, IndexedActor>();
  readonly relationships = new Map<string, Relationship>();
  index = new GraphIndex([], []);

  static from(dataset: Dataset): StoreState {
    const state = new StoreState();
    state.apply(dataset);
    state.derive();
    return state;
  }

  private map(section: (typeof SECTIONS)[number]): Map<string, { id: string }> {
    switch (section) {
      case 'actors':
        return this.actorRecords;
      case 'relationships':
        return this.relationshipRecords;
      default:
        return this[section];
    }
  }

  /** A copy of the records whose maps can be changed without touching this state (derive() it after changing). */
  clone(): StoreState {
    const next = new StoreState();
    for (const section of SECTIONS) {
      const into = next.map(section);
      for (const [id, value] of this.map(section)) into.set(id, value);
    }
    return next;
  }

  /** Replace records by id. Returns how many records were created or changed. */
  apply(batch: Dataset): number {
    let changed = 0;
    for (const section of SECTIONS) {
      const map = this.map(section);
      for (const rec of batch[section] as Array<{ id: string }>) {
        const before = map.get(rec.id);
        if (before !== undefined && JSON.stringify(before) === JSON.stringify(rec)) continue;
        map.set(rec.id, rec);
        changed += 1;
      }
    }
    return changed;
  }

  /** Remove records by id. Returns how many went. */
  remove(ids: RecordIds): number {
    let removed = 0;
    for (const section of SECTIONS) {
      const map = this.map(section);
      for (const id of ids[section]) if (map.delete(id)) removed += 1;
    }
    return removed;
  }

  /** Work out every lifespan and validity from the records, and rebuild the graph index. */
  derive(): void {
    const ds = this.toDataset();
    const periods = sourcePeriodsOf(ds.sources);
    const attested = AttestationIndex.of(ds);
    const claimSources = claimSourcesByActor(ds.relationships);
    this.actors.clear();
    for (const a of ds.actors) {
      this.actors.set(a.id, { actor: { ...a, span: deriveLifespan(a, attested.get(a.id), periods, claimSources.get(a.id) ?? []) }, keys: keysOf(a) });
    }
    this.relationships.clear();
    for (const r of ds.relationships) {
      this.relationships.set(r.id, deriveRelationship(r, this.actors.get(r.source)?.actor.span, this.actors.get(r.target)?.actor.span, periods));
    }
    this.index = new GraphIndex(
      [...this.actors.values()].map((a) => a.actor),
      [...this.relationships.values()],
    );
  }

  toDataset(): Dataset {
    return {
      sources: [...this.sources.values()],
      actors: [...this.actorRecords.values()],
      relationships: [...this.relationshipRecords.values()],
      events: [...this.events.values()],
      capacity: [...this.capacity.values()],
      figures: [...this.figures.values()],
    };
  }
}
