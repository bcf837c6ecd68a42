/**
 * Time semantics shared by every store: date points of year/month/day precision become
 * inclusive day ranges, and intervals with open (null) ends are unbounded on that side.
 */

const DAY_MS = 86_400_000;

export interface DayRange {
  /** Inclusive first day (days since 1970-01-01), or -Infinity for open. */
  start: number;
  /** Inclusive last day, or +Infinity for open. */
  end: number;
}

function parts(point: string): [number, number | null, number | null] {
  const [y, m, d] = point.split('-').map(Number);
  return [y ?? 0, m ?? null, d ?? null];
}

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Date points repeat (a dataset has few distinct ones): each is worked out once. */
const startCache = new Map<string, number>();
const endCache = new Map<string, number>();
const CACHE_LIMIT = 100_000;

/** First day covered by a date point ("1999" → 1999-01-01). */
export function datePointStart(point: string): number {
  let day = startCache.get(point);
  if (day === undefined) {
    const [y, m, d] = parts(point);
    day = dayNumber(y, m ?? 1, d ?? 1);
    if (startCache.size < CACHE_LIMIT) startCache.set(point, day);
  }
  return day;
}

/** Last day covered by a date point ("1999" → 1999-12-31, "2000-02" → 2000-02-29). */
export function datePointEnd(point: string): number {
  let day = endCache.get(point);
  if (day === undefined) {
    const [y, m, d] = parts(point);
    day = d !== null && m !== null ? dayNumber(y, m, d) : m !== null ? dayNumber(y, m + 1, 1) - 1 : dayNumber(y + 1, 1, 1) - 1;
    if (endCache.size < CACHE_LIMIT) endCache.set(point, day);
  }
  return day;
}

/** The year of a date point: its first four digits (dates are checked `YYYY[-MM[-DD]]`). */
export function yearOf(point: string): number {
  const c = point.charCodeAt(4);
  return point.length === 4 || c === 45 ? ((point.charCodeAt(0) - 48) * 1000 + (point.charCodeAt(1) - 48) * 100 + (point.charCodeAt(2) - 48) * 10 + (point.charCodeAt(3) - 48)) : parts(point)[0];
}

export interface IntervalLike {
  from: string | null;
  to: string | null;
}

const rangeCache = new WeakMap<IntervalLike, DayRange>();

/** The inclusive day range of an interval (memoised per interval object: records are immutable). */
export function intervalRange(interval: IntervalLike | null | undefined): DayRange {
  if (!interval) return { start: -Infinity, end: Infinity };
  let range = rangeCache.get(interval);
  if (!range) {
    range = {
      start: interval.from ? datePointStart(interval.from) : -Infinity,
      end: interval.to ? datePointEnd(interval.to) : Infinity,
    };
    rangeCache.set(interval, range);
  }
  return range;
}

/** The whole of a year, or of an inclusive span of years. */
export function yearRange(fromYear: number, toYear: number = fromYear): DayRange {
  return { start: dayNumber(fromYear, 1, 1), end: dayNumber(toYear + 1, 1, 1) - 1 };
}

export function overlaps(a: DayRange, b: DayRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** A relationship is valid during a window when its interval overlaps it. */
export function validDuring(interval: IntervalLike | null | undefined, window: DayRange | null): boolean {
  return window === null || overlaps(intervalRange(interval), window);
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
