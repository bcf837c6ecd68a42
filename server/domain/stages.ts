/**
 * A pair's history along the crime–terror continuum. Each stage's own relationships (each one
 * fact with its dated claims) make that stage's periods; periods of different stages that overlap
 * are reported as overlapping, never folded into the strongest. dyad, timeline and diff all read
 * stages from here, so a change is reported in the year the documents put it.
 */
import type { Relationship, ValidityEnd } from './derive.js';
import { yearOf, yearRange, type DayRange } from './time.js';
import { CONTINUUM_STAGES, stageRank, type ContinuumStage } from './vocabulary.js';

export interface StagePeriod {
  stage: ContinuumStage;
  from: ValidityEnd;
  to: ValidityEnd;
  fromYear: number;
  toYear: number;
  /** The stage's relationships that make up this period. */
  relationships: Relationship[];
  /** Other stages asserted for the pair during part of this period. */
  overlaps: ContinuumStage[];
}

export function pairKey(r: { source: string; target: string }): string {
  return r.source < r.target ? `${r.source}|${r.target}` : `${r.target}|${r.source}`;
}

/** Contract order inside a period: validity start, then id. */
function byStart(a: Relationship, b: Relationship): number {
  return a.validity.from.day - b.validity.from.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The stage periods of one pair, in time order (then continuum order). Runs of one stage whose
 * relationships overlap or touch (the next starts at most a day after the last ends) are one period.
 */
export function stagePeriods(rels: readonly Relationship[]): StagePeriod[] {
  const periods: StagePeriod[] = [];
  for (const stage of CONTINUUM_STAGES) {
    const own = rels.filter((r) => r.type === stage).sort(byStart);
    let current: StagePeriod | null = null;
    for (const r of own) {
      if (current && r.validity.from.day <= current.to.day + 1) {
        current.relationships.push(r);
        if (r.validity.to.day > current.to.day) current.to = r.validity.to;
        continue;
      }
      current = { stage, from: r.validity.from, to: r.validity.to, fromYear: 0, toYear: 0, relationships: [r], overlaps: [] };
      periods.push(current);
    }
  }
  for (const p of periods) {
    p.fromYear = yearOf(p.from.date);
    p.toYear = yearOf(p.to.date);
    const stages = new Set<ContinuumStage>();
    for (const q of periods) if (q.stage !== p.stage && q.from.day <= p.to.day && p.from.day <= q.to.day) stages.add(q.stage);
    p.overlaps = CONTINUUM_STAGES.filter((s) => stages.has(s));
  }
  return periods.sort((a, b) => a.from.day - b.from.day || (stageRank(a.stage) ?? 0) - (stageRank(b.stage) ?? 0));
}

/** The stages asserted for the pair at some time in `window`, weakest first. */
export function stagesDuring(periods: readonly StagePeriod[], window: DayRange): ContinuumStage[] {
  const found = new Set(periods.filter((p) => p.from.day <= window.end && window.start <= p.to.day).map((p) => p.stage));
  return CONTINUUM_STAGES.filter((s) => found.has(s));
}

export function stagesInYear(periods: readonly StagePeriod[], year: number): ContinuumStage[] {
  return stagesDuring(periods, yearRange(year));
}

/** The order in which the pair's stages appear: each period's stage, repeats in a row collapsed. */
export function stageSequence(periods: readonly StagePeriod[]): ContinuumStage[] {
  const seq: ContinuumStage[] = [];
  for (const p of periods) if (seq.at(-1) !== p.stage) seq.push(p.stage);
  return seq;
}

/** Relationships with a continuum stage, grouped by unordered pair. */
export function stagedPairs(rels: Iterable<Relationship>): Map<string, Relationship[]> {
  const pairs = new Map<string, Relationship[]>();
  for (const r of rels) {
    if (stageRank(r.type) === null) continue;
    const key = pairKey(r);
    const list = pairs.get(key);
    if (list) list.push(r);
    else pairs.set(key, [r]);
  }
  return pairs;
}

export interface PairStageChange {
  a: string;
  b: string;
  fromStages: ContinuumStage[];
  toStages: ContinuumStage[];
  before: Relationship[];
  after: Relationship[];
}

/**
 * Pairs whose stages differ between two times, given the stage relationships valid at each (a pair
 * asserted at only one of the times is an addition or an end, not a change). In pair order.
 */
export function stageChangesBetween(atA: readonly Relationship[], atB: readonly Relationship[]): PairStageChange[] {
  const a = stagedPairs(atA);
  const b = stagedPairs(atB);
  const stagesOf = (rels: readonly Relationship[]) => CONTINUUM_STAGES.filter((s) => rels.some((r) => r.type === s));
  const changes: PairStageChange[] = [];
  for (const key of [...a.keys()].filter((k) => b.has(k)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))) {
    const before = [...(a.get(key) as Relationship[])].sort(byStart);
    const after = [...(b.get(key) as Relationship[])].sort(byStart);
    const fromStages = stagesOf(before);
    const toStages = stagesOf(after);
    if (fromStages.join() === toStages.join()) continue;
    const [x, y] = key.split('|') as [string, string];
    changes.push({ a: x, b: y, fromStages, toStages, before, after });
  }
  return changes;
}
