/**
 * Year ticks for the time bar, pure: the two ends plus round years (every 10, 5, 2 or 1 by span),
 * leaving out a round year too close to an end for the labels not to overlap, and each year's
 * position on the slider's linear scale (0..1, the same as the thumb and the event marks).
 */

export function tickStep(span: number): number {
  return span > 40 ? 10 : span > 16 ? 5 : span > 8 ? 2 : 1;
}

/** The years to label: min, the round years in between (not within 40% of a step of an end), max. */
export function tickYears(min: number, max: number): number[] {
  if (max <= min) return [min];
  const step = tickStep(max - min);
  const gap = step * 0.4;
  const out = [min];
  for (let y = Math.ceil(min / step) * step; y < max; y += step) {
    if (y - min >= gap && max - y >= gap) out.push(y);
  }
  out.push(max);
  return out;
}

/** Where a year sits on the slider's track, 0 (min) .. 1 (max). */
export function yearFraction(year: number, min: number, max: number): number {
  return max <= min ? 0 : (year - min) / (max - min);
}
