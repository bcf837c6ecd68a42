/**
 * The one place where Neo4j values meet domain records: property maps read from Cypher become
 * Actor, Relationship, … (Neo4j Integers → numbers, absent → null), and domain records become
 * query parameters (day numbers and ranks as Neo4j Integers, citations as parallel lists,
 * relationship types upper-cased). The names themselves (labels, types, property keys) are in names.ts.
 */
import neo4j, { isInt, type Integer } from 'neo4j-driver';
import type { Actor, CapacityAssessment, Citation, Figure, Interval, NexusEvent, Relationship, Source } from '../../domain/schemas.js';
import { foldName, searchKeysOf } from '../../domain/search.js';
import { datePointEnd, datePointStart, type DayRange } from '../../domain/time.js';
import {
  ACTOR_KINDS,
  CAPACITY_TYPES,
  CONFIDENCE_GRADES,
  EVENT_KINDS,
  confidenceRank,
} from '../../domain/vocabulary.js';
import type { PageRequest, RelationshipFilter } from '../port.js';
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
 * A DayRange filter as the {windowStart, windowEnd} parameters; open sides (and no window) are null.
 * Stored days are integers, so a fractional bound is rounded inwards (same matches).
 */
export function windowParams(window: DayRange | null | undefined): { windowStart: Integer | null; windowEnd: Integer | null } {
  const start = window && Number.isFinite(window.start) ? Math.ceil(window.start) : null;
  const end = window && Number.isFinite(window.end) ? Math.floor(window.end) : null;
  return { windowStart: toNeo4jInt(start), windowEnd: toNeo4jInt(end) };
}

/** A count for SKIP/LIMIT: a non-negative Neo4j Integer (unbounded → the largest safe integer). */
export function countParam(n: number): Integer {
  if (Number.isNaN(n)) throw new Error('expected a count, got NaN');
  return neo4j.int(Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : Number.MAX_SAFE_INTEGER);
}

export function pageParams(page: PageRequest): { offset: Integer; limit: Integer } {
  return { offset: countParam(page.offset), limit: countParam(page.limit) };
}

/** The parameters shared by the relationship filters (types, actors, confidence, window). */
export function relationshipFilterParams(filter: RelationshipFilter): {
  types: string[];
  actorIds: string[] | null;
  minRank: Integer;
  datedOnly: boolean;
  windowStart: Integer | null;
  windowEnd: Integer | null;
} {
  return {
    types: filter.types ? [...new Set(filter.types.map(toNeo4jType))] : [...NEO4J_RELATIONSHIP_TYPES],
    actorIds: filter.actorIds ? [...new Set(filter.actorIds)] : null,
    minRank: neo4j.int(filter.minConfidence ? confidenceRank(filter.minConfidence) : -1),
    datedOnly: filter.datedOnly ?? false,
    ...windowParams(filter.window),
  };
}

// ---------------------------------------------------------------------------------------------
// Records ⇄ property maps

export function sourceToProps(s: Source): Props {
  return { id: s.id, title: s.title, authors: [...s.authors], year: toNeo4jInt(s.year), publisher: s.publisher ?? null, file: s.file };
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
  };
}

/** The three search key lists stored on an Actor node (see server/domain/search.ts). */
function searchKeyProps(a: Actor): Props {
  const keys = searchKeysOf(a);
  return { plainKeys: keys.plain, searchKeys: keys.folded, skeletonKeys: keys.skeleton };
}

export function actorToProps(a: Actor): Props {
  return {
    id: a.id,
    name: a.name,
    aliases: [...a.aliases],
    kind: a.kind,
    country: a.country,
    description: a.description,
    activeKnown: a.active !== null,
    ...intervalProps(a.active, 'activeFrom', 'activeTo', 'activeFromDay', 'activeToDay'),
    nameCollision: a.nameCollision,
    ...searchKeyProps(a),
    nameKey: foldName(a.name),
    ...citationsToProps(a.citations),
  };
}

export function actorFromProps(props: Props): Actor {
  return {
    id: str(props, 'id'),
    name: str(props, 'name'),
    aliases: strList(props, 'aliases'),
    kind: oneOf(props, 'kind', ACTOR_KINDS),
    country: strOrNull(props, 'country'),
    description: strOrNull(props, 'description') ?? '',
    active: props.activeKnown === true ? intervalFromProps(props, 'activeFrom', 'activeTo') : null,
    nameCollision: strOrNull(props, 'nameCollision'),
    citations: citationsFromProps(props),
  };
}

/** A relationship as an UNWIND row: the Neo4j type and endpoints beside the property map. */
export interface RelationshipRow {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Props;
}

export function relationshipToRow(r: Relationship): RelationshipRow {
  return {
    id: r.id,
    type: toNeo4jType(r.type),
    source: r.source,
    target: r.target,
    props: {
      id: r.id,
      ...intervalProps(r.interval, 'fromDate', 'toDate', 'fromDay', 'toDay'),
      confidence: r.confidence,
      confidenceRank: neo4j.int(confidenceRank(r.confidence)),
      description: r.description,
      stageNote: r.stageNote,
      ...citationsToProps(r.citations),
    },
  };
}

/** From `r {.*, type: type(r), source: s.id, target: t.id}`. */
export function relationshipFromProps(props: Props): Relationship {
  return {
    id: str(props, 'id'),
    source: str(props, 'source'),
    target: str(props, 'target'),
    type: fromNeo4jType(str(props, 'type')),
    interval: intervalFromProps(props, 'fromDate', 'toDate'),
    confidence: oneOf(props, 'confidence', CONFIDENCE_GRADES),
    description: strOrNull(props, 'description') ?? '',
    stageNote: strOrNull(props, 'stageNote'),
    citations: citationsFromProps(props),
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
