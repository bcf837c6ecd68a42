/**
 * How our records meet the FollowTheMoney (FtM) model (schemata as published in
 * alephdata/followthemoney: Thing, Interval, Interest, Membership, Directorship, Succession,
 * UnknownLink, Sanction, Document, Documentation). Shared by the FtM import and export.
 *
 * Actors → Thing schemata: person/official → Person; state, state_agency → PublicBody;
 * region, route → Address; every other kind → Organization. FtM has no kinds of organisation, so
 * the exact kind travels as the keyword `nexus:kind=<kind>` and, where one fits, as an FtM topic.
 * Relationships → Interval schemata: member_of → Membership (member → organization); leads →
 * Directorship (director → organization); successor_of → Succession (successor of predecessor);
 * designated_by → Sanction (entity, authority = the designating actor's name); every other type →
 * UnknownLink (subject → object) with the type as its `role`.
 */
import { ACTOR_KINDS, RELATIONSHIP_TYPES, type ActorKind, type RelationshipType } from '../domain/vocabulary.js';

export const KEYWORD_PREFIX = 'nexus:';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets?: string[];
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
  referents?: string[];
  caption?: string;
}

export const ACTOR_SCHEMATA = ['Person', 'Organization', 'LegalEntity', 'Company', 'PublicBody', 'Address'] as const;
export const INTERVAL_SCHEMATA = ['Membership', 'Directorship', 'Succession', 'UnknownLink', 'Sanction'] as const;

export function schemaOfKind(kind: ActorKind): string {
  if (kind === 'person' || kind === 'official') return 'Person';
  if (kind === 'state' || kind === 'state_agency') return 'PublicBody';
  if (kind === 'region' || kind === 'route') return 'Address';
  return 'Organization';
}

/** The FtM topic a kind is closest to (OpenSanctions' topic list), if any. */
export const KIND_TOPICS: Partial<Record<ActorKind, string>> = {
  terrorist_group: 'crime.terror',
  criminal_group: 'crime',
  trafficking_network: 'crime.traffick',
  state: 'gov.national',
  state_agency: 'gov',
  military_force: 'mil',
  official: 'role.pep',
  international_organisation: 'gov.igo',
};

/** A kind from FtM topics, most specific first; null when none tells. */
export function kindOfTopics(topics: readonly string[]): ActorKind | null {
  const has = (prefix: string) => topics.some((t) => t === prefix || t.startsWith(`${prefix}.`));
  if (has('crime.terror')) return 'terrorist_group';
  if (has('crime.traffick')) return 'trafficking_network';
  if (has('crime')) return 'criminal_group';
  if (has('gov.igo')) return 'international_organisation';
  if (has('mil')) return 'military_force';
  if (has('gov')) return 'state_agency';
  return null;
}

/** The kind an entity states in its keywords (`nexus:kind=…`), if a valid one. */
export function keyword(entity: FtmEntity, name: string): string | null {
  const prefix = `${KEYWORD_PREFIX}${name}=`;
  const found = (entity.properties['keywords'] ?? []).find((k) => k.startsWith(prefix));
  return found === undefined ? null : found.slice(prefix.length);
}

export function isActorKind(v: string | null): v is ActorKind {
  return v !== null && (ACTOR_KINDS as readonly string[]).includes(v);
}

export function isRelationshipType(v: string | undefined): v is RelationshipType {
  return v !== undefined && (RELATIONSHIP_TYPES as readonly string[]).includes(v);
}

/** The interval schema of a relationship type, and its two ends' property names (source end first). */
export function intervalOfType(type: RelationshipType): { schema: string; ends: [string, string] } {
  switch (type) {
    case 'member_of':
      return { schema: 'Membership', ends: ['member', 'organization'] };
    case 'leads':
      return { schema: 'Directorship', ends: ['director', 'organization'] };
    case 'successor_of':
      return { schema: 'Succession', ends: ['successor', 'predecessor'] };
    case 'designated_by':
      return { schema: 'Sanction', ends: ['entity', 'authority'] };
    default:
      return { schema: 'UnknownLink', ends: ['subject', 'object'] };
  }
}

/** The type an interval entity stands for (UnknownLink: its role, when it is one of ours). */
export function typeOfInterval(entity: FtmEntity): RelationshipType | null {
  switch (entity.schema) {
    case 'Membership':
      return 'member_of';
    case 'Directorship':
      return 'leads';
    case 'Succession':
      return 'successor_of';
    case 'Sanction':
      return 'designated_by';
    default: {
      const role = entity.properties['role']?.[0]?.trim().toLowerCase().replace(/[\s-]+/g, '_');
      return isRelationshipType(role) ? role : null;
    }
  }
}

/** Our date point from an FtM date or timestamp ("2021-03-04T10:00:00" → "2021-03-04"; "2019-05" kept). */
export function ftmDate(value: string | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (!m) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}
