/**
 * The Neo4j store: a GraphStore over a Neo4j 5.26+ database through neo4j-driver. Every query
 * is a registered file in cypher/ (values only as parameters); records are converted in
 * mapping.ts; graph questions are one Cypher query each; the contract orderings and the hop rules
 * come from the shared modules (../records.ts, domain/temporal.ts, domain/stages.ts), so it answers
 * exactly like the embedded store.
 */
import neo4j, { Neo4jError, type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Actor, Relationship } from '../../domain/derive.js';
import type { CapacityAssessment, Dataset, Figure, NexusEvent, Source } from '../../domain/schemas.js';
import { StoreUnavailableError } from '../../domain/errors.js';
import { searchQuery } from '../../domain/search.js';
import { stageChangesBetween } from '../../domain/stages.js';
import { chooseHops } from '../../domain/temporal.js';
import { datePointStart, intervalRange, type DayRange } from '../../domain/time.js';
import { isContinuumStage, type ActorKind } from '../../domain/vocabulary.js';
import type {
  ActorQuery,
  BulkLoadOptions,
  DiffQuery,
  FoundPath,
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
import { MAX_PATH_HOPS } from '../port.js';
import { RELATIONSHIP_HOP_RULES, actorSearchRank, assertBatchIntegrity, compareIds, compareRelationships, compareSearchHits, externalReferences, parseBatch } from '../records.js';
import { bulkLoadNeo4j } from './bulk.js';
import { chunks } from './upsert.js';
import {
  MAX_DAY,
  MIN_DAY,
  actorFromProps,
  capacityFromProps,
  countParam,
  eventFromProps,
  figureFromProps,
  pageParams,
  relationshipFilterParams,
  relationshipFromProps,
  sourceFromProps,
  toNullableNumber,
  toNumber,
  windowParams,
  type Props,
} from './mapping.js';
import { NEO4J_RELATIONSHIP_TYPES } from './names.js';
import { DEFAULT_CYPHER_DIR, QueryRegistry } from './queries.js';
import { upsertInTransaction } from './upsert.js';
import { applyChangeInTransaction, recordStatesIn } from './changes.js';
import type { AuditEntry, AuditFilter, ChangeStepHook, RecordKey, RecordState } from '../../domain/changes.js';
import { auditEntryFromJson } from './mapping.js';
import { DEFAULT_NEO4J_TIMEOUT_MS, NoAnswerError, answerWhileAlive, answerWithin, createDriver, isUnavailable, type Neo4jConnectionConfig } from './connection.js';

export type Neo4jConfig = Neo4jConnectionConfig;

/** Relationships or nodes deleted per transaction when clearing the database. */
const CLEAR_BATCH = 20_000;

export interface Neo4jStoreOptions {
  /** How long a read waits for its answer beyond its own time budget (NEO4J_TIMEOUT_MS). */
  timeoutMs?: number;
  /** A fresh driver, to replace one whose connections went silent. */
  reconnect?: () => Driver;
}

function isTimeout(e: unknown): boolean {
  return e instanceof Neo4jError && /TransactionTimedOut|Transaction\.Terminated|TransactionMarkedAsFailed/.test(e.code);
}

/** The search-actors.cypher parameters for a raw query. */
function searchParams(raw: string | undefined): { plain: string; folded: string; skeleton: string } {
  const q = searchQuery(raw);
  return { plain: q.plain, folded: q.folded, skeleton: q.skeleton };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function inOrder<T extends { id: string }>(ids: readonly string[], found: readonly T[]): T[] {
  const byId = new Map(found.map((x) => [x.id, x]));
  return ids.flatMap((id) => {
    const x = byId.get(id);
    return x ? [x] : [];
  });
}

function eventStart(e: NexusEvent): number {
  return datePointStart(e.date);
}

/** One actor sequence from the path queries: its relationship paths give each hop's candidates. */
function pathFromGroup(ids: string[], variants: Props[][], temporal: PathQuery['temporal']): FoundPath | null {
  const hops = ids.slice(1).map((_, i) => {
    const byId = new Map<string, Relationship>();
    for (const v of variants) {
      const r = relationshipFromProps(v[i] as Props);
      byId.set(r.id, r);
    }
    return [...byId.values()];
  });
  const chosen = chooseHops(hops, RELATIONSHIP_HOP_RULES, temporal);
  if (!chosen) return null;
  return {
    actors: ids,
    hops: chosen.map((h, i) => ({ from: ids[i] as string, to: ids[i + 1] as string, relationship: h.primary, alternatives: h.alternatives, day: h.day })),
  };
}

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;

  private readonly timeoutMs: number;
  /** Why the store is not ready (startNeo4jStore connects in the background), or null when it is. */
  private notReady: string | null = null;
  private connecting = false;

  constructor(
    private driver: Driver,
    private readonly queries: QueryRegistry,
    private readonly database?: string,
    private readonly options: Neo4jStoreOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_NEO4J_TIMEOUT_MS;
  }

  // ---- sessions ---------------------------------------------------------------------------

  /** Mark the store as not (yet) connected, with the reason /readyz gives; null: ready. */
  setNotReady(reason: string | null): void {
    this.notReady = reason;
  }

  /** The driver whose connection went silent is swapped for a fresh one (its stuck connections are dropped with it). */
  private replaceDriver(silent: Driver): void {
    if (!this.options.reconnect || this.driver !== silent) return;
    this.driver = this.options.reconnect();
    void silent.close().catch(() => undefined);
  }

  /** Does the server answer a ping within half of NEO4J_TIMEOUT_MS? (A read's liveness probe.) */
  private async probe(driver: Driver): Promise<void> {
    const session = driver.session(this.database ? { database: this.database } : {});
    try {
      await answerWithin(session.executeRead((tx) => this.queries.run(tx, 'ping', {})), this.timeoutMs / 2);
    } finally {
      void session.close().catch(() => undefined);
    }
  }

  /**
   * Run work in a managed read or write transaction; a lost server becomes StoreUnavailableError,
   * and so does a read running while the server stops answering pings (connection.ts).
   */
  private async transact<T>(mode: 'read' | 'write', work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    // Not connected yet (startNeo4jStore retries in the background): fail at once, not after the timeout.
    if (this.notReady !== null && !this.connecting) throw new StoreUnavailableError(this.notReady);
    const driver = this.driver;
    const session = driver.session(this.database ? { database: this.database } : {});
    const config = timeoutMs !== undefined ? { timeout: timeoutMs } : undefined;
    let abandoned = false;
    try {
      if (mode === 'write') return await session.executeWrite(work, config);
      return await answerWhileAlive(session.executeRead(work, config), this.timeoutMs, () => this.probe(driver));
    } catch (e) {
      if (e instanceof NoAnswerError) {
        abandoned = true;
        this.replaceDriver(driver);
        void session.close().catch(() => undefined);
        throw e;
      }
      throw isUnavailable(e) ? new StoreUnavailableError(`Neo4j is unavailable: ${(e as Error).message}`) : e;
    } finally {
      if (!abandoned) await session.close();
    }
  }

  private read<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.transact('read', work, timeoutMs);
  }

  private write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.transact('write', work);
  }

  /** Check that Neo4j answers (within NEO4J_TIMEOUT_MS), then apply the schema. */
  async connect(): Promise<void> {
    const driver = this.driver;
    this.connecting = true;
    try {
      await answerWithin(driver.verifyConnectivity(this.database ? { database: this.database } : {}), this.timeoutMs);
      await answerWithin(this.applySchema(), this.timeoutMs * 2);
    } catch (e) {
      if (e instanceof NoAnswerError) this.replaceDriver(driver);
      throw e;
    } finally {
      this.connecting = false;
    }
  }

  /** Apply cypher/schema.cypher statement by statement (idempotent: IF NOT EXISTS). */
  async applySchema(): Promise<void> {
    for (const statement of this.queries.statements('schema')) {
      await this.write((tx) => tx.run(statement));
    }
  }

  /** Delete everything (tests and `db:seed --reset` only). */
  /** Deletes everything, relationships first, in batches of one transaction each (see admin-clear-*.cypher). */
  async clearAll(): Promise<void> {
    for (const query of ['adminClearRelationships', 'adminClearNodes'] as const) {
      for (;;) {
        const [record] = await this.write((tx) => this.queries.run(tx, query, { batch: countParam(CLEAR_BATCH) }));
        if (toNumber(record?.get('deleted')) < CLEAR_BATCH) break;
      }
    }
  }

  // ---- writes -----------------------------------------------------------------------------

  async bulkLoad(dataset: Dataset, options: BulkLoadOptions = {}): Promise<UpsertResult> {
    const refs = externalReferences(dataset);
    if (refs.actorIds.length > 0 || refs.sourceIds.length > 0) {
      // References outside the dataset must be stored already: the same check as upsert.
      const known = await this.read(async (tx) => {
        const actorKinds = new Map<string, ActorKind>();
        const sourceIds = new Set<string>();
        for (const actorIds of chunks(refs.actorIds, 5000)) {
          const [record] = await this.queries.run(tx, 'referencedRecords', { actorIds, sourceIds: refs.sourceIds });
          for (const a of (record?.get('actors') ?? []) as Array<{ id: string; kind: ActorKind }>) actorKinds.set(a.id, a.kind);
          for (const id of (record?.get('sources') ?? []) as string[]) sourceIds.add(id);
        }
        return { actorKinds, sourceIds };
      });
      assertBatchIntegrity(dataset, known);
    } else assertBatchIntegrity(dataset, { actorKinds: new Map(), sourceIds: new Set() });
    const c = await this.counts();
    const empty = Object.values(c).every((n) => n === 0);
    const changed = await bulkLoadNeo4j({ driver: this.driver, queries: this.queries, database: this.database, clear: () => this.clearAll() }, dataset, empty, options);
    if (changed > 0) await this.prepareForReplanning();
    return { changed };
  }

  /**
   * Fresh statistics and no cached plans after a bulk load (prepare-for-replanning.cypher). Best
   * effort: the load has committed; a user without the privilege (or a slow sample) only means
   * Neo4j replans later, when it notices the statistics diverged.
   */
  private async prepareForReplanning(): Promise<void> {
    try {
      await this.read((tx) => this.queries.run(tx, 'prepareForReplanning', { timeoutSeconds: neo4j.int(60) }), 70_000);
    } catch (e) {
      console.warn(`[neo4j] could not refresh the planner's statistics after the bulk load: ${(e as Error).message}`);
    }
  }

  async upsert(raw: Partial<Dataset>): Promise<UpsertResult> {
    const batch = parseBatch(raw);
    const changed = await this.write((tx) => upsertInTransaction(tx, this.queries, batch));
    return { changed };
  }

  // ---- edits (see changes.ts) ------------------------------------------------------------

  async applyChange(entry: AuditEntry, options: { onStep?: ChangeStepHook } = {}): Promise<AuditEntry> {
    await this.write((tx) => applyChangeInTransaction(tx, this.queries, entry, options.onStep));
    return entry;
  }

  recordStates(keys: readonly RecordKey[]): Promise<RecordState[]> {
    return this.read((tx) => recordStatesIn(tx, this.queries, keys));
  }

  async history(recordId: string): Promise<AuditEntry[]> {
    return (await this.listAudit({ recordId }, { offset: 0, limit: 100_000 })).items;
  }

  async listAudit(filter: AuditFilter, page: PageRequest): Promise<PageResult<AuditEntry>> {
    const [record] = await this.read((tx) =>
      this.queries.run(tx, 'listAudit', {
        recordId: filter.recordId ?? null,
        by: filter.by ?? null,
        operation: filter.operation ?? null,
        since: filter.since ?? null,
        until: filter.until ?? null,
        ...pageParams(page),
      }),
    );
    return { items: ((record?.get('items') ?? []) as unknown[]).map(auditEntryFromJson), totalCount: toNumber(record?.get('totalCount') ?? 0) };
  }

  // ---- reads ------------------------------------------------------------------------------

  private async actorsIn(tx: ManagedTransaction, ids: readonly string[]): Promise<Actor[]> {
    if (ids.length === 0) return [];
    const records = await this.queries.run(tx, 'actorsByIds', { ids: unique(ids) });
    return inOrder(ids, records.map((r) => actorFromProps(r.get('actor') as Props)));
  }

  async getActors(ids: readonly string[]): Promise<Actor[]> {
    if (ids.length === 0) return [];
    return this.read((tx) => this.actorsIn(tx, ids));
  }

  async searchActors(query: ActorQuery, page: PageRequest): Promise<PageResult<Actor>> {
    const [record] = await this.read((tx) =>
      this.queries.run(tx, 'searchActors', {
        ...searchParams(query.search),
        kinds: query.kinds ? [...query.kinds] : null,
        countries: query.countries ? [...query.countries] : null,
        ...windowParams(query.activeWindow),
        ...pageParams(page),
      }),
    );
    const items = ((record?.get('items') ?? []) as Props[]).map(actorFromProps);
    // Cypher already ordered the page; re-sorting with the shared comparator pins the contract order.
    const hits = items.map((actor) => ({ actor, rank: actorSearchRank(actor, query.search) ?? 0 })).sort(compareSearchHits);
    return { items: hits.map((h) => h.actor), totalCount: toNumber(record?.get('totalCount') ?? 0) };
  }

  async getRelationships(ids: readonly string[]): Promise<Relationship[]> {
    if (ids.length === 0) return [];
    const records = await this.read((tx) => this.queries.run(tx, 'relationshipsByIds', { ids: unique(ids) }));
    return inOrder(ids, records.map((r) => relationshipFromProps(r.get('relationship') as Props)));
  }

  async listRelationships(filter: RelationshipFilter, page: PageRequest): Promise<PageResult<Relationship>> {
    const params = { ...relationshipFilterParams(filter), ...pageParams(page) };
    const [record] = await this.read((tx) =>
      filter.actorIds ? this.queries.run(tx, 'listIncidentRelationships', { ...params, actorIds: unique(filter.actorIds) }) : this.queries.run(tx, 'listRelationships', params),
    );
    const items = ((record?.get('items') ?? []) as Props[]).map(relationshipFromProps).sort(compareRelationships);
    return { items, totalCount: toNumber(record?.get('totalCount') ?? 0) };
  }

  async snapshot(query: SnapshotQuery): Promise<Snapshot> {
    return this.read(async (tx) => {
      const [record] = await this.queries.run(tx, 'snapshotRelationships', {
        ...relationshipFilterParams(query),
        kinds: query.kinds ? [...query.kinds] : null,
        limit: countParam(query.limit),
      });
      const relationships = ((record?.get('items') ?? []) as Props[]).map(relationshipFromProps).sort(compareRelationships);
      const actorIds = unique(relationships.flatMap((r) => [r.source, r.target])).sort(compareIds);
      return { actors: await this.actorsIn(tx, actorIds), relationships, truncated: record?.get('truncated') === true };
    });
  }

  async timeSpan(): Promise<DayRange | null> {
    const [record] = await this.read((tx) => this.queries.run(tx, 'timeSpan', { types: [...NEO4J_RELATIONSHIP_TYPES] }));
    const starts = [record?.get('actorStart'), record?.get('relationshipStart')].map(toNullableNumber).filter((d): d is number => d !== null);
    const ends = [record?.get('actorEnd'), record?.get('relationshipEnd')].map(toNullableNumber).filter((d): d is number => d !== null);
    return starts.length && ends.length ? { start: Math.min(...starts), end: Math.max(...ends) } : null;
  }

  async overview(query: OverviewQuery): Promise<Snapshot> {
    return this.read(async (tx) => {
      const [record] = await this.queries.run(tx, 'overview', {
        types: [...NEO4J_RELATIONSHIP_TYPES],
        maxActors: countParam(query.maxActors),
        maxRelationships: countParam(query.maxRelationships),
      });
      const relationships = ((record?.get('items') ?? []) as Props[]).map(relationshipFromProps).sort(compareRelationships);
      const actorIds = ((record?.get('actorIds') ?? []) as string[]).slice().sort(compareIds);
      return { actors: await this.actorsIn(tx, actorIds), relationships, truncated: record?.get('truncated') === true };
    });
  }

  async neighbourhood(query: NeighbourhoodQuery): Promise<Neighbourhood> {
    try {
      const [record] = await this.read(
        (tx) =>
          this.queries.run(tx, 'neighbourhood', {
            center: query.center,
            depth: countParam(query.depth),
            maxActors: countParam(Math.max(1, query.maxActors)),
            ...relationshipFilterParams(query.filter),
          }),
        query.budgetMs,
      );
      if (!record) return { actors: [], relationships: [], distance: new Map(), truncated: false, truncatedBy: null };
      const admitted = (record.get('actors') as Array<{ actor: Props; distance: unknown }>).map((x) => ({ actor: actorFromProps(x.actor), distance: toNumber(x.distance) }));
      const truncated = record.get('truncated') === true;
      return {
        actors: admitted.map((x) => x.actor),
        relationships: (record.get('relationships') as Props[]).map(relationshipFromProps).sort(compareRelationships),
        distance: new Map(admitted.map((x) => [x.actor.id, x.distance])),
        truncated,
        truncatedBy: truncated ? 'LIMIT' : null,
      };
    } catch (e) {
      if (isTimeout(e)) return { actors: [], relationships: [], distance: new Map(), truncated: true, truncatedBy: 'TIME' };
      throw e;
    }
  }

  async paths(q: PathQuery): Promise<PathResult> {
    const wanted = q.mode === 'K_SHORTEST' ? Math.min(q.k, q.limit) : q.limit;
    const params = {
      from: q.from,
      to: q.to,
      ...relationshipFilterParams(q.filter),
      excluded: unique(q.excludeActors),
      direction: q.direction,
      maxHops: countParam(q.maxHops),
      cap: countParam(wanted + 1),
    };
    // Time-respecting questions and ALL_SIMPLE enumerate simple paths; K_SHORTEST keeps the k least lengths.
    const simple = q.mode === 'ALL_SIMPLE' || q.temporal !== null;
    let rows: Array<{ ids: string[]; variants: Props[][] }>;
    try {
      const records = await this.read(
        (tx) =>
          q.mode === 'K_SHORTEST' && q.temporal === null
            ? this.queries.run(tx, 'pathsKShortest', { ...params, groups: countParam(Math.min(q.k, MAX_PATH_HOPS)) })
            : simple
            ? this.queries.run(tx, 'pathsSimple', {
                ...params,
                temporal: q.temporal !== null,
                maxGap: q.temporal?.maxGapDays == null ? null : neo4j.int(q.temporal.maxGapDays),
                minDay: neo4j.int(MIN_DAY),
                maxDay: neo4j.int(MAX_DAY),
              })
            : this.queries.run(tx, 'pathsShortest', params),
        q.budgetMs,
      );
      rows = records.map((r) => ({ ids: r.get('ids') as string[], variants: r.get('variants') as Props[][] }));
    } catch (e) {
      if (isTimeout(e)) return { paths: [], truncated: true, truncatedBy: 'TIME' };
      throw e;
    }
    let found = rows.map((row) => pathFromGroup(row.ids, row.variants, q.temporal)).filter((p): p is FoundPath => p !== null);
    if (q.mode === 'SHORTEST' && found.length > 0) {
      const least = Math.min(...found.map((p) => p.hops.length));
      found = found.filter((p) => p.hops.length === least);
    }
    let capped = found.length > wanted;
    if (q.mode === 'K_SHORTEST' && capped && wanted >= q.k) capped = false;
    return { paths: found.slice(0, wanted), truncated: capped, truncatedBy: capped ? 'LIMIT' : null };
  }

  async diff(query: DiffQuery): Promise<NetworkDiff> {
    const a = windowParams(query.fromWindow);
    const b = windowParams(query.toWindow);
    const { types, minRank, datedOnly, minSources } = relationshipFilterParams(query.filter);
    const records = await this.read((tx) =>
      this.queries.run(tx, 'diff', { types, minRank, datedOnly, minSources, aStart: a.windowStart, aEnd: a.windowEnd, bStart: b.windowStart, bEnd: b.windowEnd }),
    );
    const rows = records
      .map((r) => ({ rel: relationshipFromProps(r.get('relationship') as Props), inA: r.get('inA') === true, inB: r.get('inB') === true }))
      .sort((x, y) => compareRelationships(x.rel, y.rel));
    const added = rows.filter((r) => r.inB && !r.inA).map((r) => r.rel);
    const ended = rows.filter((r) => r.inA && !r.inB).map((r) => r.rel);
    const staged = rows.filter((r) => isContinuumStage(r.rel.type));
    return {
      added: added.slice(0, query.limit),
      ended: ended.slice(0, query.limit),
      changedStage: stageChangesBetween(staged.filter((r) => r.inA).map((r) => r.rel), staged.filter((r) => r.inB).map((r) => r.rel)),
      truncated: added.length > query.limit || ended.length > query.limit,
    };
  }

  async dyad(a: string, b: string): Promise<Relationship[]> {
    const records = await this.read((tx) => this.queries.run(tx, 'dyad', { a, b, types: [...NEO4J_RELATIONSHIP_TYPES] }));
    return records.map((r) => relationshipFromProps(r.get('relationship') as Props)).sort(compareRelationships);
  }

  async listEvents(filter: { actorId?: string; window?: DayRange | null }): Promise<NexusEvent[]> {
    const records = await this.read((tx) =>
      this.queries.run(tx, 'listEvents', { actorId: filter.actorId || null, ...windowParams(filter.window) }),
    );
    return records
      .map((r) => eventFromProps(r.get('event') as Props))
      .sort((x, y) => eventStart(x) - eventStart(y) || compareIds(x.id, y.id));
  }

  async listCapacity(filter: { regionId?: string; window?: DayRange | null }): Promise<CapacityAssessment[]> {
    const records = await this.read((tx) =>
      this.queries.run(tx, 'listCapacity', { regionId: filter.regionId || null, ...windowParams(filter.window) }),
    );
    return records
      .map((r) => capacityFromProps(r.get('capacity') as Props))
      .sort(
        (x, y) =>
          compareIds(x.region, y.region) ||
          intervalRange(x.period).start - intervalRange(y.period).start ||
          compareIds(x.id, y.id),
      );
  }

  async listFigures(filter: { actorId?: string }): Promise<Figure[]> {
    const records = await this.read((tx) => this.queries.run(tx, 'listFigures', { actorId: filter.actorId || null }));
    return records.map((r) => figureFromProps(r.get('figure') as Props)).sort((x, y) => compareIds(x.id, y.id));
  }

  async listSources(): Promise<SourceWithCount[]> {
    const records = await this.read((tx) => this.queries.run(tx, 'listSources', { types: [...NEO4J_RELATIONSHIP_TYPES] }));
    return records
      .map((r) => ({ ...sourceFromProps(r.get('source') as Props), factCount: toNumber(r.get('factCount')) }))
      .sort((x, y) => compareIds(x.id, y.id));
  }

  async getSources(ids: readonly string[]): Promise<Source[]> {
    if (ids.length === 0) return [];
    const records = await this.read((tx) => this.queries.run(tx, 'sourcesByIds', { ids: unique(ids) }));
    return inOrder(ids, records.map((r) => sourceFromProps(r.get('source') as Props)));
  }

  async counts(): Promise<StoreCounts> {
    const [record] = await this.read((tx) => this.queries.run(tx, 'counts', { types: [...NEO4J_RELATIONSHIP_TYPES] }));
    const n = (key: keyof StoreCounts) => toNumber(record?.get(key) ?? 0);
    return {
      actors: n('actors'),
      relationships: n('relationships'),
      events: n('events'),
      sources: n('sources'),
      capacity: n('capacity'),
      figures: n('figures'),
    };
  }

  async ping(): Promise<void> {
    if (this.notReady !== null) throw new StoreUnavailableError(this.notReady);
    try {
      await this.read((tx) => this.queries.run(tx, 'ping', {}));
    } catch (e) {
      if (e instanceof StoreUnavailableError) throw e;
      throw new StoreUnavailableError(`Neo4j did not answer: ${(e as Error).message}`);
    }
  }

  private readonly closers: Array<() => void> = [];

  /** Run `fn` when the store closes (stops a background reconnect). */
  onClose(fn: () => void): void {
    this.closers.push(fn);
  }

  async close(): Promise<void> {
    for (const fn of this.closers.splice(0)) fn();
    await this.driver.close();
  }
}

/** Load the Cypher files, connect (within NEO4J_TIMEOUT_MS) and apply cypher/schema.cypher; throws StoreUnavailableError. */
export async function openNeo4jStore(
  config: Neo4jConfig,
  options: { cypherDir?: string } = {},
): Promise<Neo4jStore> {
  const queries = await QueryRegistry.load(options.cypherDir ?? DEFAULT_CYPHER_DIR);
  const store = new Neo4jStore(createDriver(config), queries, config.database, { timeoutMs: config.timeoutMs ?? DEFAULT_NEO4J_TIMEOUT_MS, reconnect: () => createDriver(config) });
  try {
    await store.connect();
    return store;
  } catch (e) {
    void store.close().catch(() => undefined); // a silent peer may never let the driver close
    if (e instanceof StoreUnavailableError) throw e;
    throw new StoreUnavailableError(`cannot use Neo4j at ${config.uri}: ${(e as Error).message}`);
  }
}
