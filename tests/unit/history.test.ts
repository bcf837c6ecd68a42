/** Lifespans, validity, stage periods with overlaps, the timeline and the temporal rules, as pure functions. */
import { describe, expect, it } from 'vitest';
import { deriveDataset, deriveLifespan, deriveRelationship, sourcePeriodsOf, AttestationIndex } from '../../server/domain/derive.js';
import { stageChangesBetween, stagePeriods, stageSequence, stagesInYear } from '../../server/domain/stages.js';
import { ANY_DAY, chooseDays, chooseHops, extendReach, reachesOf } from '../../server/domain/temporal.js';
import { datePointEnd, datePointStart, yearRange } from '../../server/domain/time.js';
import { buildTimeline, stageChangeYears } from '../../server/services/history.js';
import { claim, fixtureDataset, rel } from '../fixtures/graph.js';

const ds = fixtureDataset();
const { actors, relationships } = deriveDataset(ds);
const byId = new Map(relationships.map((r) => [r.id, r]));
const periods = sourcePeriodsOf(ds.sources);
const S = datePointStart;
const E = datePointEnd;

describe('lifespans', () => {
  const actor = { lifespan: [], citations: [{ source: 'fx-doc' }] };

  it('a side without readings takes the widest of the dated evidence and the documents\' periods', () => {
    const seen = new AttestationIndex();
    seen.add('x', '1985');
    seen.add('x', '2001-06');
    const span = deriveLifespan(actor, seen.get('x'), periods);
    expect([span.from.date, span.from.basis, span.to.date, span.to.basis]).toEqual(['1985', 'attested', '2015', 'source_period']);
  });

  it('keeps every reading of a contested side, the earliest start and the latest end', () => {
    const read = (event: 'founded' | 'dissolved', date: string, latest: string | null = null) => ({ event, date, latest, basis: 'stated' as const, source: 'fx-doc', quote: 'x happened then.', datedBy: null });
    const span = deriveLifespan({ ...actor, lifespan: [read('founded', '1998'), read('founded', '1990', '1993'), read('dissolved', '2009')] }, undefined, periods);
    expect(span.from).toMatchObject({ date: '1990', earliest: '1990', latest: '1998', uncertain: true, basis: 'stated' });
    expect(span.to).toMatchObject({ date: '2009', uncertain: false });
  });

  it('a derived end never crosses a dated start', () => {
    const seen = new AttestationIndex();
    seen.add('x', '1992');
    const span = deriveLifespan({ lifespan: [{ event: 'founded', date: '1996', latest: null, basis: 'stated', source: 'fx-memo', quote: 'founded then.', datedBy: null }], citations: [{ source: 'fx-memo' }] }, seen.get('x'), sourcePeriodsOf([{ id: 'fx-memo', period: { from: '1990', to: '1994' } }]));
    expect([span.from.date, span.to.date]).toEqual(['1996', '1996']);
  });
});

describe('validity', () => {
  it('the claims\' dates; an undated end bounded by the lifespans or the document\'s period, whichever is narrower', () => {
    expect(byId.get('r-ab')!.validity).toMatchObject({ from: { date: '1997', basis: 'stated' }, to: { date: '2001', basis: 'stated' } });
    expect(byId.get('r-bc')!.validity.to).toMatchObject({ date: '2010', basis: 'lifespan' });
    expect(byId.get('r-bd')!.validity).toMatchObject({ from: { date: '2001', basis: 'source_period' }, to: { date: '2008', basis: 'source_period' } });
  });

  it('a passage-dated claim cites its passage among the citations', () => {
    const r = deriveRelationship(
      { ...rel('x', 'a', 'b', 'alliance', null, null, 'stated'), claims: [{ ...claim('They allied.', 'stated', null, null), from: '1999', fromBasis: 'passage', datedBy: { quote: 'In 1999, things changed.' } }] },
      actors.find((a) => a.id === 'a')!.span,
      actors.find((a) => a.id === 'b')!.span,
      periods,
    );
    expect(r.validity.from).toMatchObject({ date: '1999', basis: 'passage' });
    expect(r.citations.map((c) => c.quote)).toEqual(['They allied.', 'In 1999, things changed.']);
  });
});

describe('stage periods', () => {
  const ab = relationships.filter((r) => ['r-ab', 'r-ab2'].includes(r.id));

  it('each stage\'s own claims make its periods: operational 1997–2001, then alliance 2002–2004', () => {
    expect(stagePeriods(ab).map((p) => [p.stage, p.fromYear, p.toYear, p.overlaps])).toEqual([['operational', 1997, 2001, []], ['alliance', 2002, 2004, []]]);
    expect(stageSequence(stagePeriods(ab))).toEqual(['operational', 'alliance']);
  });

  it('overlapping stages are reported as overlapping, never folded into the strongest', () => {
    const over = deriveDataset({ ...ds, relationships: [rel('x1', 'a', 'b', 'alliance', '1997', '1999', 'stated'), rel('x2', 'a', 'b', 'convergence', '1999', '2001', 'stated')] }).relationships;
    const p = stagePeriods(over);
    expect(p.map((x) => [x.stage, x.fromYear, x.toYear, x.overlaps])).toEqual([['alliance', 1997, 1999, ['convergence']], ['convergence', 1999, 2001, ['alliance']]]);
    expect(stagesInYear(p, 1998)).toEqual(['alliance']);
    expect(stagesInYear(p, 1999)).toEqual(['alliance', 'convergence']);
    expect(stageChangeYears(p)).toEqual([
      { year: 1999, fromStages: ['alliance'], toStages: ['alliance', 'convergence'] },
      { year: 2000, fromStages: ['alliance', 'convergence'], toStages: ['convergence'] },
    ]);
  });

  it('two facts of one stage that touch make one period', () => {
    const two = deriveDataset({ ...ds, relationships: [rel('x1', 'a', 'b', 'alliance', '1997', '1999', 'stated'), rel('x2', 'a', 'b', 'alliance', '2000', '2001', 'stated')] }).relationships;
    expect(stagePeriods(two).map((p) => [p.fromYear, p.toYear, p.relationships.map((r) => r.id)])).toEqual([[1997, 2001, ['x1', 'x2']]]);
  });

  it('between two times, a pair whose stages differ is a stage change', () => {
    const at = (year: number) => relationships.filter((r) => r.validity.from.day <= yearRange(year).end && r.validity.to.day >= yearRange(year).start);
    const changes = stageChangesBetween(at(2000), at(2003));
    expect(changes.map((c) => [c.a, c.b, c.fromStages, c.toStages])).toEqual([['a', 'b', ['operational'], ['alliance']]]);
  });
});

describe('the timeline', () => {
  it('marks lifespans, validity ends with their basis, stage changes and events by year', () => {
    const t = buildTimeline(actors, relationships, ds.events);
    expect(t.minYear).toBe(1990);
    const y2002 = t.years.find((y) => y.year === 2002)!;
    expect(y2002.changes.some((c) => c.kind === 'STAGE_CHANGES' && c.fromStages?.join() === 'operational' && c.toStages?.join() === 'alliance')).toBe(true);
    expect(t.years.find((y) => y.year === 2002)!.changes.some((c) => c.kind === 'RELATIONSHIP_ENDS' && c.relationship?.id === 'r-fa' && c.basis === 'stated')).toBe(true);
    expect(t.years.find((y) => y.year === 2010)!.changes.some((c) => c.kind === 'RELATIONSHIP_ENDS' && c.relationship?.id === 'r-bc' && c.basis === 'lifespan')).toBe(true);
    expect(t.years.find((y) => y.year === 1999)!.events.map((e) => e.id)).toEqual(['ev-1999-raid']);
  });
});

describe('time-respecting reach', () => {
  it('keeps the days each hop can be taken after the ones before it', () => {
    expect(extendReach(ANY_DAY, [S('1998'), E('2002')], null)).toEqual([S('1998'), E('2002')]);
    expect(extendReach([S('1998'), E('2002')], [S('1997'), E('2001'), S('2002'), E('2004')], null)).toEqual([S('1998'), E('2004')]);
    expect(extendReach([S('2005'), E('2010')], [S('2000'), E('2003')], null)).toEqual([]);
  });

  it('a maximum gap limits how long after the previous hop the next may be taken', () => {
    expect(extendReach([S('2000'), E('2003')], [S('2005'), E('2010')], 365)).toEqual([]);
    expect(extendReach([S('2000'), E('2003')], [S('2005'), E('2010')], 731)).toEqual([S('2005'), E('2003') + 731]);
  });

  it('chooses one day per hop: earliest arrival, then the latest day that fits before it', () => {
    const reaches = reachesOf([[S('1998'), E('2002')], [S('1997'), E('2001')], [S('2001'), E('2005')]], null)!;
    expect(chooseDays(reaches, null)).toEqual([S('2001'), S('2001'), S('2001')]);
    expect(reachesOf([[S('2005'), E('2006')], [S('2000'), E('2001')]], null)).toBeNull();
  });

  it('picks for each hop the surest relationship valid on its day', () => {
    type C = { id: string; span: [number, number]; rank: number };
    const rules = { span: (c: C) => c.span, better: (a: C, b: C) => b.rank - a.rank, listed: (a: C, b: C) => (a.id < b.id ? -1 : 1) };
    const early: C = { id: 'early', span: [S('1990'), E('1995')], rank: 3 };
    const late: C = { id: 'late', span: [S('2000'), E('2005')], rank: 1 };
    const next: C = { id: 'next', span: [S('2003'), E('2004')], rank: 2 };
    const hops = chooseHops([[early, late], [next]], rules, { maxGapDays: null })!;
    expect(hops.map((h) => h.primary.id)).toEqual(['late', 'next']);
    expect(hops[0]!.alternatives.map((c) => c.id)).toEqual(['early']);
    expect(chooseHops([[early, late], [next]], rules, null)!.map((h) => h.primary.id)).toEqual(['early', 'next']);
  });
});
