/**
 * A fast path for validating actor and relationship records in bulk (imports, large data files),
 * where zod's per-record cost dominates. It accepts only records zod accepts and returns the same
 * object zod would (known keys in schema order, defaults filled); anything it is not sure of
 * returns null, and the caller asks zod — which also writes the error message. A test checks the
 * two agree on every seed record and on invalid variants.
 */
import type { ActorRecord, Citation, Claim, DatingPassage, LifespanReading, RelationshipRecord } from '../domain/schemas.js';
import { datePointEnd, datePointStart } from '../domain/time.js';
import { ACTOR_KINDS, CODED_DATING_BASES, CONFIDENCE_GRADES, LIFESPAN_EVENTS, RELATIONSHIP_TYPES } from '../domain/vocabulary.js';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const KINDS = new Set<string>(ACTOR_KINDS);
const TYPES = new Set<string>(RELATIONSHIP_TYPES);
const GRADES = new Set<string>(CONFIDENCE_GRADES);
const BASES = new Set<string>(CODED_DATING_BASES);
const EVENTS = new Set<string>(LIFESPAN_EVENTS);

/** Interning shared strings (ids, enum values) keeps a million records small. */
const interned = new Map<string, string>();
function intern(s: string): string {
  const hit = interned.get(s);
  if (hit !== undefined) return hit;
  if (interned.size < 2_000_000) interned.set(s, s);
  return s;
}

type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length <= 120 && ID.test(v);
const isQuote = (v: unknown): v is string => typeof v === 'string' && v.length >= 8 && v.length <= 600;
const isLocation = (v: unknown): v is string => typeof v === 'string' && v.length <= 80;
const isDate = (v: unknown): v is string => typeof v === 'string' && DATE.test(v);
/** undefined → fallback (the default); null stays null; anything else must pass `ok`. */
function orNull<T>(v: unknown, ok: (x: unknown) => x is T, fallback: T | null = null): T | null | undefined {
  if (v === undefined) return fallback;
  if (v === null) return null;
  return ok(v) ? v : undefined;
}

function citation(v: unknown): Citation | null {
  if (!isObj(v) || !isId(v.source) || !isQuote(v.quote)) return null;
  if (v.location === undefined) return 'location' in v ? null : { source: intern(v.source), quote: v.quote };
  return isLocation(v.location) ? { source: intern(v.source), quote: v.quote, location: v.location } : null;
}

function passage(v: unknown): DatingPassage | null | undefined {
  if (v === undefined || v === null) return null;
  if (!isObj(v) || !isQuote(v.quote)) return undefined;
  if (v.location === undefined) return 'location' in v ? undefined : { quote: v.quote };
  return isLocation(v.location) ? { quote: v.quote, location: v.location } : undefined;
}

function reading(v: unknown): LifespanReading | null {
  if (!isObj(v) || typeof v.event !== 'string' || !EVENTS.has(v.event) || !isDate(v.date) || typeof v.basis !== 'string' || !BASES.has(v.basis)) return null;
  if (!isId(v.source) || !isQuote(v.quote)) return null;
  const latest = orNull(v.latest, isDate);
  const datedBy = passage(v.datedBy);
  if (latest === undefined || datedBy === undefined) return null;
  if (v.location !== undefined && !isLocation(v.location)) return null;
  if (v.location === undefined && 'location' in v) return null;
  if (latest !== null && datePointStart(latest) < datePointStart(v.date)) return null;
  if (v.basis === 'passage' && datedBy === null) return null;
  const base = { event: v.event as LifespanReading['event'], date: v.date, latest, basis: v.basis as LifespanReading['basis'], source: intern(v.source), quote: v.quote };
  return v.location !== undefined ? { ...base, location: v.location as string, datedBy } : { ...base, datedBy };
}

const CLAIM_KEYS = ['source', 'quote', 'confidence', 'from', 'to', 'fromBasis', 'toBasis', 'datedBy'];
const CLAIM_KEYS_LOCATED = ['source', 'quote', 'location', 'confidence', 'from', 'to', 'fromBasis', 'toBasis', 'datedBy'];
const RELATIONSHIP_KEYS = ['id', 'source', 'target', 'type', 'description', 'stageNote', 'claims'];
const PASSAGE_KEYS = ['quote'];
const PASSAGE_KEYS_LOCATED = ['quote', 'location'];

/** The object's own keys are exactly these, in this order (then it is already what zod would return). */
function hasExactKeys(v: Raw, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in v) {
    if (keys[i] !== k) return false;
    i += 1;
  }
  return i === keys.length;
}

const isBasis = (x: unknown): x is Claim['fromBasis'] & string => typeof x === 'string' && BASES.has(x);
const isNonEmpty = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
const isString = (x: unknown): x is string => typeof x === 'string';

/** A claim written exactly as zod returns claims (our own files): checked in place, its strings interned. */
function exactClaim(v: Raw): Claim | null {
  if (!hasExactKeys(v, v.location === undefined ? CLAIM_KEYS : CLAIM_KEYS_LOCATED)) return null;
  if (!isId(v.source) || !isQuote(v.quote) || typeof v.confidence !== 'string' || !GRADES.has(v.confidence)) return null;
  if (v.location !== undefined && !isLocation(v.location)) return null;
  const { from, to, fromBasis, toBasis, datedBy } = v;
  if (from !== null && !isDate(from)) return null;
  if (to !== null && !isDate(to)) return null;
  if (fromBasis !== null && !isBasis(fromBasis)) return null;
  if (toBasis !== null && !isBasis(toBasis)) return null;
  if ((from === null) !== (fromBasis === null) || (to === null) !== (toBasis === null)) return null;
  if (from !== null && to !== null && datePointStart(from as string) > datePointEnd(to as string)) return null;
  const passageDated = fromBasis === 'passage' || toBasis === 'passage';
  if (passageDated !== (datedBy !== null)) return null;
  if (datedBy !== null) {
    if (!isObj(datedBy) || !isQuote(datedBy.quote)) return null;
    if (!hasExactKeys(datedBy, datedBy.location === undefined ? PASSAGE_KEYS : PASSAGE_KEYS_LOCATED)) return null;
    if (datedBy.location !== undefined && !isLocation(datedBy.location)) return null;
  }
  return v as unknown as Claim;
}

function claim(v: unknown): Claim | null {
  if (isObj(v)) {
    const exact = exactClaim(v);
    if (exact) return exact;
  }
  return builtClaim(v);
}

function builtClaim(v: unknown): Claim | null {
  if (!isObj(v) || !isId(v.source) || !isQuote(v.quote) || typeof v.confidence !== 'string' || !GRADES.has(v.confidence)) return null;
  if (v.location !== undefined && !isLocation(v.location)) return null;
  if (v.location === undefined && 'location' in v) return null;
  const from = orNull(v.from, isDate);
  const to = orNull(v.to, isDate);
  const fromBasis = orNull(v.fromBasis, isBasis);
  const toBasis = orNull(v.toBasis, isBasis);
  const datedBy = passage(v.datedBy);
  if (from === undefined || to === undefined || fromBasis === undefined || toBasis === undefined || datedBy === undefined) return null;
  if ((from === null) !== (fromBasis === null) || (to === null) !== (toBasis === null)) return null;
  if (from !== null && to !== null && datePointStart(from) > datePointEnd(to)) return null;
  const passageDated = fromBasis === 'passage' || toBasis === 'passage';
  if (passageDated !== (datedBy !== null)) return null;
  const head = { source: intern(v.source), quote: v.quote };
  const tail = { confidence: intern(v.confidence) as Claim['confidence'], from, to, fromBasis, toBasis, datedBy };
  return v.location !== undefined ? { ...head, location: v.location as string, ...tail } : { ...head, ...tail };
}

function list<T>(v: unknown, item: (x: unknown) => T | null, min: number): T[] | null {
  if (!Array.isArray(v) || v.length < min) return null;
  const out: T[] = [];
  for (const x of v) {
    const parsed = item(x);
    if (parsed === null) return null;
    out.push(parsed);
  }
  return out;
}

export function fastActor(v: unknown): ActorRecord | null {
  if (!isObj(v) || !isId(v.id) || typeof v.name !== 'string' || v.name.length === 0 || typeof v.kind !== 'string' || !KINDS.has(v.kind)) return null;
  const aliases = v.aliases === undefined ? [] : list(v.aliases, (x) => (isNonEmpty(x) ? x : null), 0);
  const country = orNull(v.country, isNonEmpty);
  const description = v.description === undefined ? '' : typeof v.description === 'string' ? v.description : null;
  const lifespan = v.lifespan === undefined ? [] : list(v.lifespan, reading, 0);
  const nameCollision = orNull(v.nameCollision, isString);
  const citations = list(v.citations, citation, 1);
  if (aliases === null || country === undefined || description === null || lifespan === null || nameCollision === undefined || citations === null) return null;
  return { id: intern(v.id), name: v.name, aliases, kind: intern(v.kind) as ActorRecord['kind'], country: country === null ? null : intern(country), description, lifespan, nameCollision, citations };
}

export function fastRelationship(v: unknown): RelationshipRecord | null {
  if (!isObj(v) || !isId(v.id) || !isId(v.source) || !isId(v.target) || typeof v.type !== 'string' || !TYPES.has(v.type)) return null;
  if (hasExactKeys(v, RELATIONSHIP_KEYS) && typeof v.description === 'string' && (v.stageNote === null || typeof v.stageNote === 'string') && Array.isArray(v.claims) && v.claims.length > 0) {
    const claims = v.claims as unknown[];
    let ok = true;
    for (let i = 0; i < claims.length && ok; i += 1) {
      const c = claims[i];
      const exact = isObj(c) ? exactClaim(c) : null;
      if (exact) continue;
      const built = builtClaim(c);
      if (built) claims[i] = built;
      else ok = false;
    }
    if (ok) {
      v.source = intern(v.source);
      v.target = intern(v.target);
      return v as unknown as RelationshipRecord;
    }
    return null;
  }
  const description = v.description === undefined ? '' : typeof v.description === 'string' ? v.description : null;
  const stageNote = orNull(v.stageNote, isString);
  const claims = list(v.claims, claim, 1);
  if (description === null || stageNote === undefined || claims === null) return null;
  return { id: v.id, source: intern(v.source), target: intern(v.target), type: intern(v.type) as RelationshipRecord['type'], description, stageNote, claims };
}
