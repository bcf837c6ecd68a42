/** Timeline, dyad stage history and diffs on the fixture graph. */
import { describe, expect, it } from 'vitest';
import { buildTimeline, diffNetworks, dyadPeriods, strongestStageAt, validityFrom } from '../../server/services/history.js';
import { validDuring, yearRange } from '../../server/domain/time.js';
import { fixtureDataset } from '../fixtures/graph.js';

const ds = fixtureDataset();
const validity = validityFrom(ds.actors);
const validAt = (year: number) => ds.relationships.filter((r) => validDuring(r.interval, yearRange(year)));

describe('history', () => {
  it('the a–b pair moves from operational to alliance in 2002 and back to nothing after 2004', () => {
    const ab = ds.relationships.filter((r) => [r.source, r.target].sort().join() === 'a,b');
    expect(strongestStageAt(ab, 2000, validity)).toBe('operational');
    expect(strongestStageAt(ab, 2003, validity)).toBe('alliance');
    expect(strongestStageAt(ab, 2006, validity)).toBeNull();
    expect(dyadPeriods(ab, validity).map((p) => [p.fromYear, p.toYear, p.stage])).toEqual([
      [1997, 2001, 'operational'],
      [2002, 2004, 'alliance'],
    ]);
  });

  it('the timeline marks starts, ends, stage changes and events by year', () => {
    const t = buildTimeline(ds.actors, ds.relationships, ds.events);
    expect(t.minYear).toBe(1996);
    expect(t.maxYear).toBe(2010);
    const y2002 = t.years.find((y) => y.year === 2002)!;
    expect(y2002.changes.some((c) => c.kind === 'STAGE_CHANGES' && c.fromStage === 'operational' && c.toStage === 'alliance')).toBe(true);
    expect(y2002.changes.some((c) => c.kind === 'RELATIONSHIP_ENDS' && c.relationship?.id === 'r-fa')).toBe(true);
    expect(t.years.find((y) => y.year === 1999)!.events.map((e) => e.id)).toEqual(['ev-1999-raid']);
  });

  it('judges time on validity: an open end stops with its actor, and a successor is not cut off', () => {
    const bc = ds.relationships.filter((r) => r.id === 'r-bc'); // 1999–open, c active 1999–2010
    expect(dyadPeriods(bc, validity).map((p) => [p.fromYear, p.toYear, p.stage])).toEqual([[1999, 2010, 'alliance']]);
    const t = buildTimeline(ds.actors, ds.relationships, ds.events);
    expect(t.years.find((y) => y.year === 2010)!.changes.some((c) => c.kind === 'RELATIONSHIP_ENDS' && c.relationship?.id === 'r-bc')).toBe(true);
  });

  it('a diff lists what was added, what ended and which pairs changed stage', () => {
    const d = diffNetworks(validAt(2000), validAt(2003), 2000, 2003, validity);
    expect(d.added.map((r) => r.id)).toEqual(['r-ab2']);
    expect(d.ended.map((r) => r.id).sort()).toEqual(['r-ab', 'r-fa']);
    expect(d.changedStage).toEqual([expect.objectContaining({ a: 'a', b: 'b', fromStage: 'operational', toStage: 'alliance' })]);
  });
});
