/**
 * GraphQL enums that mirror the domain vocabularies: the SDL uses UPPER_CASE names, resolvers
 * and services see the vocabulary's lower-case values. Built from the `as const` arrays, so the
 * mapping cannot drift from the vocabulary (and a test checks the SDL lists the same values).
 */
import {
  ACTOR_KINDS,
  CAPACITY_TYPES,
  CONFIDENCE_GRADES,
  CONTINUUM_STAGES,
  DATING_BASES,
  EVENT_KINDS,
  LIFESPAN_EVENTS,
  RELATIONSHIP_TYPES,
} from '../domain/vocabulary.js';
import { BROKERAGE_ROLES, CENTRALITY_MEASURES, NEXUS_SIDES } from '../domain/analytics.js';
import { ROLES } from '../domain/access.js';
import { CHANGE_OPERATIONS } from '../domain/changes.js';

export const VOCABULARY_ENUMS = {
  ActorKind: ACTOR_KINDS,
  RelationshipType: RELATIONSHIP_TYPES,
  ContinuumStage: CONTINUUM_STAGES,
  Confidence: CONFIDENCE_GRADES,
  Capacity: CAPACITY_TYPES,
  EventKind: EVENT_KINDS,
  DatingBasis: DATING_BASES,
  LifespanEvent: LIFESPAN_EVENTS,
  NexusSide: NEXUS_SIDES,
  BrokerageRole: BROKERAGE_ROLES,
  CentralityMeasure: CENTRALITY_MEASURES,
  Role: ROLES,
  ChangeOperation: CHANGE_OPERATIONS,
} as const;

export type VocabularyEnumName = keyof typeof VOCABULARY_ENUMS;

export function isVocabularyEnum(name: string): name is VocabularyEnumName {
  return Object.hasOwn(VOCABULARY_ENUMS, name);
}

export const toEnumName = (value: string): string => value.toUpperCase();

/** Apollo enum resolvers: { ActorKind: { TERRORIST_GROUP: 'terrorist_group', … }, … } */
export function enumResolvers(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(VOCABULARY_ENUMS).map(([name, values]) => [name, Object.fromEntries(values.map((v) => [toEnumName(v), v]))]),
  );
}
