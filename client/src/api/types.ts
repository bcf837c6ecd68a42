/**
 * Types of the data the explorer reads from the GraphQL API (server/graphql/schema.graphql).
 * Enum values are the API's UPPER_CASE spellings of the shared vocabulary.
 */
import type {
  ActorKind as DomainActorKind,
  CapacityType as DomainCapacity,
  ConfidenceGrade as DomainConfidence,
  ContinuumStage as DomainStage,
  EventKind as DomainEventKind,
  RelationshipType as DomainRelationshipType,
} from '../../../server/domain/vocabulary.js';

export type ActorKind = Uppercase<DomainActorKind>;
export type RelationshipType = Uppercase<DomainRelationshipType>;
export type ContinuumStage = Uppercase<DomainStage>;
export type Confidence = Uppercase<DomainConfidence>;
export type Capacity = Uppercase<DomainCapacity>;
export type EventKind = Uppercase<DomainEventKind>;
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

/** The actor fields the graph needs. */
export interface ActorCore {
  id: string;
  name: string;
  aliases: string[];
  kind: ActorKind;
  kindLabel: string;
  country: string | null;
  active: Interval | null;
}

export interface RelationshipCore {
  id: string;
  type: RelationshipType;
  typeLabel: string;
  stage: ContinuumStage | null;
  directed: boolean;
  confidence: Confidence;
  interval: Interval;
  /** When the API treats it as valid: its dates, unknown ends bounded by its actors' active years. */
  validity: Interval;
  source: { id: string };
  target: { id: string };
}

export interface RelationshipFull extends Omit<RelationshipCore, 'source' | 'target'> {
  source: ActorCore;
  target: ActorCore;
  description: string;
  stageNote: string | null;
  citations: Citation[];
}

export interface ActorFull extends ActorCore {
  description: string;
  nameCollision: string | null;
  citations: Citation[];
  relationships: (RelationshipCore & { source: { id: string; name: string }; target: { id: string; name: string } })[];
}

export interface Network {
  nodes: ActorCore[];
  edges: RelationshipCore[];
  truncated: boolean;
}

export interface RelationshipTypeInfo {
  type: RelationshipType;
  label: string;
  description: string;
  directed: boolean;
  isStage: boolean;
  stageOrder: number | null;
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
}

export interface TimelineEvent {
  id: string;
  date: string;
  year: number;
  title: string;
  kind: EventKind;
}

export interface Timeline {
  minYear: number | null;
  maxYear: number | null;
  years: { year: number; changes: { kind: string }[]; events: TimelineEvent[] }[];
}

export interface PathHop {
  from: { id: string; name: string };
  to: { id: string; name: string };
  relationship: RelationshipFull;
  alternatives: { id: string }[];
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
  fromYear: number | null;
  toYear: number | null;
  stage: ContinuumStage;
  relationships: { id: string }[];
}

export interface Dyad {
  a: { id: string; name: string };
  b: { id: string; name: string };
  periods: DyadPeriod[];
}

export interface StageChange {
  a: { id: string };
  b: { id: string };
  fromStage: ContinuumStage | null;
  toStage: ContinuumStage | null;
  before: { id: string }[];
  after: { id: string }[];
}

export interface Diff {
  fromYear: number;
  toYear: number;
  added: { id: string }[];
  ended: { id: string }[];
  changedStage: StageChange[];
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
  minConfidence?: Confidence;
  direction?: Direction;
  excludeActors?: string[];
  /** Only relationships with a known start or end. */
  datedOnly?: boolean;
  limit?: number;
}
