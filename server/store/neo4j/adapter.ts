/**
 * The Neo4j store: a GraphStore over a Neo4j 5.26+ database through neo4j-driver. Every query
 * is a registered file in cypher/ (values only as parameters); records are converted in
 * mapping.ts; graph questions are one Cypher query each; the contract orderings and the hop rules
 * come from the shared modules (../records.ts, domain/temporal.ts, domain/stages.ts), so it answers
 * exactly like the embedded store.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Actor, Relationship } from '../../domain/derive.js';
import type { CapacityAssessment, Dataset, Figure, NexusEvent, Source } from '../../domain/schemas.js';
import { StoreUnavailableError } from '../../domain/errors.js';
import { searchQuery } from '../../domain/search.js';
import type { DayRange } from '../../domain/time.js';
import type { ActorKind } from '../../domain/vocabulary.js';
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
import { actorSearchRank, assertBatchIntegrity, compareIds, compareRelationships, compareSearchHits, externalReferences, parseBatch } from '../records.js';
import { bulkLoadNeo4j } from './bulk.js';
import { diffIn, neighbourhoodIn, pathsIn, type ReadTransaction } from './graph-questions.js';
import { capacityIn, countsIn, dyadIn, eventsIn, figuresIn, sourcesIn } from './record-lists.js';
import { chunks } from './upsert.js';
import {
  actorFromProps,
  countParam,
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
   * and so does work running while the server stops answering pings (connection.ts): a read at
   * the first failed ping, a write at the second in a row (it may be waiting for the edit lock
   * behind others), saying that its outcome is unknown — a transaction commits whole or not at all.
   */
  private async transact<T>(mode: 'read' | 'write', work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    // Not connected yet (startNeo4jStore retries in the background): fail at once, not after the timeout.
    if (this.notReady !== null && !this.connecting) throw new StoreUnavailableError(this.notReady);
    const driver = this.driver;
    const session = driver.session(this.database ? { database: this.database } : {});
    const config = timeoutMs !== undefined ? { timeout: timeoutMs } : undefined;
    let abandoned = false;
    try {
      if (mode === 'write') return await answerWhileAlive(session.executeWrite(work, config), this.timeoutMs, () => this.probe(driver).catch(() => this.probe(driver)));
      return await answerWhileAlive(session.executeRead(work, config), this.timeoutMs, () => this.probe(driver));
    } catch (e) {
      if (e instanceof NoAnswerError) {
        abandoned = true;
        this.replaceDriver(driver);
        void session.close().catch(() => undefined);
        if (mode === 'write') throw new StoreUnavailableError(`${e.message} during a write: it was applied whole or not at all; see the record's history before trying again`);
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

  /** `read`, bound, for the graph questions (graph-questions.ts). */
  private readonly reader: ReadTransaction = (work, timeoutMs) => this.read(work, timeoutMs);

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

  neighbourhood(query: NeighbourhoodQuery): Promise<Neighbourhood> {
    return neighbourhoodIn(this.reader, this.queries, query);
  }

  paths(query: PathQuery): Promise<PathResult> {
    return pathsIn(this.reader, this.queries, query);
  }

  diff(query: DiffQuery): Promise<NetworkDiff> {
    return diffIn(this.reader, this.queries, query);
  }

  dyad(a: string, b: string): Promise<Relationship[]> {
    return dyadIn(this.reader, this.queries, a, b);
  }

  listEvents(filter: { actorId?: string; window?: DayRange | null }): Promise<NexusEvent[]> {
    return eventsIn(this.reader, this.queries, filter);
  }

  listCapacity(filter: { regionId?: string; window?: DayRange | null }): Promise<CapacityAssessment[]> {
    return capacityIn(this.reader, this.queries, filter);
  }

  listFigures(filter: { actorId?: string }): Promise<Figure[]> {
    return figuresIn(this.reader, this.queries, filter);
  }

  listSources(): Promise<SourceWithCount[]> {
    return sourcesIn(this.reader, this.queries);
  }

  async getSources(ids: readonly string[]): Promise<Source[]> {
    if (ids.length === 0) return [];
    const records = await this.read((tx) => this.queries.run(tx, 'sourcesByIds', { ids: unique(ids) }));
    return inOrder(ids, records.map((r) => sourceFromProps(r.get('source') as Props)));
  }

  counts(): Promise<StoreCounts> {
    return countsIn(this.reader, this.queries);
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
