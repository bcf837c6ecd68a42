/**
 * The API's shapes of the domain's time values — Interval, Validity, an actor's active span,
 * a lifespan's label — made once per domain object (WeakMap: the embedded store answers the same
 * view objects again, and a Neo4j answer's objects go when the request does). Their fields are
 * then plain properties, so executing a large answer costs no resolver call per field.
 */
import type { Actor, Lifespan, LifespanBound, Relationship } from '../domain/derive.js';
import { yearOf } from '../domain/time.js';

export interface IntervalOut {
  from: string | null;
  to: string | null;
  fromYear: number | null;
  toYear: number | null;
  label: string;
}

export interface ValidityOut {
  from: string;
  to: string;
  fromYear: number;
  toYear: number;
  fromBasis: string;
  toBasis: string;
  label: string;
}

export function intervalLabel(i: { from: string | null; to: string | null } | null | undefined): string {
  if (!i || (!i.from && !i.to)) return 'undated';
  if (i.from && i.to) return i.from === i.to ? i.from : `${i.from}–${i.to}`;
  return i.from ? `from ${i.from}` : `until ${i.to}`;
}

function memo<K extends object, V>(make: (k: K) => V): (k: K) => V {
  const made = new WeakMap<K, V>();
  return (k) => {
    let v = made.get(k);
    if (v === undefined) made.set(k, (v = make(k)));
    return v;
  };
}

export const intervalOut = memo((i: { from: string | null; to: string | null }): IntervalOut => ({
  from: i.from,
  to: i.to,
  fromYear: i.from ? yearOf(i.from) : null,
  toYear: i.to ? yearOf(i.to) : null,
  label: intervalLabel(i),
}));

export const validityOut = memo((v: Relationship['validity']): ValidityOut => ({
  from: v.from.date,
  to: v.to.date,
  fromYear: yearOf(v.from.date),
  toYear: yearOf(v.to.date),
  fromBasis: v.from.basis,
  toBasis: v.to.basis,
  label: intervalLabel({ from: v.from.date, to: v.to.date }),
}));

export const activeOut = memo((span: Lifespan): IntervalOut => intervalOut({ from: span.from.date, to: span.to.date }));

export const lifespanLabel = memo((l: Lifespan): string => {
  const end = (b: LifespanBound) => (b.uncertain && b.earliest !== b.latest ? `${b.earliest}/${b.latest}` : b.date);
  const contested = [l.from.uncertain ? 'contested start' : '', l.to.uncertain ? 'contested end' : ''].filter(Boolean);
  return `${end(l.from)}–${end(l.to)}${contested.length ? ` (${contested.join(', ')})` : ''}`;
});

export type { Actor };
