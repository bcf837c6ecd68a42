/**
 * A synthetic, API-shaped network for the explorer benchmark: `elements` actors + relationships
 * (40 % / 60 %), scale-free-ish (preferential attachment), with intervals spread over 1990–2020.
 * Deterministic (seeded) so runs compare.
 */
import type { ActorKind, Confidence, Network, RelationshipType } from '../../client/src/api/types.js';
import { seededRandom } from '../../server/layout/random.js';

const KINDS: ActorKind[] = ['TERRORIST_GROUP', 'INSURGENT_GROUP', 'CRIMINAL_GROUP', 'TRAFFICKING_NETWORK', 'STATE', 'STATE_AGENCY', 'OFFICIAL', 'PERSON', 'REGION'];
const TYPES: RelationshipType[] = ['OPERATIONAL', 'ALLIANCE', 'CONVERGENCE', 'NO_RELATIONSHIP', 'SUPPORTS', 'LEADS', 'MEMBER_OF', 'OPERATES_IN', 'COMBATS', 'COLLUSION'];
const CONF: Confidence[] = ['STATED', 'REPORTED', 'ALLEGED', 'DISPUTED'];
const STAGES = new Set(['NO_RELATIONSHIP', 'OPERATIONAL', 'ALLIANCE', 'CONVERGENCE']);

export const SYNTH_YEARS = { min: 1990, max: 2020 };


export function syntheticNetwork(elements: number, seed = 7): Network {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const nActors = Math.round(elements * 0.4);
  const nRels = elements - nActors;
  const nodes: Network['nodes'] = [];
  for (let i = 0; i < nActors; i++) {
    const kind = pick(KINDS);
    nodes.push({ id: `n${i}`, name: `Actor ${i}`, aliases: [], kind, kindLabel: kind, country: pick(['A', 'B', 'C', 'D', null]), active: { fromYear: null, toYear: null, label: 'undated' }, lifespan: { label: 'undated', from: { basis: 'SOURCE_PERIOD', uncertain: false }, to: { basis: 'SOURCE_PERIOD', uncertain: false } } });
  }
  const ends: string[] = [];
  const edges: Network['edges'] = [];
  for (let i = 0; i < nRels; i++) {
    const s = i < nActors ? `n${i}` : `n${Math.floor(r() * nActors)}`;
    const t = ends.length > 0 && r() < 0.6 ? pick(ends) : `n${Math.floor(r() * nActors)}`;
    if (s === t) {
      i--;
      continue;
    }
    ends.push(s, t);
    const type = pick(TYPES);
    const from = r() < 0.15 ? null : SYNTH_YEARS.min + Math.floor(r() * (SYNTH_YEARS.max - SYNTH_YEARS.min));
    const to = r() < 0.3 ? null : (from ?? SYNTH_YEARS.min) + Math.floor(r() * 8);
    const start = from ?? SYNTH_YEARS.min;
    const end = to ?? Math.min(SYNTH_YEARS.max, start + 5);
    edges.push({
      id: `e${i}`,
      type,
      typeLabel: type,
      stage: STAGES.has(type) ? (type as Network['edges'][number]['stage']) : null,
      directed: !STAGES.has(type),
      confidence: pick(CONF),
      interval: { label: from === null ? 'undated' : to === null ? `from ${from}` : `${from}–${to}` },
      validity: { fromYear: start, toYear: end, fromBasis: from === null ? 'SOURCE_PERIOD' : 'STATED', toBasis: to === null ? 'SOURCE_PERIOD' : 'STATED', label: `${start}–${end}` },
      dated: from !== null || to !== null,
      corroboration: 1,
      source: { id: s },
      target: { id: t },
    });
  }
  return { nodes, edges, truncated: false };
}
