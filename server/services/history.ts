/**
 * How the network changes over time, as pure functions over the stores' views: the years where
 * something changes (timeline) and a pair's stage history. Stage periods come from
 * server/domain/stages.ts, the same ones dyad and diff use, so a stage change is reported in the
 * year the documents put it; overlapping stages stay overlapping.
 */
import type { Actor, Relationship } from '../domain/derive.js';
import type { NexusEvent } from '../domain/schemas.js';
import { stagedPairs, stagePeriods, stagesInYear, type StagePeriod } from '../domain/stages.js';
import { yearOf } from '../domain/time.js';
import type { ContinuumStage, DatingBasis } from '../domain/vocabulary.js';
import { compareIds, compareRelationships } from '../store/records.js';

export type ChangeKind = 'ACTOR_APPEARS' | 'ACTOR_ENDS' | 'RELATIONSHIP_STARTS' | 'RELATIONSHIP_ENDS' | 'STAGE_CHANGES';

export interface TimelineChange {
  kind: ChangeKind;
  /** How the changing end is known (the lifespan's or the validity's basis); null for stage changes. */
  basis: DatingBasis | null;
  actor?: Actor;
  relationship?: Relationship;
  pair?: [string, string];
  fromStages?: ContinuumStage[];
  toStages?: ContinuumStage[];
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

/** The stage changes of one pair: each year whose set of asserted stages differs from the year before. */
export function stageChangeYears(periods: readonly StagePeriod[]): Array<{ year: number; fromStages: ContinuumStage[]; toStages: ContinuumStage[] }> {
  const years = [...new Set(periods.flatMap((p) => [p.fromYear, p.toYear + 1]))].sort((a, b) => a - b);
  const out: Array<{ year: number; fromStages: ContinuumStage[]; toStages: ContinuumStage[] }> = [];
  for (const year of years) {
    const fromStages = stagesInYear(periods, year - 1);
    const toStages = stagesInYear(periods, year);
    if (fromStages.length > 0 && toStages.length > 0 && fromStages.join() !== toStages.join()) out.push({ year, fromStages, toStages });
  }
  return out;
}

/** Lifespans and validity as the stores derive them; events in their year. */
export function buildTimeline(actors: readonly Actor[], relationships: readonly Relationship[], events: readonly NexusEvent[]): Timeline {
  const byYear = new Map<number, TimelineYear>();
  const at = (year: number) => {
    let entry = byYear.get(year);
    if (!entry) byYear.set(year, (entry = { year, changes: [], events: [] }));
    return entry;
  };
  for (const a of [...actors].sort((x, y) => compareIds(x.id, y.id))) {
    at(yearOf(a.span.from.date)).changes.push({ kind: 'ACTOR_APPEARS', basis: a.span.from.basis, actor: a });
    at(yearOf(a.span.to.date)).changes.push({ kind: 'ACTOR_ENDS', basis: a.span.to.basis, actor: a });
  }
  for (const r of [...relationships].sort(compareRelationships)) {
    at(yearOf(r.validity.from.date)).changes.push({ kind: 'RELATIONSHIP_STARTS', basis: r.validity.from.basis, relationship: r });
    at(yearOf(r.validity.to.date)).changes.push({ kind: 'RELATIONSHIP_ENDS', basis: r.validity.to.basis, relationship: r });
  }
  for (const [key, rels] of [...stagedPairs(relationships)].sort(([a], [b]) => compareIds(a, b))) {
    const pair = key.split('|') as [string, string];
    for (const change of stageChangeYears(stagePeriods(rels))) {
      at(change.year).changes.push({ kind: 'STAGE_CHANGES', basis: null, pair, fromStages: change.fromStages, toStages: change.toStages });
    }
  }
  for (const e of events) at(yearOf(e.date)).events.push(e);
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  return { minYear: years[0]?.year ?? null, maxYear: years.at(-1)?.year ?? null, years };
}
