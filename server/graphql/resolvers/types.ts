/**
 * Field resolvers of the object types: references (actor ids, source ids) become objects through
 * the per-request loaders; intervals get years and a readable label.
 */
import type { Actor, Citation, Interval, NexusEvent, Relationship } from '../../domain/schemas.js';
import { validityOf, yearOf } from '../../domain/time.js';
import { ACTOR_KIND_INFO, RELATIONSHIP_TYPE_INFO } from '../../domain/vocabulary.js';
import type { PathHop, FoundPath } from '../../services/paths.js';
import type { TimelineChange } from '../../services/history.js';
import type { Context } from '../context.js';
import type { ActorRelationshipsArgs } from '../generated.js';

async function actorOf(ctx: Context, id: string): Promise<Actor> {
  const actor = await ctx.actor(id);
  if (!actor) throw new Error(`dangling actor reference "${id}"`);
  return actor;
}

const actorsOf = (ctx: Context, ids: readonly string[]) => Promise.all(ids.map((id) => actorOf(ctx, id)));

export function intervalLabel(i: Interval | null | undefined): string {
  if (!i || (!i.from && !i.to)) return 'undated';
  if (i.from && i.to) return i.from === i.to ? i.from : `${i.from}–${i.to}`;
  return i.from ? `from ${i.from}` : `until ${i.to}`;
}

const interval = {
  fromYear: (i: Interval) => (i.from ? yearOf(i.from) : null),
  toYear: (i: Interval) => (i.to ? yearOf(i.to) : null),
  label: (i: Interval) => intervalLabel(i),
};

export const typeResolvers = {
  Interval: interval,
  Citation: {
    source: async (c: Citation, _: unknown, ctx: Context) => {
      const source = await ctx.source(c.source);
      if (!source) throw new Error(`dangling source reference "${c.source}"`);
      return source;
    },
  },
  Actor: {
    kindLabel: (a: Actor) => ACTOR_KIND_INFO[a.kind].label,
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
    validity: async (r: Relationship, _: unknown, ctx: Context) => {
      const [source, target] = await Promise.all([ctx.actor(r.source), ctx.actor(r.target)]);
      return validityOf(r.interval, source?.active, target?.active);
    },
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
