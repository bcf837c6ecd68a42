import { describe, expect, it } from 'vitest';
import { buildGraphModel, edgeFromRelationship, stageOrderLookup } from '../../client/src/model/elements.js';
import { network, rel, vocabulary } from './fixtures.js';

describe('API data → element descriptors', () => {
  const model = buildGraphModel(network(), vocabulary.relationshipTypes);

  it('makes one node per actor and one edge per relationship, as plain objects', () => {
    expect(model.nodes.map((n) => n.data.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'r1', 's']);
    expect(model.edges).toHaveLength(9);
    expect(model.nodes.every((n) => n.group === 'nodes')).toBe(true);
    expect(model.edges.every((e) => e.group === 'edges')).toBe(true);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('carries what styling and time filtering need', () => {
    const ab = model.edges.find((e) => e.data.id === 'r-ab2')!;
    expect(ab.data).toMatchObject({ source: 'a', target: 'b', type: 'ALLIANCE', stage: 2, confidence: 'ALLEGED', fromYear: 2002, toYear: 2004 });
    const fa = model.edges.find((e) => e.data.id === 'r-fa')!;
    expect(fa.data.stage).toBe(-1);
    expect(fa.classes).toContain('directed');
    expect(ab.classes).toContain('stage');
    expect(ab.data.dated).toBe(true);
    expect(ab.classes).not.toContain('undated');
    const de = model.edges.find((e) => e.data.id === 'r-de')!;
    expect(de.data.dated).toBe(false);
    expect(de.classes).toContain('undated');
    const a = model.nodes.find((n) => n.data.id === 'a')!;
    expect(a.data).toMatchObject({ label: 'A', kind: 'TERRORIST_GROUP', country: 'Uzbekistan' });
    expect(a.data.search).toContain('am');
    expect(a.data.degree).toBe(6);
  });

  it('drops edges with a missing endpoint and duplicate ids', () => {
    const net = network();
    net.edges.push(rel('r-x', 'a', 'ghost', 'ALLIANCE', null, null), rel('r-ab', 'a', 'b', 'OPERATIONAL', 1997, 2001));
    const m = buildGraphModel(net, vocabulary.relationshipTypes);
    expect(m.edges.map((e) => e.data.id)).not.toContain('r-x');
    expect(m.edges.filter((e) => e.data.id === 'r-ab')).toHaveLength(1);
  });

  it('reads the continuum order from relationshipTypes', () => {
    const stageOf = stageOrderLookup(vocabulary.relationshipTypes);
    expect(['NO_RELATIONSHIP', 'OPERATIONAL', 'ALLIANCE', 'CONVERGENCE', 'LEADS'].map((t) => stageOf(t as never))).toEqual([0, 1, 2, 3, null]);
    expect(edgeFromRelationship(rel('x', 'a', 'b', 'CONVERGENCE', null, null), stageOf).data.stage).toBe(3);
  });
});
