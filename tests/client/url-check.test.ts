import { describe, expect, it } from 'vitest';
import { decodeViewState } from '../../client/src/model/url.js';
import { checkViewState, type KnownValues } from '../../client/src/model/url-check.js';

const known: KnownValues = {
  actors: new Set(['imu', 'taliban', 'namangani']),
  relationships: new Set(['imu-alliance-taliban']),
  kinds: new Set(['TERRORIST_GROUP', 'STATE']),
  types: new Set(['ALLIANCE', 'LEADS']),
  stages: new Set(['ALLIANCE']),
  confidences: new Set(['STATED', 'REPORTED']),
  countries: new Set(['Tajikistan']),
  stories: new Set(['imu-hybrid']),
  pathModes: new Set(['SHORTEST', 'K_SHORTEST']),
  modes: new Set(['year', 'window', 'compare', 'all']),
  span: { min: 1953, max: 2016 },
};

const check = (search: string) => checkViewState(decodeViewState(search), search, known);

describe('checking a link against the data', () => {
  it('keeps a link that names only known things, without notices', () => {
    const search = '?y=1999&kinds=STATE&types=ALLIANCE&focus=imu&sel=r:imu-alliance-taliban&pf=imu&pt=taliban&pex=namangani&story=imu-hybrid';
    const { state, notices } = check(search);
    expect(notices).toEqual([]);
    expect(state).toEqual(decodeViewState(search));
  });

  it('drops an unknown focus, selection, kind and type, naming each with its parameter', () => {
    const { state, notices } = check('?focus=nobody&kinds=XYZ,STATE&types=ALLIANCE,FRIENDS&sel=a:ghost');
    expect(state.focus).toBeNull();
    expect(state.selected).toBeNull();
    expect(state.filters.kinds).toEqual(['STATE']);
    expect(state.filters.types).toEqual(['ALLIANCE']);
    expect(notices).toEqual([
      'kinds: “XYZ” is not an actor kind — left out.',
      'types: “FRIENDS” is not a relationship type — left out.',
      'focus: no actor has the id “nobody” — the view is not focused.',
      'sel: no actor has the id “ghost” — nothing is selected.',
    ]);
  });

  it('names malformed values the decoder ignored and clamps years outside the data', () => {
    const { state, notices } = check('?mode=sometimes&y=3000&conf=SURE&ph=two&story=nope&sel=imu');
    expect(state.year).toBe(2016);
    expect(notices).toContain('mode: “sometimes” is not a time mode (year, window, compare, all) — ignored.');
    expect(notices).toContain('conf: “SURE” is not a grade — ignored.');
    expect(notices).toContain('ph: “two” is not a whole number — ignored.');
    expect(notices).toContain('story: “nope” is not one of the stories — ignored.');
    expect(notices).toContain('sel: “imu” is not a selection (a:<actor id> or r:<relationship id>) — ignored.');
    expect(notices).toContain('y: 3000 is outside the data (1953–2016) — 2016 instead.');
  });

  it('leaves out a path search whose end is unknown, and unknown exclusions of a known one', () => {
    expect(check('?pf=imu&pt=atlantis').state.path).toBeNull();
    expect(check('?pf=imu&pt=atlantis').notices).toEqual(['pt: no actor has the id “atlantis” — the path search is left out.']);
    const kept = check('?pf=imu&pt=taliban&pex=namangani,ghost&pstages=ALLIANCE,MERGER');
    expect(kept.state.path?.exclude).toEqual(['namangani']);
    expect(kept.state.path?.stages).toEqual(['ALLIANCE']);
    expect(kept.notices).toEqual(['pstages: “MERGER” is not a continuum stage — left out.', 'pex: “ghost” is not the id of an actor — left out.']);
  });
});
