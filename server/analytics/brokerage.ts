/**
 * Brokerage (Gould and Fernandez 1989), pure: for every two-step a → b → c over the directed arcs
 * with no arc a → c (b is the only way between them), b brokers the pair in the role the sides of
 * a, b and c give (server/domain/analytics.ts). Each broker keeps its pairs, with the surest
 * relationship of each step, so every score can be explained by the claims behind it.
 */
import { BROKERAGE_ROLES, brokerageRole, KIND_SIDE, type BrokerageRole, type NexusSide } from '../domain/analytics.js';
import type { Relationship } from '../domain/derive.js';
import { arcKey, Deadline, type AnalysisGraph } from './graph.js';

export interface BrokeredPair {
  from: string;
  to: string;
  role: BrokerageRole;
  /** The relationships of the two steps: from → broker, broker → to. */
  via: [Relationship, Relationship];
}

export interface BrokerScore {
  actor: string;
  side: NexusSide;
  roles: Record<BrokerageRole, number>;
  total: number;
  /** Pairs whose ends are on the criminal and the terrorist side (either way round). */
  crimeTerror: number;
  /** Pairs with a state actor at one end and a criminal or terrorist actor at the other. */
  stateNexus: number;
  pairs: BrokeredPair[];
}

const emptyRoles = (): Record<BrokerageRole, number> => Object.fromEntries(BROKERAGE_ROLES.map((r) => [r, 0])) as Record<BrokerageRole, number>;

export function brokerage(g: AnalysisGraph, budgetMs: number): { brokers: BrokerScore[]; stoppedEarly: boolean } {
  const deadline = new Deadline(budgetMs);
  const side = g.actors.map((a) => KIND_SIDE[a.kind]);
  const inn: number[][] = g.actors.map(() => []);
  g.out.forEach((outs, u) => outs.forEach((v) => inn[v]!.push(u)));
  const brokers: BrokerScore[] = [];
  for (let b = 0; b < g.actors.length; b += 1) {
    if (deadline.over()) break;
    const score: BrokerScore = { actor: g.actors[b]!.id, side: side[b]!, roles: emptyRoles(), total: 0, crimeTerror: 0, stateNexus: 0, pairs: [] };
    for (const a of inn[b]!) {
      for (const c of g.out[b]!) {
        if (a === c || g.arcs.has(arcKey(a, c))) continue;
        const role = brokerageRole(side[a]!, side[b]!, side[c]!);
        score.roles[role] += 1;
        score.total += 1;
        const ends = new Set([side[a], side[c]]);
        if (ends.has('criminal') && ends.has('terrorist')) score.crimeTerror += 1;
        if (ends.has('state') && (ends.has('criminal') || ends.has('terrorist'))) score.stateNexus += 1;
        score.pairs.push({ from: g.actors[a]!.id, to: g.actors[c]!.id, role, via: [g.arcs.get(arcKey(a, b))!, g.arcs.get(arcKey(b, c))!] });
      }
    }
    if (score.total > 0) brokers.push(score);
  }
  return { brokers, stoppedEarly: deadline.stopped };
}
