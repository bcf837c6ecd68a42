import { describe, expect, it } from 'vitest';
import type { RelationshipFull } from '../../client/src/api/types.js';
import { actorsCsv, parseCsv, relationshipsCsv, RELATIONSHIP_CSV_HEADER, toCsv } from '../../client/src/model/csv.js';
import { buildGraphModel } from '../../client/src/model/elements.js';
import { actorRows, ACTOR_COLUMNS, arrange, relationshipRows, RELATIONSHIP_COLUMNS } from '../../client/src/model/table.js';
import { network, vocabulary } from './fixtures.js';

const model = buildGraphModel(network(), vocabulary.relationshipTypes);
const visible = { nodes: new Set(['a', 'b', 'c']), edges: new Set(['r-ab', 'r-bc', 'r-ab2']) };
const nameOf = (id: string) => id.toUpperCase();

describe('table rows', () => {
  it('are exactly the visible actors and relationships, with the links shown per actor', () => {
    const actors = actorRows(model, visible);
    expect(actors.map((r) => r.id).sort()).toEqual(['a', 'b', 'c']);
    expect(Object.fromEntries(actors.map((r) => [r.id, r.links]))).toEqual({ a: 2, b: 3, c: 1 });
    expect(relationshipRows(model, visible, nameOf).map((r) => r.id).sort()).toEqual(['r-ab', 'r-ab2', 'r-bc']);
  });

  it('sort by a column either way and keep only rows matching every filter word', () => {
    const actors = actorRows(model, visible);
    expect(arrange(actors, ACTOR_COLUMNS, { filter: '', sortKey: 'links', descending: true }).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(arrange(actors, ACTOR_COLUMNS, { filter: '', sortKey: 'name', descending: false }).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(arrange(actors, ACTOR_COLUMNS, { filter: 'tajik', sortKey: 'name', descending: false }).map((r) => r.id)).toEqual(['c']);
    const rels = relationshipRows(model, visible, nameOf);
    expect(arrange(rels, RELATIONSHIP_COLUMNS, { filter: 'b alliance', sortKey: 'valid', descending: false }).map((r) => r.id)).toEqual(['r-bc', 'r-ab2']);
    expect(arrange(rels, RELATIONSHIP_COLUMNS, { filter: 'nothing-like-this', sortKey: 'valid', descending: false })).toEqual([]);
  });
});

describe('CSV exports', () => {
  it('quote fields with commas, quotes and line breaks, and read back to the same values', () => {
    const rows = [['a,b', 'say "x"', 'two\nlines', '- a dash', '=SUM(A1)', 7, null]];
    const text = toCsv(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7'], rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7'], ['a,b', 'say "x"', 'two\nlines', '- a dash', "'=SUM(A1)", '7', '']]);
  });

  it('list actors with their lifespans', () => {
    const parsed = parseCsv(actorsCsv(actorRows(model, visible).map((r) => r.node)));
    expect(parsed[0]).toEqual(['actor_id', 'name', 'kind', 'country', 'lifespan', 'from_year', 'to_year']);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(['a', 'b', 'c']);
  });

  it('give one row per claim with its verbatim quote, document, location and dating', () => {
    const source = { id: 'cornell', title: 'Narcotics, Radicalism, and Armed Conflict', authors: ['Svante Cornell'], year: 2005, publisher: null, file: 'cornell.pdf' };
    const claim = (quote: string, from: string | null) => ({
      citation: { source, quote, location: 'p. 3' }, confidence: 'STATED' as const, interval: { from, to: null, fromYear: null, toYear: null, label: from ?? 'undated' },
      fromBasis: from ? ('STATED' as const) : null, toBasis: null, datedBy: null,
    });
    const r = {
      id: 'x-alliance-y', type: 'ALLIANCE', source: { id: 'x', name: 'X, the group' }, target: { id: 'y', name: 'Y' }, confidence: 'STATED', corroboration: 1,
      validity: { from: '1997-01-01', to: '1999-12-31', fromYear: 1997, toYear: 1999, fromBasis: 'STATED', toBasis: 'LIFESPAN', label: '1997–1999' },
      claims: [claim('the IMU, "in alliance", with traffickers', '1997'), claim('- a second, undated claim', null)],
    } as unknown as RelationshipFull;
    const [header, ...rows] = parseCsv(relationshipsCsv([r]));
    expect(header).toEqual([...RELATIONSHIP_CSV_HEADER]);
    expect(rows).toHaveLength(2);
    const at = (row: string[], col: string) => row[header!.indexOf(col)];
    expect(rows.map((row) => at(row, 'quote'))).toEqual(['the IMU, "in alliance", with traffickers', '- a second, undated claim']);
    expect(at(rows[0]!, 'source_name')).toBe('X, the group');
    expect(at(rows[0]!, 'source_document')).toBe('Svante Cornell (2005), Narcotics, Radicalism, and Armed Conflict');
    expect(at(rows[0]!, 'location')).toBe('p. 3');
    expect([at(rows[0]!, 'valid_from_basis'), at(rows[0]!, 'valid_to_basis'), at(rows[0]!, 'claim_from_basis')]).toEqual(['STATED', 'LIFESPAN', 'STATED']);
  });
});
