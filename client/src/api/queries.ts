/**
 * The explorer's typed GraphQL queries: one function per question the UI asks the API.
 */
import { createGraphqlClient, type GraphqlClient } from './client.js';
import type {
  ActorCore,
  ActorFull,
  ActorKind,
  Confidence,
  ContinuumStage,
  Diff,
  Dyad,
  Network,
  Overview,
  PathQuery,
  PathResult,
  RelationshipFull,
  RelationshipType,
  StateCapacityTable,
  Timeline,
  TimelineEvent,
  Vocabulary,
  YearWindow,
} from './types.js';

const INTERVAL = 'from to fromYear toYear label';
/** Most actors one expansion of the workspace brings in. */
export const NEIGHBOURS_LIMIT = 300;
/** Relationships asked for per relationshipsById request (the API takes up to 500; this keeps each within the cost limit). */
export const RELATIONSHIPS_PER_REQUEST = 200;
const VALIDITY = 'from to fromYear toYear fromBasis toBasis label';
const BOUND = 'date year basis uncertain';
const ACTOR_CORE = `id name aliases kind kindLabel country active { fromYear toYear label } lifespan { label from { basis uncertain } to { basis uncertain } }`;
const REL_CORE = `id type typeLabel stage directed confidence dated corroboration interval { label } validity { fromYear toYear fromBasis toBasis label } source { id } target { id }`;
const SOURCE = 'source { id title authors year publisher file }';
const CITATION = `quote location ${SOURCE}`;
const CITATIONS = `citations { ${CITATION} }`;
const CLAIMS = `claims { citation { ${CITATION} } confidence interval { ${INTERVAL} } fromBasis toBasis datedBy { quote location } }`;
const REL_FULL = `id type typeLabel stage directed confidence dated corroboration datesDisagree description stageNote interval { ${INTERVAL} } validity { ${VALIDITY} }
  source { ${ACTOR_CORE} } target { ${ACTOR_CORE} } ${CLAIMS} ${CITATIONS}`;
const READINGS = `readings { event date latest basis citation { ${CITATION} } datedBy { quote location } }`;
const CHANGED = 'id typeLabel directed stage validity { from to fromYear toYear fromBasis toBasis label } source { id name } target { id name } citations { quote source { title } }';

/** At most this many added and ended relationships in a compare-mode list (the API's diff limit). */
export const DIFF_LIMIT = 300;

export interface NetworkArgs {
  at?: number;
  window?: YearWindow;
  types?: RelationshipType[];
  stages?: ContinuumStage[];
  kinds?: ActorKind[];
  minConfidence?: Confidence;
  datedOnly?: boolean;
  limit?: number;
}

export class NexusApi {
  constructor(readonly gql: GraphqlClient = createGraphqlClient()) {}

  async vocabulary(): Promise<Vocabulary> {
    return this.gql<Vocabulary>(`query Vocabulary {
      relationshipTypes { type label description directed isStage stageOrder connects }
      actorKinds { kind label description }
      confidenceGrades { grade label description rank }
      capacityTypes { capacity label description }
      datingBases { basis label description dated }
      sources { id title authors year }
    }`);
  }

  /**
   * The years the data spans and its dated events by year (what the time bar and the timeline view
   * need): `timeSpan` and `events`, cheap at any size — not the API's `timeline`, which lists every
   * change of every year.
   */
  async timeline(): Promise<Timeline> {
    const data = await this.gql<{ timeSpan: { fromYear: number; toYear: number } | null; events: TimelineEvent[] }>(`query Timeline {
      timeSpan { fromYear toYear }
      events { id date year title kind actors { id } places { id } }
    }`);
    const byYear = new Map<number, TimelineEvent[]>();
    for (const e of data.events) byYear.set(e.year, [...(byYear.get(e.year) ?? []), e]);
    const years = [...byYear].sort(([a], [b]) => a - b).map(([year, events]) => ({ year, events }));
    const ends = [...(data.timeSpan ? [data.timeSpan.fromYear, data.timeSpan.toYear] : []), ...years.map((y) => y.year)];
    return { minYear: ends.length ? Math.min(...ends) : null, maxYear: ends.length ? Math.max(...ends) : null, years };
  }

  /** The opening view, laid out on the server: the whole network, or its best-connected part (bounded). */
  async overview(): Promise<Overview> {
    const data = await this.gql<{ overview: Overview }>(
      `query Overview { overview { nodes { ${ACTOR_CORE} } edges { ${REL_CORE} } positions { id x y } bounded truncated totalActors totalRelationships } }`,
      {},
    );
    return data.overview;
  }

  async network(args: NetworkArgs = {}): Promise<Network> {
    const data = await this.gql<{ network: Network }>(
      `query Network($at: Int, $window: YearWindow, $types: [RelationshipType!], $stages: [ContinuumStage!],
        $kinds: [ActorKind!], $minConfidence: Confidence, $datedOnly: Boolean, $limit: Int) {
        network(at: $at, window: $window, types: $types, stages: $stages, kinds: $kinds, minConfidence: $minConfidence, datedOnly: $datedOnly, limit: $limit) {
          nodes { ${ACTOR_CORE} } edges { ${REL_CORE} } truncated
        }
      }`,
      { ...args },
    );
    return data.network;
  }

  /**
   * An actor's neighbours (the actors one hop away, and the actor) as `neighbourhood` answers them:
   * the relationships that connect actors, or the given types; a minimum grade; valid in some
   * year of `years`. At most NEIGHBOURS_LIMIT actors (`truncated` says when there were more); with
   * the actors and links themselves, for a model that does not hold them yet (a bounded view).
   */
  async neighbours(id: string, opts: { types?: readonly string[]; minConfidence?: Confidence | null; years?: YearWindow | null } = {}): Promise<{ ids: string[]; truncated: boolean; network: Network }> {
    const data = await this.gql<{ neighbourhood: Network }>(
      `query Neighbours($id: ID!, $types: [RelationshipType!], $minConfidence: Confidence, $window: YearWindow, $limit: Int) {
        neighbourhood(id: $id, depth: 1, types: $types, minConfidence: $minConfidence, window: $window, limit: $limit) { nodes { ${ACTOR_CORE} } edges { ${REL_CORE} } truncated }
      }`,
      { id, types: opts.types?.length ? opts.types : null, minConfidence: opts.minConfidence ?? null, window: opts.years ?? null, limit: NEIGHBOURS_LIMIT },
    );
    return { ids: data.neighbourhood.nodes.map((n) => n.id), truncated: data.neighbourhood.truncated, network: data.neighbourhood };
  }

  async searchActors(search: string, first = 12): Promise<ActorCore[]> {
    const data = await this.gql<{ actors: { nodes: ActorCore[] } }>(
      `query Search($search: String, $first: Int) { actors(search: $search, first: $first) { nodes { ${ACTOR_CORE} } } }`,
      { search, first },
    );
    return data.actors.nodes;
  }

  async actor(id: string): Promise<ActorFull> {
    const data = await this.gql<{ actor: ActorFull }>(
      `query Actor($id: ID!) { actor(id: $id) {
        ${ACTOR_CORE} description nameCollision ${CITATIONS}
        lifespan { label from { ${BOUND} earliest latest ${READINGS} } to { ${BOUND} earliest latest ${READINGS} } }
        relationships(first: 500) { ${REL_CORE} source { id name } target { id name } ${CLAIMS} }
      } }`,
      { id },
    );
    return data.actor;
  }

  async relationship(id: string): Promise<RelationshipFull> {
    const data = await this.gql<{ relationship: RelationshipFull }>(
      `query Relationship($id: ID!) { relationship(id: $id) { ${REL_FULL} } }`,
      { id },
    );
    return data.relationship;
  }

  /** Relationships with their claims, by id (the exports of the view), in batches the API accepts. */
  async relationshipsById(ids: readonly string[]): Promise<RelationshipFull[]> {
    const out: RelationshipFull[] = [];
    for (let i = 0; i < ids.length; i += RELATIONSHIPS_PER_REQUEST) {
      const data = await this.gql<{ relationshipsById: RelationshipFull[] }>(
        `query RelationshipsById($ids: [ID!]!) { relationshipsById(ids: $ids) { ${REL_FULL} } }`,
        { ids: ids.slice(i, i + RELATIONSHIPS_PER_REQUEST) },
      );
      out.push(...data.relationshipsById);
    }
    return out;
  }

  async dyad(a: string, b: string): Promise<Dyad> {
    const data = await this.gql<{ dyad: Dyad }>(
      `query Dyad($a: ID!, $b: ID!) { dyad(a: $a, b: $b) {
        a { id name } b { id name }
        periods { stage fromYear toYear from { date basis } to { date basis } overlaps relationships { id } }
        relationships { id type typeLabel stage directed source { id name } target { id name } ${CLAIMS} }
      } }`,
      { a, b },
    );
    return data.dyad;
  }

  async paths(query: PathQuery): Promise<PathResult> {
    const data = await this.gql<{ paths: PathResult }>(
      `query Paths($from: ID!, $to: ID!, $mode: PathMode, $k: Int, $maxHops: Int, $types: [RelationshipType!],
        $stages: [ContinuumStage!], $at: Int, $window: YearWindow, $timeRespecting: Boolean, $maxGap: Int, $includeNonConnecting: Boolean,
        $minConfidence: Confidence, $direction: Direction, $excludeActors: [ID!], $datedOnly: Boolean, $limit: Int) {
        paths(from: $from, to: $to, mode: $mode, k: $k, maxHops: $maxHops, types: $types, stages: $stages, at: $at,
          window: $window, timeRespecting: $timeRespecting, maxGap: $maxGap, includeNonConnecting: $includeNonConnecting,
          minConfidence: $minConfidence, direction: $direction, excludeActors: $excludeActors, datedOnly: $datedOnly, limit: $limit) {
          truncated truncatedBy
          paths { length actors { id name } hops { date from { id name } to { id name } alternatives { id } relationship { ${REL_FULL} } } }
        }
      }`,
      { ...query },
    );
    return data.paths;
  }

  /** What changes between two years, judged like the network (the compare-mode list). */
  async diff(fromYear: number, toYear: number, opts: { datedOnly?: boolean; types?: RelationshipType[]; minConfidence?: Confidence } = {}): Promise<Diff> {
    const data = await this.gql<{ diff: Diff }>(
      `query Diff($fromYear: Int!, $toYear: Int!, $types: [RelationshipType!], $minConfidence: Confidence, $datedOnly: Boolean, $limit: Int) {
        diff(fromYear: $fromYear, toYear: $toYear, types: $types, minConfidence: $minConfidence, datedOnly: $datedOnly, limit: $limit) {
          fromYear toYear truncated added { ${CHANGED} } ended { ${CHANGED} }
          changedStage { a { id name } b { id name } fromStages toStages before { ${CHANGED} } after { ${CHANGED} } }
        }
      }`,
      { fromYear, toYear, datedOnly: opts.datedOnly ?? false, limit: DIFF_LIMIT, ...(opts.types?.length ? { types: opts.types } : {}), ...(opts.minConfidence ? { minConfidence: opts.minConfidence } : {}) },
    );
    return data.diff;
  }

  async stateCapacity(period: YearWindow): Promise<StateCapacityTable> {
    const data = await this.gql<{ stateCapacity: StateCapacityTable }>(
      `query Capacity($period: YearWindow) { stateCapacity(period: $period) {
        ratings { id region { id name } period { ${INTERVAL} } capacity note ${CITATIONS} }
      } }`,
      { period },
    );
    return data.stateCapacity;
  }
}
