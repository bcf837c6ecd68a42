/**
 * Query resolvers: thin — take the arguments (typed from the SDL), call the service, return.
 * Validation and logic live in the services.
 */
import {
  ACTOR_KINDS,
  ACTOR_KIND_INFO,
  CAPACITY_INFO,
  CAPACITY_TYPES,
  CONFIDENCE_GRADES,
  CONFIDENCE_INFO,
  DATING_BASES,
  DATING_BASIS_INFO,
  RELATIONSHIP_TYPES,
  RELATIONSHIP_TYPE_INFO,
  confidenceRank,
} from '../../domain/vocabulary.js';
import { encodeCursor } from '../../services/inputs.js';
import type { Paged } from '../../services/nexus.js';
import type { Context } from '../context.js';
import type { Actor } from '../../domain/derive.js';
import type { QueryArgs } from '../generated.js';

type QueryResolvers = {
  [K in keyof QueryArgs]: (parent: unknown, args: QueryArgs[K], ctx: Context) => unknown;
};

function connection<T>(page: Paged<T>) {
  const edges = page.items.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    totalCount: page.totalCount,
    edges,
    nodes: page.items,
    pageInfo: { hasNextPage: page.offset + page.items.length < page.totalCount, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** A network answer carries its actors: the edges' ends then resolve without another store call. */
async function primed<T extends { nodes: Actor[] }>(ctx: Context, answer: Promise<T>): Promise<T> {
  const result = await answer;
  ctx.actor.prime(result.nodes);
  return result;
}

export const queryResolvers = {
  actors: async (_, args, { service }) => connection(await service.actors(args)),
  actor: (_, { id }, { service }) => service.actor(id),
  relationship: (_, { id }, { service }) => service.relationship(id),
  relationshipsById: (_, { ids }, { service }) => service.relationshipsById(ids),
  relationshipTypes: () =>
    RELATIONSHIP_TYPES.map((type) => {
      const info = RELATIONSHIP_TYPE_INFO[type];
      return { type, label: info.label, description: info.description, directed: info.directed, isStage: info.stage !== null, stageOrder: info.stage, connects: info.connects };
    }),
  actorKinds: () => ACTOR_KINDS.map((kind) => ({ kind, ...ACTOR_KIND_INFO[kind] })),
  confidenceGrades: () => CONFIDENCE_GRADES.map((grade) => ({ grade, ...CONFIDENCE_INFO[grade], rank: confidenceRank(grade) })),
  datingBases: () => DATING_BASES.map((basis) => ({ basis, ...DATING_BASIS_INFO[basis] })),
  capacityTypes: () => CAPACITY_TYPES.map((capacity) => ({ capacity, ...CAPACITY_INFO[capacity] })),
  relationships: async (_, { filter, first, after }, { service }) => connection(await service.relationships(filter, first, after)),
  paths: (_, args, { service }) => service.paths(args),
  network: (_, args, ctx) => primed(ctx, ctx.service.network(args)),
  overview: (_, __, ctx) => primed(ctx, ctx.service.overview()),
  neighbourhood: (_, args, ctx) => primed(ctx, ctx.service.neighbourhood(args)),
  timeline: (_, __, { service }) => service.timeline(),
  centrality: (_, args, { service }) => service.analytics.centrality(args),
  brokers: async (_, args, ctx) => {
    const answer = await ctx.service.analytics.brokers(args);
    // the pairs' relationships resolve their ends without another store call
    ctx.actor.prime(answer.brokers.flatMap((b) => [b.actor, ...b.pairs.flatMap((p) => [p.from, p.to])]));
    return answer;
  },
  communities: (_, args, { service }) => service.analytics.communities(args),
  rankOverTime: (_, args, { service }) => service.analytics.rankOverTime(args),
  yearCounts: (_, args, { service }) => service.analytics.yearCounts(args),
  stageTrajectories: async (_, args, ctx) => {
    const rows = await ctx.service.analytics.stageTrajectories(args);
    ctx.actor.prime(rows.map((r) => r.counterpart));
    return rows;
  },
  timeSpan: (_, __, { service }) => service.timeSpan(),
  dyad: (_, { a, b }, { service }) => service.dyad(a, b),
  diff: (_, args, { service }) => service.diff(args),
  stateCapacity: (_, args, { service }) => service.stateCapacity(args),
  events: (_, args, { service }) => service.events(args),
  figures: (_, { actorId }, { service }) => service.figures(actorId),
  sources: (_, __, { service }) => service.sources(),
  me: (_, __, { access, readRequiresToken }) => ({ name: access.caller?.name ?? null, role: access.caller?.role ?? null, readRequiresToken }),
  history: (_, { recordId }, { audit }) => audit.history(recordId),
  retired: async (_, { id }, { audit }) => {
    const state = await audit.retired(id);
    return state && { section: state.section, id: state.id, record: JSON.stringify(state.record), retired: state.retired };
  },
  audit: async (_, args, { audit }) => connection(await audit.audit(args)),
} satisfies QueryResolvers;
