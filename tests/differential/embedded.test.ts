/**
 * Differential test, embedded store: ≥ 1,000 seeded path questions on a 10k-actor graph, each
 * answered by the embedded store and by the plain reference (tests/differential/reference.ts);
 * they must agree on the paths in order, truncation, hop evidence, and (time-respecting) on a
 * choice of relationships and days that fits. The Neo4j side runs in tests/neo4j/server.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../server/store/embedded/adapter.js';
import type { Relationship } from '../../server/domain/derive.js';
import { differentialDataset, differentialQuestions, referenceProblems, storedRelationships } from './cases.js';
import { ReferenceGraph } from './reference.js';

describe('differential: embedded store against the reference', () => {
  let store: EmbeddedStore;
  let ref: ReferenceGraph;
  let byId: Map<string, Relationship>;
  let actorIds: string[];
  beforeAll(async () => {
    const dataset = differentialDataset();
    store = await EmbeddedStore.open({ dataFile: null });
    await store.bulkLoad(dataset);
    const rels = await storedRelationships(store);
    byId = new Map(rels.map((r) => [r.id, r]));
    actorIds = dataset.actors.map((a) => a.id);
    ref = new ReferenceGraph(actorIds, rels);
  }, 120_000);
  afterAll(async () => {
    await store.close();
  });

  it('answers every question as the reference does', async () => {
    const questions = differentialQuestions(ref, actorIds);
    const failures: string[] = [];
    const seen = { answered: 0, empty: 0, temporal: 0, excluded: 0, truncated: 0 };
    for (const q of questions) {
      const result = await store.paths(q);
      expect(result.truncatedBy).not.toBe('TIME');
      const problems = referenceProblems(q, result, ref.answer(q), ref, byId);
      if (problems.length > 0) failures.push(`${JSON.stringify(q)}\n  ${problems.join('\n  ')}`);
      seen.answered += result.paths.length > 0 ? 1 : 0;
      seen.empty += result.paths.length === 0 ? 1 : 0;
      seen.temporal += q.temporal && result.paths.length > 0 ? 1 : 0;
      seen.excluded += q.excludeActors.length > 0 ? 1 : 0;
      seen.truncated += result.truncated ? 1 : 0;
    }
    console.log(`differential (embedded): ${questions.length} questions, ${JSON.stringify(seen)}`);
    expect(failures.slice(0, 5)).toEqual([]);
    expect(questions.length).toBeGreaterThanOrEqual(1000);
    // The questions exercise what they are meant to: answers, empty answers, time, exclusions, caps.
    expect(seen.answered).toBeGreaterThan(500);
    expect(seen.empty).toBeGreaterThan(50);
    expect(seen.temporal).toBeGreaterThan(100);
    expect(seen.excluded).toBeGreaterThan(200);
    expect(seen.truncated).toBeGreaterThan(10);
  }, 300_000);
});
