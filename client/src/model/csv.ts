/**
 * CSV exports of the view, pure (the RFC 4180 writing, with its guard against spreadsheet formulas,
 * is shared with the server: server/domain/csv.ts): the visible actors, and the visible
 * relationships with one row per claim — its quote verbatim, its document, location, grade and how
 * each end is dated. Quotes starting with "-" (the documents' dashes) are left verbatim.
 */
import type { RelationshipFull } from '../api/types.js';
import type { NodeData } from './elements.js';
import { toCsv, type Cell } from '../../../server/domain/csv.js';

export { csvField, parseCsv, toCsv, type Cell } from '../../../server/domain/csv.js';

export const ACTOR_CSV_HEADER = ['actor_id', 'name', 'kind', 'country', 'lifespan', 'from_year', 'to_year'] as const;

export function actorsCsv(nodes: readonly NodeData[]): string {
  return toCsv(ACTOR_CSV_HEADER, nodes.map((n) => [n.id, n.label, n.kind, n.country, n.lifespanLabel, n.fromYear, n.toYear]));
}

export const RELATIONSHIP_CSV_HEADER = [
  'relationship_id', 'source_id', 'source_name', 'type', 'target_id', 'target_name',
  'valid_from', 'valid_to', 'valid_from_basis', 'valid_to_basis', 'grade', 'documents',
  'claim_grade', 'claim_from', 'claim_to', 'claim_from_basis', 'claim_to_basis',
  'quote', 'source_document_id', 'source_document', 'location', 'dated_by_quote',
] as const;

export function relationshipsCsv(rels: readonly RelationshipFull[]): string {
  const rows: Cell[][] = [];
  for (const r of rels) {
    const base: Cell[] = [r.id, r.source.id, r.source.name, r.type, r.target.id, r.target.name, r.validity.from, r.validity.to, r.validity.fromBasis, r.validity.toBasis, r.confidence, r.corroboration];
    for (const c of r.claims) {
      const src = c.citation.source;
      rows.push([...base, c.confidence, c.interval.from, c.interval.to, c.fromBasis, c.toBasis, c.citation.quote, src.id, `${src.authors.join(', ')}${src.year ? ` (${src.year})` : ''}, ${src.title}`, c.citation.location, c.datedBy?.quote]);
    }
  }
  return toCsv(RELATIONSHIP_CSV_HEADER, rows);
}
