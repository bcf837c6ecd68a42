// Generated from schema.graphql by server/graphql/codegen.ts (npm run gen:graphql). Do not edit.

export interface ActorChangesInput {
  name?: string | null;
  kind?: ActorKind | null;
  aliases?: Array<string> | null;
  country?: string | null;
  description?: string | null;
  nameCollision?: string | null;
}

export interface ActorInput {
  id?: string | null;
  name: string;
  kind: ActorKind;
  aliases?: Array<string> | null;
  country?: string | null;
  description?: string | null;
  nameCollision?: string | null;
}

export type ActorKind = 'terrorist_group' | 'insurgent_group' | 'extremist_movement' | 'political_party' | 'criminal_group' | 'trafficking_network' | 'state' | 'state_agency' | 'military_force' | 'official' | 'person' | 'international_organisation' | 'region' | 'route';

export type BrokerageRole = 'coordinator' | 'itinerant' | 'representative' | 'gatekeeper' | 'liaison';

export type Capacity = 'hegemonic' | 'captured' | 'degraded' | 'failed';

export type CentralityMeasure = 'degree' | 'betweenness' | 'pagerank';

export type ChangeKind = 'ACTOR_APPEARS' | 'ACTOR_ENDS' | 'RELATIONSHIP_STARTS' | 'RELATIONSHIP_ENDS' | 'STAGE_CHANGES';

export type ChangeOperation = 'create_actor' | 'update_actor' | 'add_alias' | 'retire_actor' | 'create_relationship' | 'update_relationship' | 'add_citation' | 'retire_relationship' | 'merge_actors' | 'import';

export interface ClaimInput {
  source?: string | null;
  newSource?: NewSourceInput | null;
  quote: string;
  location?: string | null;
  confidence: Confidence;
  from?: string | null;
  to?: string | null;
  fromBasis?: DatingBasis | null;
  toBasis?: DatingBasis | null;
  datedBy?: DatingPassageInput | null;
}

export type Confidence = 'stated' | 'reported' | 'alleged' | 'disputed';

export type ContinuumStage = 'no_relationship' | 'operational' | 'alliance' | 'convergence';

export interface DatePeriodInput {
  from: string;
  to: string;
}

export type DatingBasis = 'stated' | 'passage' | 'lifespan' | 'attested' | 'source_period';

export interface DatingPassageInput {
  quote: string;
  location?: string | null;
}

export type Direction = 'ANY' | 'OUT' | 'IN';

export type EventKind = 'attack' | 'incursion' | 'battle' | 'unrest' | 'operation' | 'political' | 'organisational' | 'agreement' | 'other';

export interface EvidenceInput {
  source?: string | null;
  newSource?: NewSourceInput | null;
  quote: string;
  location?: string | null;
  confidence: Confidence;
}

export type LifespanEvent = 'founded' | 'independence' | 'born' | 'took_office' | 'first_active' | 'dissolved' | 'merged' | 'died' | 'left_office' | 'last_active';

export interface NewSourceInput {
  id: string;
  title: string;
  authors: Array<string>;
  year: number;
  publisher?: string | null;
  period: DatePeriodInput;
  periodNote?: string | null;
}

export type NexusSide = 'criminal' | 'terrorist' | 'state' | 'other';

export type PathMode = 'SHORTEST' | 'K_SHORTEST' | 'ALL_SIMPLE';

export interface RelationshipChangesInput {
  type?: RelationshipType | null;
  description?: string | null;
  stageNote?: string | null;
}

export interface RelationshipFilter {
  types?: Array<RelationshipType> | null;
  stages?: Array<ContinuumStage> | null;
  actorIds?: Array<string> | null;
  at?: number | null;
  from?: number | null;
  to?: number | null;
  minConfidence?: Confidence | null;
  datedOnly?: boolean | null;
  minSources?: number | null;
}

export interface RelationshipInput {
  id?: string | null;
  source: string;
  target: string;
  type: RelationshipType;
  description?: string | null;
  stageNote?: string | null;
}

export type RelationshipType = 'no_relationship' | 'operational' | 'alliance' | 'convergence' | 'splinter_of' | 'successor_of' | 'member_of' | 'leads' | 'part_of' | 'collusion' | 'supports' | 'funds' | 'assists' | 'cooperates_with' | 'rivalry' | 'operates_in' | 'traffics_through' | 'combats' | 'attacks' | 'threatens' | 'designated_by';

export type Role = 'viewer' | 'editor' | 'admin';

export type TruncatedBy = 'LIMIT' | 'TIME';

export interface YearWindow {
  from: number;
  to: number;
}

export interface ActorRelationshipsArgs {
  filter?: RelationshipFilter | null;
  first: number | null;
}

export interface BrokerPairsArgs {
  first: number | null;
}

export interface MutationCreateActorArgs {
  input: ActorInput;
  evidence: EvidenceInput;
}

export interface MutationUpdateActorArgs {
  id: string;
  changes: ActorChangesInput;
  evidence: EvidenceInput;
}

export interface MutationAddActorAliasArgs {
  id: string;
  alias: string;
  evidence: EvidenceInput;
}

export interface MutationRetireActorArgs {
  id: string;
  reason: string;
  evidence: EvidenceInput;
}

export interface MutationMergeActorsArgs {
  survivor: string;
  merged: string;
  reason: string;
  evidence: EvidenceInput;
}

export interface MutationCreateRelationshipArgs {
  input: RelationshipInput;
  claim: ClaimInput;
}

export interface MutationUpdateRelationshipArgs {
  id: string;
  changes: RelationshipChangesInput;
  evidence: EvidenceInput;
}

export interface MutationAddCitationArgs {
  relationshipId: string;
  claim: ClaimInput;
}

export interface MutationRetireRelationshipArgs {
  id: string;
  reason: string;
  evidence: EvidenceInput;
}

export interface QueryActorsArgs {
  search?: string | null;
  kinds?: Array<ActorKind> | null;
  countries?: Array<string> | null;
  activeAt?: number | null;
  first: number | null;
  after?: string | null;
}

export interface QueryActorArgs {
  id: string;
}

export interface QueryRelationshipArgs {
  id: string;
}

export interface QueryRelationshipsByIdArgs {
  ids: Array<string>;
}

export interface QueryRelationshipsArgs {
  filter?: RelationshipFilter | null;
  first: number | null;
  after?: string | null;
}

export interface QueryPathsArgs {
  from: string;
  to: string;
  mode: PathMode | null;
  k: number | null;
  maxHops: number | null;
  types?: Array<RelationshipType> | null;
  stages?: Array<ContinuumStage> | null;
  at?: number | null;
  window?: YearWindow | null;
  timeRespecting: boolean | null;
  maxGap?: number | null;
  includeNonConnecting: boolean | null;
  minConfidence?: Confidence | null;
  direction: Direction | null;
  excludeActors?: Array<string> | null;
  datedOnly: boolean | null;
  minSources?: number | null;
  limit: number | null;
}

export interface QueryNetworkArgs {
  at?: number | null;
  window?: YearWindow | null;
  types?: Array<RelationshipType> | null;
  stages?: Array<ContinuumStage> | null;
  kinds?: Array<ActorKind> | null;
  minConfidence?: Confidence | null;
  datedOnly: boolean | null;
  minSources?: number | null;
  limit: number | null;
}

export interface QueryNeighbourhoodArgs {
  id: string;
  depth: number | null;
  at?: number | null;
  window?: YearWindow | null;
  types?: Array<RelationshipType> | null;
  stages?: Array<ContinuumStage> | null;
  minConfidence?: Confidence | null;
  datedOnly: boolean | null;
  minSources?: number | null;
  limit: number | null;
}

export interface QueryCentralityArgs {
  at?: number | null;
  window?: YearWindow | null;
  types?: Array<RelationshipType> | null;
  stages?: Array<ContinuumStage> | null;
  kinds?: Array<ActorKind> | null;
  minConfidence?: Confidence | null;
  datedOnly: boolean | null;
  minSources?: number | null;
  includeNonConnecting: boolean | null;
  measure: CentralityMeasure | null;
  limit: number | null;
}

export interface QueryYearCountsArgs {
  fromYear: number;
  toYear: number;
  datedOnly: boolean | null;
}

export interface QueryStageTrajectoriesArgs {
  actorId: string;
  datedOnly: boolean | null;
}

export interface QueryRankOverTimeArgs {
  actorId: string;
  fromYear: number;
  toYear: number;
  types?: Array<RelationshipType> | null;
  stages?: Array<ContinuumStage> | null;
  kinds?: Array<ActorKind> | null;
  minConfidence?: Confidence | null;
  datedOnly: boolean | null;
  minSources?: number | null;
  includeNonConnecting: boolean | null;
  measure: CentralityMeasure | null;
}

export interface QueryBrokersArgs {
  at?: number | null;
  window?: YearWindow | null;
  types?: Array<RelationshipType> | null;
  stages?: Array<ContinuumStage> | null;
  kinds?: Array<ActorKind> | null;
  minConfidence?: Confidence | null;
  datedOnly: boolean | null;
  minSources?: number | null;
  includeNonConnecting: boolean | null;
  limit: number | null;
}

export interface QueryCommunitiesArgs {
  at?: number | null;
  window?: YearWindow | null;
  types?: Array<RelationshipType> | null;
  stages?: Array<ContinuumStage> | null;
  kinds?: Array<ActorKind> | null;
  minConfidence?: Confidence | null;
  datedOnly: boolean | null;
  minSources?: number | null;
  includeNonConnecting: boolean | null;
  seed: number | null;
}

export interface QueryDyadArgs {
  a: string;
  b: string;
}

export interface QueryDiffArgs {
  fromYear: number;
  toYear: number;
  types?: Array<RelationshipType> | null;
  stages?: Array<ContinuumStage> | null;
  minConfidence?: Confidence | null;
  datedOnly: boolean | null;
  minSources?: number | null;
  limit: number | null;
}

export interface QueryStateCapacityArgs {
  region?: string | null;
  period?: YearWindow | null;
}

export interface QueryEventsArgs {
  actorId?: string | null;
  window?: YearWindow | null;
}

export interface QueryFiguresArgs {
  actorId?: string | null;
}

export interface QueryHistoryArgs {
  recordId: string;
}

export interface QueryRetiredArgs {
  id: string;
}

export interface QueryAuditArgs {
  recordId?: string | null;
  by?: string | null;
  operation?: ChangeOperation | null;
  since?: string | null;
  until?: string | null;
  first: number | null;
  after?: string | null;
}

/** Arguments of every Query field (fields without arguments map to Record<string, never>). */
export interface QueryArgs {
  actors: QueryActorsArgs;
  actor: QueryActorArgs;
  relationship: QueryRelationshipArgs;
  relationshipsById: QueryRelationshipsByIdArgs;
  relationshipTypes: Record<string, never>;
  actorKinds: Record<string, never>;
  confidenceGrades: Record<string, never>;
  datingBases: Record<string, never>;
  capacityTypes: Record<string, never>;
  relationships: QueryRelationshipsArgs;
  paths: QueryPathsArgs;
  network: QueryNetworkArgs;
  overview: Record<string, never>;
  neighbourhood: QueryNeighbourhoodArgs;
  centrality: QueryCentralityArgs;
  yearCounts: QueryYearCountsArgs;
  stageTrajectories: QueryStageTrajectoriesArgs;
  rankOverTime: QueryRankOverTimeArgs;
  brokers: QueryBrokersArgs;
  communities: QueryCommunitiesArgs;
  timeline: Record<string, never>;
  timeSpan: Record<string, never>;
  dyad: QueryDyadArgs;
  diff: QueryDiffArgs;
  stateCapacity: QueryStateCapacityArgs;
  events: QueryEventsArgs;
  figures: QueryFiguresArgs;
  sources: Record<string, never>;
  me: Record<string, never>;
  history: QueryHistoryArgs;
  retired: QueryRetiredArgs;
  audit: QueryAuditArgs;
}

/** Arguments of every Mutation field (fields without arguments map to Record<string, never>). */
export interface MutationArgs {
  createActor: MutationCreateActorArgs;
  updateActor: MutationUpdateActorArgs;
  addActorAlias: MutationAddActorAliasArgs;
  retireActor: MutationRetireActorArgs;
  mergeActors: MutationMergeActorsArgs;
  createRelationship: MutationCreateRelationshipArgs;
  updateRelationship: MutationUpdateRelationshipArgs;
  addCitation: MutationAddCitationArgs;
  retireRelationship: MutationRetireRelationshipArgs;
}
