/**
 * The table view's rows, pure: the visible actors and relationships as rows with the columns the
 * table shows, filtered by a text (every column is searched) and sorted by a column, either way.
 */
import type { EdgeData, GraphModel, NodeData } from './elements.js';
import type { Visible } from './visibility.js';

export type TableKind = 'actors' | 'relationships';

export interface Column<R> {
  key: string;
  label: string;
  /** The text shown and searched. */
  text: (row: R) => string;
  /** The sort key (numbers sort numerically; ties keep name order). */
  sort: (row: R) => string | number;
}

export interface ActorRow {
  id: string;
  node: NodeData;
  /** Relationships of this actor among the visible ones. */
  links: number;
}

export interface RelationshipRow {
  id: string;
  edge: EdgeData;
  sourceName: string;
  targetName: string;
}

export const ACTOR_COLUMNS: ReadonlyArray<Column<ActorRow>> = [
  { key: 'name', label: 'Actor', text: (r) => r.node.label, sort: (r) => r.node.label.toLocaleLowerCase() },
  { key: 'kind', label: 'Kind', text: (r) => r.node.kind.toLowerCase().replace(/_/g, ' '), sort: (r) => r.node.kind },
  { key: 'country', label: 'Country', text: (r) => r.node.country ?? '', sort: (r) => r.node.country ?? '' },
  { key: 'lifespan', label: 'Lifespan', text: (r) => r.node.lifespanLabel, sort: (r) => r.node.fromYear ?? -Infinity },
  { key: 'links', label: 'Links shown', text: (r) => String(r.links), sort: (r) => r.links },
];

export const RELATIONSHIP_COLUMNS: ReadonlyArray<Column<RelationshipRow>> = [
  { key: 'source', label: 'From', text: (r) => r.sourceName, sort: (r) => r.sourceName.toLocaleLowerCase() },
  { key: 'type', label: 'Relationship', text: (r) => r.edge.label, sort: (r) => (r.edge.stage >= 0 ? `0${r.edge.stage}` : `1${r.edge.label}`) },
  { key: 'target', label: 'To', text: (r) => r.targetName, sort: (r) => r.targetName.toLocaleLowerCase() },
  { key: 'valid', label: 'Valid', text: (r) => r.edge.validityLabel, sort: (r) => r.edge.fromYear ?? -Infinity },
  { key: 'grade', label: 'Grade', text: (r) => r.edge.confidence.toLowerCase(), sort: (r) => ['STATED', 'REPORTED', 'ALLEGED', 'DISPUTED'].indexOf(r.edge.confidence) },
  { key: 'sources', label: 'Documents', text: (r) => String(r.edge.corroboration), sort: (r) => -r.edge.corroboration },
];

export interface TableQuery {
  kind: TableKind;
  filter: string;
  sortKey: string;
  descending: boolean;
}

export function actorRows(model: GraphModel, visible: Visible): ActorRow[] {
  const links = new Map<string, number>();
  for (const e of model.edges) {
    if (!visible.edges.has(e.data.id)) continue;
    links.set(e.data.source, (links.get(e.data.source) ?? 0) + 1);
    links.set(e.data.target, (links.get(e.data.target) ?? 0) + 1);
  }
  return model.nodes.filter((n) => visible.nodes.has(n.data.id)).map((n) => ({ id: n.data.id, node: n.data, links: links.get(n.data.id) ?? 0 }));
}

export function relationshipRows(model: GraphModel, visible: Visible, nameOf: (id: string) => string): RelationshipRow[] {
  return model.edges
    .filter((e) => visible.edges.has(e.data.id))
    .map((e) => ({ id: e.data.id, edge: e.data, sourceName: nameOf(e.data.source), targetName: nameOf(e.data.target) }));
}

/** Rows whose columns contain every word of the filter (case-insensitive), sorted by the column. */
export function arrange<R extends { id: string }>(rows: readonly R[], columns: ReadonlyArray<Column<R>>, q: Pick<TableQuery, 'filter' | 'sortKey' | 'descending'>): R[] {
  const words = q.filter.toLocaleLowerCase().split(/\s+/).filter((w) => w.length > 0);
  const kept = words.length === 0 ? [...rows] : rows.filter((r) => {
    const text = columns.map((c) => c.text(r)).join(' ').toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
  const column = columns.find((c) => c.key === q.sortKey) ?? columns[0];
  if (!column) return kept;
  const first = columns[0] as Column<R>;
  const compare = (a: R, b: R): number => {
    const x = column.sort(a);
    const y = column.sort(b);
    const byColumn = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return byColumn !== 0 ? byColumn : String(first.sort(a)).localeCompare(String(first.sort(b))) || a.id.localeCompare(b.id);
  };
  kept.sort((a, b) => (q.descending ? -compare(a, b) : compare(a, b)));
  return kept;
}
