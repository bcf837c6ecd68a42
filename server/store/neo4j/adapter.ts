/**
 * The Neo4j store: a GraphStore over a Neo4j 5.26+ database through neo4j-driver. Every query
 * is a registered file in cypher/ (values only as parameters); records are converted in
 * mapping.ts; the contract orderings come from the shared comparators in ../records.ts, so it
 * answers exactly like the embedded store.
 */
import neo4j, { Neo4jError, type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Actor, CapacityAssessment, Dataset, Figure, NexusEvent, Relationship } from '../../domain/schemas.js';
import { StoreUnavailableError } from '../../domain/errors.js';
import { searchQuery } from '../../domain/search.js';
import { datePointStart, intervalRange, type DayRange } from '../../domain/time.js';
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
import { actorSearchRank, compareIds, compareRelationships, compareSearchHits, parseBatch } from '../records.js';
import {
  actorFromProps,
  capacityFromProps,
  countParam,
  eventFromProps,
  figureFromProps,
  pageParams,
  relationshipFilterParams,
  relationshipFromProps,
  sourceFromProps,
  toNumber,
  windowParams,
  type Props,
} from './mapping.js';
import { NEO4J_RELATIONSHIP_TYPES } from './names.js';
import { DEFAULT_CYPHER_DIR, QueryRegistry } from './queries.js';
import { upsertInTransaction } from './upsert.js';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

function isUnavailable(e: unknown): boolean {
  return e instanceof Neo4jError && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('Neo.ClientError.Security.'));
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

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;

  constructor(
    private readonly driver: Driver,
    private readonly queries: QueryRegistry,
    private readonly database?: string,
  ) {}

  // ---- sessions ---------------------------------------------------------------------------

  private session() {
    return this.driver.session(this.database ? { database: this.database } : {});
  }

  /** Run work in a managed read or write transaction; a lost server becomes StoreUnavailableError. */
  private async transact<T>(mode: 'read' | 'write', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session();
    try {
      return await (mode === 'read' ? session.executeRead(work) : session.executeWrite(work));
    } catch (e) {
      throw isUnavailable(e) ? new StoreUnavailableError(`Neo4j is unavailable: ${(e as Error).message}`) : e;
    } finally {
      await session.close();
    }
  }

  private read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.transact('read', work);
  }

  private write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.transact('write', work);
  }

  /** Apply cypher/schema.cypher statement by statement (idempotent: IF NOT EXISTS). */
  async applySchema(): Promise<void> {
    for (const statement of this.queries.statements('schema')) {
      await this.write((tx) => tx.run(statement));
    }
  }

  /** Delete everything (tests and `db:seed --reset` only). */
  async clearAll(): Promise<void> {
    await this.write((tx) => this.queries.run(tx, 'adminClear', {}));
  }

  // ---- writes -----------------------------------------------------------------------------

  async upsert(raw: Partial<Dataset>): Promise<UpsertResult> {
    const batch = parseBatch(raw);
    const changed = await this.write((tx) => upsertInTransaction(tx, this.queries, batch));
    return { changed };
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
    const records = await this.read((tx) =>
      this.queries.run(tx, 'relationshipsByIds', { ids: unique(ids), types: [...NEO4J_RELATIONSHIP_TYPES] }),
    );
    return inOrder(ids, records.map((r) => relationshipFromProps(r.get('relationship') as Props)));
  }

  async listRelationships(filter: RelationshipFilter, page: PageRequest): Promise<PageResult<Relationship>> {
    const [record] = await this.read((tx) =>
      this.queries.run(tx, 'listRelationships', { ...relationshipFilterParams(filter), ...pageParams(page) }),
    );
    const items = ((record?.get('items') ?? []) as Props[]).map(relationshipFromProps).sort(compareRelationships);
    return { items, totalCount: toNumber(record?.get('totalCount') ?? 0) };
  }

  async incident(actorIds: readonly string[], filter: RelationshipFilter): Promise<Relationship[]> {
    if (actorIds.length === 0) return [];
    const records = await this.read((tx) =>
      this.queries.run(tx, 'incidentRelationships', relationshipFilterParams({ ...filter, actorIds })),
    );
    return records.map((r) => relationshipFromProps(r.get('relationship') as Props)).sort(compareRelationships);
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
      const totalCount = toNumber(record?.get('totalCount') ?? 0);
      return { actors: await this.actorsIn(tx, actorIds), relationships, truncated: totalCount > query.limit };
    });
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
    try {
      await this.read((tx) => this.queries.run(tx, 'ping', {}));
    } catch (e) {
      if (e instanceof StoreUnavailableError) throw e;
      throw new StoreUnavailableError(`Neo4j did not answer: ${(e as Error).message}`);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** Connect, verify connectivity, load the Cypher files and apply cypher/schema.cypher. */
export async function openNeo4jStore(
  config: Neo4jConfig,
  options: { cypherDir?: string } = {},
): Promise<Neo4jStore> {
  const queries = await QueryRegistry.load(options.cypherDir ?? DEFAULT_CYPHER_DIR);
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  try {
    await driver.verifyConnectivity(config.database ? { database: config.database } : {});
    const store = new Neo4jStore(driver, queries, config.database);
    await store.applySchema();
    return store;
  } catch (e) {
    await driver.close();
    if (e instanceof StoreUnavailableError) throw e;
    throw new StoreUnavailableError(`cannot use Neo4j at ${config.uri}: ${(e as Error).message}`);
  }
}
