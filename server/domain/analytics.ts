/**
 * The analytics vocabularies: the sides of the nexus an actor's kind puts it on (for brokerage
 * between the criminal and the terrorist worlds, and the state–crime nexus), the Gould–Fernandez
 * brokerage roles, and the centrality measures. GraphQL enums derive from these arrays.
 */
import { ACTOR_KINDS, CONNECTING_TYPES, type ActorKind, type RelationshipType } from './vocabulary.js';

export const NEXUS_SIDES = ['criminal', 'terrorist', 'state', 'other'] as const;
export type NexusSide = (typeof NEXUS_SIDES)[number];

/** Which side of the nexus each actor kind is on ("other": parties, persons, international bodies, places). */
export const KIND_SIDE: Readonly<Record<ActorKind, NexusSide>> = {
  terrorist_group: 'terrorist',
  insurgent_group: 'terrorist',
  extremist_movement: 'terrorist',
  political_party: 'other',
  criminal_group: 'criminal',
  trafficking_network: 'criminal',
  state: 'state',
  state_agency: 'state',
  military_force: 'state',
  official: 'state',
  person: 'other',
  international_organisation: 'other',
  region: 'other',
  route: 'other',
};

/**
 * Gould and Fernandez (1989): the roles of b in a two-step a → b → c with no tie a → c, by the
 * groups of a, b and c.
 */
export const BROKERAGE_ROLES = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison'] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];

export const BROKERAGE_ROLE_INFO: Readonly<Record<BrokerageRole, { label: string; description: string }>> = {
  coordinator: { label: 'Coordinator', description: 'Brokers between two actors of its own side.' },
  itinerant: { label: 'Itinerant (consultant)', description: 'Brokers between two actors of one side, being of another.' },
  representative: { label: 'Representative', description: 'Passes from its own side to another side.' },
  gatekeeper: { label: 'Gatekeeper', description: 'Lets another side into its own.' },
  liaison: { label: 'Liaison', description: 'Brokers between two other sides, each different from its own.' },
};

export function brokerageRole(a: NexusSide, b: NexusSide, c: NexusSide): BrokerageRole {
  if (a === b && b === c) return 'coordinator';
  if (a === c) return 'itinerant';
  if (a === b) return 'representative';
  if (b === c) return 'gatekeeper';
  return 'liaison';
}

export const CENTRALITY_MEASURES = ['degree', 'betweenness', 'pagerank'] as const;
export type CentralityMeasure = (typeof CENTRALITY_MEASURES)[number];

/** Hostile ties connect actors for paths but carry nothing between them: no brokerage or centrality runs through them. */
export const HOSTILE_TYPES: readonly RelationshipType[] = ['rivalry', 'combats', 'attacks', 'threatens'];
/** The ties analytics read by default: connecting and not hostile. */
export const TIE_TYPES: readonly RelationshipType[] = CONNECTING_TYPES.filter((t) => !HOSTILE_TYPES.includes(t));
/** Places are where actors act, not actors who broker: analytics leave them out by default. */
export const ANALYSED_KINDS: readonly ActorKind[] = ACTOR_KINDS.filter((k) => k !== 'region' && k !== 'route');
