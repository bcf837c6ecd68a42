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
  /** The pair's stage orders at each time, weakest first (several when stages overlap). */
  fromStages: number[];
  toStages: number[];
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

/** The stages asserted per pair among the stage edges valid at `year` (every one: overlaps stay). */
function stagesAt(edges: readonly EdgeData[], year: number): Map<string, { stages: number[]; ids: string[]; a: string; b: string }> {
  const out = new Map<string, { stages: number[]; ids: string[]; a: string; b: string }>();
  for (const e of edges) {
    if (e.stage < 0 || !validAt(e, year)) continue;
    const key = pairKey(e.source, e.target);
    const cur = out.get(key);
    if (!cur) out.set(key, { stages: [e.stage], ids: [e.id], a: e.source < e.target ? e.source : e.target, b: e.source < e.target ? e.target : e.source });
    else {
      cur.ids.push(e.id);
      if (!cur.stages.includes(e.stage)) cur.stages.push(e.stage);
    }
  }
  for (const v of out.values()) v.stages.sort((x, y) => x - y);
  return out;
}

/**
 * The change between two years over the given edges (as the API's diff: a pair asserted at both
 * times whose set of stages differs has changed stage; one asserted at only one time is an addition
 * or an end). With `datedOnly`, relationships no document dates are left out.
 */
export function diffYears(model: GraphModel, fromYear: number, toYear: number, opts: { datedOnly?: boolean; only?: ReadonlySet<string> } = {}): LocalDiff {
  const edges = model.edges.map((e) => e.data).filter((e) => (!opts.datedOnly || e.dated) && (!opts.only || opts.only.has(e.id)));
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
  for (const [key, pa] of a) {
    const pb = b.get(key);
    if (!pb || pa.stages.join() === pb.stages.join()) continue;
    changedStage.push({ a: pa.a, b: pa.b, fromStages: pa.stages, toStages: pb.stages, before: pa.ids.sort(), after: pb.ids.sort() });
  }
  changedStage.sort((x, y) => pairKey(x.a, x.b).localeCompare(pairKey(y.a, y.b)));
  return { fromYear, toYear, added: added.sort(), ended: ended.sort(), changedStage };
}

/** Normalises the API's diff to the local shape (ids only; stages as their continuum order). */
export function fromApiDiff(diff: Diff, stageOrder: (stage: string) => number): LocalDiff {
  return {
    fromYear: diff.fromYear,
    toYear: diff.toYear,
    added: diff.added.map((r) => r.id),
    ended: diff.ended.map((r) => r.id),
    changedStage: diff.changedStage.map((c) => ({
      a: c.a.id,
      b: c.b.id,
      fromStages: c.fromStages.map(stageOrder),
      toStages: c.toStages.map(stageOrder),
      before: c.before.map((r) => r.id),
      after: c.after.map((r) => r.id),
    })),
  };
}

/**
 * Compare-mode class per relationship id: ended edges stay "ended"; edges of a pair whose stages
 * changed that carry a stage new at the later time are "changed" (this wins over "added"); the
 * rest of the new edges are "added".
 */
export function changeClasses(diff: LocalDiff, stageOf: (id: string) => number | null = () => null): Map<string, ChangeClass> {
  const out = new Map<string, ChangeClass>();
  for (const id of diff.added) out.set(id, 'added');
  for (const id of diff.ended) out.set(id, 'ended');
  for (const change of diff.changedStage) {
    for (const id of change.after) {
      const stage = stageOf(id);
      if (stage === null || !change.fromStages.includes(stage)) out.set(id, 'changed');
    }
  }
  return out;
}
