/**
 * The embedded store: an in-process, pure-JS GraphStore over StoreState and its graph index,
 * persisted to one data file after every write (with the retired records and the audit log). The
 * default when NEO4J_URI is unset, and what CI runs. Graph questions are answered on the index (embedded/paths.ts, embedded/queries.ts).
 */
import type { Actor, Relationship } from '../../domain/derive.js';
import type { CapacityAssessment, Dataset, Figure, NexusEvent, Source } from '../../domain/schemas.js';
import { stageChangesBetween } from '../../domain/stages.js';
import { intervalRange, overlaps, validDuring, type DayRange } from '../../domain/time.js';
import type {
  ActorQuery,
  BulkLoadOptions,
  DiffQuery,
  GraphStore,
  Neighbourhood,
  NeighbourhoodQuery,
  OverviewQuery,
  NetworkDiff,
  PageRequest,
  PageResult,
  PathQuery,
  PathResult,
  RelationshipFilter,
  Snapshot,
  SnapshotQuery,
  SourceWithCount,
  StoreCounts,
  UpsertResult,
} from '../port.js';
import { searchQuery, searchRank } from '../../domain/search.js';
import { assertBatchIntegrity, compareIds, compareSearchHits, externalReferences, parseBatch } from '../records.js';
import { StoreState, idsOf, searchKeysFor, type RecordIds } from './state.js';
import { DataFileInvalidError, readDataFile, writeDataFileAtomically, writeDataFileFromRecordFile, type StoredData } from './persistence.js';
import { removeOrphanTemps } from './files.js';
import { checkIntegrity } from '../../dataset/integrity.js';
import { SeedValidationError } from '../../domain/errors.js';
import { findIndexPaths } from './paths.js';
import { STAGE_TYPE_CODES } from './graph-index.js';
import { indexList, indexNeighbourhood, indexOverview, indexSnapshot, indexValidIn } from './queries.js';
import { auditMatches, compareAuditNewestFirst, stateKey, editedKeys, withoutEditedRecords, type AuditEntry, type AuditFilter, type ChangeStepHook, type RecordKey, type RecordState } from '../../domain/changes.js';
import { assertUnchanged, liveWrites } from '../changes.js';
import type { Ledger } from './persistence.js';

export interface EmbeddedStoreOptions {
  /** Where writes are persisted; null keeps everything in memory (tests). */
  dataFile: string | null;
}

function eventRange(e: NexusEvent): DayRange {
  return intervalRange({ from: e.date, to: e.endDate ?? e.date });
}

function ledgerOf(state: StoreState): Ledger {
  return { retired: [...state.retired.values()], audit: state.audit };
}

export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private state = StoreState.from({ sources: [], actors: [], relationships: [], events: [], capacity: [], figures: [] });
  private seedIds: StoredData['seedIds'] = {};
  private writeQueue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: EmbeddedStoreOptions) {}

  static async open(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
    const store = new EmbeddedStore(options);
    if (options.dataFile) {
      const removed = await removeOrphanTemps(options.dataFile);
      if (removed.length > 0) console.warn(`[store] removed ${removed.length} temp file(s) left by an interrupted write: ${removed.join(', ')}`);
    }
    const stored = options.dataFile ? await readDataFile(options.dataFile) : null;
    if (stored && options.dataFile) {
      const problems = checkIntegrity(stored.dataset, undefined, options.dataFile);
      if (problems.length > 0) throw new DataFileInvalidError(options.dataFile, problems);
      try {
        store.state = StoreState.from(stored.dataset);
      } catch (e) {
        const problems = e instanceof SeedValidationError ? e.problems : [{ file: options.dataFile, record: '(records)', field: '(index)', reason: (e as Error).message }];
        throw new DataFileInvalidError(options.dataFile, problems);
      }
      for (const r of stored.retired) store.state.retired.set(stateKey(r), r);
      store.state.audit = stored.audit;
      store.seedIds = stored.seedIds;
    }
    return store;
  }

  bulkLoad(dataset: Dataset, options: BulkLoadOptions = {}): Promise<UpsertResult> {
    return this.serialised(async () => {
      const empty = this.state.actorRecords.size === 0 && this.state.relationshipRecords.size === 0 && this.state.retired.size === 0 && this.state.audit.length === 0;
      const next = empty ? new StoreState() : this.state.clone();
      const changed = next.apply(dataset, { fresh: empty });
      options.onProgress?.(changed, changed, 'records applied');
      const problems = checkIntegrity(next.toDataset(), undefined, '(import)');
      if (problems.length > 0) throw new SeedValidationError(problems);
      if (changed === 0) return { changed };
      if (options.audit) next.audit.push(options.audit);
      next.derive();
      options.onProgress?.(changed, changed, 'index built');
      if (this.options.dataFile) {
        if (empty && options.recordFile) await writeDataFileFromRecordFile(this.options.dataFile, options.recordFile, dataset, next.audit);
        else await writeDataFileAtomically(this.options.dataFile, next.toDataset(), this.seedIds, ledgerOf(next));
        options.onProgress?.(changed, changed, 'data file written');
      }
      this.state = next;
      return { changed };
    });
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writeQueue.then(work);
    this.writeQueue = run.catch(() => undefined);
    return run;
  }

  upsert(raw: Partial<Dataset>): Promise<UpsertResult> {
    return this.serialised(() => this.upsertNow(raw));
  }

  /** The ids the last seed sync brought in, by section (what a later sync may remove). */
  seededIds(): StoredData['seedIds'] {
    return this.seedIds;
  }

  /**
   * Bring the store in line with the seed: upsert every seed record and remove the records that
   * an earlier seed had but this one dropped (records written by other means are kept). Whether a
   * seed may sync at all (an empty or partial seed folder may not) is decided before, in
   * store/seed-sync.ts. All or nothing, like upsert.
   */
  syncSeed(seed: Dataset): Promise<UpsertResult & { removed: number }> {
    return this.serialised(async () => {
      // A record an editor has changed or retired is theirs now: the seed no longer refreshes or removes it.
      const { dataset: batch } = withoutEditedRecords(parseBatch(seed), this.state.audit);
      const edited = editedKeys(this.state.audit);
      const current = idsOf(batch);
      const dropped = Object.fromEntries(
        (Object.keys(current) as Array<keyof RecordIds>).map((k) => {
          const keep = new Set(current[k]);
          return [k, (this.seedIds[k] ?? []).filter((id) => !keep.has(id) && !edited.has(stateKey({ section: k, id })))];
        }),
      ) as RecordIds;
      const next = this.state.clone();
      const removed = next.remove(dropped);
      const changed = next.apply(batch) + removed;
      const problems = checkIntegrity(next.toDataset(), undefined, '(seed sync)');
      if (problems.length > 0) throw new SeedValidationError(problems);
      if (next.actorRecords.size === 0 && this.state.actorRecords.size > 0) {
        throw new SeedValidationError([{ file: '(seed sync)', record: 'actors', field: '(count)', reason: `the sync would leave none of the store's ${this.state.actorRecords.size} actors` }]);
      }
      if (changed > 0) next.derive();
      if (this.options.dataFile && (changed > 0 || JSON.stringify(this.seedIds) !== JSON.stringify(current))) {
        await writeDataFileAtomically(this.options.dataFile, next.toDataset(), current, ledgerOf(changed > 0 ? next : this.state));
      }
      if (changed > 0) this.state = next;
      this.seedIds = current;
      return { changed, removed };
    });
  }

  private async upsertNow(raw: Partial<Dataset>): Promise<UpsertResult> {
    const batch = parseBatch(raw);
    const refs = externalReferences(batch);
    const actorKinds = new Map(refs.actorIds.flatMap((id) => {
      const a = this.state.actorRecords.get(id);
      return a ? [[id, a.kind] as const] : [];
    }));
    const sourceIds = new Set(refs.sourceIds.filter((id) => this.state.sources.has(id)));
    assertBatchIntegrity(batch, { actorKinds, sourceIds });
    const next = this.state.clone();
    const changed = next.apply(batch);
    if (changed === 0) return { changed };
    next.derive();
    if (this.options.dataFile) await writeDataFileAtomically(this.options.dataFile, next.toDataset(), this.seedIds, ledgerOf(next));
    this.state = next;
    return { changed };
  }

  // ---- edits ------------------------------------------------------------------------------

  applyChange(entry: AuditEntry, options: { onStep?: ChangeStepHook } = {}): Promise<AuditEntry> {
    return this.serialised(async () => {
      assertUnchanged(entry.before, entry.before.map((s) => this.state.stateOf(s.section, s.id)));
      const writes = liveWrites(entry);
      // Everything happens on a copy; the copy replaces the state only once it is on disk.
      const next = this.state.clone();
      for (const s of entry.after) next.put(s);
      next.apply(writes);
      const problems = checkIntegrity(next.toDataset(), undefined, '(edit)');
      if (problems.length > 0) throw new SeedValidationError(problems);
      await options.onStep?.('records written');
      next.audit.push(entry);
      await options.onStep?.('audit written');
      next.derive();
      if (this.options.dataFile) await writeDataFileAtomically(this.options.dataFile, next.toDataset(), this.seedIds, ledgerOf(next));
      this.state = next;
      return entry;
    });
  }

  async recordStates(keys: readonly RecordKey[]): Promise<RecordState[]> {
    return keys.map((k) => this.state.stateOf(k.section, k.id));
  }

  async history(recordId: string): Promise<AuditEntry[]> {
    return this.state.audit.filter((e) => e.recordIds.includes(recordId)).sort(compareAuditNewestFirst);
  }

  async listAudit(filter: AuditFilter, page: PageRequest): Promise<PageResult<AuditEntry>> {
    const hits = this.state.audit.filter((e) => auditMatches(e, filter)).sort(compareAuditNewestFirst);
    return { items: hits.slice(page.offset, page.offset + page.limit), totalCount: hits.length };
  }

  // ---- reads ------------------------------------------------------------------------------

  private actorsAt(positions: Iterable<number>): Actor[] {
    const g = this.state.index;
    return [...positions].map((v) => g.actor(v));
  }

  private relsAt(positions: Iterable<number>): Relationship[] {
    const g = this.state.index;
    return [...positions].map((e) => g.relationship(e));
  }

  async getActors(ids: readonly string[]): Promise<Actor[]> {
    return ids.flatMap((id) => {
      const a = this.state.actor(id);
      return a ? [a] : [];
    });
  }

  async searchActors(query: ActorQuery, request: PageRequest): Promise<PageResult<Actor>> {
    const kinds = query.kinds ? new Set<string>(query.kinds) : null;
    const countries = query.countries ? new Set(query.countries) : null;
    const window = query.activeWindow ?? null;
    const hits: Array<{ rank: number; actor: Actor }> = [];
    const q = searchQuery(query.search);
    for (const record of this.state.actorRecords.values()) {
      if (kinds && !kinds.has(record.kind)) continue;
      if (countries && (record.country === null || !countries.has(record.country))) continue;
      const span = this.state.spans.get(record.id);
      if (!span || (window && !overlaps({ start: span.from.day, end: span.to.day }, window))) continue;
      const rank = searchRank(searchKeysFor(record), q);
      if (rank !== null) hits.push({ rank, actor: { ...record, span } });
    }
    hits.sort(compareSearchHits);
    return { items: hits.slice(request.offset, request.offset + request.limit).map((h) => h.actor), totalCount: hits.length };
  }

  async getRelationships(ids: readonly string[]): Promise<Relationship[]> {
    const g = this.state.index;
    return ids.flatMap((id) => {
      const e = g.relIndex.get(id);
      return e === undefined ? [] : [g.relationship(e)];
    });
  }

  async listRelationships(filter: RelationshipFilter, request: PageRequest): Promise<PageResult<Relationship>> {
    const { edges, total } = indexList(this.state.index, filter, request.offset, request.limit);
    return { items: this.relsAt(edges), totalCount: total };
  }

  async snapshot(query: SnapshotQuery): Promise<Snapshot> {
    const { edges, actors, truncated } = indexSnapshot(this.state.index, query);
    return { actors: this.actorsAt(actors), relationships: this.relsAt(edges), truncated };
  }

  async timeSpan(): Promise<DayRange | null> {
    const g = this.state.index;
    let start = Infinity;
    let end = -Infinity;
    for (let e = 0; e < g.validFrom.length; e += 1) {
      start = Math.min(start, g.validFrom[e] as number);
      end = Math.max(end, g.validTo[e] as number);
    }
    for (const id of g.actorIds) {
      const span = g.spanOf(id);
      start = Math.min(start, span.from.day);
      end = Math.max(end, span.to.day);
    }
    return start <= end ? { start, end } : null;
  }

  async overview(query: OverviewQuery): Promise<Snapshot> {
    const { edges, actors, truncated } = indexOverview(this.state.index, query);
    return { actors: this.actorsAt(actors), relationships: this.relsAt(edges), truncated };
  }

  async neighbourhood(query: NeighbourhoodQuery): Promise<Neighbourhood> {
    const g = this.state.index;
    const center = g.actorIndex.get(query.center);
    if (center === undefined) return { actors: [], relationships: [], distance: new Map(), truncated: false, truncatedBy: null };
    const n = await indexNeighbourhood(g, query, center);
    const distance = new Map(n.actors.map((v, i) => [g.actorIds[v] as string, n.distances[i] as number]));
    return { actors: this.actorsAt(n.actors), relationships: this.relsAt(n.edges), distance, truncated: n.truncatedBy !== null, truncatedBy: n.truncatedBy };
  }

  async paths(query: PathQuery): Promise<PathResult> {
    const g = this.state.index;
    const from = g.actorIndex.get(query.from);
    const to = g.actorIndex.get(query.to);
    if (from === undefined || to === undefined || from === to) return { paths: [], truncated: false, truncatedBy: null };
    const found = await findIndexPaths(g, query, from, to);
    const rel = (e: number) => g.relationship(e);
    const id = (v: number) => g.actorIds[v] as string;
    return {
      paths: found.paths.map((p) => ({
        actors: p.nodes.map(id),
        hops: p.hops.map((h, i) => ({
          from: id(p.nodes[i] as number),
          to: id(p.nodes[i + 1] as number),
          relationship: rel(h.primary),
          alternatives: h.alternatives.map(rel),
          day: h.day,
        })),
      })),
      truncated: found.truncatedBy !== null,
      truncatedBy: found.truncatedBy,
    };
  }

  async diff(query: DiffQuery): Promise<NetworkDiff> {
    const g = this.state.index;
    const marks = indexValidIn(g, query.filter, query.fromWindow, query.toWindow);
    const added: number[] = [];
    const ended: number[] = [];
    // A pair can change stage only if one of its stage relationships is valid at just one of the
    // two times: those pairs are the candidates, and only their relationships are derived.
    const candidates = new Set<number>();
    const n = g.actorCount;
    let truncated = false;
    for (const e of g.contract) {
      const m = marks[e] as number;
      if (m !== 1 && m !== 2) continue;
      if (STAGE_TYPE_CODES[g.type[e] as number] === 1) {
        const [u, v] = [g.src[e] as number, g.dst[e] as number];
        candidates.add(u < v ? u * n + v : v * n + u);
      }
      const list = m === 2 ? added : ended;
      if (list.length < query.limit) list.push(e);
      else truncated = true;
    }
    const stagesA: number[] = [];
    const stagesB: number[] = [];
    for (const key of candidates) {
      const u = Math.floor(key / n);
      const v = key - u * n;
      const [a0, b0] = [stagesA.length, stagesB.length];
      for (let i = g.firstEntry(u, v), end = g.offsets[u + 1] as number; i < end && g.neighbour[i] === v; i += 1) {
        const e = g.edge[i] as number;
        if (STAGE_TYPE_CODES[g.type[e] as number] !== 1) continue;
        if ((marks[e] as number) & 1) stagesA.push(e);
        if ((marks[e] as number) & 2) stagesB.push(e);
      }
      // Asserted at only one of the times: an addition or an end, not a change of stage.
      if (stagesA.length === a0 || stagesB.length === b0) {
        stagesA.length = a0;
        stagesB.length = b0;
      }
    }
    g.scratch.give(marks);
    return { added: this.relsAt(added), ended: this.relsAt(ended), changedStage: stageChangesBetween(this.relsAt(stagesA), this.relsAt(stagesB)), truncated };
  }

  async dyad(a: string, b: string): Promise<Relationship[]> {
    const { edges } = indexList(this.state.index, { actorIds: [a] }, 0, Number.MAX_SAFE_INTEGER);
    return this.relsAt(edges).filter((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a));
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
    const cited = [
      ...ds.actors.map((a) => [...a.citations.map((c) => c.source), ...a.lifespan.map((l) => l.source)]),
      ...ds.relationships.map((r) => r.claims.map((c) => c.source)),
      ...[...ds.events, ...ds.capacity, ...ds.figures].map((rec) => rec.citations.map((c) => c.source)),
    ];
    for (const ids of cited) for (const id of new Set(ids)) counts.set(id, (counts.get(id) ?? 0) + 1);
    return ds.sources.map((s) => ({ ...s, factCount: counts.get(s.id) ?? 0 })).sort((x, y) => compareIds(x.id, y.id));
  }

  async getSources(ids: readonly string[]): Promise<Source[]> {
    return ids.flatMap((id) => {
      const s = this.state.sources.get(id);
      return s ? [s] : [];
    });
  }

  async counts(): Promise<StoreCounts> {
    const s = this.state;
    return {
      actors: s.actorRecords.size,
      relationships: s.relationshipRecords.size,
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
