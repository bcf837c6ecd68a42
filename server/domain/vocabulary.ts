/**
 * The controlled vocabularies of Nexus Explorer, declared once.
 * zod schemas, TypeScript types, the GraphQL enums, the Neo4j relationship types and the UI legend
 * all derive from these arrays; tests fail if any of them drift.
 */

export const ACTOR_KINDS = [
  'terrorist_group',
  'insurgent_group',
  'extremist_movement',
  'political_party',
  'criminal_group',
  'trafficking_network',
  'state',
  'state_agency',
  'military_force',
  'official',
  'person',
  'international_organisation',
  'region',
  'route',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface KindInfo {
  readonly label: string;
  readonly description: string;
}

export const ACTOR_KIND_INFO: Readonly<Record<ActorKind, KindInfo>> = {
  terrorist_group: { label: 'Terrorist group', description: 'An organisation that uses terrorist violence (e.g. the IMU, IJU, Jund al-Khilafah, Al-Qaeda).' },
  insurgent_group: { label: 'Insurgent group', description: 'An armed movement fighting a state for territory or power (e.g. the Taliban, the United Tajik Opposition).' },
  extremist_movement: { label: 'Extremist movement', description: 'A radical movement not itself documented as armed (e.g. Hizb ut-Tahrir, Akromiya).' },
  political_party: { label: 'Party or movement', description: 'A political party or legal political movement (e.g. the Islamic Renaissance Party).' },
  criminal_group: { label: 'Criminal group', description: 'An organised-crime group or syndicate (e.g. D-Company, the Osh drug barons).' },
  trafficking_network: { label: 'Trafficking network', description: 'A network whose documented business is smuggling drugs, arms or people.' },
  state: { label: 'State', description: 'A sovereign state.' },
  state_agency: { label: 'State agency', description: 'A ministry, service or agency of a state (drug control, interior, security, border, customs).' },
  military_force: { label: 'Military force', description: 'A standing or multinational armed force (e.g. the CSTO Collective Rapid Reaction Force, ISAF).' },
  official: { label: 'Official', description: 'A person holding state office.' },
  person: { label: 'Person', description: 'Any other named person (leaders of groups, traffickers).' },
  international_organisation: { label: 'International organisation', description: 'An intergovernmental or international body (CSTO, SCO, UNODC, OSCE, NATO).' },
  region: { label: 'Region or place', description: 'A province, district, enclave, city or valley.' },
  route: { label: 'Route', description: 'A trafficking or transport route or corridor.' },
};

/** The crime–terror continuum (after Makarenko), weakest to strongest. Order matters. */
export const CONTINUUM_STAGES = ['no_relationship', 'operational', 'alliance', 'convergence'] as const;
export type ContinuumStage = (typeof CONTINUUM_STAGES)[number];

export const RELATIONSHIP_TYPES = [
  ...CONTINUUM_STAGES,
  'splinter_of',
  'successor_of',
  'member_of',
  'leads',
  'part_of',
  'collusion',
  'supports',
  'funds',
  'assists',
  'cooperates_with',
  'rivalry',
  'operates_in',
  'traffics_through',
  'combats',
  'attacks',
  'threatens',
  'designated_by',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export interface RelationshipTypeInfo {
  readonly label: string;
  readonly description: string;
  /** Directed types read "source <label> target"; undirected ones are symmetric. */
  readonly directed: boolean;
  /** Position on the crime–terror continuum (0 = no relationship … 3 = convergence), null if not a stage. */
  readonly stage: number | null;
  /**
   * Whether the relationship connects its actors for path finding ("how is A connected to B,
   * through whom"). Sharing a place, being listed by the same body, or a stated absence of ties is
   * no connection: such types are left out of paths unless asked for.
   */
  readonly connects: boolean;
}

export const RELATIONSHIP_TYPE_INFO: Readonly<Record<RelationshipType, RelationshipTypeInfo>> = {
  no_relationship: { label: 'No relationship', description: 'A source states the two operate independently, or that links are unlikely.', directed: false, stage: 0, connects: false },
  operational: { label: 'Operational', description: 'Ad hoc or business ties: buying services, sharing routes, paying for passage, trading goods.', directed: false, stage: 1, connects: true },
  alliance: { label: 'Alliance', description: 'Sustained cooperation for mutual benefit; shared fighters, sanctuary or strategy.', directed: false, stage: 2, connects: true },
  convergence: { label: 'Convergence', description: 'The groups merge or one becomes a hybrid pursuing both criminal and political ends.', directed: false, stage: 3, connects: true },
  splinter_of: { label: 'Splinter of', description: 'The source group split from the target group.', directed: true, stage: null, connects: true },
  successor_of: { label: 'Successor of', description: 'The source grew out of, or renamed, the target.', directed: true, stage: null, connects: true },
  member_of: { label: 'Member of', description: 'The source belongs to the target (a person in a group, a group in an umbrella, a state in an organisation).', directed: true, stage: null, connects: true },
  leads: { label: 'Leads', description: 'The source person leads or led the target.', directed: true, stage: null, connects: true },
  part_of: { label: 'Part of', description: 'The source is a structural part of the target (an agency of a state, a province of a country).', directed: true, stage: null, connects: true },
  collusion: { label: 'Collusion / protection', description: 'State–crime nexus: the source (officials, agencies) protects, profits from or co-opts the target.', directed: true, stage: null, connects: true },
  supports: { label: 'Supports', description: 'The source gives the target sanctuary, training, arms, fighters or logistics.', directed: true, stage: null, connects: true },
  funds: { label: 'Funds', description: 'The source finances the target.', directed: true, stage: null, connects: true },
  assists: { label: 'Security assistance', description: 'The source gives the target security-sector aid, training or equipment.', directed: true, stage: null, connects: true },
  cooperates_with: { label: 'Cooperates with', description: 'States, agencies or organisations working together (joint operations, information sharing).', directed: false, stage: null, connects: true },
  rivalry: { label: 'Rivalry / conflict', description: 'The two compete or fight each other.', directed: false, stage: null, connects: true },
  operates_in: { label: 'Operates in', description: 'The source is active, based or present in the target place.', directed: true, stage: null, connects: false },
  traffics_through: { label: 'Traffics through', description: 'The source moves drugs, arms or people through the target place or route.', directed: true, stage: null, connects: false },
  combats: { label: 'Combats', description: 'The source (a state actor) acts against the target: operations, arrests, seizures, prosecution.', directed: true, stage: null, connects: true },
  attacks: { label: 'Attacks', description: 'The source carried out or planned attacks on the target.', directed: true, stage: null, connects: true },
  threatens: { label: 'Threatens', description: 'The source publicly threatened the target with violence (a threat, not an attack carried out).', directed: true, stage: null, connects: true },
  designated_by: { label: 'Designated by', description: 'The source was listed as terrorist or banned by the target.', directed: true, stage: null, connects: false },
};

/** Relationship types that connect actors for path finding (see RelationshipTypeInfo.connects). */
export const CONNECTING_TYPES: readonly RelationshipType[] = RELATIONSHIP_TYPES.filter((t) => RELATIONSHIP_TYPE_INFO[t].connects);

/** How sure the source is, strongest first. */
export const CONFIDENCE_GRADES = ['stated', 'reported', 'alleged', 'disputed'] as const;
export type ConfidenceGrade = (typeof CONFIDENCE_GRADES)[number];

export const CONFIDENCE_INFO: Readonly<Record<ConfidenceGrade, KindInfo>> = {
  stated: { label: 'Stated', description: 'The author asserts it as fact, or it is a matter of record (designations, events).' },
  reported: { label: 'Reported', description: 'Attributed to reports, officials, interviews or other named sources ("according to", "reportedly").' },
  alleged: { label: 'Alleged', description: 'Hedged by the text: "is said to", "allegedly", "speculations", "may have".' },
  disputed: { label: 'Disputed', description: 'The text or another source contests it; kept with its own citation.' },
};

const RANKS = new Map<string, number>(CONFIDENCE_GRADES.map((g, i) => [g, CONFIDENCE_GRADES.length - 1 - i]));

/** Rank used by minConfidence filters: higher is surer. */
export function confidenceRank(grade: ConfidenceGrade): number {
  return RANKS.get(grade) ?? -1;
}

/** State capacity typology (Markowitz, Table 1): willingness × capability to address the nexus. */
export const CAPACITY_TYPES = ['hegemonic', 'captured', 'degraded', 'failed'] as const;
export type CapacityType = (typeof CAPACITY_TYPES)[number];

export const CAPACITY_INFO: Readonly<Record<CapacityType, KindInfo>> = {
  hegemonic: { label: 'Hegemonic', description: 'High capability and high willingness to address the nexus.' },
  captured: { label: 'Captured', description: 'High capability, low willingness: state offices protect and serve the nexus.' },
  degraded: { label: 'Degraded', description: 'Low capability, high willingness: offices try but only partly succeed.' },
  failed: { label: 'Failed', description: 'Low capability and low willingness: offices cease to influence the nexus.' },
};

export const EVENT_KINDS = ['attack', 'incursion', 'battle', 'unrest', 'operation', 'political', 'organisational', 'agreement', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export function isContinuumStage(type: RelationshipType): type is ContinuumStage {
  return RELATIONSHIP_TYPE_INFO[type].stage !== null;
}

export function stageRank(type: RelationshipType): number | null {
  return RELATIONSHIP_TYPE_INFO[type].stage;
}

/** Actor kinds that are states or their organs: continuum stages with them need a stated reason. */
export const STATE_SIDE_KINDS: readonly ActorKind[] = ['state', 'state_agency', 'official', 'military_force', 'international_organisation'];

/**
 * How the end of an interval (a claim's, a relationship's validity, an actor's lifespan) is known.
 * Coded in the seed: `stated` and `passage`. Derived when nothing dates an end: `lifespan`
 * (relationships, from their actors' lifespans), `attested` (actors, from the dated evidence about
 * them) and `source_period` (from the period the citing documents describe). "Dated" means stated
 * or passage-dated.
 */
export const DATING_BASES = ['stated', 'passage', 'lifespan', 'attested', 'source_period'] as const;
export type DatingBasis = (typeof DATING_BASES)[number];

/** The bases a seed record may carry; the others are derived. */
export const CODED_DATING_BASES = ['stated', 'passage'] as const;
export type CodedDatingBasis = (typeof CODED_DATING_BASES)[number];

export interface DatingBasisInfo extends KindInfo {
  /** Stated or passage-dated: what "dated only" keeps. */
  readonly dated: boolean;
}

export const DATING_BASIS_INFO: Readonly<Record<DatingBasis, DatingBasisInfo>> = {
  stated: { label: 'Stated', description: 'The quote itself gives the date.', dated: true },
  passage: { label: 'Dated by the passage', description: 'The surrounding passage of the same document dates it; that sentence is cited too.', dated: true },
  lifespan: { label: 'Bounded by lifespans', description: 'No document dates this end: it is bounded by the lifespans of the two actors.', dated: false },
  attested: { label: 'Attested', description: 'No document dates this end of the lifespan: it is bounded by the years in which the documents attest the actor.', dated: false },
  source_period: { label: 'As reported in', description: 'Nothing narrower is known: bounded by the period the citing documents describe.', dated: false },
};

export function isDatedBasis(basis: DatingBasis | null | undefined): boolean {
  return basis != null && DATING_BASIS_INFO[basis].dated;
}

/** What a lifespan reading records: each opens or closes an actor's lifespan. */
export const LIFESPAN_EVENTS = [
  'founded',
  'independence',
  'born',
  'took_office',
  'first_active',
  'dissolved',
  'merged',
  'died',
  'left_office',
  'last_active',
] as const;
export type LifespanEvent = (typeof LIFESPAN_EVENTS)[number];

export interface LifespanEventInfo extends KindInfo {
  readonly side: 'start' | 'end';
}

export const LIFESPAN_EVENT_INFO: Readonly<Record<LifespanEvent, LifespanEventInfo>> = {
  founded: { label: 'Founded', description: 'Founded, formed, created or established.', side: 'start' },
  independence: { label: 'Independence', description: 'A state became independent.', side: 'start' },
  born: { label: 'Born', description: 'A person was born.', side: 'start' },
  took_office: { label: 'Took office', description: 'An official took the office the actor stands for.', side: 'start' },
  first_active: { label: 'First active', description: 'The earliest activity a document dates.', side: 'start' },
  dissolved: { label: 'Dissolved', description: 'Dissolved, disbanded, outlawed and broken up, or destroyed.', side: 'end' },
  merged: { label: 'Merged', description: 'Merged into or replaced by another actor.', side: 'end' },
  died: { label: 'Died', description: 'A person died or was killed.', side: 'end' },
  left_office: { label: 'Left office', description: 'An official left the office the actor stands for.', side: 'end' },
  last_active: { label: 'Last active', description: 'The latest activity a document dates.', side: 'end' },
};
