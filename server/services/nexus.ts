/**
 * The application service: every question the API answers, validated and computed once on top
 * of the store port (so the embedded store and Neo4j give the same answers).
 */
import { z } from 'zod';
import type { Actor, CapacityAssessment, Figure, NexusEvent, Relationship } from '../domain/schemas.js';
import { NotFoundError, BadInputError } from '../domain/errors.js';
import { intervalRange, yearRange } from '../domain/time.js';
import { ACTOR_KINDS } from '../domain/vocabulary.js';
import type { GraphStore, PageResult, RelationshipFilter, SourceWithCount } from '../store/port.js';
import { compareIds } from '../store/records.js';
import { findPaths, type PathMode, type PathResult } from './paths.js';
import { neighbourhood } from './neighbourhood.js';
import type { Direction } from './traversal.js';
import { buildTimeline, diffNetworks, dyadPeriods, validityFrom, type DyadPeriod, type NetworkDiff, type Timeline } from './history.js';
import {
  decodeCursor,
  gradeFilter,
  idArg,
  pageSize,
  parseArg,
  relationshipFilter,
  typesFrom,
  windowFrom,
  yearSchema,
  type FilterArgs,
  type YearWindowArg,
} from './inputs.js';

export const MAX_HOPS = 6;
const EVERYTHING = { offset: 0, limit: 1_000_000 };

export interface Paged<T> extends PageResult<T> {
  offset: number;
}

export interface NetworkResult {
  nodes: Actor[];
  edges: Relationship[];
  truncated: boolean;
}

export interface PathsArgs {
  from: string;
  to: string;
  mode?: PathMode | null;
  k?: number | null;
  maxHops?: number | null;
  types?: readonly string[] | null;
  stages?: readonly string[] | null;
  at?: number | null;
  window?: YearWindowArg | null;
  timeRespecting?: boolean | null;
  minConfidence?: string | null;
  direction?: Direction | null;
  excludeActors?: readonly string[] | null;
  datedOnly?: boolean | null;
  limit?: number | null;
}

export interface NetworkArgs {
  at?: number | null;
  window?: YearWindowArg | null;
  types?: readonly string[] | null;
  stages?: readonly string[] | null;
  kinds?: readonly string[] | null;
  minConfidence?: string | null;
  datedOnly?: boolean | null;
  limit?: number | null;
}

export interface StateCapacityTable {
  periods: Array<{ from: string | null; to: string | null }>;
  regions: Actor[];
  ratings: CapacityAssessment[];
}

export class NexusService {
  constructor(
    readonly store: GraphStore,
    private readonly options: { pathBudgetMs: number },
  ) {}

  async actors(args: { search?: string | null; kinds?: readonly string[] | null; countries?: readonly string[] | null; activeAt?: number | null; first?: number | null; after?: string | null }): Promise<Paged<Actor>> {
    const limit = pageSize('first', args.first, 50, 500);
    const offset = decodeCursor('after', args.after);
    const query = {
      ...(args.search != null ? { search: parseArg('search', z.string().max(200, 'is too long'), args.search) } : {}),
      ...(args.kinds != null ? { kinds: parseArg('kinds', z.array(z.enum(ACTOR_KINDS)), args.kinds) } : {}),
      ...(args.countries != null ? { countries: parseArg('countries', z.array(z.string().max(80)).max(50), args.countries) } : {}),
      activeWindow: args.activeAt != null ? yearRange(parseArg('activeAt', yearSchema, args.activeAt)) : null,
    };
    return { ...(await this.store.searchActors(query, { offset, limit })), offset };
  }

  async actor(id: string, field = 'id'): Promise<Actor> {
    const [actor] = await this.store.getActors([parseArg(field, idArg, id)]);
    if (!actor) throw new NotFoundError('actor', id, field);
    return actor;
  }

  /** Actors by id, for resolving references (missing ones are skipped). */
  actorsByIds(ids: readonly string[]): Promise<Actor[]> {
    return this.store.getActors(ids);
  }

  async relationship(id: string): Promise<Relationship> {
    const [rel] = await this.store.getRelationships([parseArg('id', idArg, id)]);
    if (!rel) throw new NotFoundError('relationship', id);
    return rel;
  }

  async relationships(filter: FilterArgs | null | undefined, first?: number | null, after?: string | null): Promise<Paged<Relationship>> {
    const limit = pageSize('first', first, 100, 1000);
    const offset = decodeCursor('after', after);
    return { ...(await this.store.listRelationships(relationshipFilter(filter), { offset, limit })), offset };
  }

  async actorRelationships(actorId: string, filter: FilterArgs | null | undefined, first?: number | null): Promise<Relationship[]> {
    const limit = pageSize('first', first, 200, 1000);
    const f = relationshipFilter(filter);
    return (await this.store.listRelationships({ ...f, actorIds: [actorId] }, { offset: 0, limit })).items;
  }

  async paths(args: PathsArgs): Promise<PathResult> {
    const from = parseArg('from', idArg, args.from);
    const to = parseArg('to', idArg, args.to);
    if (from === to) throw new BadInputError('to', 'must differ from "from"');
    const maxHops = parseArg('maxHops', z.number().int().min(1, 'must be at least 1').max(MAX_HOPS, `must be at most ${MAX_HOPS}`), args.maxHops ?? 4);
    const k = parseArg('k', z.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50'), args.k ?? 3);
    const limit = parseArg('limit', z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200'), args.limit ?? 25);
    const excludeActors = parseArg('excludeActors', z.array(idArg).max(100, 'at most 100 ids'), args.excludeActors ?? []);
    if (excludeActors.includes(from) || excludeActors.includes(to)) throw new BadInputError('excludeActors', 'cannot exclude the path ends');
    await this.actor(from, 'from');
    await this.actor(to, 'to');
    const known = new Set((await this.store.getActors(excludeActors)).map((a) => a.id));
    const unknown = excludeActors.find((id) => !known.has(id));
    if (unknown !== undefined) throw new NotFoundError('actor', unknown, 'excludeActors');
    const filter = this.traversalFilter(args);
    return findPaths(this.store, {
      from,
      to,
      mode: args.mode ?? 'SHORTEST',
      k,
      maxHops,
      filter,
      timeRespecting: args.timeRespecting ?? false,
      direction: args.direction ?? 'ANY',
      excludeActors,
      limit,
      budgetMs: this.options.pathBudgetMs,
    });
  }

  async network(args: NetworkArgs): Promise<NetworkResult> {
    const filter = this.traversalFilter(args);
    const limit = pageSize('limit', args.limit, 2000, 20_000);
    const kinds = args.kinds != null ? parseArg('kinds', z.array(z.enum(ACTOR_KINDS)), args.kinds) : undefined;
    const snap = await this.store.snapshot({ ...filter, limit, ...(kinds ? { kinds } : {}) });
    return { nodes: snap.actors, edges: snap.relationships, truncated: snap.truncated };
  }

  async neighbourhood(args: { id: string; depth?: number | null; limit?: number | null } & Omit<NetworkArgs, 'kinds' | 'limit'>): Promise<NetworkResult> {
    const center = await this.actor(args.id);
    const depth = parseArg('depth', z.number().int().min(1, 'must be at least 1').max(3, 'must be at most 3'), args.depth ?? 1);
    const limit = pageSize('limit', args.limit, 300, 2000);
    const filter = this.traversalFilter(args);
    const n = await neighbourhood(this.store, center.id, depth, filter, limit);
    return { nodes: n.actors, edges: n.relationships, truncated: n.truncated };
  }

  /** The relationship filter of network, paths and neighbourhood: window, types ∪ stages, confidence, dating. */
  private traversalFilter(args: { at?: number | null; window?: YearWindowArg | null; types?: readonly string[] | null; stages?: readonly string[] | null; minConfidence?: string | null; datedOnly?: boolean | null }): RelationshipFilter {
    const filter: RelationshipFilter = { ...gradeFilter(args), window: windowFrom(args) };
    const types = typesFrom(args.types, args.stages);
    if (types) filter.types = types;
    return filter;
  }

  async timeline(): Promise<Timeline> {
    const [actors, rels, events] = await Promise.all([
      this.store.searchActors({}, EVERYTHING),
      this.store.listRelationships({}, EVERYTHING),
      this.store.listEvents({}),
    ]);
    return buildTimeline(actors.items, rels.items, events);
  }

  async dyad(a: string, b: string): Promise<{ a: Actor; b: Actor; relationships: Relationship[]; periods: DyadPeriod[] }> {
    const actorA = await this.actor(a, 'a');
    const actorB = await this.actor(b, 'b');
    if (actorA.id === actorB.id) throw new BadInputError('b', 'must differ from "a"');
    const relationships = await this.store.dyad(actorA.id, actorB.id);
    return { a: actorA, b: actorB, relationships, periods: dyadPeriods(relationships, validityFrom([actorA, actorB])) };
  }

  async diff(args: { fromYear: number; toYear: number; types?: readonly string[] | null; stages?: readonly string[] | null; minConfidence?: string | null }): Promise<NetworkDiff & { fromYear: number; toYear: number }> {
    const fromYear = parseArg('fromYear', yearSchema, args.fromYear);
    const toYear = parseArg('toYear', yearSchema, args.toYear);
    if (fromYear > toYear) throw new BadInputError('fromYear', `${fromYear} is after toYear ${toYear}`);
    const types = typesFrom(args.types, args.stages);
    const base: RelationshipFilter = { ...gradeFilter(args), ...(types ? { types } : {}) };
    const [atA, atB] = await Promise.all([
      this.store.listRelationships({ ...base, window: yearRange(fromYear) }, EVERYTHING),
      this.store.listRelationships({ ...base, window: yearRange(toYear) }, EVERYTHING),
    ]);
    const endpoints = new Set([...atA.items, ...atB.items].flatMap((r) => [r.source, r.target]));
    const validity = validityFrom(await this.store.getActors([...endpoints]));
    return { fromYear, toYear, ...diffNetworks(atA.items, atB.items, fromYear, toYear, validity) };
  }

  async stateCapacity(args: { region?: string | null; period?: YearWindowArg | null }): Promise<StateCapacityTable> {
    const window = windowFrom({ window: args.period ?? null }, 'period', 'period');
    if (args.region != null) await this.actor(args.region, 'region');
    const overlapping = await this.store.listCapacity({ ...(args.region != null ? { regionId: args.region } : {}), window });
    // Table periods share their boundary years (1991–1997, 1997–2005): prefer the periods that lie
    // inside the asked window, and fall back to those merely overlapping it (e.g. a single year).
    const inside = window ? overlapping.filter((r) => intervalRange(r.period).start >= window.start && intervalRange(r.period).end <= window.end) : overlapping;
    const ratings = inside.length > 0 ? inside : overlapping;
    const periodKeys = new Map<string, { from: string | null; to: string | null }>();
    for (const r of ratings) periodKeys.set(`${r.period.from}|${r.period.to}`, r.period);
    const periods = [...periodKeys.values()].sort((x, y) => intervalRange(x).start - intervalRange(y).start);
    const regions = (await this.store.getActors([...new Set(ratings.map((r) => r.region))])).sort(
      (x, y) => compareIds(x.country ?? '', y.country ?? '') || compareIds(x.name, y.name),
    );
    return { periods, regions, ratings };
  }

  async events(args: { actorId?: string | null; window?: YearWindowArg | null }): Promise<NexusEvent[]> {
    if (args.actorId != null) await this.actor(args.actorId, 'actorId');
    return this.store.listEvents({ ...(args.actorId != null ? { actorId: args.actorId } : {}), window: windowFrom({ window: args.window ?? null }) });
  }

  async figures(actorId?: string | null): Promise<Figure[]> {
    if (actorId != null) await this.actor(actorId, 'actorId');
    return this.store.listFigures(actorId != null ? { actorId } : {});
  }

  sources(): Promise<SourceWithCount[]> {
    return this.store.listSources();
  }
}
