/**
 * The differential test's graph and questions: a seeded sparse 10k-actor synthetic nexus graph,
 * and ≥ 1,000 seeded path questions covering every mode, direction, window, grade, exclusion,
 * dated-only and time-respecting option. Targets are mostly reached by a random walk from the
 * start, so most questions have answers; exclusions are drawn from actors on an answer.
 */
import type { Relationship } from '../../server/domain/derive.js';
import { yearRange } from '../../server/domain/time.js';
import { CONFIDENCE_GRADES, CONNECTING_TYPES } from '../../server/domain/vocabulary.js';
import type { FoundPath, GraphStore, PathMode, PathQuery, PathResult } from '../../server/store/port.js';
import { seededRandom } from '../../server/layout/random.js';
import { syntheticDataset } from '../bench/scale/generate.js';
import type { ReferenceGraph, RefAnswer } from './reference.js';

export const DIFFERENTIAL_GRAPH = { actors: 10_000, relationships: 24_000, shape: 'hubs' as const, seed: 7 };
export const DIFFERENTIAL_QUESTIONS = 1200;

export const differentialDataset = () => syntheticDataset(DIFFERENTIAL_GRAPH);

const MODES: PathMode[] = ['SHORTEST', 'K_SHORTEST', 'ALL_SIMPLE'];
const DIRECTIONS = ['ANY', 'OUT', 'IN'] as const;
const YEAR = 365.25;

export function differentialQuestions(ref: ReferenceGraph, actorIds: readonly string[], n = DIFFERENTIAL_QUESTIONS, seed = 3): PathQuery[] {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const questions: PathQuery[] = [];
  for (let i = 0; i < n; i += 1) {
    const mode = MODES[i % MODES.length] as PathMode;
    const maxHops = mode === 'ALL_SIMPLE' ? 1 + Math.floor(r() * 4) : 1 + Math.floor(r() * 6);
    // A quarter start at a hub (the first 1 % of actors in the hub-heavy shape), where paths multiply.
    const from = r() < 0.25 ? (actorIds[Math.floor(r() * Math.max(1, actorIds.length / 100))] as string) : pick(actorIds);
    const q: PathQuery = {
      from,
      to: from,
      mode,
      k: 1 + Math.floor(r() * 5),
      maxHops,
      filter: {},
      temporal: null,
      direction: pick(DIRECTIONS),
      excludeActors: [],
      limit: r() < 0.35 ? 1 : 50,
      budgetMs: 60_000,
    };
    if (r() < 0.7) q.filter.types = r() < 0.7 ? CONNECTING_TYPES : CONNECTING_TYPES.filter(() => r() < 0.5);
    if (r() < 0.35) {
      const y = 1990 + Math.floor(r() * 22);
      q.filter.window = r() < 0.5 ? yearRange(y) : yearRange(y, y + 1 + Math.floor(r() * 6));
    }
    if (r() < 0.25) q.filter.minConfidence = pick(CONFIDENCE_GRADES);
    if (r() < 0.2) q.filter.datedOnly = true;
    if (r() < 0.1) q.filter.minSources = 2;
    if (r() < 0.3) q.temporal = { maxGapDays: r() < 0.5 ? null : Math.round((1 + Math.floor(r() * 4)) * YEAR) };
    // The target: mostly a random walk along hops that qualify for this question, else any actor.
    let to = from;
    if (r() < 0.85) {
      for (let s = 0, steps = 1 + Math.floor(r() * maxHops); s < steps; s += 1) {
        const next = ref.neighboursOf(to).filter((w) => w !== from && ref.hopRelationships(to, w, q).length > 0);
        if (next.length === 0) break;
        to = pick(next);
      }
    }
    q.to = to === from ? pick(actorIds.filter((a) => a !== from).slice(0, 50)) : to;
    if (r() < 0.3) {
      // Exclude actors that lie on some answer, so the exclusion changes it.
      const inner = ref.allSimplePaths({ ...q, mode: 'ALL_SIMPLE', limit: 1000 }).flatMap((p) => p.slice(1, -1));
      const k = 1 + Math.floor(r() * 3);
      q.excludeActors = [...new Set(inner.length > 0 ? Array.from({ length: k }, () => pick(inner)) : [pick(actorIds)])].filter((a) => a !== from && a !== to);
    }
    questions.push(q);
  }
  return questions;
}

/** What two stores must agree on exactly: paths, hop evidence, days and truncation. */
export function answerKey(result: PathResult): unknown {
  return {
    truncatedBy: result.truncatedBy,
    paths: result.paths.map((p: FoundPath) => ({
      actors: p.actors,
      hops: p.hops.map((h) => ({ from: h.from, to: h.to, relationship: h.relationship.id, alternatives: h.alternatives.map((a) => a.id), day: h.day })),
    })),
  };
}

/** Problems with a store's answer against the reference (empty: it agrees). */
export function referenceProblems(q: PathQuery, result: PathResult, expected: RefAnswer, ref: ReferenceGraph, byId: ReadonlyMap<string, Relationship>): string[] {
  const problems: string[] = [];
  const got = result.paths.map((p) => p.actors.join('>'));
  const want = expected.paths.map((p) => p.actors.join('>'));
  if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`paths ${JSON.stringify(got)} ≠ reference ${JSON.stringify(want)}`);
  if (result.truncated !== expected.truncated) problems.push(`truncated ${result.truncated} ≠ reference ${expected.truncated}`);
  result.paths.forEach((p, i) => {
    const ref_ = expected.paths[i];
    if (!ref_) return;
    if (ref_.hops) {
      const hops = p.hops.map((h) => ({ relationship: h.relationship.id, alternatives: h.alternatives.map((a) => a.id) }));
      if (JSON.stringify(hops) !== JSON.stringify(ref_.hops)) problems.push(`hop evidence of ${got[i]}: ${JSON.stringify(hops)} ≠ ${JSON.stringify(ref_.hops)}`);
      return;
    }
    // Time-respecting: the chosen relationship of each hop qualifies, and its day fits in order.
    let previous = -Infinity;
    p.hops.forEach((h, j) => {
      const allowed = new Set(ref.hopRelationships(p.actors[j] as string, p.actors[j + 1] as string, q).map((x) => x.id));
      const rel = byId.get(h.relationship.id);
      const day = h.day ?? NaN;
      if (!rel || !allowed.has(rel.id)) problems.push(`hop ${j} of ${got[i]} uses ${h.relationship.id}, which does not qualify`);
      else if (!(rel.validity.from.day <= day && day <= rel.validity.to.day)) problems.push(`hop ${j} of ${got[i]}: day ${day} outside ${rel.id}'s validity`);
      if (day < previous) problems.push(`hop ${j} of ${got[i]}: day ${day} before the previous hop's ${previous}`);
      if (q.temporal?.maxGapDays != null && j > 0 && day - previous > q.temporal.maxGapDays) problems.push(`hop ${j} of ${got[i]}: gap ${day - previous} days over ${q.temporal.maxGapDays}`);
      previous = day;
    });
  });
  return problems;
}

/** All relationships of a store (their derived views), for the reference graph. */
export async function storedRelationships(store: GraphStore): Promise<Relationship[]> {
  return (await store.listRelationships({}, { offset: 0, limit: 1_000_000 })).items;
}
