/**
 * Types of the data the explorer reads from the GraphQL API (server/graphql/schema.graphql).
 * Enum values are the API's UPPER_CASE spellings of the shared vocabulary.
 */
import type {
  ActorKind as DomainActorKind,
  CapacityType as DomainCapacity,
  ConfidenceGrade as DomainConfidence,
  ContinuumStage as DomainStage,
  DatingBasis as DomainDatingBasis,
  EventKind as DomainEventKind,
  LifespanEvent as DomainLifespanEvent,
  RelationshipType as DomainRelationshipType,
} from '../../../server/domain/vocabulary.js';

export type ActorKind = Uppercase<DomainActorKind>;
export type RelationshipType = Uppercase<DomainRelationshipType>;
export type ContinuumStage = Uppercase<DomainStage>;
export type Confidence = Uppercase<DomainConfidence>;
export type Capacity = Uppercase<DomainCapacity>;
export type EventKind = Uppercase<DomainEventKind>;
export type DatingBasis = Uppercase<DomainDatingBasis>;
export type LifespanEvent = Uppercase<DomainLifespanEvent>;
export type PathMode = 'SHORTEST' | 'K_SHORTEST' | 'ALL_SIMPLE';
export type Direction = 'ANY' | 'OUT' | 'IN';

export interface Interval {
  from: string | null;
  to: string | null;
  fromYear: number | null;
  toYear: number | null;
  label: string;
}

export interface Source {
  id: string;
  title: string;
  authors: string[];
  year: number | null;
  publisher: string | null;
  file: string;
}

export interface Citation {
  source: Source;
  quote: string;
  location: string | null;
}

/** When a relationship is treated as valid: always bounded, each end with how it is known. */
export interface Validity {
  from: string;
  to: string;
  fromYear: number;
  toYear: number;
  fromBasis: DatingBasis;
  toBasis: DatingBasis;
  label: string;
}

export interface LifespanBoundCore {
  date: string;
  year: number;
  basis: DatingBasis;
  uncertain: boolean;
}

export interface LifespanReading {
  event: LifespanEvent;
  date: string;
  latest: string | null;
  basis: DatingBasis;
  citation: Citation;
  datedBy: { quote: string; location: string | null } | null;
}

export interface LifespanBound extends LifespanBoundCore {
  earliest: string;
  latest: string;
  readings: LifespanReading[];
}

/** The actor fields the graph needs. */
export interface ActorCore {
  id: string;
  name: string;
  aliases: string[];
  kind: ActorKind;
  kindLabel: string;
  country: string | null;
  active: Pick<Interval, 'fromYear' | 'toYear' | 'label'>;
  lifespan: { label: string; from: Pick<LifespanBoundCore, 'basis' | 'uncertain'>; to: Pick<LifespanBoundCore, 'basis' | 'uncertain'> };
}

export interface RelationshipCore {
  id: string;
  type: RelationshipType;
  typeLabel: string;
  stage: ContinuumStage | null;
  directed: boolean;
  confidence: Confidence;
  /** The hull of the claims' own dates (its label: "1998–2001", "from 2005", "undated"). */
  interval: Pick<Interval, 'label'>;
  /** When the API treats it as valid (time filters use this). */
  validity: Pick<Validity, 'fromYear' | 'toYear' | 'fromBasis' | 'toBasis' | 'label'>;
  /** At least one end is stated or passage-dated. */
  dated: boolean;
  /** How many documents assert it. */
  corroboration: number;
  source: { id: string };
  target: { id: string };
}

/** One document's assertion of a relationship, with its own grade and dating. */
export interface Claim {
  citation: Citation;
  confidence: Confidence;
  interval: Interval;
  fromBasis: DatingBasis | null;
  toBasis: DatingBasis | null;
  datedBy: { quote: string; location: string | null } | null;
}

export interface RelationshipFull extends Omit<RelationshipCore, 'source' | 'target' | 'interval' | 'validity'> {
  interval: Interval;
  validity: Validity;
  source: ActorCore;
  target: ActorCore;
  description: string;
  stageNote: string | null;
  datesDisagree: boolean;
  claims: Claim[];
  citations: Citation[];
}

/** A relationship with its claims, for a chronology. */
export interface RelationshipClaims {
  id: string;
  type: RelationshipType;
  typeLabel: string;
  stage: ContinuumStage | null;
  directed: boolean;
  source: { id: string; name: string };
  target: { id: string; name: string };
  claims: Claim[];
}

export interface ActorFull extends Omit<ActorCore, 'lifespan'> {
  description: string;
  nameCollision: string | null;
  lifespan: { label: string; from: LifespanBound; to: LifespanBound };
  citations: Citation[];
  relationships: (RelationshipCore & { source: { id: string; name: string }; target: { id: string; name: string }; claims: Claim[] })[];
}

export interface Network {
  nodes: ActorCore[];
  edges: RelationshipCore[];
  truncated: boolean;
}

/** The opening view (query `overview`): a network with the positions the server laid it out at. */
export interface Overview extends Network {
  positions: Array<{ id: string; x: number; y: number }>;
  bounded: boolean;
  totalActors: number;
  totalRelationships: number;
}

export interface RelationshipTypeInfo {
  type: RelationshipType;
  label: string;
  description: string;
  directed: boolean;
  isStage: boolean;
  stageOrder: number | null;
  /** Connects its actors for path finding (sharing a place or a listing does not). */
  connects: boolean;
}

export interface DatingBasisInfo {
  basis: DatingBasis;
  label: string;
  description: string;
  dated: boolean;
}

export interface ActorKindInfo {
  kind: ActorKind;
  label: string;
  description: string;
}

export interface ConfidenceInfo {
  grade: Confidence;
  label: string;
  description: string;
  rank: number;
}

export interface CapacityInfo {
  capacity: Capacity;
  label: string;
  description: string;
}

export interface Vocabulary {
  relationshipTypes: RelationshipTypeInfo[];
  actorKinds: ActorKindInfo[];
  confidenceGrades: ConfidenceInfo[];
  capacityTypes: CapacityInfo[];
  datingBases: DatingBasisInfo[];
  /** The source documents (a story's quotes name them). */
  sources: SourceInfo[];
}

export interface SourceInfo {
  id: string;
  title: string;
  authors: string[];
  year: number | null;
}

export interface TimelineEvent {
  id: string;
  date: string;
  year: number;
  title: string;
  kind: EventKind;
  actors: { id: string }[];
  places: { id: string }[];
}

export interface Timeline {
  minYear: number | null;
  maxYear: number | null;
  years: { year: number; events: TimelineEvent[] }[];
}

export interface PathHop {
  from: { id: string; name: string };
  to: { id: string; name: string };
  relationship: RelationshipFull;
  alternatives: { id: string }[];
  /** Time-respecting paths: the day the hop is taken. */
  date: string | null;
}

export interface Path {
  length: number;
  actors: { id: string; name: string }[];
  hops: PathHop[];
}

export interface PathResult {
  paths: Path[];
  truncated: boolean;
  truncatedBy: 'LIMIT' | 'TIME' | null;
}

export interface DyadPeriod {
  stage: ContinuumStage;
  fromYear: number;
  toYear: number;
  from: { date: string; basis: DatingBasis };
  to: { date: string; basis: DatingBasis };
  /** Other stages asserted for the pair during part of this period. */
  overlaps: ContinuumStage[];
  relationships: { id: string }[];
}

export interface Dyad {
  a: { id: string; name: string };
  b: { id: string; name: string };
  periods: DyadPeriod[];
  relationships: RelationshipClaims[];
}

/** A relationship as a compare-mode list shows it. */
export interface ChangedRelationship {
  id: string;
  typeLabel: string;
  directed: boolean;
  stage: ContinuumStage | null;
  validity: Validity;
  source: { id: string; name: string };
  target: { id: string; name: string };
  citations: { quote: string; source: { title: string } }[];
}

export interface StageChange {
  a: { id: string; name: string };
  b: { id: string; name: string };
  fromStages: ContinuumStage[];
  toStages: ContinuumStage[];
  before: ChangedRelationship[];
  after: ChangedRelationship[];
}

export interface Diff {
  fromYear: number;
  toYear: number;
  added: ChangedRelationship[];
  ended: ChangedRelationship[];
  changedStage: StageChange[];
  truncated: boolean;
}

export interface CapacityRating {
  id: string;
  region: { id: string; name: string };
  period: Interval;
  capacity: Capacity[];
  note: string;
  citations: Citation[];
}

export interface StateCapacityTable {
  ratings: CapacityRating[];
}

export interface YearWindow {
  from: number;
  to: number;
}

export interface PathQuery {
  from: string;
  to: string;
  mode?: PathMode;
  k?: number;
  maxHops?: number;
  types?: RelationshipType[];
  stages?: ContinuumStage[];
  at?: number;
  window?: YearWindow;
  timeRespecting?: boolean;
  /** With timeRespecting: at most this many years between consecutive hops. */
  maxGap?: number;
  /** Also walk shared places, listings and stated absences of ties. */
  includeNonConnecting?: boolean;
  minConfidence?: Confidence;
  direction?: Direction;
  excludeActors?: string[];
  /** Only relationships with a known start or end. */
  datedOnly?: boolean;
  limit?: number;
}
