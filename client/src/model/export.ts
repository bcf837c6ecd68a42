/**
 * Pure helpers for sharing and export: the visible subgraph as a JSON document (with every claim,
 * its quote and its document, and the link that rebuilds the view), the caption an image export
 * carries (title, time, filters), and the state-capacity ratings that apply to a year or window.
 */
import type { Capacity, CapacityRating, Claim, RelationshipFull, Source } from '../api/types.js';
import type { EdgeData, GraphModel, NodeData } from './elements.js';
import { countOf } from './text.js';
import type { ViewState } from './url.js';
import type { Visible } from './visibility.js';
import { intervalOverlaps, type TimeSelection } from './visibility.js';

export interface SubgraphExport {
  exportedAt: string;
  /** The link that opens this view again. */
  url: string;
  /** The view's query string (as in the link). */
  view: string;
  caption: ExportCaption;
  nodes: NodeData[];
  edges: Array<EdgeData & { claims: Array<Omit<Claim, 'citation'> & { quote: string; location: string | null; source: string }> }>;
  /** The documents the claims cite. */
  sources: Source[];
}

export function exportSubgraph(model: GraphModel, visible: Visible, view: { url: string; query: string; caption: ExportCaption }, withClaims: readonly RelationshipFull[], now: Date = new Date()): SubgraphExport {
  const full = new Map(withClaims.map((r) => [r.id, r]));
  const sources = new Map<string, Source>();
  const edges = model.edges
    .filter((e) => visible.edges.has(e.data.id))
    .map((e) => ({
      ...e.data,
      claims: (full.get(e.data.id)?.claims ?? []).map(({ citation, ...rest }) => {
        sources.set(citation.source.id, citation.source);
        return { ...rest, quote: citation.quote, location: citation.location, source: citation.source.id };
      }),
    }));
  return {
    exportedAt: now.toISOString(),
    url: view.url,
    view: view.query,
    caption: view.caption,
    nodes: model.nodes.filter((n) => visible.nodes.has(n.data.id)).map((n) => ({ ...n.data })),
    edges,
    sources: [...sources.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** "2001", "1997–2001", "1997 → 2001" or "all years": the time a view shows. */
export function whenShown(s: ViewState, earliest: number): string {
  const year = s.year ?? earliest;
  if (s.mode === 'all') return 'all years';
  if (s.mode === 'window') return `${Math.min(s.from ?? year, year)}–${Math.max(s.from ?? year, year)}`;
  if (s.mode === 'compare') return `${s.from ?? earliest} → ${year}`;
  return String(year);
}

export interface ExportCaption {
  title: string;
  /** "214 actors · 399 relationships in 2001" */
  counts: string;
  /** One line per active filter (kinds, types, grade, countries, dating, focus, path); empty: none. */
  filters: string[];
}

export interface CaptionLabels {
  kind: (k: string) => string;
  type: (t: string) => string;
  grade: (g: string) => string;
  actor: (id: string) => string;
}

/** What an exported image says about itself: the time shown, the counts and every active filter. */
export function exportCaption(s: ViewState, visible: Visible, when: string, labels: CaptionLabels): ExportCaption {
  const f = s.filters;
  const filters: string[] = [];
  if (f.kinds.length) filters.push(`Actor kinds: ${f.kinds.map(labels.kind).join(', ')}`);
  if (f.types.length) filters.push(`Relationship types: ${f.types.map(labels.type).join(', ')}`);
  if (f.minConfidence) filters.push(`Grade: at least ${labels.grade(f.minConfidence).toLowerCase()}`);
  if (f.countries.length) filters.push(`Countries: ${f.countries.join(', ')}`);
  if (f.datedOnly) filters.push('Dated links only (stated or passage-dated)');
  if (s.focus) filters.push(`Ego network of ${labels.actor(s.focus.id)}, ${countOf(s.focus.depth, 'hop')}`);
  if (s.path) filters.push(`Paths from ${labels.actor(s.path.from)} to ${labels.actor(s.path.to)} (${s.path.mode.toLowerCase().replace('_', ' ')}, ≤ ${s.path.maxHops} hops)`);
  return {
    title: `Nexus Explorer — ${when}`,
    counts: `${countOf(visible.nodes.size, 'actor')} · ${countOf(visible.edges.size, 'relationship')} ${when.startsWith('all') ? 'over all years' : `in ${when}`}`,
    filters,
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
