/**
 * API-shaped sample data for the explorer's model tests (no browser, no server).
 */
import type { ActorCore, ActorKind, Confidence, Network, RelationshipCore, RelationshipType, Vocabulary } from '../../client/src/api/types.js';

/** The years the fixture's documents describe: what bounds an undated relationship or lifespan end. */
export const PERIOD = { from: 1990, to: 2015 };

export function actor(id: string, kind: ActorKind = 'TERRORIST_GROUP', country: string | null = null, aliases: string[] = []): ActorCore {
  return {
    id,
    name: id.toUpperCase(),
    aliases,
    kind,
    kindLabel: kind.toLowerCase(),
    country,
    active: { fromYear: PERIOD.from, toYear: PERIOD.to, label: `${PERIOD.from}–${PERIOD.to}` },
    lifespan: { label: `${PERIOD.from}–${PERIOD.to}`, from: { basis: 'SOURCE_PERIOD', uncertain: false }, to: { basis: 'SOURCE_PERIOD', uncertain: false } },
  };
}

/** A relationship as the API returns it: an end the claims do not date is bounded by the documents' period. */
export function rel(id: string, source: string, target: string, type: RelationshipType, fromYear: number | null, toYear: number | null, confidence: Confidence = 'STATED'): RelationshipCore {
  const stages = ['NO_RELATIONSHIP', 'OPERATIONAL', 'ALLIANCE', 'CONVERGENCE'];
  const label = fromYear === null && toYear === null ? 'undated' : `${fromYear ?? '…'}–${toYear ?? '…'}`;
  const from = fromYear ?? PERIOD.from;
  const to = toYear ?? PERIOD.to;
  return {
    id,
    type,
    typeLabel: type.toLowerCase(),
    stage: stages.includes(type) ? (type as RelationshipCore['stage']) : null,
    directed: !stages.includes(type),
    confidence,
    dated: fromYear !== null || toYear !== null,
    corroboration: 1,
    interval: { label },
    validity: { fromYear: from, toYear: to, fromBasis: fromYear === null ? 'SOURCE_PERIOD' : 'STATED', toBasis: toYear === null ? 'SOURCE_PERIOD' : 'STATED', label: `${from}–${to}` },
    source: { id: source },
    target: { id: target },
  };
}

export const vocabulary: Vocabulary = {
  relationshipTypes: [
    { type: 'NO_RELATIONSHIP', connects: false, label: 'No relationship', description: 'd0', directed: false, isStage: true, stageOrder: 0 },
    { type: 'OPERATIONAL', connects: true, label: 'Operational', description: 'd1', directed: false, isStage: true, stageOrder: 1 },
    { type: 'ALLIANCE', connects: true, label: 'Alliance', description: 'd2', directed: false, isStage: true, stageOrder: 2 },
    { type: 'CONVERGENCE', connects: true, label: 'Convergence', description: 'd3', directed: false, isStage: true, stageOrder: 3 },
    { type: 'LEADS', connects: true, label: 'Leads', description: 'dl', directed: true, isStage: false, stageOrder: null },
    { type: 'OPERATES_IN', connects: false, label: 'Operates in', description: 'do', directed: true, isStage: false, stageOrder: null },
    { type: 'COMBATS', connects: true, label: 'Combats', description: 'dc', directed: true, isStage: false, stageOrder: null },
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
  sources: [],
  capacityTypes: [
    { capacity: 'HEGEMONIC', label: 'Hegemonic', description: 'x' },
    { capacity: 'CAPTURED', label: 'Captured', description: 'x' },
    { capacity: 'DEGRADED', label: 'Degraded', description: 'x' },
    { capacity: 'FAILED', label: 'Failed', description: 'x' },
  ],
  datingBases: [
    { basis: 'STATED', label: 'Stated', description: 'b1', dated: true },
    { basis: 'PASSAGE', label: 'Dated by the passage', description: 'b2', dated: true },
    { basis: 'LIFESPAN', label: 'Bounded by lifespans', description: 'b3', dated: false },
    { basis: 'ATTESTED', label: 'Attested', description: 'b4', dated: false },
    { basis: 'SOURCE_PERIOD', label: 'As reported in', description: 'b5', dated: false },
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
