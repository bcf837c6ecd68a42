/**
 * Field resolvers of the object types: references (actor ids, source ids) become objects through
 * the per-request loaders; intervals, validity and lifespans get years and readable labels.
 * Everything else is read straight from the stores' views.
 */
import type { Actor, LifespanBound, Relationship, ValidityEnd } from '../../domain/derive.js';
import type { Claim, Interval, LifespanReading, NexusEvent } from '../../domain/schemas.js';
import { dayToIso, yearOf } from '../../domain/time.js';
import { ACTOR_KIND_INFO, RELATIONSHIP_TYPE_INFO } from '../../domain/vocabulary.js';
import type { FoundPath, PathHop } from '../../store/port.js';
import type { TimelineChange } from '../../services/history.js';
import type { Context } from '../context.js';
import type { ActorRelationshipsArgs } from '../generated.js';

async function actorOf(ctx: Context, id: string): Promise<Actor> {
  const actor = await ctx.actor(id);
  if (!actor) throw new Error(`dangling actor reference "${id}"`);
  return actor;
}

const actorsOf = (ctx: Context, ids: readonly string[]) => Promise.all(ids.map((id) => actorOf(ctx, id)));

async function sourceOf(ctx: Context, id: string) {
  const source = await ctx.source(id);
  if (!source) throw new Error(`dangling source reference "${id}"`);
  return source;
}

export function intervalLabel(i: { from: string | null; to: string | null } | null | undefined): string {
  if (!i || (!i.from && !i.to)) return 'undated';
  if (i.from && i.to) return i.from === i.to ? i.from : `${i.from}–${i.to}`;
  return i.from ? `from ${i.from}` : `until ${i.to}`;
}

interface ValidityShape {
  from: ValidityEnd;
  to: ValidityEnd;
}

interface Reading extends LifespanReading {}

export const typeResolvers = {
  Interval: {
    fromYear: (i: Interval) => (i.from ? yearOf(i.from) : null),
    toYear: (i: Interval) => (i.to ? yearOf(i.to) : null),
    label: (i: Interval) => intervalLabel(i),
  },
  Validity: {
    from: (v: ValidityShape) => v.from.date,
    to: (v: ValidityShape) => v.to.date,
    fromYear: (v: ValidityShape) => yearOf(v.from.date),
    toYear: (v: ValidityShape) => yearOf(v.to.date),
    fromBasis: (v: ValidityShape) => v.from.basis,
    toBasis: (v: ValidityShape) => v.to.basis,
    label: (v: ValidityShape) => intervalLabel({ from: v.from.date, to: v.to.date }),
  },
  ValidityEnd: {
    year: (e: ValidityEnd) => yearOf(e.date),
  },
  Citation: {
    source: (c: { source: string }, _: unknown, ctx: Context) => sourceOf(ctx, c.source),
  },
  Claim: {
    citation: (c: Claim) => ({ source: c.source, quote: c.quote, location: c.location ?? null }),
    interval: (c: Claim) => ({ from: c.from, to: c.to }),
  },
  LifespanReading: {
    citation: (r: Reading) => ({ source: r.source, quote: r.quote, location: r.location ?? null }),
  },
  LifespanBound: {
    year: (b: LifespanBound) => yearOf(b.date),
  },
  Lifespan: {
    label: (l: Actor['span']) => {
      const end = (b: LifespanBound) => (b.uncertain && b.earliest !== b.latest ? `${b.earliest}/${b.latest}` : b.date);
      const contested = [l.from.uncertain ? 'contested start' : '', l.to.uncertain ? 'contested end' : ''].filter(Boolean);
      return `${end(l.from)}–${end(l.to)}${contested.length ? ` (${contested.join(', ')})` : ''}`;
    },
  },
  Actor: {
    kindLabel: (a: Actor) => ACTOR_KIND_INFO[a.kind].label,
    active: (a: Actor) => ({ from: a.span.from.date, to: a.span.to.date }),
    lifespan: (a: Actor) => a.span,
    relationships: (a: Actor, args: ActorRelationshipsArgs, ctx: Context) => ctx.service.actorRelationships(a.id, args.filter, args.first),
    events: (a: Actor, _: unknown, ctx: Context) => ctx.service.events({ actorId: a.id }),
    figures: (a: Actor, _: unknown, ctx: Context) => ctx.service.figures(a.id),
  },
  Relationship: {
    typeLabel: (r: Relationship) => RELATIONSHIP_TYPE_INFO[r.type].label,
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
  Figure: {
    actors: (f: { actors: string[] }, _: unknown, ctx: Context) => actorsOf(ctx, f.actors),
  },
  CapacityRating: {
    region: (c: { region: string }, _: unknown, ctx: Context) => actorOf(ctx, c.region),
  },
  Path: {
    length: (p: FoundPath) => p.hops.length,
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
  StageChange: {
    a: (s: { a: string }, _: unknown, ctx: Context) => actorOf(ctx, s.a),
    b: (s: { b: string }, _: unknown, ctx: Context) => actorOf(ctx, s.b),
  },
};
