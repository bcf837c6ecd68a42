/**
 * Where the data becomes dense, pure: the time bar opens on the years in which the dated network
 * is substantial, while earlier dated events stay reachable by extending the range.
 */
import type { GraphModel } from './elements.js';

/** Relationships with a dated end that are valid in each year of the span. */
export function datedPerYear(model: GraphModel, span: { min: number; max: number }): Map<number, number> {
  const counts = new Map<number, number>();
  for (let y = span.min; y <= span.max; y += 1) counts.set(y, 0);
  for (const { data: e } of model.edges) {
    if (e.dating === 'undated' || e.fromYear === null || e.toYear === null) continue;
    for (let y = Math.max(span.min, e.fromYear); y <= Math.min(span.max, e.toYear); y += 1) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  return counts;
}

/** The first year whose dated relationships reach `share` of the busiest year's (the span's start if none). */
export function denseStart(model: GraphModel, span: { min: number; max: number }, share = 0.2): number {
  const counts = datedPerYear(model, span);
  const peak = Math.max(0, ...counts.values());
  if (peak === 0) return span.min;
  for (const [year, n] of counts) if (n >= peak * share) return year;
  return span.min;
}
