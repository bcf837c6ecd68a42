/**
 * The embedded store: an in-process, pure-JS GraphStore over StoreState, persisted to one JSON
 * data file after every write. The default when NEO4J_URI is unset, and what CI runs.
 */
import type { Actor, CapacityAssessment, Dataset, Figure, NexusEvent, Relationship } from '../../domain/schemas.js';
import { intervalRange, overlaps, validDuring, type DayRange } from '../../domain/time.js';
import { confidenceRank } from '../../domain/vocabulary.js';
import type {
  ActorQuery,
  GraphStore,
  PageRequest,
  PageResult,
  RelationshipFilter,
  Snapshot,
  SnapshotQuery,
  SourceWithCount,
  StoreCounts,
  UpsertResult,
} from '../port.js';
import { searchQuery, searchRank } from '../../domain/search.js';
import {
  assertBatchIntegrity,
  compareByConfidence,
  compareIds,
  compareRelationships,
  compareSearchHits,
  externalReferences,
  parseBatch,
} from '../records.js';
import { StoreState, idsOf, type RecordIds } from './state.js';
import { readDataFile, writeDataFileAtomically, type StoredData } from './persistence.js';
import { checkIntegrity } from '../../dataset/integrity.js';
import { SeedValidationError } from '../../domain/errors.js';

export interface EmbeddedStoreOptions {
  /** Where writes are persisted; null keeps everything in memory (tests). */
  dataFile: string | null;
}

function page<T>(items: T[], { offset, limit }: PageRequest): PageResult<T> {
  return { items: items.slice(offset, offset + limit), totalCount: items.length };
}

/** Matches a filter; time is judged on the relationship's validity (see validityOf). */
function relationshipMatcher(filter: RelationshipFilter, validity: ReadonlyMap<string, DayRange>): (r: Relationship) => boolean {
  const types = filter.types ? new Set<string>(filter.types) : null;
  const actors = filter.actorIds ? new Set(filter.actorIds) : null;
  const minRank = filter.minConfidence ? confidenceRank(filter.minConfidence) : -1;
  const window = filter.window ?? null;
  const datedOnly = filter.datedOnly ?? false;
  return (r) =>
    (!datedOnly || r.interval.from !== null || r.interval.to !== null) &&
    (types === null || types.has(r.type)) &&
    (actors === null || actors.has(r.source) || actors.has(r.target)) &&
    confidenceRank(r.confidence) >= minRank &&
    (window === null || overlaps(validity.get(r.id) ?? intervalRange(r.interval), window));
}

function eventRange(e: NexusEvent): DayRange {
  return intervalRange({ from: e.date, to: e.endDate ?? e.date });
}

export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private state = new StoreState();
  private seedIds: StoredData['seedIds'] = {};
  private writeQueue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: EmbeddedStoreOptions) {}

  static async open(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
    const store = new EmbeddedStore(options);
    const stored = options.dataFile ? await readDataFile(options.dataFile) : null;
    if (stored) {
      store.state = StoreState.from(stored.dataset);
      store.seedIds = stored.seedIds;
    }
    return store;
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writeQueue.then(work);
    this.writeQueue = run.catch(() => undefined);
    return run;
  }

  upsert(raw: Partial<Dataset>): Promise<UpsertResult> {
    return this.serialised(() => this.upsertNow(raw));
  }

  /**
   * Bring the store in line with the seed: upsert every seed record and remove the records that
   * an earlier seed had but this one dropped (records written by other means are kept).
   * All or nothing, like upsert.
   */
  syncSeed(seed: Dataset): Promise<UpsertResult> {
    return this.serialised(async () => {
      const batch = parseBatch(seed);
      const current = idsOf(batch);
      const dropped = Object.fromEntries(
        (Object.keys(current) as Array<keyof RecordIds>).map((k) => {
          const keep = new Set(current[k]);
          return [k, (this.seedIds[k] ?? []).filter((id) => !keep.has(id))];
        }),
      ) as RecordIds;
      const next = this.state.clone();
      const removed = next.remove(dropped);
      const changed = next.apply(batch) + removed;
      const problems = checkIntegrity(next.toDataset(), undefined, '(seed sync)');
      if (problems.length > 0) throw new SeedValidationError(problems);
      if (this.options.dataFile && (changed > 0 || JSON.stringify(this.seedIds) !== JSON.stringify(current))) {
        await writeDataFileAtomically(this.options.dataFile, next.toDataset(), current);
      }
      this.state = next;
      this.seedIds = current;
      return { changed };
    });
  }

  private async upsertNow(raw: Partial<Dataset>): Promise<UpsertResult> {
    const batch = parseBatch(raw);
    const refs = externalReferences(batch);
    const actorKinds = new Map(refs.actorIds.flatMap((id) => {
      const a = this.state.actors.get(id);
      return a ? [[id, a.actor.kind] as const] : [];
    }));
    const sourceIds = new Set(refs.sourceIds.filter((id) => this.state.sources.has(id)));
    assertBatchIntegrity(batch, { actorKinds, sourceIds });
    const next = this.state.clone();
    const changed = next.apply(batch);
    if (changed > 0 && this.options.dataFile) await writeDataFileAtomically(this.options.dataFile, next.toDataset(), this.seedIds);
    this.state = next;
    return { changed };
  }

  async getActors(ids: readonly string[]): Promise<Actor[]> {
    return ids.flatMap((id) => {
      const a = this.state.actors.get(id);
      return a ? [a.actor] : [];
    });
  }

  async searchActors(query: ActorQuery, request: PageRequest): Promise<PageResult<Actor>> {
    const kinds = query.kinds ? new Set<string>(query.kinds) : null;
    const countries = query.countries ? new Set(query.countries) : null;
    const hits: Array<{ rank: number; actor: Actor }> = [];
    const q = searchQuery(query.search);
    for (const { actor, keys } of this.state.actors.values()) {
      if (kinds && !kinds.has(actor.kind)) continue;
      if (countries && (actor.country === null || !countries.has(actor.country))) continue;
      if (!validDuring(actor.active, query.activeWindow ?? null)) continue;
      const rank = searchRank(keys, q);
      if (rank !== null) hits.push({ rank, actor });
    }
    hits.sort(compareSearchHits);
    return page(hits.map((h) => h.actor), request);
  }

  async getRelationships(ids: readonly string[]): Promise<Relationship[]> {
    return ids.flatMap((id) => {
      const r = this.state.relationships.get(id);
      return r ? [r] : [];
    });
  }

  private candidates(actorIds: readonly string[] | undefined): Iterable<Relationship> {
    if (!actorIds) return this.state.relationships.values();
    const ids = new Set<string>();
    for (const a of actorIds) this.state.adjacency.get(a)?.forEach((id) => ids.add(id));
    return [...ids].map((id) => this.state.relationships.get(id)).filter((r): r is Relationship => r !== undefined);
  }

  async listRelationships(filter: RelationshipFilter, request: PageRequest): Promise<PageResult<Relationship>> {
    const matches = [...this.candidates(filter.actorIds)].filter(relationshipMatcher(filter, this.state.validity));
    return page(matches.sort(compareRelationships), request);
  }

  async incident(actorIds: readonly string[], filter: RelationshipFilter): Promise<Relationship[]> {
    const matcher = relationshipMatcher({ ...filter, actorIds }, this.state.validity);
    return [...this.candidates(actorIds)].filter(matcher).sort(compareRelationships);
  }

  async snapshot(query: SnapshotQuery): Promise<Snapshot> {
    const kinds = query.kinds ? new Set<string>(query.kinds) : null;
    const kindOk = (id: string) => kinds === null || kinds.has(this.state.actors.get(id)?.actor.kind ?? '');
    const matcher = relationshipMatcher(query, this.state.validity);
    const matches = [...this.candidates(query.actorIds)]
      .filter((r) => matcher(r) && kindOk(r.source) && kindOk(r.target))
      .sort(compareByConfidence);
    const relationships = matches.slice(0, query.limit).sort(compareRelationships);
    const actorIds = [...new Set(relationships.flatMap((r) => [r.source, r.target]))].sort(compareIds);
    return { actors: await this.getActors(actorIds), relationships, truncated: matches.length > query.limit };
  }

  async dyad(a: string, b: string): Promise<Relationship[]> {
    return [...this.candidates([a])]
      .filter((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a))
      .sort(compareRelationships);
  }

  async listEvents(filter: { actorId?: string; window?: DayRange | null }): Promise<NexusEvent[]> {
    const { actorId, window } = filter;
    return [...this.state.events.values()]
      .filter((e) => !actorId || e.actors.includes(actorId) || e.places.includes(actorId))
      .filter((e) => !window || overlaps(eventRange(e), window))
      .sort((x, y) => eventRange(x).start - eventRange(y).start || compareIds(x.id, y.id));
  }

  async listCapacity(filter: { regionId?: string; window?: DayRange | null }): Promise<CapacityAssessment[]> {
    const { regionId, window } = filter;
    return [...this.state.capacity.values()]
      .filter((c) => !regionId || c.region === regionId)
      .filter((c) => validDuring(c.period, window ?? null))
      .sort((x, y) => compareIds(x.region, y.region) || intervalRange(x.period).start - intervalRange(y.period).start || compareIds(x.id, y.id));
  }

  async listFigures(filter: { actorId?: string }): Promise<Figure[]> {
    return [...this.state.figures.values()]
      .filter((f) => !filter.actorId || f.actors.includes(filter.actorId))
      .sort((x, y) => compareIds(x.id, y.id));
  }

  async listSources(): Promise<SourceWithCount[]> {
    const counts = new Map<string, number>();
    const ds = this.state.toDataset();
    for (const rec of [...ds.actors, ...ds.relationships, ...ds.events, ...ds.capacity, ...ds.figures]) {
      for (const id of new Set(rec.citations.map((c) => c.source))) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return ds.sources.map((s) => ({ ...s, factCount: counts.get(s.id) ?? 0 })).sort((x, y) => compareIds(x.id, y.id));
  }

  async counts(): Promise<StoreCounts> {
    const s = this.state;
    return {
      actors: s.actors.size,
      relationships: s.relationships.size,
      events: s.events.size,
      sources: s.sources.size,
      capacity: s.capacity.size,
      figures: s.figures.size,
    };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    await this.writeQueue;
  }
}
