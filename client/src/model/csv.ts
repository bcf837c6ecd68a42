/**
 * CSV exports of the view, pure (RFC 4180: comma-separated, CRLF line ends, fields quoted when they
 * hold a comma, quote or line break): the visible actors, and the visible relationships with one
 * row per claim — its quote verbatim, its document, location, grade and how each end is dated.
 * A field starting with = + @ or a tab is prefixed with ' so a spreadsheet does not run it as a
 * formula; quotes starting with "-" (the documents' dashes) are left verbatim.
 */
import type { RelationshipFull } from '../api/types.js';
import type { NodeData } from './elements.js';

export type Cell = string | number | boolean | null | undefined;

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Parses CSV text written by toCsv (for tests and for reading an export back). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

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
