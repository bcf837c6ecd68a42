/**
 * What is visible, computed purely from the element descriptors: time filtering (a year or an
 * inclusive window, open interval ends unbounded), the filter panel (kinds, types/stages,
 * confidence, countries, dated links only) and the ego-network focus. Mirrors the API's `network` semantics:
 * matching relationships plus their endpoint actors.
 */
import type { ActorKind, Confidence, RelationshipType } from '../api/types.js';
import type { EdgeData, GraphModel, NodeData } from './elements.js';

export type TimeSelection =
  | { kind: 'all' }
  | { kind: 'year'; year: number }
  | { kind: 'window'; from: number; to: number };

export interface Filters {
  /** Empty = every kind. Edges need both ends of an allowed kind. */
  kinds: ActorKind[];
  /** Empty = every type (continuum stages are types too). */
  types: RelationshipType[];
  minConfidence: Confidence | null;
  /** Empty = every country. Edges need at least one end in a chosen country. */
  countries: string[];
  /** Only relationships with a known start or end (undated ones are valid at every year). */
  datedOnly: boolean;
}

export interface Focus {
  id: string;
  depth: number;
}

export const EMPTY_FILTERS: Filters = { kinds: [], types: [], minConfidence: null, countries: [], datedOnly: false };

/** Higher is surer (same as the API's ConfidenceInfo.rank). */
export const CONFIDENCE_RANK: Readonly<Record<Confidence, number>> = { STATED: 3, REPORTED: 2, ALLEGED: 1, DISPUTED: 0 };

/** Whether an interval in whole years (null = open) overlaps the selection. */
export function intervalOverlaps(fromYear: number | null, toYear: number | null, sel: TimeSelection): boolean {
  if (sel.kind === 'all') return true;
  const lo = sel.kind === 'year' ? sel.year : Math.min(sel.from, sel.to);
  const hi = sel.kind === 'year' ? sel.year : Math.max(sel.from, sel.to);
  return (fromYear === null || fromYear <= hi) && (toYear === null || toYear >= lo);
}

export function edgeMatches(edge: EdgeData, sel: TimeSelection, filters: Filters): boolean {
  if (filters.datedOnly && !edge.dated) return false;
  if (!intervalOverlaps(edge.fromYear, edge.toYear, sel)) return false;
  if (filters.types.length > 0 && !filters.types.includes(edge.type)) return false;
  if (filters.minConfidence !== null && CONFIDENCE_RANK[edge.confidence] < CONFIDENCE_RANK[filters.minConfidence]) return false;
  return true;
}

export interface Visible {
  nodes: Set<string>;
  edges: Set<string>;
}

/** The visible subgraph for a time selection, filters and optional ego focus. */
export function visibleSubgraph(model: GraphModel, sel: TimeSelection, filters: Filters = EMPTY_FILTERS, focus: Focus | null = null): Visible {
  const nodeData = new Map<string, NodeData>(model.nodes.map((n) => [n.data.id, n.data]));
  const kindOk = (id: string): boolean => {
    if (filters.kinds.length === 0) return true;
    const n = nodeData.get(id);
    return n !== undefined && filters.kinds.includes(n.kind);
  };
  const countryOk = (id: string): boolean => {
    const c = nodeData.get(id)?.country;
    return c !== null && c !== undefined && filters.countries.includes(c);
  };
  let edges = model.edges.filter((e) => {
    const d = e.data;
    if (!edgeMatches(d, sel, filters)) return false;
    if (!kindOk(d.source) || !kindOk(d.target)) return false;
    if (filters.countries.length > 0 && !countryOk(d.source) && !countryOk(d.target)) return false;
    return true;
  });
  let focusNodes: Set<string> | null = null;
  if (focus !== null && nodeData.has(focus.id)) {
    focusNodes = egoNodes(edges.map((e) => e.data), focus.id, focus.depth);
    const inEgo = focusNodes;
    edges = edges.filter((e) => inEgo.has(e.data.source) && inEgo.has(e.data.target));
  }
  const nodes = new Set<string>();
  const edgeIds = new Set<string>();
  for (const e of edges) {
    edgeIds.add(e.data.id);
    nodes.add(e.data.source);
    nodes.add(e.data.target);
  }
  if (focus !== null && focusNodes !== null) nodes.add(focus.id);
  return { nodes, edges: edgeIds };
}

/**
 * The workspace's part of the network at a time: its actors that exist then (lifespan overlapping
 * the selection) and pass the kind and country filters, and the relationships among them that
 * match the time and filters — the links among the visible actors.
 */
export function workspaceSubgraph(model: GraphModel, sel: TimeSelection, filters: Filters, actors: ReadonlySet<string>): Visible {
  const nodes = new Set<string>();
  for (const n of model.nodes) {
    const d = n.data;
    if (!actors.has(d.id)) continue;
    if (filters.kinds.length > 0 && !filters.kinds.includes(d.kind)) continue;
    if (filters.countries.length > 0 && (d.country === null || !filters.countries.includes(d.country))) continue;
    if (!intervalOverlaps(d.fromYear, d.toYear, sel)) continue;
    nodes.add(d.id);
  }
  const edges = new Set<string>();
  for (const e of model.edges) {
    if (nodes.has(e.data.source) && nodes.has(e.data.target) && edgeMatches(e.data, sel, filters)) edges.add(e.data.id);
  }
  return { nodes, edges };
}

/** Actors within `depth` hops of `id` (either direction). */
export function egoNodes(edges: readonly Pick<EdgeData, 'source' | 'target'>[], id: string, depth: number): Set<string> {
  const adjacency = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = adjacency.get(a);
    if (list) list.push(b);
    else adjacency.set(a, [b]);
  };
  for (const e of edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const seen = new Set<string>([id]);
  let frontier = [id];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const m of adjacency.get(n) ?? []) {
        if (!seen.has(m)) {
          seen.add(m);
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** The years a model spans (relationship and actor interval ends), for the time bar. */
export function yearSpan(model: GraphModel, extra: readonly (number | null | undefined)[] = []): { min: number; max: number } | null {
  const years: number[] = [];
  for (const e of model.edges) {
    if (e.data.fromYear !== null) years.push(e.data.fromYear);
    if (e.data.toYear !== null) years.push(e.data.toYear);
  }
  for (const y of extra) if (typeof y === 'number') years.push(y);
  if (years.length === 0) return null;
  return { min: Math.min(...years), max: Math.max(...years) };
}

/** Countries present in the model, sorted. */
export function countriesOf(model: GraphModel): string[] {
  const set = new Set<string>();
  for (const n of model.nodes) if (n.data.country) set.add(n.data.country);
  return [...set].sort((a, b) => a.localeCompare(b));
}
