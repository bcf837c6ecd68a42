/**
 * Analytics over the network at a year or in a window, with every filter the network takes: the
 * service asks the store for that network once (a snapshot — the same call on both stores; the
 * measures need no more than plain Cypher gives, so nothing requires Neo4j's GDS library) and
 * computes in-process (server/analytics): centrality rankings, Gould–Fernandez brokers with the
 * pairs and claims that explain each score, and seeded Louvain communities. Each measure has a
 * time budget and says when it stopped early; a network over the snapshot cap says it is truncated.
 */
import { brokerage, type BrokeredPair } from '../analytics/brokerage.js';
import { centrality } from '../analytics/centrality.js';
import { louvain } from '../analytics/communities.js';
import { analysisGraph, type AnalysisGraph } from '../analytics/graph.js';
import { ANALYSED_KINDS, BROKERAGE_ROLES, CENTRALITY_MEASURES, KIND_SIDE, TIE_TYPES, type BrokerageRole, type CentralityMeasure, type NexusSide } from '../domain/analytics.js';
import type { Actor, Relationship } from '../domain/derive.js';
import { BadInputError } from '../domain/errors.js';
import { dayToIso, yearOf, yearRange } from '../domain/time.js';
import { isContinuumStage, RELATIONSHIP_TYPES, type RelationshipType } from '../domain/vocabulary.js';
import { stagePeriods } from '../domain/stages.js';
import { intBetween, oneOf, pageSize, parseArg, yearSchema } from './inputs.js';
import type { NetworkArgs, NexusService } from './nexus.js';

/** The relationships of a group's lineage shown beside its stage trajectories. */
const LINEAGE_TYPES: readonly RelationshipType[] = ['splinter_of', 'successor_of', 'member_of', 'part_of'];

/** The most relationships one analysis reads (surest first, like network). */
export const ANALYSIS_RELATIONSHIPS = 20_000;

export interface AnalysisArgs extends NetworkArgs {
  /** Types default to the connecting, non-hostile ones (TIE_TYPES), kinds to every kind but places (ANALYSED_KINDS). */
  includeNonConnecting?: boolean | null;
}

interface Analysed {
  graph: AnalysisGraph;
  truncated: boolean;
}

export interface ActorCentrality {
  actor: Actor;
  rank: number;
  degree: number;
  betweenness: number;
  pagerank: number;
}

export interface BrokerAnswer {
  actor: Actor;
  side: NexusSide;
  total: number;
  crimeTerror: number;
  stateNexus: number;
  roles: Array<{ role: BrokerageRole; count: number }>;
  pairs: Array<Omit<BrokeredPair, 'from' | 'to'> & { from: Actor; to: Actor; via: Relationship[] }>;
}

/** The ties and actors analytics read unless the arguments say otherwise (TIE_TYPES, ANALYSED_KINDS). */
function tieDefaults(args: AnalysisArgs): { types: readonly string[] | null; kinds: readonly string[] } {
  const types = args.types == null && args.stages == null && !args.includeNonConnecting ? [...TIE_TYPES] : (args.types ?? null);
  return { types, kinds: args.kinds ?? [...ANALYSED_KINDS] };
}

/** fromYear–toYear, validated: in range, in order, at most 120 years. */
function yearSpanOf(args: { fromYear: number; toYear: number }): { fromYear: number; toYear: number } {
  const fromYear = parseArg('fromYear', yearSchema, args.fromYear);
  const toYear = parseArg('toYear', yearSchema, args.toYear);
  if (toYear < fromYear) throw new BadInputError('toYear', 'must not be before fromYear');
  if (toYear - fromYear > 120) throw new BadInputError('toYear', 'at most 120 years after fromYear');
  return { fromYear, toYear };
}

/** Valid in that year, as network(at) takes it. */
const validInYear = (r: Relationship, year: number) => {
  const span = yearRange(year);
  return r.validity.from.day <= span.end && r.validity.to.day >= span.start;
};

/** 0: a criminal and a terrorist end; 1: a state end and a criminal or terrorist one; 2: other pairs. */
function nexusRank(p: { from: Actor; to: Actor }): number {
  const ends = new Set([KIND_SIDE[p.from.kind], KIND_SIDE[p.to.kind]]);
  if (ends.has('criminal') && ends.has('terrorist')) return 0;
  return ends.has('state') && (ends.has('criminal') || ends.has('terrorist')) ? 1 : 2;
}

export class AnalyticsService {
  constructor(
    private readonly nexus: NexusService,
    private readonly budgetMs: number,
  ) {}

  private async analysed(args: AnalysisArgs): Promise<Analysed> {
    const network = await this.nexus.network({ ...args, ...tieDefaults(args), limit: ANALYSIS_RELATIONSHIPS });
    return { graph: analysisGraph(network.nodes, network.edges), truncated: network.truncated };
  }

  async centrality(args: AnalysisArgs & { measure?: string | null; limit?: number | null }) {
    const measure: CentralityMeasure = parseArg('measure', oneOf(CENTRALITY_MEASURES), args.measure ?? 'betweenness');
    const limit = pageSize('limit', args.limit, 50, 2000);
    const { graph, truncated } = await this.analysed({ ...args, limit: null });
    const c = centrality(graph, this.budgetMs);
    const scores: ActorCentrality[] = graph.actors.map((actor, i) => ({ actor, rank: 0, degree: c.degree[i]!, betweenness: c.betweenness[i]!, pagerank: c.pagerank[i]! }));
    scores.sort((a, b) => b[measure] - a[measure] || (a.actor.id < b.actor.id ? -1 : 1));
    scores.forEach((s, i) => (s.rank = i + 1));
    return { measure, scores: scores.slice(0, limit), actorCount: graph.actors.length, relationshipCount: graph.edgeCount, truncated, stoppedEarly: c.stoppedEarly };
  }

  async brokers(args: AnalysisArgs & { limit?: number | null }) {
    const limit = pageSize('limit', args.limit, 50, 2000);
    const { graph, truncated } = await this.analysed({ ...args, limit: null });
    const b = brokerage(graph, this.budgetMs);
    const actor = (id: string) => graph.actors[graph.index.get(id)!]!;
    const ranked = [...b.brokers].sort((x, y) => y.crimeTerror + y.stateNexus - (x.crimeTerror + x.stateNexus) || y.total - x.total || (x.actor < y.actor ? -1 : 1));
    const brokers: BrokerAnswer[] = ranked.slice(0, limit).map((s) => ({
      actor: actor(s.actor),
      side: s.side,
      total: s.total,
      crimeTerror: s.crimeTerror,
      stateNexus: s.stateNexus,
      roles: BROKERAGE_ROLES.map((role) => ({ role, count: s.roles[role] })),
      // the pairs that make the nexus first: crime–terror, then state–crime or state–terror, then the rest
      pairs: s.pairs
        .map((p) => ({ role: p.role, from: actor(p.from), to: actor(p.to), via: p.via }))
        .sort((x, y) => nexusRank(x) - nexusRank(y) || (x.from.id < y.from.id ? -1 : x.from.id > y.from.id ? 1 : x.to.id < y.to.id ? -1 : 1)),
    }));
    return { brokers, brokerCount: b.brokers.length, truncated, stoppedEarly: b.stoppedEarly };
  }

  /**
   * An actor's rank by a measure in each year of a span: the network of the whole span asked for
   * once, then each year's relationships (valid in that year, as network(at) takes them) ranked.
   */
  async rankOverTime(args: AnalysisArgs & { actorId: string; fromYear: number; toYear: number; measure?: string | null }) {
    const actor = await this.nexus.actor(args.actorId, 'actorId');
    const measure: CentralityMeasure = parseArg('measure', oneOf(CENTRALITY_MEASURES), args.measure ?? 'betweenness');
    const { fromYear, toYear } = yearSpanOf(args);
    const network = await this.nexus.network({ ...args, at: null, window: { from: fromYear, to: toYear }, ...tieDefaults(args), limit: ANALYSIS_RELATIONSHIPS });
    const deadline = performance.now() + this.budgetMs;
    const years: Array<{ year: number; rank: number | null; score: number; actorCount: number }> = [];
    for (let year = fromYear; year <= toYear; year += 1) {
      if (performance.now() > deadline) return { actor, measure, years, truncated: network.truncated, stoppedEarly: true };
      const edges = network.edges.filter((r) => validInYear(r, year));
      const ends = new Set(edges.flatMap((r) => [r.source, r.target]));
      const g = analysisGraph(network.nodes.filter((a) => ends.has(a.id)), edges);
      const c = centrality(g, Math.max(0, deadline - performance.now()));
      const values = c[measure];
      const at = g.index.get(actor.id);
      const score = at === undefined ? 0 : (values[at] as number);
      // rank: 1 + the actors scoring more (ties share a rank)
      years.push({ year, rank: at === undefined ? null : 1 + values.filter((v) => v > score).length, score, actorCount: g.actors.length });
    }
    return { actor, measure, years, truncated: network.truncated, stoppedEarly: false };
  }

  /**
   * Per year of a span: the relationships valid that year by type (what network(at) draws) and the
   * dated events — the summary charts. The span's network and events asked for once.
   */
  async yearCounts(args: { fromYear: number; toYear: number; datedOnly?: boolean | null }) {
    const { fromYear, toYear } = yearSpanOf(args);
    const window = { from: fromYear, to: toYear };
    const [network, events] = await Promise.all([this.nexus.network({ window, datedOnly: args.datedOnly ?? false, limit: ANALYSIS_RELATIONSHIPS }), this.nexus.events({ window })]);
    const years = [];
    for (let year = fromYear; year <= toYear; year += 1) {
      const byType = new Map<string, number>();
      let relationships = 0;
      for (const r of network.edges) {
        if (!validInYear(r, year)) continue;
        relationships += 1;
        byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
      }
      const types = RELATIONSHIP_TYPES.filter((t) => byType.has(t)).map((type) => ({ type, count: byType.get(type) as number }));
      years.push({ year, relationships, byType: types, events: events.filter((e) => yearOf(e.date) === year).length });
    }
    return { years, truncated: network.truncated };
  }

  /**
   * A group's stage with each counterpart over time: the continuum-stage periods of every pair it is
   * in (as dyad computes them), with the pair's other relationships (a splinter, a succession, a
   * membership…) beside them; pairs in order of their first year.
   */
  async stageTrajectories(args: { actorId: string; datedOnly?: boolean | null }) {
    const actor = await this.nexus.actor(args.actorId, 'actorId');
    const page = await this.nexus.store.listRelationships({ actorIds: [actor.id], ...(args.datedOnly ? { datedOnly: true } : {}) }, { offset: 0, limit: 20_000 });
    const byCounterpart = new Map<string, Relationship[]>();
    for (const r of page.items) {
      const other = r.source === actor.id ? r.target : r.source;
      if (other === actor.id) continue;
      byCounterpart.set(other, [...(byCounterpart.get(other) ?? []), r]);
    }
    const rows = [...byCounterpart]
      .map(([id, rels]) => ({ id, periods: stagePeriods(rels.filter((r) => isContinuumStage(r.type))), others: rels.filter((r) => !isContinuumStage(r.type) && LINEAGE_TYPES.includes(r.type)) }))
      .filter((row) => row.periods.length > 0 || row.others.length > 0);
    const actors = new Map((await this.nexus.actorsByIds(rows.map((r) => r.id))).map((a) => [a.id, a]));
    const first = (row: (typeof rows)[number]) => Math.min(...row.periods.map((p) => p.fromYear), ...row.others.map((r) => yearOf(dayToIso(r.validity.from.day))));
    return rows
      .filter((row) => actors.has(row.id))
      .sort((a, b) => first(a) - first(b) || (a.id < b.id ? -1 : 1))
      .map((row) => ({ counterpart: actors.get(row.id)!, periods: row.periods, others: row.others }));
  }

  async communities(args: AnalysisArgs & { seed?: number | null }) {
    const seed = parseArg('seed', intBetween(0, 2 ** 31 - 1), args.seed ?? 1);
    const { graph, truncated } = await this.analysed({ ...args, limit: null });
    const r = louvain(graph, seed, this.budgetMs);
    const groups = new Map<number, Actor[]>();
    r.membership.forEach((c, v) => groups.set(c, [...(groups.get(c) ?? []), graph.actors[v]!]));
    const communities = [...groups].sort(([a], [b]) => a - b).map(([id, actors]) => ({ id, size: actors.length, actors }));
    return { communities, modularity: r.modularity, seed, truncated, stoppedEarly: r.stoppedEarly };
  }
}
