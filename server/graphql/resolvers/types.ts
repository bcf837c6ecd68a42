/**
 * Field resolvers of the object types: references (actor ids, source ids) become objects through
 * the per-request loaders; intervals, validity and lifespans get years and readable labels.
 * Everything else is read straight from the stores' views.
 */
import type { BrokerAnswer } from '../../services/analytics.js';
import { pageSize } from '../../services/inputs.js';
import type { Actor, LifespanBound, Relationship, ValidityEnd } from '../../domain/derive.js';
import type { Claim, Interval, LifespanReading, NexusEvent } from '../../domain/schemas.js';
import { dayToIso, yearOf } from '../../domain/time.js';
import { ACTOR_KIND_INFO, RELATIONSHIP_TYPE_INFO } from '../../domain/vocabulary.js';
import type { FoundPath, PathHop } from '../../store/port.js';
import type { TimelineChange } from '../../services/history.js';
import type { Context } from '../context.js';
import type { AuditEntry, Evidence } from '../../domain/changes.js';
import { activeOut, intervalOut, lifespanLabel, validityOut } from '../present.js';
import type { ActorRelationshipsArgs } from '../generated.js';

/** A reference that must exist: at once when the request holds it, else when the batch answers. */
function required<V>(value: V | Promise<V | undefined> | undefined, what: string): V | Promise<V> {
  if (value instanceof Promise)
    return value.then((v) => {
      if (v === undefined) throw new Error(`dangling ${what} reference`);
      return v;
    });
  if (value === undefined) throw new Error(`dangling ${what} reference`);
  return value;
}

const actorOf = (ctx: Context, id: string) => required(ctx.actor(id), `actor "${id}"`);
const actorsOf = (ctx: Context, ids: readonly string[]) => ids.map((id) => actorOf(ctx, id));
const sourceOf = (ctx: Context, id: string) => required(ctx.source(id), `source "${id}"`);

type Reading = LifespanReading;

const json = (record: unknown) => (record === null ? null : JSON.stringify(record));

export const typeResolvers = {
  AuditEntry: {
    records: (e: AuditEntry) =>
      e.after.map((after, i) => {
        const before = e.before[i];
        return { section: after.section, id: after.id, before: json(before?.record ?? null), after: json(after.record), retiredBefore: before?.retired ?? null, retired: after.retired };
      }),
  },
  Evidence: {
    citation: (e: Evidence) => e,
  },
  ValidityEnd: {
    year: (e: ValidityEnd) => yearOf(e.date),
  },
  Citation: {
    source: (c: { source: string }, _: unknown, ctx: Context) => sourceOf(ctx, c.source),
  },
  Claim: {
    citation: (c: Claim) => ({ source: c.source, quote: c.quote, location: c.location ?? null }),
    interval: (c: Claim) => intervalOut(c),
  },
  LifespanReading: {
    citation: (r: Reading) => ({ source: r.source, quote: r.quote, location: r.location ?? null }),
  },
  LifespanBound: {
    year: (b: LifespanBound) => yearOf(b.date),
  },
  Lifespan: {
    label: (l: Actor['span']) => lifespanLabel(l),
  },
  Actor: {
    kindLabel: (a: Actor) => ACTOR_KIND_INFO[a.kind].label,
    active: (a: Actor) => activeOut(a.span),
    lifespan: (a: Actor) => a.span,
    relationships: (a: Actor, args: ActorRelationshipsArgs, ctx: Context) => ctx.service.actorRelationships(a.id, args.filter, args.first),
    events: (a: Actor, _: unknown, ctx: Context) => ctx.service.events({ actorId: a.id }),
    figures: (a: Actor, _: unknown, ctx: Context) => ctx.service.figures(a.id),
  },
  Relationship: {
    typeLabel: (r: Relationship) => RELATIONSHIP_TYPE_INFO[r.type].label,
    interval: (r: Relationship) => intervalOut(r.interval),
    validity: (r: Relationship) => validityOut(r.validity),
    stage: (r: Relationship) => (RELATIONSHIP_TYPE_INFO[r.type].stage !== null ? r.type : null),
    directed: (r: Relationship) => RELATIONSHIP_TYPE_INFO[r.type].directed,
    source: (r: Relationship, _: unknown, ctx: Context) => actorOf(ctx, r.source),
    target: (r: Relationship, _: unknown, ctx: Context) => actorOf(ctx, r.target),
  },
  Event: {
    year: (e: NexusEvent) => yearOf(e.date),
    actors: (e: NexusEvent, _: unknown, ctx: Context) => actorsOf(ctx, e.actors),
    places: (e: NexusEvent, _: unknown, ctx: Context) => actorsOf(ctx, e.places),
  },
  StateCapacityTable: {
    periods: (t: { periods: Interval[] }) => t.periods.map(intervalOut),
  },
  Figure: {
    period: (f: { period: Interval }) => intervalOut(f.period),
    actors: (f: { actors: string[] }, _: unknown, ctx: Context) => actorsOf(ctx, f.actors),
  },
  CapacityRating: {
    period: (c: { period: Interval }) => intervalOut(c.period),
    region: (c: { region: string }, _: unknown, ctx: Context) => actorOf(ctx, c.region),
  },
  Path: {
    length: (p: FoundPath) => p.hops.length,
    hops: (p: FoundPath, _: unknown, ctx: Context) => ctx.slicer.pass(p.hops),
    actors: (p: FoundPath, _: unknown, ctx: Context) => actorsOf(ctx, p.actors),
  },
  PathHop: {
    from: (h: PathHop, _: unknown, ctx: Context) => actorOf(ctx, h.from),
    to: (h: PathHop, _: unknown, ctx: Context) => actorOf(ctx, h.to),
    date: (h: PathHop) => (h.day === null ? null : dayToIso(h.day)),
  },
  TimelineChange: {
    actors: (c: TimelineChange, _: unknown, ctx: Context) =>
      actorsOf(ctx, c.actor ? [c.actor.id] : c.relationship ? [c.relationship.source, c.relationship.target] : (c.pair ?? [])),
  },
  Dyad: {},
  DyadPeriod: {},
  Broker: {
    pairs: (b: BrokerAnswer, { first }: { first?: number | null }) => b.pairs.slice(0, pageSize('first', first, 20, 500)),
  },
  StageChange: {
    a: (s: { a: string }, _: unknown, ctx: Context) => actorOf(ctx, s.a),
    b: (s: { b: string }, _: unknown, ctx: Context) => actorOf(ctx, s.b),
  },
};
