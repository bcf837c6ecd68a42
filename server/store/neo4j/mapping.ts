/**
 * The one place where Neo4j values meet domain records: property maps read from Cypher become
 * Actor, Relationship, … (Neo4j Integers → numbers, absent → null), and domain records become
 * query parameters (day numbers and ranks as Neo4j Integers, citations as parallel lists, claims,
 * lifespan readings and derived lifespans as JSON checked by the domain schemas on the way back,
 * relationship types upper-cased). The names themselves (labels, types, property keys) are in names.ts.
 */
import neo4j, { isInt, type Integer } from 'neo4j-driver';
import { z } from 'zod';
import { claimCitations, type Actor, type Lifespan, type Relationship } from '../../domain/derive.js';
import {
  actorSchema,
  claimSchema,
  lifespanReadingSchema,
  relationshipSchema,
  type ActorRecord,
  type CapacityAssessment,
  type Citation,
  type Figure,
  type Interval,
  type NexusEvent,
  type RelationshipRecord,
  type Source,
} from '../../domain/schemas.js';
import { foldName, searchKeysOf } from '../../domain/search.js';
import { datePointEnd, datePointStart, type DayRange } from '../../domain/time.js';
import {
  ACTOR_KINDS,
  CAPACITY_TYPES,
  CONFIDENCE_GRADES,
  DATING_BASES,
  EVENT_KINDS,
  RELATIONSHIP_TYPE_INFO,
  confidenceRank,
} from '../../domain/vocabulary.js';
import type { PageRequest, RelationshipFilter } from '../port.js';
import { auditEntrySchema, retirementSchema, stateKey, type AuditEntry, type RecordState } from '../../domain/changes.js';
import { NEO4J_RELATIONSHIP_TYPES, fromNeo4jType, toNeo4jType } from './names.js';

export type Props = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Scalars

/** A Neo4j Integer (or a plain number) as a JS number; throws when it is not safely representable. */
export function toNumber(value: unknown): number {
  if (isInt(value)) {
    const i = value as Integer;
    if (!i.inSafeRange()) throw new Error(`Neo4j integer ${i.toString()} is outside the safe JS range`);
    return i.toNumber();
  }
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new Error(`expected a number from Neo4j, got ${describe(value)}`);
}

export function toNullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : toNumber(value);
}

/** A finite JS number as a Neo4j Integer; null/undefined and ±Infinity (open ends) become null. */
export function toNeo4jInt(value: number | null | undefined): Integer | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (!Number.isInteger(value)) throw new Error(`expected an integer, got ${value}`);
  return neo4j.int(value);
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}

function str(props: Props, key: string): string {
  const v = props[key];
  if (typeof v !== 'string') throw new Error(`Neo4j property "${key}": expected a string, got ${describe(v)}`);
  return v;
}

function strOrNull(props: Props, key: string): string | null {
  const v = props[key];
  return v === null || v === undefined ? null : str(props, key);
}

function strList(props: Props, key: string): string[] {
  const v = props[key];
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new Error(`Neo4j property "${key}": expected a list of strings, got ${describe(v)}`);
  }
  return [...(v as string[])];
}

function oneOf<T extends string>(props: Props, key: string, allowed: readonly T[]): T {
  const v = str(props, key);
  if (!(allowed as readonly string[]).includes(v)) throw new Error(`Neo4j property "${key}": "${v}" is not in the vocabulary`);
  return v as T;
}

// ---------------------------------------------------------------------------------------------
// Citations: parallel lists (Neo4j properties cannot hold maps)

export function citationsToProps(citations: readonly Citation[]): Props {
  return {
    citationSources: citations.map((c) => c.source),
    citationQuotes: citations.map((c) => c.quote),
    citationLocations: citations.map((c) => c.location ?? ''),
    citationHasLocation: citations.map((c) => c.location !== undefined),
  };
}

export function citationsFromProps(props: Props): Citation[] {
  const sources = strList(props, 'citationSources');
  const quotes = strList(props, 'citationQuotes');
  const locations = strList(props, 'citationLocations');
  const raw = props.citationHasLocation;
  const has = Array.isArray(raw) ? (raw as unknown[]) : locations.map((l) => l !== '');
  if (quotes.length !== sources.length || locations.length !== sources.length || has.length !== sources.length) {
    throw new Error('Neo4j citation lists differ in length');
  }
  return sources.map((source, i) => {
    const location = locations[i] ?? '';
    return has[i] === true ? { source, quote: quotes[i] ?? '', location } : { source, quote: quotes[i] ?? '' };
  });
}

// ---------------------------------------------------------------------------------------------
// Intervals and windows

/** The extreme day numbers stand for open sides, so every window parameter is an integer. */
export const MIN_DAY = -Number.MAX_SAFE_INTEGER;
export const MAX_DAY = Number.MAX_SAFE_INTEGER;

function intervalProps(interval: Interval | null, fromKey: string, toKey: string, fromDayKey: string, toDayKey: string): Props {
  return {
    [fromKey]: interval?.from ?? null,
    [toKey]: interval?.to ?? null,
    [fromDayKey]: interval?.from ? neo4j.int(datePointStart(interval.from)) : null,
    [toDayKey]: interval?.to ? neo4j.int(datePointEnd(interval.to)) : null,
  };
}

function intervalFromProps(props: Props, fromKey: string, toKey: string): Interval {
  return { from: strOrNull(props, fromKey), to: strOrNull(props, toKey) };
}

/**
 * A DayRange filter as the {windowStart, windowEnd} parameters; open sides (and no window) are the
 * extreme integers. Stored days are integers, so a fractional bound is rounded inwards (same matches).
 */
export function windowParams(window: DayRange | null | undefined): { windowStart: Integer; windowEnd: Integer } {
  const start = window && Number.isFinite(window.start) ? Math.ceil(window.start) : MIN_DAY;
  const end = window && Number.isFinite(window.end) ? Math.floor(window.end) : MAX_DAY;
  return { windowStart: neo4j.int(start), windowEnd: neo4j.int(end) };
}

/** A count for SKIP/LIMIT: a non-negative Neo4j Integer (unbounded → the largest safe integer). */
export function countParam(n: number): Integer {
  if (Number.isNaN(n)) throw new Error('expected a count, got NaN');
  return neo4j.int(Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : Number.MAX_SAFE_INTEGER);
}

export function pageParams(page: PageRequest): { offset: Integer; limit: Integer } {
  return { offset: countParam(page.offset), limit: countParam(page.limit) };
}

/** The filter parameters shared by the relationship queries (types, grade, dating, corroboration, window). */
export function relationshipFilterParams(filter: Omit<RelationshipFilter, 'actorIds'>): {
  types: string[];
  minRank: Integer;
  datedOnly: boolean;
  minSources: Integer;
  windowStart: Integer;
  windowEnd: Integer;
} {
  return {
    types: filter.types ? [...new Set(filter.types.map(toNeo4jType))] : [...NEO4J_RELATIONSHIP_TYPES],
    minRank: neo4j.int(filter.minConfidence ? confidenceRank(filter.minConfidence) : 0),
    datedOnly: filter.datedOnly ?? false,
    minSources: neo4j.int(filter.minSources ?? 0),
    ...windowParams(filter.window),
  };
}

// ---------------------------------------------------------------------------------------------
// JSON-valued properties (Neo4j properties cannot hold maps): parsed back with the domain schemas

function jsonProp<T>(props: Props, key: string, schema: z.ZodType<T>): T {
  const text = str(props, key);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`Neo4j property "${key}": not JSON`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`Neo4j property "${key}": ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

const claimsSchema = z.array(claimSchema);
const readingsSchema = z.array(lifespanReadingSchema);
const boundSchema = z.object({
  date: z.string(),
  day: z.number(),
  earliest: z.string(),
  latest: z.string(),
  basis: z.enum(DATING_BASES),
  uncertain: z.boolean(),
  readings: readingsSchema,
});
const spanSchema = z.object({ from: boundSchema, to: boundSchema });

// ---------------------------------------------------------------------------------------------
// Records ⇄ property maps

export function sourceToProps(s: Source): Props {
  return {
    id: s.id,
    title: s.title,
    authors: [...s.authors],
    year: toNeo4jInt(s.year),
    publisher: s.publisher ?? null,
    file: s.file,
    periodFrom: s.period.from,
    periodTo: s.period.to,
    periodNote: s.periodNote,
  };
}

export function sourceFromProps(props: Props): Source {
  const publisher = strOrNull(props, 'publisher');
  return {
    id: str(props, 'id'),
    title: str(props, 'title'),
    authors: strList(props, 'authors'),
    year: toNullableNumber(props.year),
    ...(publisher !== null ? { publisher } : {}),
    file: str(props, 'file'),
    period: { from: str(props, 'periodFrom'), to: str(props, 'periodTo') },
    periodNote: strOrNull(props, 'periodNote') ?? '',
  };
}

/** The three search key lists stored on an Actor node (see server/domain/search.ts). */
function searchKeyProps(a: ActorRecord): Props {
  const keys = searchKeysOf(a);
  return { plainKeys: keys.plain, searchKeys: keys.folded, skeletonKeys: keys.skeleton };
}

/** An actor record's properties (its derived lifespan is written separately, see spanToProps). */
export function actorToProps(a: ActorRecord): Props {
  return {
    id: a.id,
    name: a.name,
    aliases: [...a.aliases],
    kind: a.kind,
    country: a.country,
    description: a.description,
    lifespanJson: JSON.stringify(a.lifespan),
    lifespanSources: [...new Set(a.lifespan.map((r) => r.source))],
    nameCollision: a.nameCollision,
    ...searchKeyProps(a),
    nameKey: foldName(a.name),
    ...citationsToProps(a.citations),
  };
}

/** The derived lifespan's properties: the whole of it as JSON and its days for the filters. */
export function spanToProps(span: Lifespan): Props {
  return { spanJson: JSON.stringify(span), spanFromDay: neo4j.int(span.from.day), spanToDay: neo4j.int(span.to.day) };
}

export function spanFromJson(text: unknown): Lifespan | undefined {
  return typeof text === 'string' ? jsonProp({ spanJson: text }, 'spanJson', spanSchema) : undefined;
}

export function readingsFromJson(text: unknown): ActorRecord['lifespan'] {
  return jsonProp({ lifespanJson: text }, 'lifespanJson', readingsSchema);
}

export function actorRecordFromProps(props: Props): ActorRecord {
  return {
    id: str(props, 'id'),
    name: str(props, 'name'),
    aliases: strList(props, 'aliases'),
    kind: oneOf(props, 'kind', ACTOR_KINDS),
    country: strOrNull(props, 'country'),
    description: strOrNull(props, 'description') ?? '',
    lifespan: jsonProp(props, 'lifespanJson', readingsSchema),
    nameCollision: strOrNull(props, 'nameCollision'),
    citations: citationsFromProps(props),
  };
}

export function actorFromProps(props: Props): Actor {
  return { ...actorRecordFromProps(props), span: jsonProp(props, 'spanJson', spanSchema) };
}

/** A relationship as an UNWIND row: the Neo4j type and endpoints beside the property map. */
export interface RelationshipRow {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Props;
}

/** A relationship record's properties (its derived fields are written separately, see derivedToProps). */
export function relationshipToRow(r: RelationshipRecord): RelationshipRow {
  const dates = r.claims.flatMap((c) => [c.from, c.to]).filter((d): d is string => d !== null);
  // The earliest and latest claim date (ties to the lexically smaller), for the actors' attestation.
  const first = dates.reduce<string | null>((a, d) => (a === null || datePointStart(d) < datePointStart(a) || (datePointStart(d) === datePointStart(a) && d < a) ? d : a), null);
  const last = dates.reduce<string | null>((a, d) => (a === null || datePointEnd(d) > datePointEnd(a) || (datePointEnd(d) === datePointEnd(a) && d < a) ? d : a), null);
  return {
    id: r.id,
    type: toNeo4jType(r.type),
    source: r.source,
    target: r.target,
    props: {
      id: r.id,
      description: r.description,
      stageNote: r.stageNote,
      claimsJson: JSON.stringify(r.claims),
      claimSources: [...new Set(r.claims.map((c) => c.source))],
      claimFirstDate: first,
      claimFirstDay: first === null ? null : neo4j.int(datePointStart(first)),
      claimLastDate: last,
      claimLastDay: last === null ? null : neo4j.int(datePointEnd(last)),
      undirected: !RELATIONSHIP_TYPE_INFO[r.type].directed,
    },
  };
}

/** What derive.ts adds to a relationship, as properties (citations are re-derived from the claims on read). */
export function derivedToProps(r: Relationship): Props {
  return {
    fromDate: r.interval.from,
    toDate: r.interval.to,
    validFrom: neo4j.int(r.validity.from.day),
    validTo: neo4j.int(r.validity.to.day),
    validFromDate: r.validity.from.date,
    validToDate: r.validity.to.date,
    validFromBasis: r.validity.from.basis,
    validToBasis: r.validity.to.basis,
    dated: r.dated,
    confidence: r.confidence,
    confidenceRank: neo4j.int(confidenceRank(r.confidence)),
    corroboration: neo4j.int(r.corroboration),
    datesDisagree: r.datesDisagree,
  };
}

/** From `r {.*, type: type(r), source: s.id, target: t.id}`: the record part. */
export function relationshipRecordFromProps(props: Props): RelationshipRecord {
  return {
    id: str(props, 'id'),
    source: str(props, 'source'),
    target: str(props, 'target'),
    type: fromNeo4jType(str(props, 'type')),
    description: strOrNull(props, 'description') ?? '',
    stageNote: strOrNull(props, 'stageNote'),
    claims: jsonProp(props, 'claimsJson', claimsSchema),
  };
}

/** From `r {.*, type: type(r), source: s.id, target: t.id}`: the record with its stored derived fields. */
export function relationshipFromProps(props: Props): Relationship {
  const rec = relationshipRecordFromProps(props);
  return {
    ...rec,
    interval: intervalFromProps(props, 'fromDate', 'toDate'),
    confidence: oneOf(props, 'confidence', CONFIDENCE_GRADES),
    corroboration: toNumber(props.corroboration),
    datesDisagree: props.datesDisagree === true,
    validity: {
      from: { date: str(props, 'validFromDate'), day: toNumber(props.validFrom), basis: oneOf(props, 'validFromBasis', DATING_BASES) },
      to: { date: str(props, 'validToDate'), day: toNumber(props.validTo), basis: oneOf(props, 'validToBasis', DATING_BASES) },
    },
    dated: props.dated === true,
    citations: claimCitations(rec.claims),
  };
}

/** An event, capacity rating or figure as an UNWIND row: node properties plus the actors it links to. */
export interface LinkedRow {
  id: string;
  props: Props;
  actors?: string[];
  places?: string[];
  region?: string;
}

export function eventToRow(e: NexusEvent): LinkedRow {
  return {
    id: e.id,
    props: {
      id: e.id,
      date: e.date,
      endDate: e.endDate,
      fromDay: neo4j.int(datePointStart(e.date)),
      toDay: neo4j.int(datePointEnd(e.endDate ?? e.date)),
      title: e.title,
      kind: e.kind,
      description: e.description,
      ...citationsToProps(e.citations),
    },
    actors: [...e.actors],
    places: [...e.places],
  };
}

/** Linked actor ids come back as [{id, position}] in any order. */
function orderedIds(value: unknown, key: string): string[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`Neo4j "${key}": expected a list, got ${describe(value)}`);
  return (value as Props[])
    .map((link) => ({ id: str(link, 'id'), position: toNumber(link.position) }))
    .sort((a, b) => a.position - b.position)
    .map((link) => link.id);
}

/** From `e {.*, actors: [{id, position}], places: [{id, position}]}`. */
export function eventFromProps(props: Props): NexusEvent {
  return {
    id: str(props, 'id'),
    date: str(props, 'date'),
    endDate: strOrNull(props, 'endDate'),
    title: str(props, 'title'),
    kind: oneOf(props, 'kind', EVENT_KINDS),
    description: strOrNull(props, 'description') ?? '',
    actors: orderedIds(props.actors, 'actors'),
    places: orderedIds(props.places, 'places'),
    citations: citationsFromProps(props),
  };
}

export function capacityToRow(c: CapacityAssessment): LinkedRow {
  return {
    id: c.id,
    props: {
      id: c.id,
      ...intervalProps(c.period, 'fromDate', 'toDate', 'fromDay', 'toDay'),
      capacity: [...c.capacity],
      note: c.note,
      ...citationsToProps(c.citations),
    },
    region: c.region,
  };
}

/** From `c {.*, region: region.id}`. */
export function capacityFromProps(props: Props): CapacityAssessment {
  const capacity = strList(props, 'capacity');
  for (const t of capacity) {
    if (!(CAPACITY_TYPES as readonly string[]).includes(t)) throw new Error(`Neo4j property "capacity": "${t}" is not in the vocabulary`);
  }
  return {
    id: str(props, 'id'),
    region: str(props, 'region'),
    period: intervalFromProps(props, 'fromDate', 'toDate'),
    capacity: capacity as CapacityAssessment['capacity'],
    note: strOrNull(props, 'note') ?? '',
    citations: citationsFromProps(props),
  };
}

export function figureToRow(f: Figure): LinkedRow {
  return {
    id: f.id,
    props: {
      id: f.id,
      label: f.label,
      value: f.value,
      unit: f.unit,
      ...intervalProps(f.period, 'fromDate', 'toDate', 'fromDay', 'toDay'),
      ...citationsToProps(f.citations),
    },
    actors: [...f.actors],
  };
}

/** From `f {.*, actors: [{id, position}]}`. */
export function figureFromProps(props: Props): Figure {
  return {
    id: str(props, 'id'),
    label: str(props, 'label'),
    value: toNumber(props.value),
    unit: str(props, 'unit'),
    period: intervalFromProps(props, 'fromDate', 'toDate'),
    actors: orderedIds(props.actors, 'actors'),
    citations: citationsFromProps(props),
  };
}

// ---- the edit ledger: retired records and audit entries (JSON checked by zod on the way in) ----

export function retiredToRow(state: RecordState): { id: string; props: Props } {
  const id = stateKey(state);
  return { id, props: { id, section: state.section, recordId: state.id, recordJson: JSON.stringify(state.record), retiredJson: JSON.stringify(state.retired) } };
}

export function retiredFromProps(props: Props): RecordState {
  const section = props['section'] === 'actors' ? 'actors' : 'relationships';
  const record = (section === 'actors' ? actorSchema : relationshipSchema).parse(JSON.parse(String(props['recordJson'])));
  return { section, id: String(props['recordId']), record, retired: retirementSchema.parse(JSON.parse(String(props['retiredJson']))) };
}

export function auditEntryToProps(e: AuditEntry): Props {
  return { id: e.id, at: e.at, by: e.by, operation: e.operation, recordIds: e.recordIds, entryJson: JSON.stringify(e) };
}

export function auditEntryFromJson(text: unknown): AuditEntry {
  return auditEntrySchema.parse(JSON.parse(String(text)));
}
