import { describe, expect, it } from 'vitest';
import { decodeViewState, defaultViewState, encodeViewState, PATH_LIMITS, type ViewState } from '../../client/src/model/url.js';

describe('URL state', () => {
  it('round-trips a full view', () => {
    const state: ViewState = {
      mode: 'window',
      year: 2004,
      from: 1999,
      to: null,
      filters: { kinds: ['TERRORIST_GROUP', 'CRIMINAL_GROUP'], types: ['ALLIANCE'], minConfidence: 'REPORTED', countries: ['Tajikistan', 'Kyrgyz Republic'], datedOnly: true },
      focus: { id: 'imu', depth: 2 },
      selected: 'r:d000-r004',
      path: {
        from: 'imu',
        to: 'taliban',
        mode: 'K_SHORTEST',
        k: 5,
        maxHops: 3,
        types: ['LEADS'],
        stages: ['ALLIANCE', 'CONVERGENCE'],
        useTime: true,
        timeRespecting: true,
        maxGap: 2,
        includeNonConnecting: true,
        minConfidence: 'ALLEGED',
        exclude: ['al-qaeda', 'hizb-ut-tahrir'],
      },
      story: 'imu-hybrid',
      storyStep: 3,
      timeline: true,
      table: false,
      map: false,
      ws: [{ op: 'seed', ids: ['imu'] }, { op: 'expand', id: 'imu', types: ['ALLIANCE'], minConfidence: null, years: { from: 1997, to: 2001 } }],
    };
    const qs = encodeViewState(state);
    expect(decodeViewState(qs)).toEqual(state);
    expect(decodeViewState(`?${qs}`)).toEqual(state);
  });

  it('opens the map view with map=1, never beside the timeline or the table', () => {
    const s = { ...defaultViewState(), year: 2000, map: true };
    expect(encodeViewState(s)).toBe('y=2000&map=1');
    expect(decodeViewState('y=2000&map=1')).toEqual(s);
    expect(decodeViewState('y=2000&map=1&tl=1')).toMatchObject({ timeline: true, map: false });
    expect(decodeViewState('y=2000&map=1&tab=1')).toMatchObject({ table: true, map: false });
  });

  it('keeps default links short and decodes the empty query to the defaults', () => {
    expect(encodeViewState(defaultViewState())).toBe('');
    expect(decodeViewState('')).toEqual(defaultViewState());
    expect(encodeViewState({ ...defaultViewState(), year: 1999 })).toBe('y=1999');
  });

  it('round-trips year and compare modes and the selection of an actor', () => {
    for (const s of [
      { ...defaultViewState(), year: 2001, selected: 'a:imu' },
      { ...defaultViewState(), mode: 'compare' as const, year: 2005, from: 1998 },
      { ...defaultViewState(), mode: 'all' as const, year: 2005 },
    ]) {
      expect(decodeViewState(encodeViewState(s))).toEqual(s);
    }
  });

  it('encodes "dated links only" as dated=1 and leaves it out when off', () => {
    const on = { ...defaultViewState(), year: 1999, filters: { ...defaultViewState().filters, datedOnly: true } };
    expect(encodeViewState(on)).toBe('y=1999&dated=1');
    expect(decodeViewState('y=1999&dated=1')).toEqual(on);
    expect(decodeViewState('y=1999&dated=0').filters.datedOnly).toBe(false);
  });

  it('ignores malformed values', () => {
    const s = decodeViewState('mode=bogus&y=abc&conf=SURE&depth=9&focus=imu&sel=zzz&pf=a&pm=FAST&ph=99');
    expect(s.mode).toBe('year');
    expect(s.year).toBeNull();
    expect(s.filters.minConfidence).toBeNull();
    expect(s.focus).toEqual({ id: 'imu', depth: 3 });
    expect(s.selected).toBeNull();
    expect(s.path).toBeNull();
    expect(decodeViewState('story=Bad%20Id!').story).toBeNull();
    expect(decodeViewState('pf=a&pt=b&pm=FAST&ph=99').path).toMatchObject({ mode: 'SHORTEST', maxHops: PATH_LIMITS.maxHops }); // the API's bound (6)
  });
});
