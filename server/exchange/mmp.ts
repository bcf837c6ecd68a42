/**
 * The Mapping Militant Organizations (Stanford MMP) relationships CSV: one row per dated
 * relationship between two groups — `unique_id,type,group1_id,group2_id,date,description,
 * group1_name,group2_name` — read into actors (one per MMP group id, `mmp-<id>`) and relationships
 * (one per pair and type, each row one claim). The type mapping, and why, is in MMP_TYPES; dates of
 * year (`2005-00-00`), month (`2014-02-00`) and day precision (`2014-02-18`, `2/18/10`) are kept at
 * their precision. Exact duplicate rows are dropped (reported as skipped). Every claim quotes the
 * row's description verbatim (or, when it has none, the row itself) and is graded `reported`: MMP
 * compiles open-source reporting. The file itself is the source record.
 */
import path from 'node:path';
import { parseCsvRows } from '../domain/csv.js';
import { actorSchema, claimSchema, relationshipSchema, sourceSchema, type ActorRecord, type Claim } from '../domain/schemas.js';
import { RELATIONSHIP_TYPE_INFO, type ActorKind, type RelationshipType } from '../domain/vocabulary.js';
import { emptyInput, location, quoteFragment, slugId, validated, type ImportInput } from './input.js';

/**
 * MMP's five link types in our vocabulary. MMP codes group1 → group2 in a fixed sense for splits
 * and mergers (the parent or the merging group first, the splinter or the result second).
 * - all (allies: joint operations, sanctuary, shared fighters) → alliance, the continuum stage the
 *   seed uses between militant groups (undirected).
 * - aff (affiliates: formal ties, shared members, pledges) → alliance too: MMP's rows do not say
 *   which side belongs to which, so member_of would guess a direction; the row's quote keeps "aff".
 * - riv (rivals: clashes, declared enmity) → rivalry (undirected).
 * - spl (group2 split from group1) → splinter_of, group2 → group1.
 * - mer (group1 merged into group2, or both formed it) → successor_of, group2 → group1: the
 *   merged organisation grew out of each group that joined it.
 */
export const MMP_TYPES: Readonly<Record<string, { type: RelationshipType; reversed: boolean }>> = {
  all: { type: 'alliance', reversed: false },
  aff: { type: 'alliance', reversed: false },
  riv: { type: 'rivalry', reversed: false },
  spl: { type: 'splinter_of', reversed: true },
  mer: { type: 'successor_of', reversed: true },
};

const REQUIRED = ['type', 'group1_id', 'group2_id', 'date', 'description', 'group1_name', 'group2_name'] as const;

export function isMmpHeader(header: readonly string[]): boolean {
  return REQUIRED.every((c) => header.includes(c));
}

/** An MMP date at its precision: "2005-00-00" → "2005", "2014-02-00" → "2014-02", "2/18/10" → "2010-02-18". */
export function mmpDate(raw: string): string | null | undefined {
  const t = raw.trim();
  if (t === '') return null;
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t);
  if (m) {
    const [, y, mo, d] = m;
    if (!mo || mo === '00') return y;
    if (!d || d === '00') return `${y}-${mo}`;
    return `${y}-${mo}-${d}`;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const [, mo, d, yy] = m as unknown as [string, string, string, string];
    // Two-digit years: 00–29 are 2000–2029, 30–99 are 1930–1999 (MMP's groups date from the 1930s on).
    const year = yy.length === 4 ? yy : Number(yy) < 30 ? `20${yy}` : `19${yy}`;
    return `${year}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  }
  return undefined;
}

export interface MmpOptions {
  sourceId?: string;
  /** The kind of every MMP group (MMP profiles militant organisations); default terrorist_group. */
  kind?: ActorKind;
}

export function readMmpCsv(file: string, text: string, options: MmpOptions = {}): ImportInput {
  const input = emptyInput('mmp', true);
  const name = path.basename(file);
  const sourceId = options.sourceId ?? 'mmp';
  const kind = options.kind ?? 'terrorist_group';
  const [head, ...rows] = parseCsvRows(text);
  const header = (head?.cells ?? []).map((h) => h.trim());
  const lines = text.split(/\r?\n/);
  const actors = new Map<string, ActorRecord>();
  const rels = new Map<string, { id: string; source: string; target: string; type: RelationshipType; claims: Claim[]; where: string[] }>();
  const seenRows = new Map<string, string>();
  const years: number[] = [];
  const actorRows: Array<{ where: string; id: string }> = [];

  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const c = Object.fromEntries(header.map((h, i) => [h, (row.cells[i] ?? '').trim()])) as Record<string, string>;
    const where = `${name} line ${row.line}${c['unique_id'] ? ` (unique_id ${c['unique_id']})` : ''}`;
    const problem = (field: string, reason: string) => input.problems.push({ file: name, record: where, field, reason });
    const mapped = MMP_TYPES[(c['type'] ?? '').toLowerCase()];
    if (!mapped) {
      problem('type', `"${c['type']}" is not an MMP relationship type (all, aff, riv, spl, mer)`);
      continue;
    }
    const date = mmpDate(c['date'] ?? '');
    if (date === undefined) {
      problem('date', `"${c['date']}" is not a date of the forms YYYY, YYYY-MM-00, YYYY-00-00, YYYY-MM-DD or M/D/YY`);
      continue;
    }
    const [g1, g2] = [c['group1_id'] ?? '', c['group2_id'] ?? ''];
    if (!g1 || !g2 || !c['group1_name'] || !c['group2_name']) {
      problem(!g1 || !g2 ? 'group1_id' : 'group1_name', 'both groups need an id and a name');
      continue;
    }
    const duplicateKey = JSON.stringify([c['type'], g1, g2, c['date'], (c['description'] ?? '').replace(/\s+/g, ' ')]);
    const earlier = seenRows.get(duplicateKey);
    if (earlier) {
      input.skipped.push({ where, reason: `duplicate of ${earlier} (same type, groups, date and description)` });
      continue;
    }
    seenRows.set(duplicateKey, where);
    if (g1 === g2) {
      input.skipped.push({ where, reason: 'links a group to itself' });
      continue;
    }
    const rawLine = lines[row.line - 1] ?? '';
    const description = c['description'] ?? '';
    const quote = quoteFragment(description.length >= 8 ? description : rawLine);
    const loc = location(c['unique_id'] ? `row ${c['unique_id']}` : `line ${row.line}`);
    if (date) years.push(Number(date.slice(0, 4)));
    const claim = validated(input, claimSchema, { source: sourceId, quote, location: loc, confidence: 'reported', from: date, fromBasis: date ? 'stated' : null }, name, where);
    if (!claim) continue;
    const [a, b] = [`mmp-${slugId(g1)}`, `mmp-${slugId(g2)}`];
    for (const [id, groupName] of [[a, c['group1_name']], [b, c['group2_name']]] as const) {
      // An actor is listed under the row that makes it (its citation) and any row adding a spelling.
      const known = actors.get(id);
      if (!known) actors.set(id, { id, name: groupName, aliases: [], kind, country: null, description: '', lifespan: [], nameCollision: null, citations: [{ source: sourceId, quote, location: loc }] });
      else if (known.name !== groupName && !known.aliases.includes(groupName)) known.aliases.push(groupName);
      else continue;
      actorRows.push({ where, id });
    }
    const [source, target] = mapped.reversed ? [b, a] : RELATIONSHIP_TYPE_INFO[mapped.type].directed || a <= b ? [a, b] : [b, a];
    const id = `${source}-${mapped.type.replace(/_/g, '-')}-${target}`;
    let rel = rels.get(id);
    if (!rel) rels.set(id, (rel = { id, source, target, type: mapped.type, claims: [], where: [] }));
    rel.claims.push(claim);
    rel.where.push(where);
  }
  if (rels.size > 0 && years.length === 0) input.problems.push({ file: name, record: '(file)', field: 'date', reason: 'no row is dated, so the period the file covers is unknown' });
  if (input.problems.length > 0) return input;
  const source = validated(input, sourceSchema, {
    id: sourceId, title: `Mapping Militant Organizations: relationships (${name})`, authors: ['Mapping Militants Project, Stanford University'], year: null,
    publisher: 'Stanford University, Center for International Security and Cooperation', file: name,
    period: { from: String(Math.min(...years)), to: String(Math.max(...years)) }, periodNote: 'The years of the dated rows in the imported file.',
  }, name, '(source)');
  if (source) {
    input.dataset.sources.push(source);
    input.rows.push({ where: `${name} (the file)`, section: 'sources', id: source.id });
  }
  for (const a of actors.values()) {
    const rec = validated(input, actorSchema, a, name, `actor "${a.id}"`);
    if (rec) input.dataset.actors.push(rec);
  }
  for (const r of rels.values()) {
    const rec = validated(input, relationshipSchema, { id: r.id, source: r.source, target: r.target, type: r.type, description: '', claims: r.claims }, name, r.where[0] ?? r.id);
    if (!rec) continue;
    input.dataset.relationships.push(rec);
    for (const where of r.where) input.rows.push({ where, section: 'relationships', id: r.id });
  }
  for (const { where, id } of actorRows) input.rows.push({ where, section: 'actors', id });
  return input;
}
