/**
 * Argument validation for the services, with zod. Every failure becomes a BadInputError that
 * names the argument and the reason; services receive only checked, domain-shaped values.
 */
import { z } from 'zod';
import { BadInputError } from '../domain/errors.js';
import { yearRange, type DayRange } from '../domain/time.js';
import { CONFIDENCE_GRADES, RELATIONSHIP_TYPES, type RelationshipType } from '../domain/vocabulary.js';
import type { RelationshipFilter } from '../store/port.js';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export const yearSchema = z.number().int().min(MIN_YEAR, `must be a year from ${MIN_YEAR}`).max(MAX_YEAR, `must be a year up to ${MAX_YEAR}`);
export const idArg = z.string().min(1, 'must not be empty').max(120, 'is too long');

/**
 * Schemas made once and reused (building a zod schema costs more than using it): an integer in
 * [min, max], an id list of at most `max`, an enum of a vocabulary.
 */
const made = new Map<string, z.ZodType>();
function once<T>(key: string, make: () => z.ZodType<T>): z.ZodType<T> {
  let schema = made.get(key) as z.ZodType<T> | undefined;
  if (!schema) made.set(key, (schema = make()));
  return schema;
}
export const intBetween = (min: number, max: number, unit = ''): z.ZodType<number> =>
  once(`int:${min}:${max}:${unit}`, () => z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}${unit}`));
export const idList = (max: number): z.ZodType<string[]> => once(`ids:${max}`, () => z.array(idArg).max(max, `at most ${max} ids`));
export const enumList = <T extends string>(values: readonly [T, ...T[]]): z.ZodType<T[]> => once(`enums:${values.join(',')}`, () => z.array(z.enum(values)));
export const oneOf = <T extends string>(values: readonly [T, ...T[]]): z.ZodType<T> => once(`enum:${values.join(',')}`, () => z.enum(values));

/** Parse `value` with `schema`, turning the first issue into a BadInputError on `field`. */
export function parseArg<T>(field: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = [field, ...(issue?.path ?? []).map(String)].join('.');
  throw new BadInputError(where, issue?.message ?? 'is invalid');
}

export interface YearWindowArg {
  from: number;
  to: number;
}

/** A window from `at` or `window` (not both); null when neither is given. */
export function windowFrom(args: { at?: number | null; window?: YearWindowArg | null }, atField = 'at', windowField = 'window'): DayRange | null {
  if (args.at != null && args.window != null) throw new BadInputError(atField, `give either ${atField} or ${windowField}, not both`);
  if (args.at != null) return yearRange(parseArg(atField, yearSchema, args.at));
  if (args.window != null) {
    const from = parseArg(`${windowField}.from`, yearSchema, args.window.from);
    const to = parseArg(`${windowField}.to`, yearSchema, args.window.to);
    if (from > to) throw new BadInputError(windowField, `from (${from}) is after to (${to})`);
    return yearRange(from, to);
  }
  return null;
}

/** Types ∪ stages; undefined when neither restricts. */
export function typesFrom(types?: readonly string[] | null, stages?: readonly string[] | null): RelationshipType[] | undefined {
  if (types == null && stages == null) return undefined;
  const all = parseArg('types', enumList(RELATIONSHIP_TYPES), [...(types ?? []), ...(stages ?? [])]);
  return [...new Set(all)];
}

export interface FilterArgs {
  types?: readonly string[] | null;
  stages?: readonly string[] | null;
  actorIds?: readonly string[] | null;
  at?: number | null;
  from?: number | null;
  to?: number | null;
  minConfidence?: string | null;
  datedOnly?: boolean | null;
  minSources?: number | null;
}

/**
 * Confidence and dating restrictions: top-level arguments (network, paths, neighbourhood) or,
 * with a prefix, fields of a filter input.
 */
export function gradeFilter(args: { minConfidence?: string | null; datedOnly?: boolean | null; minSources?: number | null }, prefix?: string): RelationshipFilter {
  const filter: RelationshipFilter = {};
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  if (args.minConfidence != null) filter.minConfidence = parseArg(field('minConfidence'), oneOf(CONFIDENCE_GRADES), args.minConfidence);
  if (args.datedOnly) filter.datedOnly = true;
  if (args.minSources != null) filter.minSources = parseArg(field('minSources'), intBetween(1, 100), args.minSources);
  return filter;
}

/** The relationship filter of network, paths, neighbourhood and exports: window, types ∪ stages, grade, dating, corroboration. */
export function traversalFilter(args: { at?: number | null; window?: YearWindowArg | null; types?: readonly string[] | null; stages?: readonly string[] | null; minConfidence?: string | null; datedOnly?: boolean | null; minSources?: number | null }): RelationshipFilter {
  const filter: RelationshipFilter = { ...gradeFilter(args), window: windowFrom(args) };
  const types = typesFrom(args.types, args.stages);
  if (types) filter.types = types;
  return filter;
}

/** A RelationshipFilter from GraphQL-shaped filter arguments. */
export function relationshipFilter(args: FilterArgs | null | undefined, prefix = 'filter'): RelationshipFilter {
  const a = args ?? {};
  if ((a.from == null) !== (a.to == null)) throw new BadInputError(`${prefix}.${a.from == null ? 'from' : 'to'}`, 'from and to go together');
  const window = windowFrom({ at: a.at, window: a.from != null && a.to != null ? { from: a.from, to: a.to } : null }, `${prefix}.at`, prefix);
  const filter: RelationshipFilter = { ...gradeFilter(a, prefix), window };
  const types = typesFrom(a.types, a.stages);
  if (types) filter.types = types;
  if (a.actorIds != null) filter.actorIds = parseArg(`${prefix}.actorIds`, idList(200), a.actorIds);
  return filter;
}

export function pageSize(field: string, value: number | null | undefined, fallback: number, max: number): number {
  return parseArg(field, intBetween(1, max), value ?? fallback);
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(field: string, cursor: string | null | undefined): number {
  if (cursor == null) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new BadInputError(field, 'is not a cursor returned by this API');
  return Number(match[1]) + 1;
}
