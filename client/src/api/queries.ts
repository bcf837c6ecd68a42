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
  PathQuery,
  PathResult,
  RelationshipFull,
  RelationshipType,
  StateCapacityTable,
  Timeline,
  Vocabulary,
  YearWindow,
} from './types.js';

const INTERVAL = 'from to fromYear toYear label';
const ACTOR_CORE = `id name aliases kind kindLabel country active { ${INTERVAL} }`;
const REL_CORE = `id type typeLabel stage directed confidence interval { ${INTERVAL} } validity { ${INTERVAL} } source { id } target { id }`;
const CITATIONS = 'citations { quote location source { id title authors year publisher file } }';
const REL_FULL = `id type typeLabel stage directed confidence description stageNote interval { ${INTERVAL} } validity { ${INTERVAL} }
  source { ${ACTOR_CORE} } target { ${ACTOR_CORE} } ${CITATIONS}`;

/**
 * How many relationships the explorer loads for the whole network (all years, laid out once): as
 * many as the API's default query cost budget allows for these fields (tests/client/queries.test.ts
 * checks it still fits); a bigger network comes back `truncated` and the page says so.
 */
export const UNION_LIMIT = 5000;

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
  constructor(private readonly gql: GraphqlClient = createGraphqlClient()) {}

  async vocabulary(): Promise<Vocabulary> {
    return this.gql<Vocabulary>(`query Vocabulary {
      relationshipTypes { type label description directed isStage stageOrder }
      actorKinds { kind label description }
      confidenceGrades { grade label description rank }
      capacityTypes { capacity label description }
    }`);
  }

  async timeline(): Promise<Timeline> {
    const data = await this.gql<{ timeline: Timeline }>(`query Timeline {
      timeline { minYear maxYear years { year changes { kind } events { id date year title kind } } }
    }`);
    return data.timeline;
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
        relationships(first: 500) { ${REL_CORE} source { id name } target { id name } }
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

  async dyad(a: string, b: string): Promise<Dyad> {
    const data = await this.gql<{ dyad: Dyad }>(
      `query Dyad($a: ID!, $b: ID!) { dyad(a: $a, b: $b) {
        a { id name } b { id name } periods { fromYear toYear stage relationships { id } }
      } }`,
      { a, b },
    );
    return data.dyad;
  }

  async paths(query: PathQuery): Promise<PathResult> {
    const data = await this.gql<{ paths: PathResult }>(
      `query Paths($from: ID!, $to: ID!, $mode: PathMode, $k: Int, $maxHops: Int, $types: [RelationshipType!],
        $stages: [ContinuumStage!], $at: Int, $window: YearWindow, $timeRespecting: Boolean, $minConfidence: Confidence,
        $direction: Direction, $excludeActors: [ID!], $datedOnly: Boolean, $limit: Int) {
        paths(from: $from, to: $to, mode: $mode, k: $k, maxHops: $maxHops, types: $types, stages: $stages, at: $at,
          window: $window, timeRespecting: $timeRespecting, minConfidence: $minConfidence, direction: $direction,
          excludeActors: $excludeActors, datedOnly: $datedOnly, limit: $limit) {
          truncated truncatedBy
          paths { length actors { id name } hops { from { id name } to { id name } alternatives { id } relationship { ${REL_FULL} } } }
        }
      }`,
      { ...query },
    );
    return data.paths;
  }

  async diff(fromYear: number, toYear: number): Promise<Diff> {
    const data = await this.gql<{ diff: Diff }>(
      `query Diff($fromYear: Int!, $toYear: Int!) { diff(fromYear: $fromYear, toYear: $toYear) {
        fromYear toYear added { id } ended { id }
        changedStage { a { id } b { id } fromStage toStage before { id } after { id } }
      } }`,
      { fromYear, toYear },
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
