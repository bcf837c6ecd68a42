/**
 * The store port: the one interface every adapter (embedded, Neo4j) implements and the one
 * contract suite (tests/contract/) checks. Services depend on this, never on an adapter. Graph
 * questions — a snapshot, a neighbourhood, paths, a diff — are one call each, answered inside the
 * store (an index in the embedded store, one Cypher query in Neo4j).
 *
 * Ordering is part of the contract so both adapters answer identically:
 * - actors: search rank (exact name/alias, then prefix, then substring), then folded name, then id;
 * - relationships: validity start day ascending, then id;
 * - paths: fewer hops first, then the actor-id sequence in code-point order.
 */
import type { Actor, Relationship } from '../domain/derive.js';
import type { CapacityAssessment, Dataset, Figure, NexusEvent, Source } from '../domain/schemas.js';
import type { ActorKind, ConfidenceGrade, ContinuumStage, RelationshipType } from '../domain/vocabulary.js';
import type { DayRange } from '../domain/time.js';
import type { AuditEntry, AuditFilter, ChangeStepHook, RecordKey, RecordState } from '../domain/changes.js';

export type { Actor, Relationship } from '../domain/derive.js';

export type StoreKind = 'embedded' | 'neo4j';

export interface RelationshipFilter {
  /** Only these types (continuum stages included); undefined = all. */
  types?: readonly RelationshipType[];
  /** Only relationships touching at least one of these actors. */
  actorIds?: readonly string[];
  /** Only relationships whose validity overlaps this window. */
  window?: DayRange | null;
  /** Only relationships graded at least this sure (their strongest claim). */
  minConfidence?: ConfidenceGrade;
  /** Only relationships with a stated or passage-dated end. */
  datedOnly?: boolean;
  /** Only relationships asserted by at least this many documents. */
  minSources?: number;
}

export interface ActorQuery {
  /** Matches name and aliases: case-, diacritic- and transliteration-insensitive. */
  search?: string;
  kinds?: readonly ActorKind[];
  countries?: readonly string[];
  /** Only actors whose lifespan overlaps this window. */
  activeWindow?: DayRange | null;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

export interface PageResult<T> {
  items: T[];
  totalCount: number;
}

export interface SnapshotQuery extends Omit<RelationshipFilter, 'actorIds'> {
  /** Only actors of these kinds (edges need both ends allowed). */
  kinds?: readonly ActorKind[];
  /** At most this many relationships (surest first, then id). */
  limit: number;
}

export interface Snapshot {
  actors: Actor[];
  relationships: Relationship[];
  /** True when more relationships matched than `limit`. */
  truncated: boolean;
}

/** The opening view of a network too big to show whole. */
export interface OverviewQuery {
  /** The most connected actors: relationships at either end (each once), then id. */
  maxActors: number;
  /** At most this many relationships among them (surest first, then id). */
  maxRelationships: number;
}

export type Direction = 'ANY' | 'OUT' | 'IN';

/** The most hops a path may have (the Neo4j path queries are written for up to this many). */
export const MAX_PATH_HOPS = 6;
export type PathMode = 'SHORTEST' | 'K_SHORTEST' | 'ALL_SIMPLE';

export interface PathQuery {
  from: string;
  to: string;
  mode: PathMode;
  /** K_SHORTEST: how many paths. */
  k: number;
  maxHops: number;
  /** The relationships a hop may use (the service defaults types to the connecting ones). */
  filter: RelationshipFilter;
  /**
   * Time-respecting: there are times t1 ≤ t2 ≤ … with each ti inside hop i's validity, and, when
   * maxGapDays is set, ti − t(i−1) ≤ maxGapDays. null: time order is not required.
   */
  temporal: { maxGapDays: number | null } | null;
  direction: Direction;
  excludeActors: readonly string[];
  /** Most paths returned. */
  limit: number;
  /** Wall-clock budget for the search, in ms. */
  budgetMs: number;
}

export interface PathHop {
  from: string;
  to: string;
  /** The relationship the hop uses: the surest qualifying one (time-respecting: one valid at the hop's time). */
  relationship: Relationship;
  /** Other relationships between the same two actors that also qualify. */
  alternatives: Relationship[];
  /** Time-respecting only: the day the hop is taken (the earliest arrival at the end, then the latest fitting day before). */
  day: number | null;
}

export interface FoundPath {
  actors: string[];
  hops: PathHop[];
}

export interface PathResult {
  paths: FoundPath[];
  truncated: boolean;
  /** Why the answer may be incomplete: the path cap or the time budget. */
  truncatedBy: 'LIMIT' | 'TIME' | null;
}

export interface NeighbourhoodQuery {
  center: string;
  /** 1–3 hops, walking qualifying relationships either way. */
  depth: number;
  filter: RelationshipFilter;
  /** At most this many actors, the centre included; nearer first, then by id. */
  maxActors: number;
  budgetMs: number;
}

export interface Neighbourhood {
  actors: Actor[];
  /** Qualifying relationships from an actor nearer than `depth` to another admitted actor. */
  relationships: Relationship[];
  /** Hop distance of each admitted actor from the centre. */
  distance: Map<string, number>;
  truncated: boolean;
  truncatedBy: 'LIMIT' | 'TIME' | null;
}

export interface DiffQuery {
  fromWindow: DayRange;
  toWindow: DayRange;
  filter: RelationshipFilter;
  /** At most this many relationships in each of added and ended. */
  limit: number;
}

export interface StageChange {
  a: string;
  b: string;
  /** The pair's stages at the first time and at the second, weakest first. */
  fromStages: ContinuumStage[];
  toStages: ContinuumStage[];
  before: Relationship[];
  after: Relationship[];
}

export interface NetworkDiff {
  added: Relationship[];
  ended: Relationship[];
  changedStage: StageChange[];
  truncated: boolean;
}

export interface StoreCounts {
  actors: number;
  relationships: number;
  events: number;
  sources: number;
  capacity: number;
  figures: number;
}

export interface SourceWithCount extends Source {
  /** Number of records (actors, relationships, events, ratings, figures) citing this source. */
  factCount: number;
}

export interface UpsertResult {
  /** Records created or changed by this batch (0 when the batch was already stored). */
  changed: number;
}

export interface BulkLoadOptions {
  /** Called now and then with what has been written so far. */
  onProgress?: (done: number, total: number, what: string) => void;
  /**
   * The record file the whole dataset was read from and validated: a store that persists records
   * in that very format (the embedded store, when it was empty) copies its lines instead of
   * writing every record again.
   */
  recordFile?: string;
  /**
   * Neo4j: an import into an empty database of more records than this is written in batches of
   * their own transactions (one transaction would exceed the server's transaction memory): a
   * failure empties the database again, and an import cut off by a crash is started again from
   * an empty database by the next bulk load. Default 50,000.
   */
  singleTransactionRecords?: number;
  /**
   * The import's audit entry (operation `import`): when the load writes any record, it joins the
   * audit log in the same write (the same swap / the transaction that commits the records).
   */
  audit?: AuditEntry;
}

export interface GraphStore {
  readonly kind: StoreKind;
  /**
   * Load a large, already validated dataset (an import): references are checked against the
   * dataset and the store before anything is written; what derives is brought up to date. All or
   * nothing: the embedded store swaps the whole state at once, Neo4j writes in one transaction
   * (a throw from onProgress, too, leaves the store as it was). Counts only records that are new
   * or changed, so loading the same dataset again reports 0.
   */
  bulkLoad(dataset: Dataset, options?: BulkLoadOptions): Promise<UpsertResult>;
  /**
   * Create or replace records by id, all or nothing: the whole batch is validated
   * (schemas, references against batch + store) before anything is written. Idempotent.
   * What derives from the records (lifespans, validity) is brought up to date in the same write.
   */
  upsert(batch: Partial<Dataset>): Promise<UpsertResult>;
  /** The actors with these ids that exist, in the order asked. */
  getActors(ids: readonly string[]): Promise<Actor[]>;
  searchActors(query: ActorQuery, page: PageRequest): Promise<PageResult<Actor>>;
  getRelationships(ids: readonly string[]): Promise<Relationship[]>;
  listRelationships(filter: RelationshipFilter, page: PageRequest): Promise<PageResult<Relationship>>;
  /** The network valid in a window: the surest matching relationships and their endpoint actors. */
  snapshot(query: SnapshotQuery): Promise<Snapshot>;
  /** An actor's ego network. */
  neighbourhood(query: NeighbourhoodQuery): Promise<Neighbourhood>;
  /** The first and last day any actor (lifespan) or relationship (validity) is known to exist; null when empty. */
  timeSpan(): Promise<DayRange | null>;
  /** The best-connected actors and the relationships among them; truncated when there is more. */
  overview(query: OverviewQuery): Promise<Snapshot>;
  /** Paths between two actors. */
  paths(query: PathQuery): Promise<PathResult>;
  /** What was added, ended or changed stage between two times. */
  diff(query: DiffQuery): Promise<NetworkDiff>;
  /** Every relationship between a and b, either direction, in contract order. */
  dyad(a: string, b: string): Promise<Relationship[]>;
  listEvents(filter: { actorId?: string; window?: DayRange | null }): Promise<NexusEvent[]>;
  listCapacity(filter: { regionId?: string; window?: DayRange | null }): Promise<CapacityAssessment[]>;
  listFigures(filter: { actorId?: string }): Promise<Figure[]>;
  listSources(): Promise<SourceWithCount[]>;
  /** The sources with these ids that exist (no counts: cheap, for citations). */
  getSources(ids: readonly string[]): Promise<Source[]>;
  counts(): Promise<StoreCounts>;
  /**
   * Apply one planned edit (services/edits.ts) all or nothing, in one transaction / one swap:
   * every `before` state must still be what is stored (else ConflictError, nothing written), the
   * records become their `after` states (a retired one leaves the network, paths and search but
   * keeps its data), what derives is brought up to date, and the entry joins the audit log.
   */
  applyChange(entry: AuditEntry, options?: { onStep?: ChangeStepHook }): Promise<AuditEntry>;
  /** The stored state of these records, live, retired or absent, in the order asked. */
  recordStates(keys: readonly RecordKey[]): Promise<RecordState[]>;
  /** Audit entries naming a record, newest first. */
  history(recordId: string): Promise<AuditEntry[]>;
  /** The audit log, newest first. */
  listAudit(filter: AuditFilter, page: PageRequest): Promise<PageResult<AuditEntry>>;
  /** Throws StoreUnavailableError when the store cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
