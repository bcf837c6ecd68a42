/**
 * The application service: every question the API answers, validated here and answered by one
 * call to the store port (graph questions run inside the stores), then composed into the shape
 * the API returns.
 */
import { z } from 'zod';
import type { Actor, Relationship } from '../domain/derive.js';
import type { CapacityAssessment, Figure, NexusEvent, Source } from '../domain/schemas.js';
import { NotFoundError, BadInputError } from '../domain/errors.js';
import { stagePeriods, type StagePeriod } from '../domain/stages.js';
import { dayToIso, intervalRange, yearOf, yearRange } from '../domain/time.js';
import { ACTOR_KINDS, CONNECTING_TYPES } from '../domain/vocabulary.js';
import { MAX_PATH_HOPS as MAX_HOPS, type Direction, type GraphStore, type NetworkDiff, type PageResult, type PathMode, type PathResult, type SourceWithCount } from '../store/port.js';
import { compareIds } from '../store/records.js';
import { buildTimeline, type Timeline } from './history.js';
import { OverviewCache, type OverviewResult } from './overview.js';
import { AnalyticsService } from './analytics.js';
import {
  decodeCursor,
  idArg,
  enumList,
  idList,
  intBetween,
  pageSize,
  parseArg,
  relationshipFilter,
  traversalFilter,
  windowFrom,
  yearSchema,
  type FilterArgs,
  type YearWindowArg,
} from './inputs.js';

/** Days per year for a maximum gap given in years. */
const DAYS_PER_YEAR = 365.25;
/** Most ids one lookup by ids may ask for. */
export const MAX_IDS_PER_REQUEST = 500;
const SEARCH = z.string().max(200, 'is too long (at most 200 characters)');
const COUNTRIES = z.array(z.string().max(80)).max(50);
const EVERYTHING = { offset: 0, limit: 1_000_000 };

export interface Paged<T> extends PageResult<T> {
  offset: number;
}

export interface NetworkResult {
  nodes: Actor[];
  edges: Relationship[];
  truncated: boolean;
}

interface TraversalArgs {
  at?: number | null;
  window?: YearWindowArg | null;
  types?: readonly string[] | null;
  stages?: readonly string[] | null;
  minConfidence?: string | null;
  datedOnly?: boolean | null;
  minSources?: number | null;
}

export interface PathsArgs extends TraversalArgs {
  from: string;
  to: string;
  mode?: PathMode | null;
  k?: number | null;
  maxHops?: number | null;
  timeRespecting?: boolean | null;
  maxGap?: number | null;
  includeNonConnecting?: boolean | null;
  direction?: Direction | null;
  excludeActors?: readonly string[] | null;
  limit?: number | null;
}

export interface NetworkArgs extends TraversalArgs {
  kinds?: readonly string[] | null;
  limit?: number | null;
}

export interface StateCapacityTable {
  periods: Array<{ from: string | null; to: string | null }>;
  regions: Actor[];
  ratings: CapacityAssessment[];
}

export interface DyadAnswer {
  a: Actor;
  b: Actor;
  relationships: Relationship[];
  periods: StagePeriod[];
}

export class NexusService {
  private readonly overviews: OverviewCache;
  /** Centrality, brokers and communities over the network this service answers. */
  readonly analytics: AnalyticsService;

  constructor(
    readonly store: GraphStore,
    private readonly options: { pathBudgetMs: number },
  ) {
    this.overviews = new OverviewCache(store);
    this.analytics = new AnalyticsService(this, options.pathBudgetMs);
  }

  /** The explorer's opening view with its positions (laid out once, cached until the network changes). */
  overview(): Promise<OverviewResult> {
    return this.overviews.overview();
  }

  async actors(args: { search?: string | null; kinds?: readonly string[] | null; countries?: readonly string[] | null; activeAt?: number | null; first?: number | null; after?: string | null }): Promise<Paged<Actor>> {
    const limit = pageSize('first', args.first, 50, 500);
    const offset = decodeCursor('after', args.after);
    const query = {
      ...(args.search != null ? { search: parseArg('search', SEARCH, args.search) } : {}),
      ...(args.kinds != null ? { kinds: parseArg('kinds', enumList(ACTOR_KINDS), args.kinds) } : {}),
      ...(args.countries != null ? { countries: parseArg('countries', COUNTRIES, args.countries) } : {}),
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

  async relationshipsById(ids: readonly string[]): Promise<Relationship[]> {
    const wanted = parseArg('ids', idList(MAX_IDS_PER_REQUEST), ids);
    const found = new Map((await this.store.getRelationships([...new Set(wanted)])).map((r) => [r.id, r]));
    return wanted.map((id) => {
      const rel = found.get(id);
      if (!rel) throw new NotFoundError('relationship', id, 'ids');
      return rel;
    });
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
    const maxHops = parseArg('maxHops', intBetween(1, MAX_HOPS), args.maxHops ?? 4);
    const k = parseArg('k', intBetween(1, 50), args.k ?? 3);
    const limit = parseArg('limit', intBetween(1, 200), args.limit ?? 25);
    const excludeActors = parseArg('excludeActors', idList(100), args.excludeActors ?? []);
    if (excludeActors.includes(from) || excludeActors.includes(to)) throw new BadInputError('excludeActors', 'cannot exclude the path ends');
    const timeRespecting = args.timeRespecting ?? false;
    if (args.maxGap != null && !timeRespecting) throw new BadInputError('maxGap', 'applies only with timeRespecting: true');
    const maxGap = args.maxGap != null ? parseArg('maxGap', intBetween(0, 200, ' years'), args.maxGap) : null;
    const [fromActor, toActor, ...excluded] = await this.store.getActors([from, to, ...excludeActors]);
    if (fromActor?.id !== from) throw new NotFoundError('actor', from, 'from');
    if (toActor?.id !== to) throw new NotFoundError('actor', to, 'to');
    const known = new Set(excluded.map((a) => a.id));
    const unknown = excludeActors.find((id) => !known.has(id));
    if (unknown !== undefined) throw new NotFoundError('actor', unknown, 'excludeActors');
    const filter = traversalFilter(args);
    // Unless types are asked for, a hop walks only relationships that connect actors.
    if (!filter.types && !args.includeNonConnecting) filter.types = CONNECTING_TYPES;
    return this.store.paths({
      from,
      to,
      mode: args.mode ?? 'SHORTEST',
      k,
      maxHops,
      filter,
      temporal: timeRespecting ? { maxGapDays: maxGap === null ? null : Math.round(maxGap * DAYS_PER_YEAR) } : null,
      direction: args.direction ?? 'ANY',
      excludeActors,
      limit,
      budgetMs: this.options.pathBudgetMs,
    });
  }

  async network(args: NetworkArgs): Promise<NetworkResult> {
    const filter = traversalFilter(args);
    const limit = pageSize('limit', args.limit, 2000, 20_000);
    const kinds = args.kinds != null ? parseArg('kinds', enumList(ACTOR_KINDS), args.kinds) : undefined;
    const snap = await this.store.snapshot({ ...filter, limit, ...(kinds ? { kinds } : {}) });
    return { nodes: snap.actors, edges: snap.relationships, truncated: snap.truncated };
  }

  async neighbourhood(args: { id: string; depth?: number | null; limit?: number | null } & TraversalArgs): Promise<NetworkResult> {
    const center = await this.actor(args.id);
    const depth = parseArg('depth', intBetween(1, 3), args.depth ?? 1);
    const maxActors = pageSize('limit', args.limit, 300, 2000);
    const n = await this.store.neighbourhood({ center: center.id, depth, filter: traversalFilter(args), maxActors, budgetMs: this.options.pathBudgetMs });
    return { nodes: n.actors, edges: n.relationships, truncated: n.truncated };
  }

  async timeline(): Promise<Timeline> {
    const [actors, rels, events] = await Promise.all([
      this.store.searchActors({}, EVERYTHING),
      this.store.listRelationships({}, EVERYTHING),
      this.store.listEvents({}),
    ]);
    return buildTimeline(actors.items, rels.items, events);
  }

  /** The years the data spans (one store call; the timeline computes the same ends from every record). */
  async timeSpan(): Promise<{ fromYear: number; toYear: number } | null> {
    const span = await this.store.timeSpan();
    return span ? { fromYear: yearOf(dayToIso(span.start)), toYear: yearOf(dayToIso(span.end)) } : null;
  }

  async dyad(a: string, b: string): Promise<DyadAnswer> {
    const actorA = await this.actor(a, 'a');
    const actorB = await this.actor(b, 'b');
    if (actorA.id === actorB.id) throw new BadInputError('b', 'must differ from "a"');
    const relationships = await this.store.dyad(actorA.id, actorB.id);
    return { a: actorA, b: actorB, relationships, periods: stagePeriods(relationships) };
  }

  async diff(args: { fromYear: number; toYear: number; limit?: number | null } & Omit<TraversalArgs, 'at' | 'window'>): Promise<NetworkDiff & { fromYear: number; toYear: number }> {
    const fromYear = parseArg('fromYear', yearSchema, args.fromYear);
    const toYear = parseArg('toYear', yearSchema, args.toYear);
    if (fromYear > toYear) throw new BadInputError('fromYear', `${fromYear} is after toYear ${toYear}`);
    const limit = pageSize('limit', args.limit, 2000, 20_000);
    const filter = traversalFilter(args);
    const diff = await this.store.diff({ fromWindow: yearRange(fromYear), toWindow: yearRange(toYear), filter, limit });
    return { fromYear, toYear, ...diff };
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

  /** Sources by id, for resolving citations (missing ones are skipped). */
  sourcesByIds(ids: readonly string[]): Promise<Source[]> {
    return this.store.getSources(ids);
  }
}
