/**
 * Checks a view state read from a link against what the data knows, pure: unknown actors and
 * relationships, values outside the vocabularies, malformed parameters and years outside the data
 * are dropped (or clamped), and each one is named in a notice, so a mistyped or stale link says what
 * it lost instead of silently showing something else.
 */
import type { Vocabulary } from '../api/types.js';
import type { GraphModel } from './elements.js';
import { STORIES } from './stories.js';
import { MODES, PATH_MODES, type ViewState } from './url.js';
import { countriesOf } from './visibility.js';
import { decodeSteps, type WorkspaceStep } from './workspace.js';

export interface KnownValues {
  actors: ReadonlySet<string>;
  relationships: ReadonlySet<string>;
  kinds: ReadonlySet<string>;
  /** Relationship types, continuum stages among them. */
  types: ReadonlySet<string>;
  stages: ReadonlySet<string>;
  confidences: ReadonlySet<string>;
  countries: ReadonlySet<string>;
  stories: ReadonlySet<string>;
  pathModes: ReadonlySet<string>;
  modes: ReadonlySet<string>;
  span: { min: number; max: number };
}

/** What the loaded data and the vocabulary know, for checking a link against them. */
export function knownValuesOf(model: GraphModel, vocab: Vocabulary, span: { min: number; max: number }): KnownValues {
  return {
    actors: new Set(model.nodes.map((n) => n.data.id)),
    relationships: new Set(model.edges.map((e) => e.data.id)),
    kinds: new Set(vocab.actorKinds.map((k) => k.kind)),
    types: new Set(vocab.relationshipTypes.map((t) => t.type)),
    stages: new Set(vocab.relationshipTypes.filter((t) => t.isStage).map((t) => t.type)),
    confidences: new Set(vocab.confidenceGrades.map((c) => c.grade)),
    countries: new Set(countriesOf(model)),
    stories: new Set(STORIES.map((st) => st.id)),
    pathModes: new Set(PATH_MODES),
    modes: new Set(MODES),
    span,
  };
}

/** Every actor id a view state names: focus, selection, workspace steps, path ends and exclusions. */
export function actorIdsIn(s: ViewState): string[] {
  const ids = new Set<string>();
  if (s.focus) ids.add(s.focus.id);
  if (s.selected?.startsWith('a:')) ids.add(s.selected.slice(2));
  for (const step of s.ws ?? []) {
    if (step.op === 'seed') for (const id of step.ids) ids.add(id);
    else ids.add(step.id);
  }
  if (s.path) for (const id of [s.path.from, s.path.to, ...s.path.exclude]) ids.add(id);
  return [...ids];
}

export interface CheckedView {
  state: ViewState;
  /** One sentence per dropped or changed value, naming the link parameter. */
  notices: string[];
}

const quoted = (values: readonly string[]) => values.map((v) => `“${v}”`).join(', ');

/** Values of a list parameter that the vocabulary knows; the rest are named in a notice. */
function keepKnown<T extends string>(values: readonly T[], known: ReadonlySet<string>, param: string, what: string, notices: string[]): T[] {
  const unknown = values.filter((v) => !known.has(v));
  if (unknown.length) notices.push(`${param}: ${quoted(unknown)} ${unknown.length === 1 ? 'is not' : 'are not'} ${what} — left out.`);
  return values.filter((v) => known.has(v));
}

/** Parameters whose value the decoder could not read (it falls back to the default): named too. */
function malformed(params: URLSearchParams, known: KnownValues, notices: string[]): void {
  const enumParam = (name: string, values: ReadonlySet<string>, what: string) => {
    const v = params.get(name);
    if (v !== null && !values.has(v)) notices.push(`${name}: “${v}” is not ${what} — ignored.`);
  };
  enumParam('mode', known.modes, `a time mode (${[...known.modes].join(', ')})`);
  enumParam('conf', known.confidences, 'a grade');
  enumParam('pm', known.pathModes, 'a path mode');
  enumParam('pconf', known.confidences, 'a grade');
  for (const name of ['y', 'from', 'to', 'depth', 'pk', 'ph', 'pgap']) {
    const v = params.get(name);
    if (v !== null && v.trim() !== '' && !Number.isInteger(Number(v))) notices.push(`${name}: “${v}” is not a whole number — ignored.`);
  }
  const sel = params.get('sel');
  if (sel !== null && !/^[ar]:.+/.test(sel)) notices.push(`sel: “${sel}” is not a selection (a:<actor id> or r:<relationship id>) — ignored.`);
  const story = params.get('story');
  if (story !== null && !known.stories.has(story)) notices.push(`story: “${story}” is not one of the stories — ignored.`);
}

export function checkViewState(decoded: ViewState, search: string, known: KnownValues): CheckedView {
  const notices: string[] = [];
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  malformed(params, known, notices);
  const s: ViewState = { ...decoded, filters: { ...decoded.filters } };
  const inSpan = (name: string, year: number | null): number | null => {
    if (year === null || (year >= known.span.min && year <= known.span.max)) return year;
    const clamped = Math.max(known.span.min, Math.min(known.span.max, year));
    notices.push(`${name}: ${year} is outside the data (${known.span.min}–${known.span.max}) — ${clamped} instead.`);
    return clamped;
  };
  s.year = inSpan('y', s.year);
  s.from = inSpan('from', s.from);
  s.to = inSpan('to', s.to);
  s.filters.kinds = keepKnown(s.filters.kinds, known.kinds, 'kinds', 'an actor kind', notices);
  s.filters.types = keepKnown(s.filters.types, known.types, 'types', 'a relationship type', notices);
  s.filters.countries = keepKnown(s.filters.countries, known.countries, 'countries', 'a country of the data', notices);
  if (s.focus && !known.actors.has(s.focus.id)) {
    notices.push(`focus: no actor has the id “${s.focus.id}” — the view is not focused.`);
    s.focus = null;
  }
  if (s.selected) {
    const id = s.selected.slice(2);
    const isActor = s.selected.startsWith('a:');
    if (!(isActor ? known.actors : known.relationships).has(id)) {
      notices.push(`sel: no ${isActor ? 'actor' : 'relationship'} has the id “${id}” — nothing is selected.`);
      s.selected = null;
    }
  }
  if (s.story && !known.stories.has(s.story)) {
    s.story = null;
    s.storyStep = null;
  }
  if (s.ws) {
    const ws = params.get('ws');
    if (ws !== null) notices.push(...decodeSteps(ws).problems);
    const unknownIn = (ids: readonly string[]) => ids.filter((id) => !known.actors.has(id));
    s.ws = s.ws.flatMap((step): WorkspaceStep[] => {
      const unknown = unknownIn(step.op === 'seed' ? step.ids : [step.id]);
      if (unknown.length) notices.push(`ws: no actor has the id ${quoted(unknown)} — ${step.op === 'seed' && unknown.length < step.ids.length ? 'left out of the start' : 'that step is left out'}.`);
      if (step.op === 'seed') {
        const ids = step.ids.filter((id) => known.actors.has(id));
        return ids.length ? [{ ...step, ids }] : [];
      }
      if (step.op === 'expand') {
        const types = keepKnown(step.types, known.types, 'ws', 'a relationship type', notices);
        return unknown.length ? [] : [{ ...step, types }];
      }
      return unknown.length ? [] : [step];
    });
    if (s.ws.length === 0) s.ws = null;
  }
  if (s.path) {
    const ends = [['pf', s.path.from], ['pt', s.path.to]].filter(([, id]) => !known.actors.has(id as string));
    if (ends.length) {
      for (const [param, id] of ends) notices.push(`${param}: no actor has the id “${id}” — the path search is left out.`);
      s.path = null;
    } else {
      s.path = {
        ...s.path,
        types: keepKnown(s.path.types, known.types, 'ptypes', 'a relationship type', notices),
        stages: keepKnown(s.path.stages, known.stages, 'pstages', 'a continuum stage', notices),
        exclude: keepKnown(s.path.exclude, known.actors, 'pex', 'the id of an actor', notices),
      };
    }
  }
  return { state: s, notices };
}
