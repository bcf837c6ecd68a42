/**
 * Stories for educators, pure: each preset is a view state (set through the same URL state as any
 * shared link), a one-line caption that only says what the data shows, and an optional sequence of
 * years to move through (play year by year, or jump to a later year).
 */
import type { ContinuumStage } from '../api/types.js';
import { changeKeyText } from './colours.js';
import { diffYears } from './diff.js';
import type { GraphModel } from './elements.js';
import { countOf } from './text.js';
import { defaultViewState, type ViewState } from './url.js';
import { EMPTY_FILTERS, visibleSubgraph, type Filters } from './visibility.js';

/** After the preset's first year: play year by year to `to`, or show each of `years` in turn. */
export type StorySequence = { kind: 'play'; to: number } | { kind: 'steps'; years: number[] };

export interface Story {
  id: string;
  title: string;
  caption: string;
  /** The view the story opens with (its `story` field is the story's id). */
  state: ViewState;
  sequence: StorySequence | null;
}

export const CONTINUUM_STAGES: readonly ContinuumStage[] = ['NO_RELATIONSHIP', 'OPERATIONAL', 'ALLIANCE', 'CONVERGENCE'];

function preset(id: string, patch: Partial<ViewState>): ViewState {
  return { ...defaultViewState(), ...patch, filters: { ...EMPTY_FILTERS, ...patch.filters }, story: id };
}

export const STORIES: readonly Story[] = [
  {
    id: 'imu-drift',
    title: 'The IMU’s drift into drug trafficking, 1997–2001',
    caption: 'Relationships of the IMU on the crime–terror continuum (dated links only), year by year, 1997–2001.',
    state: preset('imu-drift', {
      mode: 'year',
      year: 1997,
      filters: { ...EMPTY_FILTERS, types: [...CONTINUUM_STAGES], datedOnly: true },
      focus: { id: 'imu', depth: 1 },
      selected: 'a:imu',
    }),
    sequence: { kind: 'play', to: 2001 },
  },
  {
    id: 'before-after-9-11',
    title: 'The network before and after 9/11',
    caption: `Dated relationships in 2000 compared with 2002: ${changeKeyText()}.`,
    state: preset('before-after-9-11', {
      mode: 'compare',
      from: 2000,
      year: 2002,
      filters: { ...EMPTY_FILTERS, datedOnly: true },
    }),
    sequence: null,
  },
  {
    id: 'state-capacity',
    title: 'State capacity in Tajikistan and Kyrgyzstan',
    caption: 'Relationships touching Tajikistan and Kyrgyzstan; rated regions are coloured by state capacity (see the State capacity panel), 1995 then 2008.',
    state: preset('state-capacity', {
      mode: 'year',
      year: 1995,
      filters: { ...EMPTY_FILTERS, countries: ['Kyrgyzstan', 'Tajikistan'] },
    }),
    sequence: { kind: 'steps', years: [2008] },
  },
];

export function storyById(id: string | null): Story | null {
  return STORIES.find((s) => s.id === id) ?? null;
}

/** The years the story moves through, first to last (for fitting the graph to all of them). */
export function storyYears(story: Story): number[] {
  const first = story.state.year ?? 0;
  const seq = story.sequence;
  if (!seq) return story.state.mode === 'compare' && story.state.from !== null ? [story.state.from, first] : [first];
  if (seq.kind === 'steps') return [first, ...seq.years];
  const out: number[] = [];
  for (let y = first; y <= seq.to; y++) out.push(y);
  return out;
}

function sameFilters(x: Filters, y: Filters): boolean {
  const set = (l: readonly string[]) => [...l].sort().join(',');
  return (
    set(x.kinds) === set(y.kinds) &&
    set(x.types) === set(y.types) &&
    set(x.countries) === set(y.countries) &&
    x.minConfidence === y.minConfidence &&
    x.datedOnly === y.datedOnly
  );
}

/**
 * Whether the view still is the story's: the same filters, focus and time mode (the year may move,
 * since the story itself plays through years). Changing any of these ends the story.
 */
export function storyStillApplies(story: Story, state: ViewState): boolean {
  const a = story.state;
  return (
    state.story === story.id &&
    state.mode === a.mode &&
    sameFilters(state.filters, a.filters) &&
    JSON.stringify(state.focus) === JSON.stringify(a.focus)
  );
}

/** Store normaliser: drops an unknown story, or one whose view the user has left. */
export function endStoryIfLeft(state: ViewState): ViewState {
  if (state.story === null) return state;
  const story = storyById(state.story);
  return story && storyStillApplies(story, state) ? state : { ...state, story: null };
}

export interface CaptionNames {
  actor(id: string): string;
  /** Stage order 0..3 → label. */
  stage(order: number): string;
  relationship(id: string): string;
}

/**
 * A story step's caption, built from what actually changes between the step before and this one
 * in the story's view (its filters and focus): the pairs whose stages change, then what starts
 * and what ends. The first step says what is shown.
 */
export function stepCaption(model: GraphModel, story: Story, prevYear: number | null, year: number, names: CaptionNames): string {
  const st = story.state;
  const now = visibleSubgraph(model, { kind: 'year', year }, st.filters, st.focus);
  if (prevYear === null) return `${year}: ${countOf(now.edges.size, 'relationship')} among ${countOf(now.nodes.size, 'actor')}.`;
  const before = visibleSubgraph(model, { kind: 'year', year: prevYear }, st.filters, st.focus);
  const d = diffYears(model, prevYear, year, { datedOnly: st.filters.datedOnly, only: new Set([...before.edges, ...now.edges]) });
  const stages = (orders: number[]) => orders.map(names.stage).join(' + ').toLowerCase();
  const parts: string[] = d.changedStage.map((c) => `${names.actor(c.a)} – ${names.actor(c.b)}: ${stages(c.fromStages)} → ${stages(c.toStages)}`);
  const list = (ids: string[]) => ids.slice(0, 2).map(names.relationship).join('; ') + (ids.length > 2 ? `; +${ids.length - 2} more` : '');
  if (d.added.length) parts.push(`begins: ${list(d.added)}`);
  if (d.ended.length) parts.push(`ends: ${list(d.ended)}`);
  return `${year}: ${parts.length ? parts.join(' · ') : 'no change in what the story shows'}.`;
}
