/**
 * The analytics measures on small graphs with answers worked out by hand: betweenness on a path
 * and a star, PageRank's symmetry and sum, Gould–Fernandez roles of brokers between known sides,
 * and Louvain on two obvious cliques.
 */
import { describe, expect, it } from 'vitest';
import { brokerage } from '../../server/analytics/brokerage.js';
import { centrality } from '../../server/analytics/centrality.js';
import { louvain } from '../../server/analytics/communities.js';
import { analysisGraph } from '../../server/analytics/graph.js';
import { brokerageRole } from '../../server/domain/analytics.js';
import type { Actor, Relationship } from '../../server/domain/derive.js';
import type { ActorKind, RelationshipType } from '../../server/domain/vocabulary.js';

// the measures read only these fields
const actor = (id: string, kind: ActorKind = 'terrorist_group') => ({ id, kind }) as Actor;
const link = (source: string, target: string, type: RelationshipType = 'alliance', confidence: Relationship['confidence'] = 'reported') =>
  ({ id: `${source}-${target}-${type}`, source, target, type, confidence }) as Relationship;
const byId = (g: ReturnType<typeof analysisGraph>, xs: number[]) => Object.fromEntries(g.actors.map((a, i) => [a.id, xs[i]]));

describe('centrality', () => {
  it('betweenness on a path a–b–c–d–e: the middle carries most pairs', () => {
    const g = analysisGraph('abcde'.split('').map((id) => actor(id)), [link('a', 'b'), link('b', 'c'), link('c', 'd'), link('d', 'e')]);
    const c = centrality(g, 10_000);
    expect(byId(g, c.betweenness)).toEqual({ a: 0, b: 3, c: 4, d: 3, e: 0 });
    expect(byId(g, c.degree)).toEqual({ a: 1, b: 2, c: 2, d: 2, e: 1 });
    expect(c.stoppedEarly).toBe(false);
    const pr = byId(g, c.pagerank);
    expect(pr['a']).toBeCloseTo(pr['e']!, 10);
    expect(pr['b']).toBeCloseTo(pr['d']!, 10);
    expect(c.pagerank.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 10);
  });
  it('on a star every pair of leaves passes the centre; a parallel link counts once', () => {
    const g = analysisGraph(['hub', 'l1', 'l2', 'l3', 'l4'].map((id) => actor(id)), [link('hub', 'l1'), link('hub', 'l2'), link('hub', 'l3'), link('l4', 'hub'), link('hub', 'l1', 'funds')]);
    const c = centrality(g, 10_000);
    expect(byId(g, c.betweenness)).toEqual({ hub: 6, l1: 0, l2: 0, l3: 0, l4: 0 });
    expect(byId(g, c.degree)['hub']).toBe(4);
    expect(Math.max(...c.pagerank)).toBe(byId(g, c.pagerank)['hub']);
  });
  it('says when the time budget stopped betweenness early', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `n${i}`);
    const g = analysisGraph(ids.map((id) => actor(id)), ids.slice(1).map((id, i) => link(ids[i]!, id)));
    expect(centrality(g, 0).stoppedEarly).toBe(true);
  });
});

describe('brokerage (Gould–Fernandez)', () => {
  it('names the role by the sides of the two ends and the broker', () => {
    expect(brokerageRole('criminal', 'criminal', 'criminal')).toBe('coordinator');
    expect(brokerageRole('criminal', 'terrorist', 'criminal')).toBe('itinerant');
    expect(brokerageRole('criminal', 'criminal', 'terrorist')).toBe('representative');
    expect(brokerageRole('criminal', 'terrorist', 'terrorist')).toBe('gatekeeper');
    expect(brokerageRole('criminal', 'other', 'terrorist')).toBe('liaison');
  });
  it('a fixer between a trafficking network, a terrorist group and the police is their liaison; a direct tie removes the brokerage', () => {
    const actors = [actor('net', 'trafficking_network'), actor('fixer', 'person'), actor('jihad', 'terrorist_group'), actor('police', 'state_agency')];
    // the police protect the fixer (collusion runs from the police to the fixer only)
    const g = analysisGraph(actors, [link('net', 'fixer', 'operational'), link('fixer', 'jihad', 'operational'), link('police', 'fixer', 'collusion')]);
    const { brokers } = brokerage(g, 10_000);
    expect(brokers.map((b) => b.actor)).toEqual(['fixer']);
    const fixer = brokers[0]!;
    expect(fixer.pairs.map((p) => `${p.from}>${p.to}`).sort()).toEqual(['jihad>net', 'net>jihad', 'police>jihad', 'police>net']);
    expect(fixer.roles.liaison).toBe(4);
    expect(fixer.total).toBe(4);
    expect(fixer.crimeTerror).toBe(2);
    expect(fixer.stateNexus).toBe(2);
    expect(fixer.pairs.find((p) => p.from === 'police')!.via.map((r) => r.type)).toEqual(['collusion', 'operational']);
    const tied = brokerage(analysisGraph(actors, [link('net', 'fixer'), link('fixer', 'jihad'), link('net', 'jihad')]), 10_000);
    expect(tied.brokers.find((b) => b.actor === 'fixer')).toBeUndefined();
  });
  it('follows a directed relationship only from source to target', () => {
    const actors = [actor('donor', 'criminal_group'), actor('cell', 'terrorist_group'), actor('front', 'criminal_group')];
    // donor funds cell, cell funds front: donor → cell → front only
    const { brokers } = brokerage(analysisGraph(actors, [link('donor', 'cell', 'funds'), link('cell', 'front', 'funds')]), 10_000);
    expect(brokers.map((b) => [b.actor, b.total, b.roles.itinerant])).toEqual([['cell', 1, 1]]);
  });
});

describe('communities (Louvain, seeded)', () => {
  it('finds two cliques joined by one link, the same for every seed', () => {
    const left = ['a1', 'a2', 'a3', 'a4'];
    const right = ['b1', 'b2', 'b3', 'b4'];
    const clique = (ids: string[]) => ids.flatMap((x, i) => ids.slice(i + 1).map((y) => link(x, y)));
    const g = analysisGraph([...left, ...right].map((id) => actor(id)), [...clique(left), ...clique(right), link('a4', 'b1')]);
    for (const seed of [1, 2, 3]) {
      const r = louvain(g, seed, 10_000);
      const of = byId(g, r.membership);
      expect(new Set(left.map((id) => of[id])).size).toBe(1);
      expect(new Set(right.map((id) => of[id])).size).toBe(1);
      expect(of['a1']).not.toBe(of['b1']);
      // m = 13, each side 6 inside links, degree sums 13 and 13: Q = 2 × (6/13 − (13/26)²)
      expect(r.modularity).toBeCloseTo(2 * (6 / 13 - 0.25), 10);
    }
  });
});
