/**
 * API-shaped sample data for the explorer's model tests (no browser, no server).
 */
import type { ActorCore, ActorKind, Confidence, Network, RelationshipCore, RelationshipType, Vocabulary } from '../../client/src/api/types.js';

export function actor(id: string, kind: ActorKind = 'TERRORIST_GROUP', country: string | null = null, aliases: string[] = []): ActorCore {
  return { id, name: id.toUpperCase(), aliases, kind, kindLabel: kind.toLowerCase(), country, active: null };
}

export function rel(id: string, source: string, target: string, type: RelationshipType, fromYear: number | null, toYear: number | null, confidence: Confidence = 'STATED'): RelationshipCore {
  const stages = ['NO_RELATIONSHIP', 'OPERATIONAL', 'ALLIANCE', 'CONVERGENCE'];
  const label = fromYear === null && toYear === null ? 'undated' : `${fromYear ?? '…'}–${toYear ?? '…'}`;
  const interval = { from: fromYear === null ? null : String(fromYear), to: toYear === null ? null : String(toYear), fromYear, toYear, label };
  return {
    id,
    type,
    typeLabel: type.toLowerCase(),
    stage: stages.includes(type) ? (type as RelationshipCore['stage']) : null,
    directed: !stages.includes(type),
    confidence,
    interval,
    validity: interval,
    source: { id: source },
    target: { id: target },
  };
}

export const vocabulary: Vocabulary = {
  relationshipTypes: [
    { type: 'NO_RELATIONSHIP', label: 'No relationship', description: 'd0', directed: false, isStage: true, stageOrder: 0 },
    { type: 'OPERATIONAL', label: 'Operational', description: 'd1', directed: false, isStage: true, stageOrder: 1 },
    { type: 'ALLIANCE', label: 'Alliance', description: 'd2', directed: false, isStage: true, stageOrder: 2 },
    { type: 'CONVERGENCE', label: 'Convergence', description: 'd3', directed: false, isStage: true, stageOrder: 3 },
    { type: 'LEADS', label: 'Leads', description: 'dl', directed: true, isStage: false, stageOrder: null },
    { type: 'OPERATES_IN', label: 'Operates in', description: 'do', directed: true, isStage: false, stageOrder: null },
    { type: 'COMBATS', label: 'Combats', description: 'dc', directed: true, isStage: false, stageOrder: null },
  ],
  actorKinds: [
    { kind: 'TERRORIST_GROUP', label: 'Terrorist group', description: 'k1' },
    { kind: 'CRIMINAL_GROUP', label: 'Criminal group', description: 'k2' },
    { kind: 'PERSON', label: 'Person', description: 'k3' },
    { kind: 'REGION', label: 'Region or place', description: 'k4' },
    { kind: 'STATE', label: 'State', description: 'k5' },
  ],
  confidenceGrades: [
    { grade: 'STATED', label: 'Stated', description: 'c1', rank: 3 },
    { grade: 'REPORTED', label: 'Reported', description: 'c2', rank: 2 },
    { grade: 'ALLEGED', label: 'Alleged', description: 'c3', rank: 1 },
    { grade: 'DISPUTED', label: 'Disputed', description: 'c4', rank: 0 },
  ],
  capacityTypes: [
    { capacity: 'HEGEMONIC', label: 'Hegemonic', description: 'x' },
    { capacity: 'CAPTURED', label: 'Captured', description: 'x' },
    { capacity: 'DEGRADED', label: 'Degraded', description: 'x' },
    { capacity: 'FAILED', label: 'Failed', description: 'x' },
  ],
};

/** The same shape as tests/fixtures/graph.ts, as the API would return it. */
export function network(): Network {
  return {
    truncated: false,
    nodes: [
      actor('a', 'TERRORIST_GROUP', 'Uzbekistan', ['AM']),
      actor('b', 'CRIMINAL_GROUP', 'Kyrgyzstan'),
      actor('c', 'TERRORIST_GROUP', 'Tajikistan'),
      actor('d', 'TERRORIST_GROUP', 'Afghanistan'),
      actor('e', 'CRIMINAL_GROUP'),
      actor('f', 'PERSON'),
      actor('r1', 'REGION', 'Tajikistan'),
      actor('s', 'STATE', 'Sierra'),
    ],
    edges: [
      rel('r-ab', 'a', 'b', 'OPERATIONAL', 1997, 2001),
      rel('r-ab2', 'a', 'b', 'ALLIANCE', 2002, 2004, 'ALLEGED'),
      rel('r-bc', 'b', 'c', 'ALLIANCE', 1999, null, 'REPORTED'),
      rel('r-ac', 'a', 'c', 'ALLIANCE', 2005, null, 'ALLEGED'),
      rel('r-cd', 'c', 'd', 'CONVERGENCE', 2000, 2003),
      rel('r-de', 'd', 'e', 'OPERATIONAL', null, null, 'DISPUTED'),
      rel('r-fa', 'f', 'a', 'LEADS', 1998, 2002),
      rel('r-ar1', 'a', 'r1', 'OPERATES_IN', 1999, 1999),
      rel('r-sa', 's', 'a', 'COMBATS', 2004, 2004),
    ],
  };
}
