/** The explorer's time models: dense start, chronology, compare rows, timeline lanes and step captions. */
import { describe, expect, it } from 'vitest';
import type { Claim, Diff } from '../../client/src/api/types.js';
import { changeRows } from '../../client/src/model/changes.js';
import { chronology } from '../../client/src/model/chronology.js';
import { datedPerYear, denseStart } from '../../client/src/model/density.js';
import { buildGraphModel } from '../../client/src/model/elements.js';
import { buildLanes } from '../../client/src/timeline/lanes.js';
import { network, rel, vocabulary } from './fixtures.js';

const model = buildGraphModel(network(), vocabulary.relationshipTypes);
const claim = (quote: string, from: string | null, to: string | null): Claim => ({
  citation: { quote, location: null, source: { id: 'd', title: 'Doc', authors: [], year: 2000, publisher: null, file: 'd.txt' } },
  confidence: 'STATED',
  interval: { from, to, fromYear: from ? Number(from.slice(0, 4)) : null, toYear: to ? Number(to.slice(0, 4)) : null, label: '' },
  fromBasis: from ? 'STATED' : null,
  toBasis: to ? 'STATED' : null,
  datedBy: null,
});

describe('where the data becomes dense', () => {
  it('counts dated relationships per year and starts where they reach a fifth of the peak', () => {
    const counts = datedPerYear(model, { min: 1990, max: 2010 });
    expect(counts.get(1990)).toBe(0);
    expect(counts.get(2001)).toBe(4);
    expect(denseStart(model, { min: 1990, max: 2010 })).toBe(1997);
    expect(denseStart(model, { min: 1990, max: 2010 }, 0.9)).toBe(1999);
  });
});

describe('chronology', () => {
  it('lists dated claims only, in date order, from the focus actor\'s side', () => {
    const rels = [
      { id: 'x', typeLabel: 'Alliance', stage: 'ALLIANCE' as const, directed: false, source: { id: 'b', name: 'B' }, target: { id: 'a', name: 'A' }, claims: [claim('late', '1999', null), claim('undated', null, null)] },
      { id: 'y', typeLabel: 'Leads', stage: null, directed: true, source: { id: 'f', name: 'F' }, target: { id: 'a', name: 'A' }, claims: [claim('early', '1997-05', '2001')] },
    ];
    const entries = chronology(rels, 'a');
    expect(entries.map((e) => [e.when, e.what, e.quote])).toEqual([
      ['1997-05–2001', 'F — leads — A', 'early'],
      ['from 1999', 'A — alliance — B', 'late'],
    ]);
  });
});

describe('compare rows', () => {
  it('lists stage changes first, with the years compared, then additions and ends with their validity and a quote', () => {
    const r = (id: string, quote: string) => ({ id, typeLabel: 'Alliance', directed: false, stage: 'ALLIANCE' as const, validity: { from: '1999', to: '2001', fromYear: 1999, toYear: 2001, fromBasis: 'STATED' as const, toBasis: 'STATED' as const, label: '1999–2001' }, source: { id: 'a', name: 'A' }, target: { id: 'b', name: 'B' }, citations: [{ quote, source: { title: 'Doc' } }] });
    const diff: Diff = { fromYear: 1998, toYear: 2001, truncated: false, added: [r('r1', 'q1')], ended: [], changedStage: [{ a: { id: 'a', name: 'A' }, b: { id: 'b', name: 'B' }, fromStages: ['ALLIANCE'], toStages: ['ALLIANCE', 'CONVERGENCE'], before: [], after: [{ ...r('r2', 'q2'), stage: 'CONVERGENCE' }] }] };
    const rows = changeRows(diff, (s) => s.charAt(0) + s.slice(1).toLowerCase());
    expect(rows.map((x) => [x.kind, x.text, x.years, x.quote])).toEqual([
      ['changed', 'A – B: alliance → alliance + convergence', '1998 → 2001', 'q2'],
      ['added', 'A — alliance — B', '1999–2001', 'q1'],
    ]);
  });
});

describe('timeline lanes', () => {
  it('one lane per actor, stage bars packed into rows that never overlap, marks at dated starts, earliest first', () => {
    const net = network();
    net.edges.push(rel('r-ab3', 'a', 'b', 'CONVERGENCE', 2001, 2003));
    const m = buildGraphModel(net, vocabulary.relationshipTypes);
    const lanes = buildLanes(m, new Set(m.edges.map((e) => e.data.id)), [{ id: 'ev', date: '1999-08', year: 1999, title: 'Raid', kind: 'INCURSION', actors: [{ id: 'a' }], places: [] }], { min: 1990, max: 2015 });
    const a = lanes.find((l) => l.id === 'a')!;
    const rows = new Map<number, Array<[number, number]>>();
    for (const b of a.bars) rows.set(b.row, [...(rows.get(b.row) ?? []), [b.fromYear, b.toYear]]);
    for (const spans of rows.values()) {
      const sorted = spans.sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]![0]).toBeGreaterThan(sorted[i - 1]![1]);
    }
    expect(a.rows).toBeGreaterThan(1);
    expect(a.marks.map((x) => x.relationshipId).sort()).toEqual(['r-ar1', 'r-fa', 'r-sa']);
    expect(a.events.map((e) => e.id)).toEqual(['ev']);
  });
});
