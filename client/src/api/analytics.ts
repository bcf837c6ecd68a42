/**
 * The explorer's analytics calls: centrality ranking, brokers (with the pairs and the two
 * relationships of each) and communities, for the time bar's year or window and "dated only".
 */
import type { GraphqlClient } from './client.js';
import type { YearWindow } from './types.js';

export type Measure = 'DEGREE' | 'BETWEENNESS' | 'PAGERANK';

export interface AnalysisScope {
  at?: number;
  window?: YearWindow;
  datedOnly?: boolean;
}

export interface CentralityRow {
  rank: number;
  actor: { id: string; name: string };
  degree: number;
  betweenness: number;
  pagerank: number;
}

export interface CentralityAnswer {
  measure: Measure;
  scores: CentralityRow[];
  actorCount: number;
  truncated: boolean;
  stoppedEarly: boolean;
}

export interface BrokerRow {
  actor: { id: string; name: string };
  side: string;
  total: number;
  crimeTerror: number;
  stateNexus: number;
  roles: Array<{ role: string; count: number }>;
  pairs: Array<{ from: { id: string; name: string }; to: { id: string; name: string }; role: string; via: Array<{ id: string; typeLabel: string }> }>;
}

export interface BrokersAnswer {
  brokers: BrokerRow[];
  brokerCount: number;
  truncated: boolean;
  stoppedEarly: boolean;
}

export interface CommunitiesAnswer {
  modularity: number;
  stoppedEarly: boolean;
  communities: Array<{ id: number; size: number; actors: Array<{ id: string; name: string }> }>;
}

export interface RankOverTimeAnswer {
  actor: { id: string; name: string };
  measure: Measure;
  years: Array<{ year: number; rank: number | null; score: number; actorCount: number }>;
  stoppedEarly: boolean;
}

export interface YearCountsAnswer {
  years: Array<{ year: number; relationships: number; byType: Array<{ type: string; count: number }>; events: number }>;
  truncated: boolean;
}

export interface TrajectoryRow {
  counterpart: { id: string; name: string };
  periods: Array<{ stage: string; fromYear: number; toYear: number; overlaps: string[] }>;
  others: Array<{ id: string; typeLabel: string; validity: { fromYear: number | null; toYear: number | null } }>;
}

const SCOPE = '$at: Int, $window: YearWindow, $datedOnly: Boolean';
const ARGS = 'at: $at, window: $window, datedOnly: $datedOnly';

export class AnalyticsApi {
  constructor(private readonly gql: GraphqlClient) {}

  async centrality(scope: AnalysisScope, measure: Measure, limit = 25): Promise<CentralityAnswer> {
    const data = await this.gql<{ centrality: CentralityAnswer }>(
      `query Centrality(${SCOPE}, $measure: CentralityMeasure, $limit: Int) { centrality(${ARGS}, measure: $measure, limit: $limit) {
        measure actorCount truncated stoppedEarly scores { rank actor { id name } degree betweenness pagerank } } }`,
      { ...scope, measure, limit },
    );
    return data.centrality;
  }

  async brokers(scope: AnalysisScope, limit = 15): Promise<BrokersAnswer> {
    const data = await this.gql<{ brokers: BrokersAnswer }>(
      `query Brokers(${SCOPE}, $limit: Int) { brokers(${ARGS}, limit: $limit) { brokerCount truncated stoppedEarly
        brokers { actor { id name } side total crimeTerror stateNexus roles { role count } pairs(first: 12) { from { id name } to { id name } role via { id typeLabel } } } } }`,
      { ...scope, limit },
    );
    return data.brokers;
  }

  async rankOverTime(actorId: string, years: { from: number; to: number }, measure: Measure, datedOnly: boolean): Promise<RankOverTimeAnswer> {
    const data = await this.gql<{ rankOverTime: RankOverTimeAnswer }>(
      `query RankOverTime($id: ID!, $from: Int!, $to: Int!, $measure: CentralityMeasure, $datedOnly: Boolean) {
        rankOverTime(actorId: $id, fromYear: $from, toYear: $to, measure: $measure, datedOnly: $datedOnly) { actor { id name } measure stoppedEarly years { year rank score actorCount } } }`,
      { id: actorId, from: years.from, to: years.to, measure, datedOnly },
    );
    return data.rankOverTime;
  }

  async yearCounts(years: { from: number; to: number }, datedOnly: boolean): Promise<YearCountsAnswer> {
    const data = await this.gql<{ yearCounts: YearCountsAnswer }>(
      `query YearCounts($from: Int!, $to: Int!, $datedOnly: Boolean) { yearCounts(fromYear: $from, toYear: $to, datedOnly: $datedOnly) { truncated years { year relationships events byType { type count } } } }`,
      { from: years.from, to: years.to, datedOnly },
    );
    return data.yearCounts;
  }

  async stageTrajectories(actorId: string, datedOnly: boolean): Promise<TrajectoryRow[]> {
    const data = await this.gql<{ stageTrajectories: TrajectoryRow[] }>(
      `query Trajectories($id: ID!, $datedOnly: Boolean) { stageTrajectories(actorId: $id, datedOnly: $datedOnly) {
        counterpart { id name } periods { stage fromYear toYear overlaps } others { id typeLabel validity { fromYear toYear } } } }`,
      { id: actorId, datedOnly },
    );
    return data.stageTrajectories;
  }

  async communities(scope: AnalysisScope): Promise<CommunitiesAnswer> {
    const data = await this.gql<{ communities: CommunitiesAnswer }>(
      `query Communities(${SCOPE}) { communities(${ARGS}) { modularity stoppedEarly communities { id size actors { id name } } } }`,
      { ...scope },
    );
    return data.communities;
  }
}
