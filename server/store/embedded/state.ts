/**
 * The embedded store's in-memory state: the records as written (what is persisted), every actor's
 * derived lifespan, and the graph index the queries run on (server/domain/derive.ts derives;
 * relationship views are derived when read). Pure data; no I/O. A write builds a new state from a
 * copy of the records, so readers keep a consistent state until the swap.
 */
import { AttestationIndex, deriveLifespan, sourcePeriodsOf, type Actor, type Lifespan, type SourcePeriods } from '../../domain/derive.js';
import type { ActorRecord, CapacityAssessment, Dataset, Figure, NexusEvent, RelationshipRecord, Source } from '../../domain/schemas.js';
import { searchKeysOf, type SearchKeys } from '../../domain/search.js';
import { SeedValidationError } from '../../domain/errors.js';
import { stateKey, type AuditEntry, type RecordState } from '../../domain/changes.js';
import { GraphIndex, prepareActors, relationshipEnds } from './graph-index.js';
import { canonicalJson } from '../records.js';

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

/** An actor's search keys, worked out once per record. */
export function searchKeysFor(a: ActorRecord): SearchKeys {
  let keys = keysCache.get(a);
  if (!keys) keysCache.set(a, (keys = searchKeysOf(a)));
  return keys;
}

const SECTIONS = ['sources', 'actors', 'relationships', 'events', 'capacity', 'figures'] as const;

/** The ids a bulk load holds twice (found only when the index's count says there are some). */
function duplicateIds(section: keyof Dataset, list: ReadonlyArray<{ id: string }>): SeedValidationError {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const { id } of list) {
    if (seen.has(id) && twice.length < 20) twice.push(id);
    seen.add(id);
  }
  return new SeedValidationError(twice.map((id) => ({ file: '(load)', record: `${section} (id "${id}")`, field: 'id', reason: 'appears twice' })));
}

export class StoreState {
  readonly sources = new Map<string, Source>();
  readonly actorRecords = new Map<string, ActorRecord>();
  readonly relationshipRecords = new Map<string, RelationshipRecord>();
  readonly events = new Map<string, NexusEvent>();
  readonly capacity = new Map<string, CapacityAssessment>();
  readonly figures = new Map<string, Figure>();
  /** Retired records by stateKey (kept, outside the index); the audit log, oldest first. */
  readonly retired = new Map<string, RecordState>();
  audit: AuditEntry[] = [];
  /** Derived by `derive()`. */
  spans = new Map<string, Lifespan>();
  periods: SourcePeriods = new Map();
  index = new GraphIndex([], new Map(), [], new Map());

  static from(dataset: Dataset): StoreState {
    const state = new StoreState();
    state.apply(dataset, { fresh: true });
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
    for (const [key, value] of this.retired) next.retired.set(key, value);
    next.audit = [...this.audit];
    return next;
  }

  /**
   * Replace records by id. Returns how many records were created or changed. `fresh`: the state is
   * empty and the batch has unique ids, so nothing needs comparing (a bulk load).
   */
  apply(batch: Dataset, opts: { fresh?: boolean } = {}): number {
    let changed = 0;
    for (const section of SECTIONS) {
      const map = this.map(section);
      const list = batch[section] as Array<{ id: string }>;
      const sizeBefore = map.size;
      for (const rec of list) {
        if (!opts.fresh) {
          const before = map.get(rec.id);
          // Same text is the common case; the canonical form also equates records whose keys come in another order.
          if (before !== undefined && (JSON.stringify(before) === JSON.stringify(rec) || canonicalJson(before) === canonicalJson(rec))) continue;
        }
        map.set(rec.id, rec);
        changed += 1;
      }
      if (opts.fresh && map.size - sizeBefore !== list.length) throw duplicateIds(section, list);
    }
    return changed;
  }

  /** A record's state: live, retired or absent. */
  stateOf(section: keyof Dataset, id: string): RecordState {
    const live = this.map(section).get(id);
    if (live) return { section, id, record: live, retired: null };
    return this.retired.get(stateKey({ section, id })) ?? { section, id, record: null, retired: null };
  }

  /** Make a record what `state` says (live, retired, or absent). */
  put(state: RecordState): void {
    const map = this.map(state.section);
    this.retired.delete(stateKey(state));
    map.delete(state.id);
    if (state.record && state.retired) this.retired.set(stateKey(state), state);
    else if (state.record) map.set(state.id, state.record);
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

  /** Work out every lifespan from the records, and rebuild the graph index (which derives validity). */
  derive(): void {
    const ds = this.toDataset();
    this.periods = sourcePeriodsOf(ds.sources);
    // Number the actors once; every pass below works on the integer ids.
    const actors = prepareActors(ds.actors);
    const ends = relationshipEnds(ds.relationships, actors.actorIndex);
    const attested = AttestationIndex.of(ds, this.periods, actors.actorIndex, ends);
    this.spans = new Map(ds.actors.map((a) => [a.id, deriveLifespan(a, attested.get(a.id), this.periods, attested.citedPeriod(a.id))]));
    this.index = new GraphIndex(actors, this.spans, ds.relationships, this.periods, ends);
  }

  actor(id: string): Actor | undefined {
    const a = this.actorRecords.get(id);
    const span = this.spans.get(id);
    return a && span ? { ...a, span } : undefined;
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
