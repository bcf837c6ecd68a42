/**
 * How the network changes over time, as pure functions over records: the years where something
 * changes (timeline), a pair's stage history along the continuum (dyad periods), and what was
 * added, ended or changed stage between two years (diff).
 */
import type { Actor, NexusEvent, Relationship } from '../domain/schemas.js';
import { validDuring, validityOf, yearOf, yearRange, type IntervalLike } from '../domain/time.js';
import { CONTINUUM_STAGES, stageRank, type ContinuumStage } from '../domain/vocabulary.js';
import { compareIds, compareRelationships } from '../store/records.js';

export type ChangeKind = 'ACTOR_APPEARS' | 'ACTOR_ENDS' | 'RELATIONSHIP_STARTS' | 'RELATIONSHIP_ENDS' | 'STAGE_CHANGES';

export interface TimelineChange {
  kind: ChangeKind;
  actor?: Actor;
  relationship?: Relationship;
  pair?: [string, string];
  fromStage?: ContinuumStage | null;
  toStage?: ContinuumStage | null;
}

export interface TimelineYear {
  year: number;
  changes: TimelineChange[];
  events: NexusEvent[];
}

export interface Timeline {
  minYear: number | null;
  maxYear: number | null;
  years: TimelineYear[];
}

/** When a relationship counts as valid (see validityOf); the stores filter time the same way. */
export type ValidityOf = (r: Relationship) => IntervalLike;

/**
 * Validity from the actors' active years, for the actors given (others count as unknown). Each
 * relationship's validity is worked out once, so year-by-year scans reuse it (and its day range).
 */
export function validityFrom(actors: Iterable<Actor>): ValidityOf {
  const active = new Map<string, Actor['active']>();
  for (const a of actors) active.set(a.id, a.active);
  const known = new WeakMap<Relationship, IntervalLike>();
  return (r) => {
    let v = known.get(r);
    if (!v) known.set(r, (v = validityOf(r.interval, active.get(r.source), active.get(r.target))));
    return v;
  };
}

export function pairKey(r: { source: string; target: string }): string {
  return r.source < r.target ? `${r.source}|${r.target}` : `${r.target}|${r.source}`;
}

/** The strongest continuum stage among relationships valid in `year`, or null. */
export function strongestStageAt(rels: readonly Relationship[], year: number | null, validity: ValidityOf): ContinuumStage | null {
  let best = -1;
  const window = year === null ? null : yearRange(year);
  for (const r of rels) {
    const rank = stageRank(r.type);
    if (rank !== null && rank > best && validDuring(validity(r), window)) best = rank;
  }
  return best < 0 ? null : (CONTINUUM_STAGES[best] ?? null);
}

function boundYears(rels: readonly Relationship[], validity: ValidityOf): number[] {
  const years = new Set<number>();
  for (const r of rels) {
    const v = validity(r);
    if (v.from) years.add(yearOf(v.from));
    if (v.to) years.add(yearOf(v.to));
  }
  return [...years].sort((a, b) => a - b);
}

/** Starts and ends follow the relationships' validity, like the network at a year does. */
export function buildTimeline(actors: readonly Actor[], relationships: readonly Relationship[], events: readonly NexusEvent[]): Timeline {
  const validity = validityFrom(actors);
  const byYear = new Map<number, TimelineYear>();
  const at = (year: number) => {
    let entry = byYear.get(year);
    if (!entry) byYear.set(year, (entry = { year, changes: [], events: [] }));
    return entry;
  };
  for (const a of actors) {
    if (a.active?.from) at(yearOf(a.active.from)).changes.push({ kind: 'ACTOR_APPEARS', actor: a });
    if (a.active?.to) at(yearOf(a.active.to)).changes.push({ kind: 'ACTOR_ENDS', actor: a });
  }
  for (const r of [...relationships].sort(compareRelationships)) {
    const v = validity(r);
    if (v.from) at(yearOf(v.from)).changes.push({ kind: 'RELATIONSHIP_STARTS', relationship: r });
    if (v.to) at(yearOf(v.to)).changes.push({ kind: 'RELATIONSHIP_ENDS', relationship: r });
  }
  const pairs = new Map<string, Relationship[]>();
  for (const r of relationships) {
    if (stageRank(r.type) === null) continue;
    const list = pairs.get(pairKey(r));
    if (list) list.push(r);
    else pairs.set(pairKey(r), [r]);
  }
  for (const [key, rels] of [...pairs].sort(([a], [b]) => compareIds(a, b))) {
    const years = boundYears(rels, validity);
    for (const year of years) {
      const before = strongestStageAt(rels, year - 1, validity);
      const after = strongestStageAt(rels, year, validity);
      if (before !== null && after !== null && before !== after) {
        at(year).changes.push({ kind: 'STAGE_CHANGES', pair: key.split('|') as [string, string], fromStage: before, toStage: after });
      }
    }
  }
  for (const e of events) at(yearOf(e.date)).events.push(e);
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  return { minYear: years[0]?.year ?? null, maxYear: years.at(-1)?.year ?? null, years };
}

export interface DyadPeriod {
  fromYear: number | null;
  toYear: number | null;
  stage: ContinuumStage;
  relationships: Relationship[];
}

/**
 * A pair's stage history: runs of years with the same strongest stage, judged on validity. An
 * open end runs to the last year any of the pair's stage relationships is bounded by.
 */
export function dyadPeriods(rels: readonly Relationship[], validity: ValidityOf): DyadPeriod[] {
  const staged = rels.filter((r) => stageRank(r.type) !== null);
  if (staged.length === 0) return [];
  const years = boundYears(staged, validity);
  const first = years[0];
  const last = years.at(-1);
  if (first === undefined || last === undefined) {
    const stage = strongestStageAt(staged, null, validity);
    return stage ? [{ fromYear: null, toYear: null, stage, relationships: staged.filter((r) => r.type === stage) }] : [];
  }
  const periods: DyadPeriod[] = [];
  for (let year = first; year <= last; year += 1) {
    const stage = strongestStageAt(staged, year, validity);
    const current = periods.at(-1);
    if (stage === null) continue;
    const valid = staged.filter((r) => r.type === stage && validDuring(validity(r), yearRange(year)));
    if (current && current.stage === stage && current.toYear === year - 1) {
      current.toYear = year;
      for (const r of valid) if (!current.relationships.includes(r)) current.relationships.push(r);
    } else {
      periods.push({ fromYear: year, toYear: year, stage, relationships: valid });
    }
  }
  for (const p of periods) p.relationships.sort(compareRelationships);
  return periods;
}

export interface StageChange {
  a: string;
  b: string;
  fromStage: ContinuumStage;
  toStage: ContinuumStage;
  before: Relationship[];
  after: Relationship[];
}

export interface NetworkDiff {
  added: Relationship[];
  ended: Relationship[];
  changedStage: StageChange[];
}

/** What differs between the relationships valid at year A and at year B. */
export function diffNetworks(atA: readonly Relationship[], atB: readonly Relationship[], yearA: number, yearB: number, validity: ValidityOf): NetworkDiff {
  const idsA = new Set(atA.map((r) => r.id));
  const idsB = new Set(atB.map((r) => r.id));
  const byPair = (rels: readonly Relationship[]) => {
    const m = new Map<string, Relationship[]>();
    for (const r of rels) if (stageRank(r.type) !== null) m.set(pairKey(r), [...(m.get(pairKey(r)) ?? []), r]);
    return m;
  };
  const pairsA = byPair(atA);
  const pairsB = byPair(atB);
  const changedStage: StageChange[] = [];
  for (const [key, relsA] of [...pairsA].sort(([x], [y]) => compareIds(x, y))) {
    const relsB = pairsB.get(key);
    if (!relsB) continue;
    const fromStage = strongestStageAt(relsA, yearA, validity);
    const toStage = strongestStageAt(relsB, yearB, validity);
    if (fromStage && toStage && fromStage !== toStage) {
      const [a, b] = key.split('|') as [string, string];
      changedStage.push({ a, b, fromStage, toStage, before: [...relsA].sort(compareRelationships), after: [...relsB].sort(compareRelationships) });
    }
  }
  return {
    added: atB.filter((r) => !idsA.has(r.id)).sort(compareRelationships),
    ended: atA.filter((r) => !idsB.has(r.id)).sort(compareRelationships),
    changedStage,
  };
}
