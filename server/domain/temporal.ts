/**
 * Time-respecting paths, after the standard definition: a path is time-respecting when there are
 * times t1 ≤ t2 ≤ … ≤ tL with each ti inside the validity of the relationship hop i uses and, when a
 * maximum gap G is set, ti − t(i−1) ≤ G. Days are integers.
 *
 * The search keeps, after each hop, the set of days at which the hop can be taken given the hops
 * before it (its reach): a union of disjoint day intervals. A hop with several qualifying
 * relationships contributes each of them, so no choice is made early. When a path is complete, one
 * day per hop is chosen backwards (the earliest arrival at the end, then for each earlier hop the
 * latest day that fits), and each hop uses the surest relationship valid on its day. Every store
 * and the path service use these functions, so they agree.
 */

/** Sorted disjoint inclusive day intervals, flat: [start0, end0, start1, end1, …]. Empty = impossible. */
export type Reach = number[];

/** Before the first hop every day is possible. */
export const ANY_DAY: Reach = [-Infinity, Infinity];

/** Merge intervals (flat pairs, any order) into a Reach; days are integers, so touching intervals join. */
function normalise(pairs: number[]): Reach {
  if (pairs.length <= 2) return pairs;
  const order: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) order.push(i);
  order.sort((a, b) => (pairs[a] as number) - (pairs[b] as number));
  const out: number[] = [];
  for (const i of order) {
    const s = pairs[i] as number;
    const e = pairs[i + 1] as number;
    const last = out.length - 1;
    if (last > 0 && s <= (out[last] as number) + 1) {
      if (e > (out[last] as number)) out[last] = e;
    } else out.push(s, e);
  }
  return out;
}

/**
 * The days hop i can be taken, given `prev` (the reach after hop i−1) and the validity spans of the
 * hop's qualifying relationships (flat [start, end, …]): ti ∈ span, ti ≥ some t(i−1) ∈ prev, and
 * ti − t(i−1) ≤ gap when a gap is set.
 */
export function extendReach(prev: Reach, spans: ArrayLike<number>, gap: number | null): Reach {
  const out: number[] = [];
  for (let j = 0; j < spans.length; j += 2) {
    const s = spans[j] as number;
    const e = spans[j + 1] as number;
    for (let i = 0; i < prev.length; i += 2) {
      const lo = Math.max(prev[i] as number, s);
      const hi = gap === null ? e : Math.min((prev[i + 1] as number) + gap, e);
      if (lo <= hi) out.push(lo, hi);
    }
  }
  return normalise(out);
}

/** The reach after each hop (reaches[i] for hop i), or null when the sequence is not time-respecting. */
export function reachesOf(hopSpans: ReadonlyArray<ArrayLike<number>>, gap: number | null): Reach[] | null {
  const reaches: Reach[] = [];
  let prev = ANY_DAY;
  for (const spans of hopSpans) {
    prev = extendReach(prev, spans, gap);
    if (prev.length === 0) return null;
    reaches.push(prev);
  }
  return reaches;
}

/** One day per hop: the earliest arrival at the end, then, going back, the latest day that fits. */
export function chooseDays(reaches: readonly Reach[], gap: number | null): number[] {
  const days = new Array<number>(reaches.length);
  let next = (reaches.at(-1) as Reach)[0] as number;
  days[reaches.length - 1] = next;
  for (let i = reaches.length - 2; i >= 0; i -= 1) {
    const r = reaches[i] as Reach;
    const floor = gap === null ? -Infinity : next - gap;
    let day = -Infinity;
    for (let j = r.length - 2; j >= 0; j -= 2) {
      if ((r[j] as number) <= next) {
        day = Math.min(r[j + 1] as number, next);
        break;
      }
    }
    if (day < floor) throw new Error('chooseDays: reaches are not consistent');
    days[i] = day;
    next = day;
  }
  return days;
}

export interface HopChoice<T> {
  primary: T;
  alternatives: T[];
  /** The day the hop is taken (time-respecting only). */
  day: number | null;
}

export interface HopRules<T> {
  /** The inclusive validity days of a candidate. */
  span(c: T): readonly [number, number];
  /** Preference for the hop's relationship: negative when a is better (the surest first). */
  better(a: T, b: T): number;
  /** The order alternatives are listed in (contract order). */
  listed(a: T, b: T): number;
}

/**
 * For a complete path given as each hop's qualifying candidates, the relationship each hop uses
 * and the others that also qualify. Without time order: the best candidate, the rest as
 * alternatives. Time-respecting: null when no times fit; else the best candidate valid on the
 * hop's chosen day, and as alternatives the other candidates usable after the hops before.
 */
export function chooseHops<T>(hops: ReadonlyArray<readonly T[]>, rules: HopRules<T>, temporal: { maxGapDays: number | null } | null): Array<HopChoice<T>> | null {
  if (!temporal) {
    return hops.map((cands) => {
      const sorted = [...cands].sort(rules.better);
      return { primary: sorted[0] as T, alternatives: sorted.slice(1).sort(rules.listed), day: null };
    });
  }
  const gap = temporal.maxGapDays;
  const spans = hops.map((cands) => cands.flatMap((c) => [...rules.span(c)]));
  const reaches = reachesOf(spans, gap);
  if (!reaches) return null;
  const days = chooseDays(reaches, gap);
  return hops.map((cands, i) => {
    const day = days[i] as number;
    const before = i === 0 ? ANY_DAY : (reaches[i - 1] as Reach);
    const primary = [...cands].filter((c) => rules.span(c)[0] <= day && day <= rules.span(c)[1]).sort(rules.better)[0] as T;
    const alternatives = cands.filter((c) => c !== primary && extendReach(before, rules.span(c), gap).length > 0).sort(rules.listed);
    return { primary, alternatives, day };
  });
}
