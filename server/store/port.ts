/**
 * The store port: the one interface every adapter (embedded, Neo4j) implements and the one
 * contract suite (tests/contract/) checks. Services depend on this, never on an adapter.
 *
 * Ordering is part of the contract so both adapters answer identically:
 * - actors: search rank (exact name/alias, then prefix, then substring), then folded name, then id;
 * - relationships: start day ascending (unknown start first), then id.
 */
import type { Actor, CapacityAssessment, Dataset, Figure, NexusEvent, Relationship, Source } from '../domain/schemas.js';
import type { ActorKind, ConfidenceGrade, RelationshipType } from '../domain/vocabulary.js';
import type { DayRange } from '../domain/time.js';

export type StoreKind = 'embedded' | 'neo4j';

export interface RelationshipFilter {
  /** Only these types (continuum stages included); undefined = all. */
  types?: readonly RelationshipType[];
  /** Only relationships touching at least one of these actors. */
  actorIds?: readonly string[];
  /** Only relationships whose interval overlaps this window (open ends are unbounded). */
  window?: DayRange | null;
  /** Only relationships graded at least this sure. */
  minConfidence?: ConfidenceGrade;
  /** Only relationships with at least one known date (drops the undated ones, valid at every time). */
  datedOnly?: boolean;
}

export interface ActorQuery {
  /** Matches name and aliases: case-, diacritic- and transliteration-insensitive. */
  search?: string;
  kinds?: readonly ActorKind[];
  countries?: readonly string[];
  /** Only actors whose active interval overlaps this window (unknown = always active). */
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

export interface SnapshotQuery extends RelationshipFilter {
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

export interface GraphStore {
  readonly kind: StoreKind;
  /**
   * Create or replace records by id, all or nothing: the whole batch is validated
   * (schemas, references against batch + store) before anything is written. Idempotent.
   */
  upsert(batch: Partial<Dataset>): Promise<UpsertResult>;
  /** The actors with these ids that exist, in the order asked. */
  getActors(ids: readonly string[]): Promise<Actor[]>;
  searchActors(query: ActorQuery, page: PageRequest): Promise<PageResult<Actor>>;
  getRelationships(ids: readonly string[]): Promise<Relationship[]>;
  listRelationships(filter: RelationshipFilter, page: PageRequest): Promise<PageResult<Relationship>>;
  /** All relationships touching any of `actorIds` that pass the filter (for expansion and paths). */
  incident(actorIds: readonly string[], filter: RelationshipFilter): Promise<Relationship[]>;
  /** The network valid in a window: matching relationships and their endpoint actors. */
  snapshot(query: SnapshotQuery): Promise<Snapshot>;
  /** Every relationship between a and b, either direction, in time order. */
  dyad(a: string, b: string): Promise<Relationship[]>;
  listEvents(filter: { actorId?: string; window?: DayRange | null }): Promise<NexusEvent[]>;
  listCapacity(filter: { regionId?: string; window?: DayRange | null }): Promise<CapacityAssessment[]>;
  listFigures(filter: { actorId?: string }): Promise<Figure[]>;
  listSources(): Promise<SourceWithCount[]>;
  counts(): Promise<StoreCounts>;
  /** Throws StoreUnavailableError when the store cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
