/**
 * The summary charts' data, pure: per year the relationships valid that year by continuum stage
 * (and all other types together), the events per year, and the state-capacity heat map (region ×
 * period, the ratings the documents give).
 */
import type { YearCountsAnswer } from '../api/analytics.js';
import type { Capacity, CapacityRating } from '../api/types.js';

export interface StageSeries {
  years: number[];
  series: Array<{ label: string; type: string | null; data: number[] }>;
  events: number[];
}

/** Stages in continuum order (their types and labels), then "Other relationships". */
export function stageSeries(counts: YearCountsAnswer, stages: ReadonlyArray<{ type: string; label: string }>): StageSeries {
  const years = counts.years.map((y) => y.year);
  const count = (y: YearCountsAnswer['years'][number], type: string) => y.byType.find((t) => t.type === type)?.count ?? 0;
  const stageTypes = new Set(stages.map((s) => s.type));
  return {
    years,
    series: [
      ...stages.map((s) => ({ label: s.label, type: s.type, data: counts.years.map((y) => count(y, s.type)) })),
      { label: 'Other relationships', type: null, data: counts.years.map((y) => y.byType.filter((t) => !stageTypes.has(t.type)).reduce((n, t) => n + t.count, 0)) },
    ],
    events: counts.years.map((y) => y.events),
  };
}

/** The other relationship types per year, the most frequent first (at most `most`, the rest as "Other types"). */
export function typeSeries(counts: YearCountsAnswer, stages: ReadonlyArray<{ type: string }>, labelOf: (type: string) => string, most = 7): Array<{ label: string; type: string | null; data: number[] }> {
  const stageTypes = new Set(stages.map((s) => s.type));
  const totals = new Map<string, number>();
  for (const y of counts.years) for (const t of y.byType) if (!stageTypes.has(t.type)) totals.set(t.type, (totals.get(t.type) ?? 0) + t.count);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
  const shown = ranked.slice(0, most);
  const rest = new Set(ranked.slice(most));
  const count = (y: YearCountsAnswer['years'][number], type: string) => y.byType.find((t) => t.type === type)?.count ?? 0;
  return [
    ...shown.map((type) => ({ label: labelOf(type), type, data: counts.years.map((y) => count(y, type)) })),
    ...(rest.size ? [{ label: 'Other types', type: null, data: counts.years.map((y) => y.byType.filter((t) => rest.has(t.type)).reduce((n, t) => n + t.count, 0)) }] : []),
  ];
}

export interface HeatMap {
  periods: string[];
  regions: Array<{ id: string; name: string; cells: Array<Capacity[] | null> }>;
}

export function capacityHeatMap(ratings: readonly CapacityRating[]): HeatMap {
  const label = (r: CapacityRating) => r.period.label;
  const periods = [...new Map(ratings.map((r) => [label(r), r.period.fromYear ?? 0])).entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([p]) => p);
  const byRegion = new Map<string, { id: string; name: string; cells: Array<Capacity[] | null> }>();
  for (const r of ratings) {
    const row = byRegion.get(r.region.id) ?? { id: r.region.id, name: r.region.name, cells: periods.map(() => null) };
    const i = periods.indexOf(label(r));
    row.cells[i] = [...new Set([...(row.cells[i] ?? []), ...r.capacity])];
    byRegion.set(r.region.id, row);
  }
  return { periods, regions: [...byRegion.values()].sort((a, b) => (a.name < b.name ? -1 : 1)) };
}
