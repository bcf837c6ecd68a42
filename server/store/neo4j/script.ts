/**
 * The view as a Cypher script (for cypher-shell, Neo4j Browser or any driver): the schema
 * (constraints and indexes, IF NOT EXISTS), then, in one transaction (`:begin` … `:commit`), every
 * record MERGEd by id with its properties replaced — exactly the properties, labels and link types
 * this adapter stores (mapping.ts), so the app can serve the result and running the script twice
 * changes nothing. Values are written as Cypher literals, escaped here and nowhere else: strings
 * single-quoted with \\ \' and control characters escaped, integers as integers, JS numbers as
 * floats (as the driver sends them); labels and relationship types come only from the vocabulary.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { ExportView } from '../../services/exports.js';
import { actorToProps, capacityToRow, derivedToProps, eventToRow, figureToRow, relationshipToRow, sourceToProps, spanToProps, type Props } from './mapping.js';
import { DEFAULT_CYPHER_DIR, expandTemplates, splitStatements } from './queries.js';

/** A string as a Cypher string literal. */
export function cypherString(s: string): string {
  let out = "'";
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

/** A property value as a Cypher literal. */
export function cypherValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (neo4j.isInt(v)) return v.toString();
  if (typeof v === 'string') return cypherString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`a property value is not a finite number: ${v}`);
    const text = String(v);
    return /[.eE]/.test(text) ? text : `${text}.0`;
  }
  if (Array.isArray(v)) return `[${v.map(cypherValue).join(', ')}]`;
  throw new Error(`not a property value: ${typeof v}`);
}

/** A property map as a Cypher map literal. Null entries are kept (SET n = {k: null} stores no k): every record of a kind then reads the same to the planner, which reuses one plan. */
export function cypherMap(props: Props): string {
  const entries = Object.entries(props).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `\`${k.replace(/`/g, '``')}\``}: ${cypherValue(v)}`).join(', ')}}`;
}

const id = (x: string) => `{id: ${cypherString(x)}}`;

function* links(label: string, recordId: string, link: string, ids: readonly string[]): Generator<string> {
  for (const [position, actor] of ids.entries()) yield `MATCH (n:${label} ${id(recordId)}), (a:Actor ${id(actor)}) CREATE (n)-[:${link} {position: ${position}}]->(a);\n`;
}

export function* cypherScript(view: ExportView): Generator<string> {
  yield `// Nexus Explorer export: ${view.description.replace(/\n/g, ' ')}; ${view.actors.length} actors, ${view.relationships.length} relationships.\n`;
  yield '// Run it with cypher-shell -a bolt://HOST:7687 -u neo4j -f THIS_FILE (Neo4j 5.26+). Idempotent: every record is MERGEd by id.\n';
  const schema = splitStatements(expandTemplates(readFileSync(path.join(DEFAULT_CYPHER_DIR, 'schema.cypher'), 'utf8')));
  for (const statement of schema) yield `${statement.replace(/\s+/g, ' ')};\n`;
  yield ':begin\n';
  for (const s of view.sources) yield `MERGE (n:Source ${id(s.id)}) SET n = ${cypherMap(sourceToProps(s))};\n`;
  for (const a of view.actors) yield `MERGE (n:Actor ${id(a.id)}) SET n = ${cypherMap({ ...actorToProps(a), ...spanToProps(a.span) })};\n`;
  for (const r of view.relationships) {
    const row = relationshipToRow(r);
    // row.type is the vocabulary's type upper-cased (names.ts), never free text.
    yield `MATCH (s:Actor ${id(r.source)}), (t:Actor ${id(r.target)}) MERGE (s)-[r:${row.type} ${id(r.id)}]->(t) SET r = ${cypherMap({ ...row.props, ...derivedToProps(r) })};\n`;
  }
  for (const e of view.events) {
    const row = eventToRow(e);
    yield `MERGE (n:Event ${id(e.id)}) SET n = ${cypherMap(row.props)};\n`;
    yield `MATCH (:Event ${id(e.id)})-[old:INVOLVES|AT]->(:Actor) DELETE old;\n`;
    yield* links('Event', e.id, 'INVOLVES', row.actors ?? []);
    yield* links('Event', e.id, 'AT', row.places ?? []);
  }
  for (const c of view.capacity) {
    const row = capacityToRow(c);
    yield `MERGE (n:CapacityAssessment ${id(c.id)}) SET n = ${cypherMap(row.props)};\n`;
    yield `MATCH (:CapacityAssessment ${id(c.id)})-[old:RATES]->(:Actor) DELETE old;\n`;
    yield `MATCH (n:CapacityAssessment ${id(c.id)}), (a:Actor ${id(c.region)}) CREATE (n)-[:RATES]->(a);\n`;
  }
  for (const f of view.figures) {
    const row = figureToRow(f);
    yield `MERGE (n:Figure ${id(f.id)}) SET n = ${cypherMap(row.props)};\n`;
    yield `MATCH (:Figure ${id(f.id)})-[old:ABOUT]->(:Actor) DELETE old;\n`;
    yield* links('Figure', f.id, 'ABOUT', row.actors ?? []);
  }
  yield ':commit\n';
}
