import { describe, expect, it } from 'vitest';
import type { ChangedRelationship, Diff } from '../../client/src/api/types.js';
import { changeClasses, diffYears, fromApiDiff } from '../../client/src/model/diff.js';
import { buildGraphModel } from '../../client/src/model/elements.js';
import { visibleSubgraph } from '../../client/src/model/visibility.js';
import { network, rel, vocabulary } from './fixtures.js';

const model = buildGraphModel(network(), vocabulary.relationshipTypes);

describe('diff between two years', () => {
  it('lists what was added and what ended', () => {
    const d = diffYears(model, 1999, 2004);
    expect(d.added).toEqual(['r-ab2', 'r-sa']);
    expect(d.ended).toEqual(['r-ab', 'r-ar1', 'r-fa']);
  });

  it('agrees with the visible sets of the two years', () => {
    for (const [y1, y2] of [[1998, 2003], [2001, 2002], [2004, 2005], [1990, 2010]] as const) {
      const a = visibleSubgraph(model, { kind: 'year', year: y1 }).edges;
      const b = visibleSubgraph(model, { kind: 'year', year: y2 }).edges;
      const d = diffYears(model, y1, y2);
      expect(d.added).toEqual([...b].filter((id) => !a.has(id)).sort());
      expect(d.ended).toEqual([...a].filter((id) => !b.has(id)).sort());
    }
  });

  it('keeps overlapping stages: a weakly dated convergence beside the dated stages is part of each year\'s set', () => {
    const net = network();
    net.edges.push(rel('r-ab-u', 'a', 'b', 'CONVERGENCE', null, null));
    const m = buildGraphModel(net, vocabulary.relationshipTypes);
    expect(diffYears(m, 2001, 2002).changedStage).toEqual([{ a: 'a', b: 'b', fromStages: [1, 3], toStages: [2, 3], before: ['r-ab', 'r-ab-u'], after: ['r-ab-u', 'r-ab2'] }]);
    const dated = diffYears(m, 2001, 2002, { datedOnly: true });
    expect(dated.changedStage).toEqual([{ a: 'a', b: 'b', fromStages: [1], toStages: [2], before: ['r-ab'], after: ['r-ab2'] }]);
    expect(diffYears(m, 1990, 2010, { datedOnly: true }).ended).not.toContain('r-de');
  });

  it('finds pairs whose stages changed; a pair asserted at one time only is an addition or an end', () => {
    const d = diffYears(model, 2001, 2002);
    expect(d.changedStage).toEqual([{ a: 'a', b: 'b', fromStages: [1], toStages: [2], before: ['r-ab'], after: ['r-ab2'] }]);
    const gone = diffYears(model, 2003, 2004);
    expect(gone.changedStage.map((c) => c.a + c.b)).not.toContain('cd');
    expect(gone.ended).toContain('r-cd');
  });

  it('maps a diff to compare-mode classes (changed stage wins over added)', () => {
    const classes = changeClasses(diffYears(model, 2001, 2002));
    expect(classes.get('r-ab2')).toBe('changed');
    expect(classes.get('r-ab')).toBe('ended');
    expect(classes.get('r-fa')).toBeUndefined();
    const appears = changeClasses(diffYears(model, 1999, 2000));
    expect(appears.get('r-cd')).toBe('added');
  });

  it('normalises the API diff', () => {
    const changed = (id: string): ChangedRelationship => ({ id, typeLabel: 'x', directed: false, stage: null, validity: { from: '2001', to: '2002', fromYear: 2001, toYear: 2002, fromBasis: 'STATED', toBasis: 'STATED', label: '2001–2002' }, source: { id: 'a', name: 'A' }, target: { id: 'b', name: 'B' }, citations: [] });
    const api: Diff = {
      fromYear: 2001,
      toYear: 2002,
      truncated: false,
      added: [changed('r-ab2')],
      ended: [changed('r-ab')],
      changedStage: [{ a: { id: 'a', name: 'A' }, b: { id: 'b', name: 'B' }, fromStages: ['OPERATIONAL'], toStages: ['ALLIANCE'], before: [changed('r-ab')], after: [changed('r-ab2')] }],
    };
    const order: Record<string, number> = { OPERATIONAL: 1, ALLIANCE: 2 };
    const local = fromApiDiff(api, (s) => order[s] ?? 0);
    expect(local.changedStage[0]).toMatchObject({ fromStages: [1], toStages: [2] });
    const stageOf = (id: string) => model.edges.find((e) => e.data.id === id)?.data.stage ?? null;
    expect(changeClasses(local, stageOf)).toEqual(changeClasses(diffYears(model, 2001, 2002), stageOf));
  });
});
