/**
 * Pure helpers for sharing and export: the visible subgraph as a JSON document, and the
 * state-capacity ratings that apply to a year or window (region id → capacities).
 */
import type { Capacity, CapacityRating } from '../api/types.js';
import type { GraphModel } from './elements.js';
import type { Visible } from './visibility.js';
import { intervalOverlaps, type TimeSelection } from './visibility.js';

export interface SubgraphExport {
  exportedAt: string;
  view: string;
  nodes: GraphModel['nodes'][number]['data'][];
  edges: GraphModel['edges'][number]['data'][];
}

export function exportSubgraph(model: GraphModel, visible: Visible, view: string, now: Date = new Date()): SubgraphExport {
  return {
    exportedAt: now.toISOString(),
    view,
    nodes: model.nodes.filter((n) => visible.nodes.has(n.data.id)).map((n) => ({ ...n.data })),
    edges: model.edges.filter((e) => visible.edges.has(e.data.id)).map((e) => ({ ...e.data })),
  };
}

/** Region id → the capacities rated for a period overlapping the selection (latest rating first). */
export function capacityByRegion(ratings: readonly CapacityRating[], sel: TimeSelection): Map<string, Capacity[]> {
  const applicable = ratings
    .filter((r) => intervalOverlaps(r.period.fromYear, r.period.toYear, sel))
    .sort((a, b) => (b.period.fromYear ?? -Infinity) - (a.period.fromYear ?? -Infinity));
  const out = new Map<string, Capacity[]>();
  for (const r of applicable) {
    if (!out.has(r.region.id)) out.set(r.region.id, [...r.capacity]);
  }
  return out;
}
