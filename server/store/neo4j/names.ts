/**
 * The names the Neo4j graph uses: node labels, the structural link types, the vocabulary's
 * relationship types upper-cased, and every property key. The Cypher lint checks the files in
 * cypher/ against these; mapping.ts uses them to convert records.
 */
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../domain/vocabulary.js';

/** The labels of records (each with a unique id). */
export const RECORD_LABELS = ['Actor', 'Source', 'Event', 'CapacityAssessment', 'Figure'] as const;
/** Labels whose nodes have a unique id: the records, retired records, the audit log and the edit lock (changes.ts). */
export const UNIQUE_ID_LABELS = [...RECORD_LABELS, 'Retired', 'AuditEntry', 'EditLock'] as const;
/** Every node label: those, and the marker of a batched import that has not finished (bulk.ts). */
export const NODE_LABELS = [...UNIQUE_ID_LABELS, 'ImportInProgress'] as const;
/** Structural relationship types linking records to actors (not part of the vocabulary). */
export const LINK_TYPES = ['INVOLVES', 'AT', 'RATES', 'ABOUT'] as const;

const TO_NEO4J = new Map<RelationshipType, string>(RELATIONSHIP_TYPES.map((t) => [t, t.toUpperCase()]));
const FROM_NEO4J = new Map<string, RelationshipType>(RELATIONSHIP_TYPES.map((t) => [t.toUpperCase(), t]));

/** The vocabulary's relationship types as Neo4j relationship types (ALLIANCE, SPLINTER_OF, …). */
export const NEO4J_RELATIONSHIP_TYPES: readonly string[] = [...TO_NEO4J.values()];

export function toNeo4jType(type: RelationshipType): string {
  const name = TO_NEO4J.get(type);
  if (!name) throw new Error(`not a relationship type of the vocabulary: "${String(type)}"`);
  return name;
}

export function fromNeo4jType(name: string): RelationshipType {
  const type = FROM_NEO4J.get(name);
  if (!type) throw new Error(`Neo4j relationship type "${name}" is not in the vocabulary`);
  return type;
}

const CITATION_KEYS = ['citationSources', 'citationQuotes', 'citationLocations', 'citationHasLocation'] as const;

/** Every property key stored on nodes and relationships. */
export const PROPERTY_KEYS: readonly string[] = [
  ...new Set([
    // Actor (record, search keys, derived lifespan)
    'id', 'name', 'aliases', 'kind', 'country', 'description', 'lifespanJson', 'lifespanSources', 'nameCollision',
    'searchKeys', 'plainKeys', 'skeletonKeys', 'nameKey', 'spanJson', 'spanFromDay', 'spanToDay',
    // Relationship (record, attestation, derived)
    'stageNote', 'claimsJson', 'claimSources', 'claimFirstDate', 'claimFirstDay', 'claimLastDate', 'claimLastDay', 'undirected',
    'fromDate', 'toDate', 'validFrom', 'validTo', 'validFromDate', 'validToDate', 'validFromBasis', 'validToBasis',
    'dated', 'confidence', 'confidenceRank', 'corroboration', 'datesDisagree',
    // Source
    'title', 'authors', 'year', 'publisher', 'file', 'periodFrom', 'periodTo', 'periodNote',
    // Event (+ capacity, figure periods)
    'date', 'endDate', 'fromDay', 'toDay',
    // CapacityAssessment
    'capacity', 'note',
    // Figure
    'label', 'value', 'unit',
    // INVOLVES / AT / ABOUT
    'position',
    // Retired (key "section/id" as id) and AuditEntry
    'section', 'recordId', 'recordJson', 'retiredJson', 'at', 'by', 'operation', 'recordIds', 'entryJson',
    // ImportInProgress
    'startedAt', 'records',
    ...CITATION_KEYS,
  ]),
];

/** Keys of the row maps the write queries UNWIND, and of the maps the read queries return. */
export const ROW_KEYS: readonly string[] = ['props', 'type', 'source', 'target', 'actors', 'places', 'region', 'actor', 'distance', 'ok', 'rels'];
