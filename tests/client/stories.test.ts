import { describe, expect, it } from 'vitest';
import { decodeViewState, encodeViewState } from '../../client/src/model/url.js';
import { CONTINUUM_STAGES, endStoryIfLeft, STORIES, storyById, storyStillApplies, storyYears } from '../../client/src/model/stories.js';
import { buildGraphModel } from '../../client/src/model/elements.js';
import { visibleSubgraph } from '../../client/src/model/visibility.js';
import { network, vocabulary } from './fixtures.js';

describe('stories', () => {
  it('has unique ids, a title and a one-line caption each', () => {
    expect(new Set(STORIES.map((s) => s.id)).size).toBe(STORIES.length);
    for (const s of STORIES) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.caption).not.toContain('\n');
      expect(s.state.story).toBe(s.id);
    }
  });

  it('encodes each preset as a URL that round-trips', () => {
    for (const s of STORIES) expect(decodeViewState(encodeViewState(s.state))).toEqual(s.state);
  });

  it('IMU story: ego network of the IMU, continuum stages only, dated links only, 1997 playing to 2001', () => {
    const imu = storyById('imu-drift')!;
    expect(encodeViewState(imu.state)).toBe(
      'y=1997&types=NO_RELATIONSHIP%2COPERATIONAL%2CALLIANCE%2CCONVERGENCE&dated=1&focus=imu&sel=a%3Aimu&story=imu-drift',
    );
    expect(imu.state.filters.types).toEqual(CONTINUUM_STAGES);
    expect(imu.sequence).toEqual({ kind: 'play', to: 2001 });
    expect(storyYears(imu)).toEqual([1997, 1998, 1999, 2000, 2001]);
  });

  it('9/11 story compares 2000 with 2002; capacity story shows 1995 then 2008', () => {
    expect(encodeViewState(storyById('before-after-9-11')!.state)).toBe('mode=compare&y=2002&from=2000&dated=1&story=before-after-9-11');
    const cap = storyById('state-capacity')!;
    expect(encodeViewState(cap.state)).toBe('y=1995&countries=Kyrgyzstan%2CTajikistan&story=state-capacity');
    expect(storyYears(cap)).toEqual([1995, 2008]);
  });

  it('stays active while the year moves, ends when filters, focus or mode change', () => {
    const imu = storyById('imu-drift')!;
    expect(storyStillApplies(imu, { ...imu.state, year: 2000 })).toBe(true);
    // the same filters in another order still apply
    expect(storyStillApplies(imu, { ...imu.state, filters: { ...imu.state.filters, types: [...CONTINUUM_STAGES].reverse() } })).toBe(true);
    expect(endStoryIfLeft({ ...imu.state, year: 2001 }).story).toBe('imu-drift');
    expect(endStoryIfLeft({ ...imu.state, filters: { ...imu.state.filters, datedOnly: false } }).story).toBeNull();
    expect(endStoryIfLeft({ ...imu.state, focus: null }).story).toBeNull();
    expect(endStoryIfLeft({ ...imu.state, mode: 'all' }).story).toBeNull();
    expect(endStoryIfLeft({ ...imu.state, story: 'no-such-story' }).story).toBeNull();
    const plain = decodeViewState('y=1999');
    expect(endStoryIfLeft(plain)).toBe(plain);
  });

  it('the IMU-like preset shows only stage edges in the model', () => {
    const model = buildGraphModel(network(), vocabulary.relationshipTypes);
    const st = storyById('imu-drift')!.state;
    const v = visibleSubgraph(model, { kind: 'year', year: 1999 }, st.filters, { id: 'a', depth: 1 });
    const stages = new Map(model.edges.map((e) => [e.data.id, e.data.stage]));
    expect(v.edges.size).toBeGreaterThan(0);
    for (const id of v.edges) expect(stages.get(id)).toBeGreaterThanOrEqual(0);
  });
});
