/**
 * The investigation workspace, pure: a picture grown from a seed by steps — start from actors,
 * expand an actor's neighbours (all connecting relationships, or some types, a minimum grade, a
 * span of years), hide an actor, collapse what an expansion added — with its URL encoding (so a
 * shared link replays the same steps) and undo/redo over the step list. The neighbours of an
 * expansion come from the API's `neighbourhood`; replaying only reads them from a cache.
 */
import type { Confidence } from '../api/types.js';

export type WorkspaceStep =
  | { op: 'seed'; ids: string[] }
  | { op: 'expand'; id: string; types: string[]; minConfidence: Confidence | null; years: { from: number; to: number } | null }
  | { op: 'hide'; id: string }
  | { op: 'collapse'; id: string };

export interface Workspace {
  /** The actors in the picture. */
  actors: Set<string>;
  /** For each actor an expansion brought in: the actors whose expansions did. */
  broughtBy: Map<string, Set<string>>;
}

const CONFIDENCES: readonly Confidence[] = ['STATED', 'REPORTED', 'ALLEGED', 'DISPUTED'];
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The cache key of an expansion (the same question always has the same key). */
export function expansionKey(step: Extract<WorkspaceStep, { op: 'expand' }>): string {
  return encodeStep(step);
}

/** Replays the steps; `neighbours` answers an expansion (null: not fetched yet, so nothing added). */
export function replay(steps: readonly WorkspaceStep[], neighbours: (step: Extract<WorkspaceStep, { op: 'expand' }>) => readonly string[] | null): Workspace {
  const actors = new Set<string>();
  const broughtBy = new Map<string, Set<string>>();
  /** Seeds and expanded actors: a collapse never removes them. */
  const anchored = new Set<string>();
  for (const step of steps) {
    if (step.op === 'seed') {
      for (const id of step.ids) {
        actors.add(id);
        anchored.add(id);
      }
    } else if (step.op === 'expand') {
      actors.add(step.id);
      anchored.add(step.id);
      for (const n of neighbours(step) ?? []) {
        if (n === step.id) continue;
        if (!actors.has(n) || broughtBy.has(n)) {
          const by = broughtBy.get(n) ?? new Set<string>();
          by.add(step.id);
          broughtBy.set(n, by);
        }
        actors.add(n);
      }
    } else if (step.op === 'hide') {
      actors.delete(step.id);
      broughtBy.delete(step.id);
      anchored.delete(step.id);
    } else {
      // collapse: remove what only this actor's expansions brought in (never a seed or an expanded actor)
      for (const [n, by] of [...broughtBy]) {
        if (!by.has(step.id)) continue;
        by.delete(step.id);
        if (by.size === 0 && !anchored.has(n)) {
          actors.delete(n);
          broughtBy.delete(n);
        }
      }
    }
  }
  return { actors, broughtBy };
}

function encodeStep(s: WorkspaceStep): string {
  switch (s.op) {
    case 'seed':
      return `s!${s.ids.join(',')}`;
    case 'expand':
      return `e!${s.id}!${s.types.join(',')}!${s.minConfidence ?? ''}!${s.years ? `${s.years.from}-${s.years.to}` : ''}`;
    case 'hide':
      return `h!${s.id}`;
    case 'collapse':
      return `c!${s.id}`;
  }
}

export function encodeSteps(steps: readonly WorkspaceStep[]): string {
  return steps.map(encodeStep).join('~');
}

/** Steps from a link; a malformed step is named in `problems` and left out. */
export function decodeSteps(text: string): { steps: WorkspaceStep[]; problems: string[] } {
  const steps: WorkspaceStep[] = [];
  const problems: string[] = [];
  for (const part of text.split('~').filter((p) => p.length > 0)) {
    const [op, ...args] = part.split('!');
    const id = args[0] ?? '';
    if (op === 's' && args.length === 1 && id.split(',').every((x) => ID.test(x))) steps.push({ op: 'seed', ids: id.split(',') });
    else if (op === 'e' && args.length === 4 && ID.test(id)) {
      const [, types = '', conf = '', years = ''] = args;
      const span = /^(\d{3,4})-(\d{3,4})$/.exec(years);
      const typeList = types ? types.split(',') : [];
      if ((conf && !(CONFIDENCES as readonly string[]).includes(conf)) || (years && !span) || !typeList.every((t) => /^[A-Z_]+$/.test(t))) problems.push(`ws: “${part}” is not an expansion — left out.`);
      else steps.push({ op: 'expand', id, types: typeList, minConfidence: (conf || null) as Confidence | null, years: span ? { from: Number(span[1]), to: Number(span[2]) } : null });
    } else if ((op === 'h' || op === 'c') && args.length === 1 && ID.test(id)) steps.push({ op: op === 'h' ? 'hide' : 'collapse', id });
    else problems.push(`ws: “${part}” is not a workspace step — left out.`);
  }
  return { steps, problems };
}

/** Undo/redo over the step list: undo moves the last step to the redo stack; a new step clears it. */
export interface History {
  steps: WorkspaceStep[];
  redo: WorkspaceStep[];
}

export function push(h: History, step: WorkspaceStep): History {
  return { steps: [...h.steps, step], redo: [] };
}

export function undo(h: History): History {
  const last = h.steps.at(-1);
  return last ? { steps: h.steps.slice(0, -1), redo: [last, ...h.redo] } : h;
}

export function redo(h: History): History {
  const [next, ...rest] = h.redo;
  return next ? { steps: [...h.steps, next], redo: rest } : h;
}

/** Back to the first `n` steps (a breadcrumb click): the later ones become redoable. */
export function backTo(h: History, n: number): History {
  return { steps: h.steps.slice(0, n), redo: [...h.steps.slice(n), ...h.redo] };
}

/** A step in words, for the breadcrumb. */
export function describeStep(s: WorkspaceStep, name: (id: string) => string, typeLabel: (t: string) => string): string {
  switch (s.op) {
    case 'seed':
      return `Start: ${s.ids.map(name).join(', ')}`;
    case 'expand': {
      const what = [s.types.length ? s.types.map((t) => typeLabel(t).toLowerCase()).join(', ') : null, s.minConfidence ? `≥ ${s.minConfidence.toLowerCase()}` : null, s.years ? (s.years.from === s.years.to ? `${s.years.from}` : `${s.years.from}–${s.years.to}`) : null].filter(Boolean);
      return `Expand ${name(s.id)}${what.length ? ` (${what.join('; ')})` : ''}`;
    }
    case 'hide':
      return `Hide ${name(s.id)}`;
    case 'collapse':
      return `Collapse ${name(s.id)}`;
  }
}
