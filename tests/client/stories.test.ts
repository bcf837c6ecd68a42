/**
 * Story model: the bundled stories, step navigation (forwards, back, clamped at both ends), the view
 * each step sets, the URL that holds story and step (a shared link opens at that step), the store
 * normaliser, and an editor's step built from the current view.
 */
import { describe, expect, it } from 'vitest';
import { endStoryIfLeft, neighbourStep, sourceLabel, stepActors, stepCounter, stepFromView, stepNumber, stepView, STORIES, storyById } from '../../client/src/model/stories.js';
import { decodeViewState, defaultViewState, encodeViewState, type ViewState } from '../../client/src/model/url.js';
import { storyStepSchema } from '../../server/domain/story.js';

const imu = () => storyById('imu-hybrid')!;
const at = (patch: Partial<ViewState>): ViewState => ({ ...defaultViewState(), ...patch });

describe('stories', () => {
  it('bundles the three story files with distinct ids', () => {
    expect(STORIES.map((s) => s.id)).toEqual(['imu-hybrid', 'tajikistan-capacity', 'southern-kyrgyzstan']);
    expect(imu().title).toMatch(/^The IMU: from Islamist movement to hybrid trafficking organisation/);
  });

  it('steps forwards and back, and stops at both ends', () => {
    const story = imu();
    const total = story.steps.length;
    expect(neighbourStep(story, 1, -1)).toBeNull();
    expect(neighbourStep(story, 1, 1)).toBe(2);
    expect(neighbourStep(story, total, 1)).toBeNull();
    expect(neighbourStep(story, total, -1)).toBe(total - 1);
    expect(stepCounter(story, 2)).toBe(`2 / ${total}`);
  });

  it('a year step sets year mode, a window step sets the window; neither keeps a focus, path or selection', () => {
    const story = imu();
    expect(stepView(story, 1)).toMatchObject({ mode: 'year', year: 1990, story: 'imu-hybrid', storyStep: 1, focus: null, path: null, selected: null });
    expect(stepView(story, 2)).toMatchObject({ mode: 'window', from: 1992, to: 1997, year: 1997, storyStep: 2, selected: null });
  });

  it('the URL holds the story and its step, and a shared link opens at that step', () => {
    const state = at(stepView(imu(), 4));
    const qs = encodeViewState(state);
    expect(qs).toContain('story=imu-hybrid');
    expect(qs).toContain('step=4');
    const opened = endStoryIfLeft(decodeViewState(qs));
    expect(stepNumber(imu(), opened)).toBe(4);
    expect(opened.year).toBe(1999);
  });

  it('the normaliser clamps the step, opens step 1 without one, and drops an unknown story', () => {
    const total = imu().steps.length;
    expect(endStoryIfLeft(decodeViewState('story=imu-hybrid&step=99')).storyStep).toBe(total);
    expect(endStoryIfLeft(decodeViewState('story=imu-hybrid')).storyStep).toBe(1);
    expect(endStoryIfLeft(decodeViewState('story=no-such-story&step=2'))).toMatchObject({ story: null, storyStep: null });
    expect(decodeViewState('step=2').storyStep).toBeNull();
    const plain = at({ year: 2000 });
    expect(endStoryIfLeft(plain)).toBe(plain);
  });

  it('frames the focus actors and both ends of the highlighted relationships', () => {
    const ends = new Map([['r1', ['a', 'b']]]);
    expect(stepActors({ focus: ['a', 'c'], relationships: ['r1'], caption: 'x', citations: [], year: 1 } as never, (id) => ends.get(id) ?? [])).toEqual(['a', 'c', 'b']);
  });

  it('an editor saves the current view as a step: year or window, focus, selected relationship, caption', () => {
    const ends = (id: string) => (id === 'imu-alliance-taliban' ? ['imu', 'taliban'] : []);
    const fromWindow = stepFromView(at({ mode: 'window', from: 1997, year: 2001, selected: 'r:imu-alliance-taliban' }), '  The IMU and the Taliban.  ', ends);
    expect(fromWindow).toEqual({ window: { from: 1997, to: 2001 }, focus: ['imu', 'taliban'], relationships: ['imu-alliance-taliban'], caption: 'The IMU and the Taliban.', citations: [] });
    const fromYear = stepFromView(at({ year: 1999, selected: 'a:imu' }), 'The IMU in 1999.', ends);
    expect(fromYear).toEqual({ year: 1999, focus: ['imu'], relationships: [], caption: 'The IMU in 1999.', citations: [] });
    // once the editor adds a verbatim citation, the step is valid for a story file
    expect(storyStepSchema.safeParse({ ...fromYear, citations: [{ source: 'cornell-narcotics-imu', quote: 'a quote from the document' }] }).success).toBe(true);
    expect(storyStepSchema.safeParse(fromYear).success).toBe(false);
  });

  it('names the document of a quote by its authors and year, else its title, else its id', () => {
    expect(sourceLabel({ id: 'c', title: 'Narcotics', authors: ['Svante Cornell'], year: 2004 }, 'c')).toBe('Svante Cornell (2004)');
    expect(sourceLabel({ id: 'k', title: 'Central Asia', authors: ['Thomas Kunze', 'Michail Logvinov'], year: 2013 }, 'k')).toBe('Thomas Kunze & Michail Logvinov (2013)');
    expect(sourceLabel({ id: 'm', title: 'A memo', authors: [], year: null }, 'm')).toBe('A memo');
    expect(sourceLabel(undefined, 'gone')).toBe('gone');
  });
});
