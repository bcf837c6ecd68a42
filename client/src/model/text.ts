/**
 * Small wording helpers, pure: counts with the right plural, and a relationship's stated interval
 * next to the years the explorer treats it as valid.
 */
import type { Interval } from '../api/types.js';

/** "1 actor", "2 actors", "0 relationships", "100,000 actors" (plural defaults to singular + "s"). */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}

/**
 * The interval as stated, and — when it differs — the validity the API filters by (unknown ends
 * bounded by the actors' active years). `validity` is null when both say the same.
 */
export function intervalWording(interval: Interval, validity: Interval | null | undefined): { stated: string; validity: string | null } {
  const same = !validity || (validity.fromYear === interval.fromYear && validity.toYear === interval.toYear);
  if (same) return { stated: interval.label, validity: null };
  const v = validity;
  const years = v.fromYear !== null && v.toYear !== null ? (v.fromYear === v.toYear ? String(v.fromYear) : `${v.fromYear}–${v.toYear}`) : v.label;
  return { stated: `${interval.label} (stated)`, validity: `treated as valid ${years} (bounded by the actors’ active years)` };
}
