/**
 * The view's state and its URL encoding (query string), pure: a shared link reproduces the year
 * or window or comparison, the filters (with "dated links only"), the focus, the selection, the
 * path query, the active story, the open timeline, table or map view and the workspace's steps.
 */
import type { ActorKind, Confidence, ContinuumStage, PathMode, RelationshipType } from '../api/types.js';
import { EMPTY_FILTERS, type Filters, type Focus } from './visibility.js';
import { decodeSteps, encodeSteps, type WorkspaceStep } from './workspace.js';

export type TimeMode = 'year' | 'window' | 'compare' | 'all';

export interface PathState {
  from: string;
  to: string;
  mode: PathMode;
  k: number;
  maxHops: number;
  types: RelationshipType[];
  stages: ContinuumStage[];
  /** Restrict paths to the year or window on the time bar. */
  useTime: boolean;
  timeRespecting: boolean;
  /** With timeRespecting: most years between consecutive hops (null = any). */
  maxGap: number | null;
  /** Also walk relationships that do not connect actors (shared places, listings). */
  includeNonConnecting: boolean;
  minConfidence: Confidence | null;
  exclude: string[];
}

export interface ViewState {
  mode: TimeMode;
  /** The year on the slider (year mode; also the "to" end of compare). */
  year: number | null;
  /** Window from–to, or compare from (to = year). */
  from: number | null;
  to: number | null;
  filters: Filters;
  focus: Focus | null;
  /** "a:<actor id>" or "r:<relationship id>". */
  selected: string | null;
  path: PathState | null;
  /** The active story preset (its caption is shown), or null. */
  story: string | null;
  /** The open story's step, 1-based (null without a story). */
  storyStep: number | null;
  /** The timeline view is open beside the graph. */
  timeline: boolean;
  /** The table view is open beside the graph (instead of the timeline). */
  table: boolean;
  /** The map view is open beside the graph (instead of the timeline or the table). */
  map: boolean;
  /** The investigation workspace's steps (null: the whole network is explored). */
  ws: WorkspaceStep[] | null;
}

/**
 * Path query bounds, as the API enforces them (paths(maxHops) is at most 6: server MAX_PATH_HOPS; a unit
 * test checks the two agree). The path finder's inputs and the URL decoder both clamp to these.
 */
export const PATH_LIMITS = { maxHops: 6, k: 20, maxGap: 200 } as const;

export const DEFAULT_PATH: Omit<PathState, 'from' | 'to'> = {
  mode: 'SHORTEST',
  k: 3,
  maxHops: 4,
  types: [],
  stages: [],
  useTime: false,
  timeRespecting: false,
  maxGap: null,
  includeNonConnecting: false,
  minConfidence: null,
  exclude: [],
};

export function defaultViewState(): ViewState {
  return { mode: 'year', year: null, from: null, to: null, filters: { ...EMPTY_FILTERS }, focus: null, selected: null, path: null, story: null, storyStep: null, timeline: false, table: false, map: false, ws: null };
}

export const MODES: readonly TimeMode[] = ['year', 'window', 'compare', 'all'];
export const PATH_MODES: readonly PathMode[] = ['SHORTEST', 'K_SHORTEST', 'ALL_SIMPLE'];
const CONFIDENCES: readonly Confidence[] = ['STATED', 'REPORTED', 'ALLEGED', 'DISPUTED'];

function list(value: string | null): string[] {
  return value ? value.split(',').map((s) => s.trim()).filter((s) => s.length > 0) : [];
}

function int(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isInteger(n) ? n : null;
}

function clamp(n: number | null, lo: number, hi: number, fallback: number): number {
  return n === null ? fallback : Math.max(lo, Math.min(hi, n));
}

function confidence(value: string | null): Confidence | null {
  return value !== null && (CONFIDENCES as readonly string[]).includes(value) ? (value as Confidence) : null;
}

/** ViewState → query string (without "?"); defaults are omitted so links stay short. */
export function encodeViewState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.mode !== 'year') p.set('mode', state.mode);
  if (state.year !== null) p.set('y', String(state.year));
  if (state.mode === 'window' || state.mode === 'compare') {
    if (state.from !== null) p.set('from', String(state.from));
    if (state.to !== null && state.mode === 'window') p.set('to', String(state.to));
  }
  const f = state.filters;
  if (f.kinds.length) p.set('kinds', f.kinds.join(','));
  if (f.types.length) p.set('types', f.types.join(','));
  if (f.minConfidence) p.set('conf', f.minConfidence);
  if (f.countries.length) p.set('countries', f.countries.join(','));
  if (f.datedOnly) p.set('dated', '1');
  if (state.focus) {
    p.set('focus', state.focus.id);
    if (state.focus.depth !== 1) p.set('depth', String(state.focus.depth));
  }
  if (state.selected) p.set('sel', state.selected);
  if (state.story) p.set('story', state.story);
  if (state.story && state.storyStep !== null) p.set('step', String(state.storyStep));
  if (state.timeline) p.set('tl', '1');
  if (state.table) p.set('tab', '1');
  if (state.map) p.set('map', '1');
  if (state.ws) p.set('ws', encodeSteps(state.ws));
  const q = state.path;
  if (q) {
    p.set('pf', q.from);
    p.set('pt', q.to);
    if (q.mode !== DEFAULT_PATH.mode) p.set('pm', q.mode);
    if (q.k !== DEFAULT_PATH.k) p.set('pk', String(q.k));
    if (q.maxHops !== DEFAULT_PATH.maxHops) p.set('ph', String(q.maxHops));
    if (q.types.length) p.set('ptypes', q.types.join(','));
    if (q.stages.length) p.set('pstages', q.stages.join(','));
    if (q.useTime) p.set('ptime', '1');
    if (q.timeRespecting) p.set('pordered', '1');
    if (q.timeRespecting && q.maxGap !== null) p.set('pgap', String(q.maxGap));
    if (q.includeNonConnecting) p.set('pall', '1');
    if (q.minConfidence) p.set('pconf', q.minConfidence);
    if (q.exclude.length) p.set('pex', q.exclude.join(','));
  }
  return p.toString();
}

/** Query string → ViewState; unknown or malformed values fall back to defaults. */
export function decodeViewState(search: string): ViewState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const state = defaultViewState();
  const mode = p.get('mode');
  if (mode !== null && (MODES as readonly string[]).includes(mode)) state.mode = mode as TimeMode;
  state.year = int(p.get('y'));
  state.from = int(p.get('from'));
  state.to = int(p.get('to'));
  state.filters = {
    kinds: list(p.get('kinds')) as ActorKind[],
    types: list(p.get('types')) as RelationshipType[],
    minConfidence: confidence(p.get('conf')),
    countries: list(p.get('countries')),
    datedOnly: p.get('dated') === '1',
  };
  const focus = p.get('focus');
  if (focus) state.focus = { id: focus, depth: clamp(int(p.get('depth')), 1, 3, 1) };
  const sel = p.get('sel');
  if (sel && /^[ar]:.+/.test(sel)) state.selected = sel;
  const story = p.get('story');
  if (story && /^[a-z0-9-]+$/.test(story)) {
    state.story = story;
    const step = int(p.get('step'));
    state.storyStep = step !== null && step >= 1 ? step : null;
  }
  state.timeline = p.get('tl') === '1';
  state.table = p.get('tab') === '1' && !state.timeline;
  state.map = p.get('map') === '1' && !state.timeline && !state.table;
  const ws = p.get('ws');
  if (ws !== null) state.ws = decodeSteps(ws).steps;
  const from = p.get('pf');
  const to = p.get('pt');
  if (from && to) {
    const pm = p.get('pm');
    state.path = {
      from,
      to,
      mode: pm !== null && (PATH_MODES as readonly string[]).includes(pm) ? (pm as PathMode) : DEFAULT_PATH.mode,
      k: clamp(int(p.get('pk')), 1, PATH_LIMITS.k, DEFAULT_PATH.k),
      maxHops: clamp(int(p.get('ph')), 1, PATH_LIMITS.maxHops, DEFAULT_PATH.maxHops),
      types: list(p.get('ptypes')) as RelationshipType[],
      stages: list(p.get('pstages')) as ContinuumStage[],
      useTime: p.get('ptime') === '1',
      timeRespecting: p.get('pordered') === '1',
      maxGap: p.get('pordered') === '1' && int(p.get('pgap')) !== null ? clamp(int(p.get('pgap')), 0, PATH_LIMITS.maxGap, 0) : null,
      includeNonConnecting: p.get('pall') === '1',
      minConfidence: confidence(p.get('pconf')),
      exclude: list(p.get('pex')),
    };
  }
  return state;
}
