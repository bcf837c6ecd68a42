/**
 * Our CSV format, three tables (see README "Import and export"): sources.csv (one row per
 * document), actors.csv (one row per piece of evidence: a citation or a dated lifespan reading) and
 * relationships.csv (one row per claim: its source, verbatim quote, location, grade and each end's
 * date with its dating basis). A record's own fields repeat on each of its rows and must agree.
 * List cells (aliases, authors) separate items with | (a | or \ inside an item is written \| or \\).
 * Written by the CSV export, read back by the import: the two round-trip exactly.
 */
import path from 'node:path';
import { csvRow, parseCsvRows, unguardCell, type Cell } from '../domain/csv.js';
import { actorSchema, relationshipSchema, sourceSchema, type ActorRecord, type RelationshipRecord, type Source } from '../domain/schemas.js';
import { emptyInput, validated, type ImportInput } from './input.js';

export const SOURCE_COLUMNS = ['id', 'title', 'authors', 'year', 'publisher', 'file', 'period_from', 'period_to', 'period_note'] as const;
export const ACTOR_COLUMNS = ['id', 'name', 'kind', 'aliases', 'country', 'description', 'name_collision', 'evidence', 'source', 'quote', 'location', 'date', 'latest', 'basis', 'dated_by_quote', 'dated_by_location'] as const;
export const RELATIONSHIP_COLUMNS = ['id', 'source', 'target', 'type', 'description', 'stage_note', 'claim_source', 'quote', 'location', 'grade', 'from', 'from_basis', 'to', 'to_basis', 'dated_by_quote', 'dated_by_location'] as const;

export type CsvTable = 'sources' | 'actors' | 'relationships';
export const CSV_TABLES: readonly CsvTable[] = ['sources', 'actors', 'relationships'];
const COLUMNS: Record<CsvTable, readonly string[]> = { sources: SOURCE_COLUMNS, actors: ACTOR_COLUMNS, relationships: RELATIONSHIP_COLUMNS };

export function joinList(items: readonly string[]): string {
  return items.map((s) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')).join('|');
}

export function splitList(cell: string): string[] {
  if (cell === '') return [];
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < cell.length; i += 1) {
    const c = cell[i] as string;
    if (c === '\\' && i + 1 < cell.length) item += cell[(i += 1)];
    else if (c === '|') {
      items.push(item);
      item = '';
    } else item += c;
  }
  items.push(item);
  return items;
}

// ---- writing ------------------------------------------------------------------------------

export function* sourceRows(sources: readonly Source[]): Generator<string> {
  yield csvRow(SOURCE_COLUMNS);
  for (const s of sources) yield csvRow([s.id, s.title, joinList(s.authors), s.year, s.publisher, s.file, s.period.from, s.period.to, s.periodNote]);
}

export function* actorRows(actors: readonly ActorRecord[]): Generator<string> {
  yield csvRow(ACTOR_COLUMNS);
  for (const a of actors) {
    const base: Cell[] = [a.id, a.name, a.kind, joinList(a.aliases), a.country, a.description, a.nameCollision];
    for (const c of a.citations) yield csvRow([...base, 'citation', c.source, c.quote, c.location]);
    for (const r of a.lifespan) yield csvRow([...base, r.event, r.source, r.quote, r.location, r.date, r.latest, r.basis, r.datedBy?.quote, r.datedBy?.location]);
  }
}

export function* relationshipRows(relationships: readonly RelationshipRecord[]): Generator<string> {
  yield csvRow(RELATIONSHIP_COLUMNS);
  for (const r of relationships) {
    const base: Cell[] = [r.id, r.source, r.target, r.type, r.description, r.stageNote];
    for (const c of r.claims) yield csvRow([...base, c.source, c.quote, c.location, c.confidence, c.from, c.fromBasis, c.to, c.toBasis, c.datedBy?.quote, c.datedBy?.location]);
  }
}

// ---- reading ------------------------------------------------------------------------------

/** Which of our tables a header row is (null: not one of ours). */
export function tableOfHeader(header: readonly string[]): CsvTable | null {
  return CSV_TABLES.find((t) => COLUMNS[t].every((c) => header.includes(c))) ?? null;
}

const orNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);
const passage = (quote: string | undefined, loc: string | undefined) => (quote ? { quote, ...(loc ? { location: loc } : {}) } : null);

/** Read one of our CSV tables (already parsed) into records, grouped by id. */
export function readTableCsv(file: string, text: string): ImportInput {
  const input = emptyInput('csv');
  const name = path.basename(file);
  const [head, ...rows] = parseCsvRows(text);
  const header = (head?.cells ?? []).map((h) => h.trim());
  const table = tableOfHeader(header);
  if (!table) {
    input.problems.push({ file: name, record: 'line 1', field: '(header)', reason: `not one of our CSV tables: sources.csv needs ${SOURCE_COLUMNS.join(',')}; actors.csv ${ACTOR_COLUMNS.join(',')}; relationships.csv ${RELATIONSHIP_COLUMNS.join(',')}` });
    return input;
  }
  const grouped = new Map<string, { first: string; where: string[]; record: Record<string, unknown>; key: string }>();
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const cell = Object.fromEntries(header.map((h, i) => [h, unguardCell(row.cells[i] ?? '')])) as Record<string, string>;
    const where = `${name} line ${row.line}`;
    const id = cell['id'] ?? '';
    const own = recordFields(table, cell);
    const key = JSON.stringify(own);
    let group = grouped.get(id);
    if (!group) grouped.set(id, (group = { first: where, where: [], record: { ...own, citations: [], lifespan: [], claims: [] }, key }));
    else if (group.key !== key) {
      input.problems.push({ file: name, record: where, field: '(record)', reason: `the fields of "${id}" disagree with its row at ${group.first}` });
      continue;
    }
    group.where.push(where);
    addEvidence(table, group.record, cell);
  }
  const schema = { sources: sourceSchema, actors: actorSchema, relationships: relationshipSchema }[table];
  for (const [id, g] of grouped) {
    if (table === 'actors') delete g.record['claims'];
    if (table === 'relationships') {
      delete g.record['citations'];
      delete g.record['lifespan'];
    }
    if (table === 'sources') for (const k of ['citations', 'lifespan', 'claims']) delete g.record[k];
    const rec = validated(input, schema as typeof sourceSchema, g.record, name, `${g.first} (${table.slice(0, -1)} "${id}")`);
    if (!rec) continue;
    (input.dataset[table] as Array<{ id: string }>).push(rec);
    for (const where of g.where) input.rows.push({ where, section: table, id });
  }
  return input;
}

function recordFields(table: CsvTable, c: Record<string, string>): Record<string, unknown> {
  if (table === 'sources') {
    return { id: c['id'], title: c['title'], authors: splitList(c['authors'] ?? ''), year: c['year'] ? Number(c['year']) : null, ...(c['publisher'] ? { publisher: c['publisher'] } : {}), file: c['file'], period: { from: c['period_from'], to: c['period_to'] }, periodNote: c['period_note'] ?? '' };
  }
  if (table === 'actors') {
    return { id: c['id'], name: c['name'], aliases: splitList(c['aliases'] ?? ''), kind: c['kind'], country: orNull(c['country']), description: c['description'] ?? '', nameCollision: orNull(c['name_collision']) };
  }
  return { id: c['id'], source: c['source'], target: c['target'], type: c['type'], description: c['description'] ?? '', stageNote: orNull(c['stage_note']) };
}

function addEvidence(table: CsvTable, record: Record<string, unknown>, c: Record<string, string>): void {
  const loc = c['location'] ? { location: c['location'] } : {};
  if (table === 'actors') {
    if (c['evidence'] === 'citation') (record['citations'] as unknown[]).push({ source: c['source'], quote: c['quote'], ...loc });
    else {
      (record['lifespan'] as unknown[]).push({ event: c['evidence'], date: c['date'], latest: orNull(c['latest']), basis: c['basis'], source: c['source'], quote: c['quote'], ...loc, datedBy: passage(c['dated_by_quote'], c['dated_by_location']) });
    }
  } else if (table === 'relationships') {
    (record['claims'] as unknown[]).push({
      source: c['claim_source'], quote: c['quote'], ...loc, confidence: c['grade'],
      from: orNull(c['from']), fromBasis: orNull(c['from_basis']), to: orNull(c['to']), toBasis: orNull(c['to_basis']),
      datedBy: passage(c['dated_by_quote'], c['dated_by_location']),
    });
  }
}
