/**
 * Differences between two years, pure: what was added, what ended, and which pairs changed stage
 * along the continuum; plus the mapping from a diff (local or the API's) to compare-mode classes.
 */
import type { Diff } from '../api/types.js';
import type { EdgeData, GraphModel } from './elements.js';
import { intervalOverlaps } from './visibility.js';

export type ChangeClass = 'added' | 'ended' | 'changed';

export interface LocalStageChange {
  a: string;
  b: string;
  fromStage: number | null;
  toStage: number | null;
  before: string[];
  after: string[];
}

export interface LocalDiff {
  fromYear: number;
  toYear: number;
  added: string[];
  ended: string[];
  changedStage: LocalStageChange[];
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function validAt(e: EdgeData, year: number): boolean {
  return intervalOverlaps(e.fromYear, e.toYear, { kind: 'year', year });
}

/** Strongest stage per pair among the stage edges valid at `year`. */
function stagesAt(edges: readonly EdgeData[], year: number): Map<string, { stage: number; ids: string[]; a: string; b: string }> {
  const out = new Map<string, { stage: number; ids: string[]; a: string; b: string }>();
  for (const e of edges) {
    if (e.stage < 0 || !validAt(e, year)) continue;
    const key = pairKey(e.source, e.target);
    const cur = out.get(key);
    if (!cur) out.set(key, { stage: e.stage, ids: [e.id], a: e.source < e.target ? e.source : e.target, b: e.source < e.target ? e.target : e.source });
    else {
      cur.ids.push(e.id);
      cur.stage = Math.max(cur.stage, e.stage);
    }
  }
  return out;
}

/**
 * The change between two years over the whole model; with `datedOnly`, undated relationships are
 * left out (so they do not hold a pair's stage either).
 */
export function diffYears(model: GraphModel, fromYear: number, toYear: number, opts: { datedOnly?: boolean } = {}): LocalDiff {
  const edges = model.edges.map((e) => e.data).filter((e) => !opts.datedOnly || e.dated);
  const added: string[] = [];
  const ended: string[] = [];
  for (const e of edges) {
    const before = validAt(e, fromYear);
    const after = validAt(e, toYear);
    if (!before && after) added.push(e.id);
    if (before && !after) ended.push(e.id);
  }
  const a = stagesAt(edges, fromYear);
  const b = stagesAt(edges, toYear);
  const changedStage: LocalStageChange[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const pa = a.get(key);
    const pb = b.get(key);
    const fromStage = pa?.stage ?? null;
    const toStage = pb?.stage ?? null;
    if (fromStage === toStage) continue;
    const ends = (pa ?? pb)!;
    changedStage.push({ a: ends.a, b: ends.b, fromStage, toStage, before: pa?.ids ?? [], after: pb?.ids ?? [] });
  }
  changedStage.sort((x, y) => pairKey(x.a, x.b).localeCompare(pairKey(y.a, y.b)));
  return { fromYear, toYear, added: added.sort(), ended: ended.sort(), changedStage };
}

/** Normalises the API's diff to the local shape (ids only; stages as given). */
export function fromApiDiff(diff: Diff, stageOrder: (stage: string | null) => number | null): LocalDiff {
  return {
    fromYear: diff.fromYear,
    toYear: diff.toYear,
    added: diff.added.map((r) => r.id),
    ended: diff.ended.map((r) => r.id),
    changedStage: diff.changedStage.map((c) => ({
      a: c.a.id,
      b: c.b.id,
      fromStage: stageOrder(c.fromStage),
      toStage: stageOrder(c.toStage),
      before: c.before.map((r) => r.id),
      after: c.after.map((r) => r.id),
    })),
  };
}

/**
 * Compare-mode class per relationship id: ended edges stay "ended"; edges that carry a pair's
 * new stage are "changed" (this wins over "added"); the rest of the new edges are "added".
 */
export function changeClasses(diff: LocalDiff): Map<string, ChangeClass> {
  const out = new Map<string, ChangeClass>();
  for (const id of diff.added) out.set(id, 'added');
  for (const id of diff.ended) out.set(id, 'ended');
  for (const change of diff.changedStage) {
    if (change.fromStage === null) continue; // a pair that appears is simply "added"
    for (const id of change.after) out.set(id, 'changed');
  }
  return out;
}
