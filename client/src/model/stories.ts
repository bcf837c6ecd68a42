/**
 * Stories for educators, pure: the story files of seed/stories/ (bundled at build time, validated
 * by the shared zod schema), the view each step sets (a year or a window), step navigation, the
 * step counter, the store normaliser that keeps `story`/`step` in range, and an editor's "save the
 * current view as a step" (a step JSON built from the view, to paste into a story file).
 */
import imuHybrid from '../../../seed/stories/imu-hybrid.json' with { type: 'json' };
import southernKyrgyzstan from '../../../seed/stories/southern-kyrgyzstan.json' with { type: 'json' };
import tajikistanCapacity from '../../../seed/stories/tajikistan-capacity.json' with { type: 'json' };
import { storySchema, type StoryFile, type StoryStep } from '../../../server/domain/story.js';
import type { SourceInfo } from '../api/types.js';
import type { ViewState } from './url.js';

export type Story = StoryFile;
export type { StoryStep };

/** Every story file, in the order the menu lists them (a test checks none in seed/stories/ is missing). */
export const STORIES: readonly Story[] = [imuHybrid, tajikistanCapacity, southernKyrgyzstan].map((f) => storySchema.parse(f));

export function storyById(id: string | null): Story | null {
  return STORIES.find((s) => s.id === id) ?? null;
}

/** The step the view is at, 1-based and clamped to the story (a link without `step` opens step 1). */
export function stepNumber(story: Story, state: Pick<ViewState, 'storyStep'>): number {
  const n = state.storyStep ?? 1;
  return Math.max(1, Math.min(story.steps.length, Math.trunc(n)));
}

export function stepAt(story: Story, n: number): StoryStep {
  return story.steps[Math.max(1, Math.min(story.steps.length, n)) - 1]!;
}

/** "2 / 6". */
export function stepCounter(story: Story, n: number): string {
  return `${n} / ${story.steps.length}`;
}

/** The step `delta` away (forwards +1, back −1), or null past either end. */
export function neighbourStep(story: Story, n: number, delta: number): number | null {
  const next = n + delta;
  return next >= 1 && next <= story.steps.length ? next : null;
}

/**
 * The view a step sets: its year (year mode) or window, no ego focus, path or selection (the story
 * frames its actors and highlights its relationships on the graph itself; a selection would fade them).
 */
export function stepView(story: Story, n: number): Partial<ViewState> {
  const step = stepAt(story, n);
  const time: Partial<ViewState> = step.window
    ? { mode: 'window', from: step.window.from, to: step.window.to, year: step.window.to }
    : { mode: 'year', year: step.year ?? null, from: null, to: null };
  return { ...time, story: story.id, storyStep: n, focus: null, path: null, ws: null, selected: null };
}

/** Store normaliser: drops an unknown story, keeps the step in range, and no step without a story. */
export function endStoryIfLeft(state: ViewState): ViewState {
  if (state.story === null) return state.storyStep === null ? state : { ...state, storyStep: null };
  const story = storyById(state.story);
  if (!story) return { ...state, story: null, storyStep: null };
  const n = stepNumber(story, state);
  return n === state.storyStep ? state : { ...state, storyStep: n };
}

/** The actors a step frames: its focus plus both ends of its highlighted relationships. */
export function stepActors(step: StoryStep, endsOf: (relationshipId: string) => readonly string[]): string[] {
  return [...new Set([...step.focus, ...step.relationships.flatMap((id) => endsOf(id))])];
}

/**
 * An editor's new step from the current view: the year or window, the focus (the ego focus, else the
 * selected actor, else the selected relationship's two actors), the selected relationship, the
 * caption typed; citations are left for the editor to add (the story test refuses a step without one).
 */
export function stepFromView(state: ViewState, caption: string, endsOf: (relationshipId: string) => readonly string[]): Record<string, unknown> {
  const rel = state.selected?.startsWith('r:') ? state.selected.slice(2) : null;
  const actor = state.selected?.startsWith('a:') ? state.selected.slice(2) : null;
  const focus = state.focus ? [state.focus.id] : actor ? [actor] : rel ? [...endsOf(rel)] : [];
  const time =
    state.mode === 'window' && state.from !== null && state.year !== null
      ? { window: { from: Math.min(state.from, state.year), to: Math.max(state.from, state.year) } }
      : { year: state.year };
  return { ...time, focus, relationships: rel ? [rel] : [], caption: caption.trim(), citations: [] };
}

/** How a quote names its document: "Svante Cornell (2004)", or the title when no author is printed. */
export function sourceLabel(source: SourceInfo | undefined, id: string): string {
  if (!source) return id;
  const who = source.authors.length > 0 ? source.authors.join(' & ') : source.title;
  return source.year !== null ? `${who} (${source.year})` : who;
}
