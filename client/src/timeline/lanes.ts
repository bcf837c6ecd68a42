/**
 * The timeline view's model, pure: one lane per actor over its lifespan (in the manner of
 * Mapping Militant Organizations and KronoGraph), sorted by when it starts; continuum-stage
 * relationships as bars over their validity on both actors' lanes, packed into rows so they never
 * overlap; other relationships as marks at their dated starts; events on the lanes of their actors.
 */
import type { TimelineEvent } from '../api/types.js';
import type { Dating, GraphModel } from '../model/elements.js';

export interface StageBar {
  relationshipId: string;
  partner: string;
  stage: number;
  fromYear: number;
  toYear: number;
  dating: Dating;
  /** Row inside the lane (0 = first). */
  row: number;
}

export interface RelationshipMark {
  relationshipId: string;
  partner: string;
  year: number;
  label: string;
}

export interface LaneEvent {
  id: string;
  year: number;
  title: string;
}

export interface Lane {
  id: string;
  label: string;
  fromYear: number;
  toYear: number;
  /** Each lifespan end stated or passage-dated (else drawn as a weak end). */
  dated: { from: boolean; to: boolean };
  uncertain: boolean;
  bars: StageBar[];
  rows: number;
  marks: RelationshipMark[];
  events: LaneEvent[];
}

/** Greedy interval partitioning: each bar takes the first row whose last bar ended before it starts. */
function packRows(bars: StageBar[]): number {
  const ends: number[] = [];
  for (const b of [...bars].sort((x, y) => x.fromYear - y.fromYear || x.toYear - y.toYear || x.relationshipId.localeCompare(y.relationshipId))) {
    let row = ends.findIndex((end) => end < b.fromYear);
    if (row === -1) {
      row = ends.length;
      ends.push(b.toYear);
    } else ends[row] = b.toYear;
    b.row = row;
  }
  return Math.max(1, ends.length);
}

/** Lanes for the actors of the given relationships (the view's filters over all years), earliest first. */
export function buildLanes(model: GraphModel, edgeIds: ReadonlySet<string>, events: readonly TimelineEvent[], span: { min: number; max: number }): Lane[] {
  const nodes = new Map(model.nodes.map((n) => [n.data.id, n.data]));
  const lanes = new Map<string, Lane>();
  const laneOf = (id: string): Lane | null => {
    let lane = lanes.get(id);
    if (lane) return lane;
    const n = nodes.get(id);
    if (!n) return null;
    lane = {
      id,
      label: n.label,
      fromYear: Math.max(span.min, n.fromYear ?? span.min),
      toYear: Math.min(span.max, n.toYear ?? span.max),
      dated: n.lifespanDated,
      uncertain: n.lifespanUncertain,
      bars: [],
      rows: 1,
      marks: [],
      events: [],
    };
    lanes.set(id, lane);
    return lane;
  };
  for (const { data: e } of model.edges) {
    if (!edgeIds.has(e.id) || e.fromYear === null || e.toYear === null) continue;
    for (const [self, other] of [[e.source, e.target], [e.target, e.source]] as const) {
      const lane = laneOf(self);
      if (!lane) continue;
      const partner = nodes.get(other)?.label ?? other;
      if (e.stage >= 0) lane.bars.push({ relationshipId: e.id, partner, stage: e.stage, fromYear: e.fromYear, toYear: e.toYear, dating: e.dating, row: 0 });
      else if (e.dating !== 'undated') lane.marks.push({ relationshipId: e.id, partner, year: e.fromYear, label: e.label });
    }
  }
  for (const ev of events) {
    for (const { id } of [...ev.actors, ...ev.places]) lanes.get(id)?.events.push({ id: ev.id, year: ev.year, title: ev.title });
  }
  for (const lane of lanes.values()) lane.rows = packRows(lane.bars);
  return [...lanes.values()].sort((a, b) => a.fromYear - b.fromYear || a.label.localeCompare(b.label));
}
