/**
 * What the store derives from the records, in one place for every adapter: an actor's lifespan
 * bounds (from its dated readings, else the widest of the years the documents attest it and the
 * periods of the documents that mention it) and a relationship's interval, grade, corroboration and validity (from its
 * claims, bounded by the actors' lifespans and the claims' source periods). Pure functions.
 */
import type { ActorRecord, Citation, Claim, Dataset, LifespanReading, RelationshipRecord, Source } from './schemas.js';
import { datePointEnd, datePointStart } from './time.js';
import { confidenceRank, isDatedBasis, LIFESPAN_EVENT_INFO, type ConfidenceGrade, type DatingBasis } from './vocabulary.js';

/** One end of a lifespan. */
export interface LifespanBound {
  /** The date time filters use: the earliest reading of a start, the latest of an end. */
  date: string;
  /** Its day number: first day of a start, last day of an end. */
  day: number;
  /** The span the readings cover (equal to `date` when they agree). */
  earliest: string;
  latest: string;
  basis: DatingBasis;
  /** Readings disagree, or one is itself a span ("the early 1990s"). */
  uncertain: boolean;
  readings: LifespanReading[];
}

export interface Lifespan {
  from: LifespanBound;
  to: LifespanBound;
}

/** An actor as the stores answer it: the record plus its derived lifespan. */
export interface Actor extends ActorRecord {
  span: Lifespan;
}

/** One end of a relationship's validity. */
export interface ValidityEnd {
  date: string;
  day: number;
  basis: DatingBasis;
}

/** A relationship as the stores answer it: the record plus what derives from its claims. */
export interface Relationship extends RelationshipRecord {
  /** The hull of the claims' own dates; null ends where no claim dates them. */
  interval: { from: string | null; to: string | null };
  /** The strongest claim's grade. */
  confidence: ConfidenceGrade;
  /** How many distinct documents assert it. */
  corroboration: number;
  /** Claims give different dates for it. */
  datesDisagree: boolean;
  /** When it is treated as valid: always bounded, each end with its basis. */
  validity: { from: ValidityEnd; to: ValidityEnd };
  /** At least one end is stated or passage-dated. */
  dated: boolean;
  /** Every claim's citation and dating passage, distinct. */
  citations: Citation[];
}

export interface SourcePeriod {
  from: string;
  to: string;
  start: number;
  end: number;
}

export type SourcePeriods = ReadonlyMap<string, SourcePeriod>;

export function sourcePeriodsOf(sources: Iterable<Pick<Source, 'id' | 'period'>>): Map<string, SourcePeriod> {
  const periods = new Map<string, SourcePeriod>();
  for (const s of sources) periods.set(s.id, { ...s.period, start: datePointStart(s.period.from), end: datePointEnd(s.period.to) });
  return periods;
}

// ---------------------------------------------------------------------------------------------
// Attestation: the dated evidence about each actor

interface Point {
  date: string;
  day: number;
}

/** The first and last dated evidence about an actor (claims, events, ratings, figures). */
export interface Attestation {
  first: Point;
  last: Point;
}

/** The widest period of the documents whose claims mention an actor. */
export interface CitedPeriod {
  from: SourcePeriod;
  to: SourcePeriod;
}

/**
 * The dated evidence and the citing documents' periods, per actor. With `positions` (actor id →
 * 0..n−1, as the embedded index numbers them) it keeps typed arrays, so a million claims cost no
 * map lookups; without, a map by id (the Neo4j adapter derives a few actors at a time).
 */
export class AttestationIndex {
  private readonly byActor = new Map<string, Attestation>();
  private readonly cited = new Map<string, CitedPeriod>();
  private readonly firstDay: Float64Array;
  private readonly lastDay: Float64Array;
  private readonly firstDate: Array<string | undefined>;
  private readonly lastDate: Array<string | undefined>;
  private readonly citedFrom: Array<SourcePeriod | undefined>;
  private readonly citedTo: Array<SourcePeriod | undefined>;

  constructor(
    private readonly periods?: SourcePeriods,
    private readonly positions?: ReadonlyMap<string, number>,
  ) {
    const n = positions?.size ?? 0;
    this.firstDay = new Float64Array(n).fill(Infinity);
    this.lastDay = new Float64Array(n).fill(-Infinity);
    this.firstDate = new Array<string | undefined>(n);
    this.lastDate = new Array<string | undefined>(n);
    this.citedFrom = new Array<SourcePeriod | undefined>(n);
    this.citedTo = new Array<SourcePeriod | undefined>(n);
  }

  /** Ties go to the lexically smaller date, so every store picks the same one. */
  private addAt(i: number, date: string, startDay: number, endDay: number): void {
    const f = this.firstDay[i] as number;
    if (startDay < f || (startDay === f && date < (this.firstDate[i] as string))) {
      this.firstDay[i] = startDay;
      this.firstDate[i] = date;
    }
    const l = this.lastDay[i] as number;
    if (endDay > l || (endDay === l && date < (this.lastDate[i] as string))) {
      this.lastDay[i] = endDay;
      this.lastDate[i] = date;
    }
  }

  private citeAt(i: number, p: SourcePeriod): void {
    const from = this.citedFrom[i];
    if (!from || p.start < from.start) this.citedFrom[i] = p;
    const to = this.citedTo[i];
    if (!to || p.end > to.end) this.citedTo[i] = p;
  }

  /** Record that a document dates something about `actorId` at `date`. */
  add(actorId: string, date: string | null): void {
    if (date === null) return;
    const startDay = datePointStart(date);
    const endDay = datePointEnd(date);
    if (this.positions) {
      const i = this.positions.get(actorId);
      if (i !== undefined) this.addAt(i, date, startDay, endDay);
      return;
    }
    const a = this.byActor.get(actorId);
    if (!a) {
      this.byActor.set(actorId, { first: { date, day: startDay }, last: { date, day: endDay } });
      return;
    }
    if (startDay < a.first.day || (startDay === a.first.day && date < a.first.date)) a.first = { date, day: startDay };
    if (endDay > a.last.day || (endDay === a.last.day && date < a.last.date)) a.last = { date, day: endDay };
  }

  private cite(actorId: string, p: SourcePeriod): void {
    if (this.positions) {
      const i = this.positions.get(actorId);
      if (i !== undefined) this.citeAt(i, p);
      return;
    }
    const c = this.cited.get(actorId);
    if (!c) this.cited.set(actorId, { from: p, to: p });
    else {
      if (p.start < c.from.start) c.from = p;
      if (p.end > c.to.end) c.to = p;
    }
  }

  /** The claims' earliest and latest dates and widest document period, recorded for both actors. */
  addClaims(r: Pick<RelationshipRecord, 'source' | 'target' | 'claims'>, sourceAt?: number, targetAt?: number): void {
    let first: string | null = null;
    let firstDay = Infinity;
    let last: string | null = null;
    let lastDay = -Infinity;
    let pFrom: SourcePeriod | undefined;
    let pTo: SourcePeriod | undefined;
    for (const c of r.claims) {
      for (let k = 0; k < 2; k += 1) {
        const date = k === 0 ? c.from : c.to;
        if (date === null) continue;
        const startDay = datePointStart(date);
        const endDay = datePointEnd(date);
        if (startDay < firstDay || (startDay === firstDay && date < (first as string))) {
          first = date;
          firstDay = startDay;
        }
        if (endDay > lastDay || (endDay === lastDay && date < (last as string))) {
          last = date;
          lastDay = endDay;
        }
      }
      const p = this.periods?.get(c.source);
      if (p) {
        if (!pFrom || p.start < pFrom.start) pFrom = p;
        if (!pTo || p.end > pTo.end) pTo = p;
      }
    }
    if (sourceAt !== undefined && targetAt !== undefined) {
      for (let k = 0; k < 2; k += 1) {
        const i = k === 0 ? sourceAt : targetAt;
        if (k === 1 && targetAt === sourceAt) break;
        if (first !== null) this.addAt(i, first, firstDay, datePointEnd(first));
        if (last !== null && last !== first) this.addAt(i, last, datePointStart(last), lastDay);
        if (pFrom) this.citeAt(i, pFrom);
        if (pTo && pTo !== pFrom) this.citeAt(i, pTo);
      }
      return;
    }
    for (let k = 0; k < 2; k += 1) {
      const id = k === 0 ? r.source : r.target;
      if (k === 1 && id === r.source) break;
      if (first !== null) this.add(id, first);
      if (last !== null && last !== first) this.add(id, last);
      if (pFrom) this.cite(id, pFrom);
      if (pTo && pTo !== pFrom) this.cite(id, pTo);
    }
  }

  /** The periods of the documents whose claims mention the actor (when built with periods). */
  citedPeriod(actorId: string): CitedPeriod | undefined {
    if (!this.positions) return this.cited.get(actorId);
    const i = this.positions.get(actorId);
    const from = i === undefined ? undefined : this.citedFrom[i];
    const to = i === undefined ? undefined : this.citedTo[i];
    return from && to ? { from, to } : undefined;
  }

  get(actorId: string): Attestation | undefined {
    if (!this.positions) return this.byActor.get(actorId);
    const i = this.positions.get(actorId);
    if (i === undefined || this.firstDate[i] === undefined) return undefined;
    return { first: { date: this.firstDate[i] as string, day: this.firstDay[i] as number }, last: { date: this.lastDate[i] as string, day: this.lastDay[i] as number } };
  }

  /** Every actor's attestation from a whole dataset (and the periods its claims' documents describe, given the periods). */
  static of(ds: Pick<Dataset, 'relationships' | 'events' | 'capacity' | 'figures'>, periods?: SourcePeriods, positions?: ReadonlyMap<string, number>, ends?: { src: Int32Array; dst: Int32Array }): AttestationIndex {
    const index = new AttestationIndex(periods, positions);
    ds.relationships.forEach((r, e) => (ends ? index.addClaims(r, ends.src[e], ends.dst[e]) : index.addClaims(r)));
    for (const e of ds.events) {
      for (const id of [...e.actors, ...e.places]) {
        index.add(id, e.date);
        index.add(id, e.endDate);
      }
    }
    for (const c of ds.capacity) {
      index.add(c.region, c.period.from);
      index.add(c.region, c.period.to);
    }
    for (const f of ds.figures) {
      for (const id of f.actors) {
        index.add(id, f.period.from);
        index.add(id, f.period.to);
      }
    }
    return index;
  }
}

// ---------------------------------------------------------------------------------------------
// Lifespans

function boundFromReadings(readings: readonly LifespanReading[], side: 'start' | 'end'): LifespanBound | null {
  if (readings.length === 0) return null;
  const spans = readings.map((r) => ({ r, start: datePointStart(r.date), end: datePointEnd(r.latest ?? r.date) }));
  const earliest = spans.reduce((a, b) => (b.start < a.start ? b : a));
  const latest = spans.reduce((a, b) => (b.end > a.end ? b : a));
  const distinct = new Set(spans.map((s) => `${s.start}|${s.end}`)).size;
  const chosen = side === 'start' ? earliest : latest;
  const basis: DatingBasis = chosen.r.basis;
  return {
    date: side === 'start' ? chosen.r.date : (chosen.r.latest ?? chosen.r.date),
    day: side === 'start' ? chosen.start : chosen.end,
    earliest: earliest.r.date,
    latest: latest.r.latest ?? latest.r.date,
    basis,
    uncertain: distinct > 1 || readings.some((r) => r.latest !== null),
    readings: [...readings],
  };
}

function derivedBound(date: string, side: 'start' | 'end', basis: DatingBasis): LifespanBound {
  return { date, day: side === 'start' ? datePointStart(date) : datePointEnd(date), earliest: date, latest: date, basis, uncertain: false, readings: [] };
}

/** The period the documents citing an actor describe (their union): its own citations, and its claims' documents. */
function citedPeriod(actor: LifespanInputs, periods: SourcePeriods, claims: Iterable<string> | CitedPeriod | undefined): CitedPeriod | null {
  let from: SourcePeriod | null = null;
  let to: SourcePeriod | null = null;
  const take = (p: SourcePeriod | undefined) => {
    if (!p) return;
    if (!from || p.start < from.start) from = p;
    if (!to || p.end > to.end) to = p;
  };
  for (const c of actor.citations) take(periods.get(c.source));
  if (claims && 'from' in claims && 'to' in claims) {
    take((claims as CitedPeriod).from);
    take((claims as CitedPeriod).to);
  } else if (claims) for (const id of claims as Iterable<string>) take(periods.get(id));
  return from && to ? { from, to } : null;
}

/** What an actor's lifespan derives from, besides the evidence: its readings and the documents citing it. */
export interface LifespanInputs {
  lifespan: readonly LifespanReading[];
  citations: ReadonlyArray<{ source: string }>;
}

const FAR_PAST = '1900';
const FAR_FUTURE = '2100';

/**
 * An actor's lifespan: each side from its readings; failing those, from the widest of the dated
 * evidence about it (attested: the first or last date a document gives for anything it did) and the
 * periods of the documents that mention it (source_period: an undated mention attests it somewhere in
 * the period its document describes). The basis says which one bounds the side. A derived side never
 * crosses a dated one (an end attested before a stated founding moves to it).
 */
export function deriveLifespan(actor: LifespanInputs, attested: Attestation | undefined, periods: SourcePeriods, citingSources: Iterable<string> | CitedPeriod | undefined = undefined): Lifespan {
  const side = (s: 'start' | 'end') => actor.lifespan.filter((r) => LIFESPAN_EVENT_INFO[r.event].side === s);
  let from = boundFromReadings(side('start'), 'start');
  let to = boundFromReadings(side('end'), 'end');
  const cited = from && to ? null : citedPeriod(actor, periods, citingSources);
  if (!from) {
    const doc = cited ? derivedBound(cited.from.from, 'start', 'source_period') : null;
    const seen = attested ? derivedBound(attested.first.date, 'start', 'attested') : null;
    from = seen && (!doc || seen.day <= doc.day) ? seen : (doc ?? derivedBound(FAR_PAST, 'start', 'source_period'));
  }
  if (!to) {
    const doc = cited ? derivedBound(cited.to.to, 'end', 'source_period') : null;
    const seen = attested ? derivedBound(attested.last.date, 'end', 'attested') : null;
    to = seen && (!doc || seen.day >= doc.day) ? seen : (doc ?? derivedBound(FAR_FUTURE, 'end', 'source_period'));
  }
  if (from.day > to.day) {
    if (!isDatedBasis(to.basis)) to = { ...derivedBound(from.latest, 'end', to.basis), day: Math.max(from.day, datePointEnd(from.latest)) };
    else if (!isDatedBasis(from.basis)) from = derivedBound(to.earliest, 'start', from.basis);
  }
  return { from, to };
}

// ---------------------------------------------------------------------------------------------
// Relationships

const citationOf = (source: string, quote: string, location: string | undefined): Citation => (location !== undefined ? { source, quote, location } : { source, quote });

/** Every claim's citation and dating passage, distinct (what Relationship.citations holds). */
export function claimCitations(claims: readonly Claim[]): Citation[] {
  const only = claims.length === 1 ? (claims[0] as Claim) : null;
  if (only && !only.datedBy) return [citationOf(only.source, only.quote, only.location)];
  const out: Citation[] = [];
  const seen = new Set<string>();
  const add = (c: Citation) => {
    const key = `${c.source}\u0000${c.quote}\u0000${c.location ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  for (const c of claims) {
    add(citationOf(c.source, c.quote, c.location));
    if (c.datedBy) add(citationOf(c.source, c.datedBy.quote, c.datedBy.location));
  }
  return out;
}

/** The hull of the claims' dates, with the basis of each chosen end (no sets: claims are few). */
function claimedInterval(claims: readonly Claim[]): { from: ValidityEnd | null; to: ValidityEnd | null; disagree: boolean } {
  let from: ValidityEnd | null = null;
  let to: ValidityEnd | null = null;
  let firstFrom: string | null = null;
  let firstTo: string | null = null;
  let disagree = false;
  for (const c of claims) {
    if (c.from !== null && c.fromBasis !== null) {
      if (firstFrom === null) firstFrom = c.from;
      else if (c.from !== firstFrom) disagree = true;
      const day = datePointStart(c.from);
      if (!from || day < from.day || (day === from.day && c.fromBasis === 'stated')) from = { date: c.from, day, basis: c.fromBasis };
    }
    if (c.to !== null && c.toBasis !== null) {
      if (firstTo === null) firstTo = c.to;
      else if (c.to !== firstTo) disagree = true;
      const day = datePointEnd(c.to);
      if (!to || day > to.day || (day === to.day && c.toBasis === 'stated')) to = { date: c.to, day, basis: c.toBasis };
    }
  }
  return { from, to, disagree };
}

/** How many distinct documents the claims cite. */
function distinctSources(claims: readonly Claim[]): number {
  if (claims.length === 1) return 1;
  let n = 0;
  for (let i = 0; i < claims.length; i += 1) {
    let seen = false;
    for (let j = 0; j < i && !seen; j += 1) seen = (claims[j] as Claim).source === (claims[i] as Claim).source;
    if (!seen) n += 1;
  }
  return n;
}

/** What derives from a relationship's claims, without its record (what the graph index stores). */
export type RelationshipDerived = Omit<Relationship, keyof RelationshipRecord | 'citations'>;

/**
 * A relationship's derived fields. Validity: the claims' own dates; an end no claim dates is
 * bounded by the later start / earlier end of the actors' lifespans and by the period the claims'
 * documents describe, whichever is narrower (its basis says which). A derived end never crosses a
 * dated one.
 */
export function deriveRelationshipFields(r: RelationshipRecord, source: Lifespan | undefined, target: Lifespan | undefined, periods: SourcePeriods): RelationshipDerived {
  const claimed = claimedInterval(r.claims);
  let docFrom: SourcePeriod | null = null;
  let docTo: SourcePeriod | null = null;
  let confidence: ConfidenceGrade = r.claims[0]?.confidence ?? 'disputed';
  for (const c of r.claims) {
    if (confidenceRank(c.confidence) > confidenceRank(confidence)) confidence = c.confidence;
    const p = periods.get(c.source);
    if (!p) continue;
    if (!docFrom || p.start < docFrom.start) docFrom = p;
    if (!docTo || p.end > docTo.end) docTo = p;
  }
  const lifeFrom = source && target ? (source.from.day >= target.from.day ? source.from : target.from) : (source?.from ?? target?.from ?? null);
  const lifeTo = source && target ? (source.to.day <= target.to.day ? source.to : target.to) : (source?.to ?? target?.to ?? null);
  // An end no claim dates: the narrower of the actors' lifespans and the documents' period (ties: lifespan).
  let from: ValidityEnd;
  if (claimed.from) from = claimed.from;
  else if (lifeFrom && (!docFrom || docFrom.start <= lifeFrom.day)) from = { date: lifeFrom.date, day: lifeFrom.day, basis: 'lifespan' };
  else if (docFrom) from = { date: docFrom.from, day: docFrom.start, basis: 'source_period' };
  else from = { date: FAR_PAST, day: datePointStart(FAR_PAST), basis: 'source_period' };
  let to: ValidityEnd;
  if (claimed.to) to = claimed.to;
  else if (lifeTo && (!docTo || docTo.end >= lifeTo.day)) to = { date: lifeTo.date, day: lifeTo.day, basis: 'lifespan' };
  else if (docTo) to = { date: docTo.to, day: docTo.end, basis: 'source_period' };
  else to = { date: FAR_FUTURE, day: datePointEnd(FAR_FUTURE), basis: 'source_period' };
  if (from.day > to.day) {
    // Only a derived end can give way: it closes on the dated one.
    if (!claimed.to) to = { date: from.date, day: datePointEnd(from.date), basis: to.basis };
    else if (!claimed.from) from = { date: to.date, day: datePointStart(to.date), basis: from.basis };
  }
  return {
    interval: { from: claimed.from?.date ?? null, to: claimed.to?.date ?? null },
    confidence,
    corroboration: distinctSources(r.claims),
    datesDisagree: claimed.disagree,
    validity: { from, to },
    dated: claimed.from !== null || claimed.to !== null,
  };
}

/** A relationship as the stores answer it: the record, its derived fields and its citations. */
export function deriveRelationship(r: RelationshipRecord, source: Lifespan | undefined, target: Lifespan | undefined, periods: SourcePeriods): Relationship {
  const d = deriveRelationshipFields(r, source, target, periods);
  // Spelled out (not spread): one object shape for every view, built without copying by key.
  return {
    id: r.id,
    source: r.source,
    target: r.target,
    type: r.type,
    description: r.description,
    stageNote: r.stageNote,
    claims: r.claims,
    interval: d.interval,
    confidence: d.confidence,
    corroboration: d.corroboration,
    datesDisagree: d.datesDisagree,
    validity: d.validity,
    dated: d.dated,
    citations: claimCitations(r.claims),
  };
}

/** Derive a whole dataset: actors with lifespans, relationships with validity. */
export function deriveDataset(ds: Dataset): { actors: Actor[]; relationships: Relationship[] } {
  const periods = sourcePeriodsOf(ds.sources);
  const attested = AttestationIndex.of(ds, periods);
  const actors = ds.actors.map((a) => ({ ...a, span: deriveLifespan(a, attested.get(a.id), periods, attested.citedPeriod(a.id)) }));
  const spans = new Map(actors.map((a) => [a.id, a.span]));
  const relationships = ds.relationships.map((r) => deriveRelationship(r, spans.get(r.source), spans.get(r.target), periods));
  return { actors, relationships };
}
