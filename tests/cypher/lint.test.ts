/**
 * Lints every file in cypher/ with Neo4j's own Cypher linter (@neo4j-cypher/language-support),
 * against a schema built from the vocabulary, the mapping module's property keys and each query's
 * registered parameters, and checks the registry and the files agree. No server needed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCypherQuery, testData, type DbSchema, type SyntaxDiagnostic } from '@neo4j-cypher/language-support';
import { DEFAULT_CYPHER_DIR, QUERIES, QUERY_NAMES, QueryRegistry, expandTemplates, stripLineComments, type QueryName } from '../../server/store/neo4j/queries.js';
import { LINK_TYPES, NEO4J_RELATIONSHIP_TYPES, NODE_LABELS, PROPERTY_KEYS, ROW_KEYS } from '../../server/store/neo4j/names.js';

const ERROR = 1;
const files = readdirSync(DEFAULT_CYPHER_DIR).filter((f) => f.endsWith('.cypher')).sort();
const entryByFile = new Map(QUERY_NAMES.map((name) => [QUERIES[name].file as string, name]));

function schemaFor(params: readonly string[]): DbSchema {
  return {
    defaultLanguage: 'CYPHER 5',
    labels: [...NODE_LABELS],
    relationshipTypes: [...NEO4J_RELATIONSHIP_TYPES, ...LINK_TYPES],
    propertyKeys: [...PROPERTY_KEYS, ...ROW_KEYS],
    parameters: Object.fromEntries(params.map((p) => [p, null])),
    // The linter's own catalogue of Neo4j functions and procedures, so a misspelt function is an error.
    functions: testData.mockSchema.functions,
    procedures: testData.mockSchema.procedures,
  };
}

function lint(query: string, params: readonly string[]): SyntaxDiagnostic[] {
  return lintCypherQuery(query, schemaFor(params)).diagnostics;
}

const messageOf = (d: SyntaxDiagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

function show(file: string, source: string, diagnostics: readonly SyntaxDiagnostic[]): string[] {
  return diagnostics.map((d) => {
    const line = source.split('\n')[d.range.start.line] ?? '';
    return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} [${d.severity === ERROR ? 'error' : 'warning'}] ${messageOf(d)}\n    ${line.trim()}`;
  });
}

/** `$name` parameters used in Cypher text (comments and string literals ignored; `$(expr)` is a dynamic type, not a parameter). */
function usedParams(text: string): Set<string> {
  const code = stripLineComments(text).replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  return new Set([...code.matchAll(/\$`?([A-Za-z_][A-Za-z0-9_]*)`?/g)].map((m) => m[1] as string));
}

describe('cypher/ files', () => {
  it('exist (the directory is read, so a new file is linted automatically)', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s passes the Neo4j linter with no errors or warnings (templates expanded as the registry runs them)', (file) => {
    const name = entryByFile.get(file);
    expect(name, `${file} is not in the registry`).toBeDefined();
    const text = expandTemplates(readFileSync(path.join(DEFAULT_CYPHER_DIR, file), 'utf8'));
    const diagnostics = lint(text, QUERIES[name as QueryName].params);
    // Every warning counts too: unknown labels, relationship types, properties and parameters,
    // deprecated syntax, cartesian products. An intended warning would have to be allowed here by name.
    expect(show(file, text, diagnostics)).toEqual([]);
  });

  it.each(files)('%s has a header comment (purpose, params, returns, and the plan for every query)', (file) => {
    const text = readFileSync(path.join(DEFAULT_CYPHER_DIR, file), 'utf8');
    const header = text.split('\n').filter((l) => l.startsWith('//')).join('\n');
    expect(text.startsWith('//')).toBe(true);
    expect(header).toMatch(/Purpose:/);
    expect(header).toMatch(/Params:/);
    expect(header).toMatch(/Returns:/);
    if (!(QUERIES[entryByFile.get(file) as QueryName] as { script?: boolean }).script) expect(header).toMatch(/Plan \(PROFILE, 5\.26\):/);
  });

  it.each(files)('%s uses exactly the parameters its registry entry declares', (file) => {
    const name = entryByFile.get(file) as QueryName;
    const text = readFileSync(path.join(DEFAULT_CYPHER_DIR, file), 'utf8');
    expect([...usedParams(text)].sort()).toEqual([...QUERIES[name].params].sort());
  });

  it.each(files)('%s has no literal ids', (file) => {
    const code = stripLineComments(readFileSync(path.join(DEFAULT_CYPHER_DIR, file), 'utf8'));
    // {id: 'x'}, .id = "x", id IN ['x'], id <> 'x', … : ids must always come in as parameters.
    expect(code).not.toMatch(/\bid\s*(?::|=|<>|\bIN\b|STARTS WITH|ENDS WITH|CONTAINS)\s*\[?\s*['"]/i);
    expect(code).not.toMatch(/['"]\s*(?:=|<>|\bIN\b)\s*\w+\.id\b/i);
  });

  it('every registry entry has its file, and every file has an entry', () => {
    const registered = QUERY_NAMES.map((n) => QUERIES[n].file as string).sort();
    expect(new Set(registered).size).toBe(registered.length);
    expect(registered).toEqual(files);
  });
});

describe('the lint itself', () => {
  it('reports a syntax error', () => {
    const diagnostics = lint('MATCH (a:Actor {id: $id}\nRETURN a', ['id']);
    expect(diagnostics.some((d) => d.severity === ERROR && /Invalid input/.test(messageOf(d)))).toBe(true);
  });

  it('reports an undefined variable', () => {
    const diagnostics = lint('MATCH (a:Actor {id: $id})\nRETURN b.name', ['id']);
    expect(diagnostics.some((d) => d.severity === ERROR && /Variable `b` not defined/.test(messageOf(d)))).toBe(true);
  });

  it('reports a parameter the registry does not declare', () => {
    const diagnostics = lint('MATCH (a:Actor {id: $actorId})\nRETURN a', ['id']);
    expect(diagnostics.some((d) => d.severity === ERROR && /Parameter \$actorId is not defined/.test(messageOf(d)))).toBe(true);
  });

  it('reports a misspelt function', () => {
    const diagnostics = lint('MATCH (a:Actor {id: $id})\nRETURN toLowr(a.name)', ['id']);
    expect(diagnostics.some((d) => d.severity === ERROR && /Function toLowr is not present/.test(messageOf(d)))).toBe(true);
  });

  it('warns about labels, relationship types and properties outside the model', () => {
    const diagnostics = lint('MATCH (a:Actr {id: $id})-[r:ALLIED_WITH]->(b:Actor)\nRETURN a.nmae, r.fromDay', ['id']);
    const messages = diagnostics.map(messageOf).join('\n');
    expect(messages).toMatch(/Actr is not present/);
    expect(messages).toMatch(/ALLIED_WITH is not present/);
    expect(messages).toMatch(/nmae is not present/);
    expect(messages).not.toMatch(/fromDay is not present/);
  });

  it('finds every $parameter in a file, ignoring comments, strings and dynamic types', () => {
    const text = "// uses $notThis\nMATCH (a)-[r:$(row.type)]->(b) WHERE a.name = '$notThat' AND a.id = $id RETURN $`limit`";
    expect([...usedParams(text)].sort()).toEqual(['id', 'limit']);
  });
});

describe('the templates', () => {
  it('repeat a block per vocabulary type and per hop count, joined by UNION ALL', () => {
    const text = 'CALL () {\n  // @each relationship-type\n  MATCH ()-[r:__TYPE__]->() RETURN r\n  // @end\n}\n';
    const out = expandTemplates(text);
    expect(out).toContain('MATCH ()-[r:ALLIANCE]->() RETURN r\n  UNION ALL\n');
    expect(out.match(/UNION ALL/g)).toHaveLength(NEO4J_RELATIONSHIP_TYPES.length - 1);
    expect(expandTemplates('// @each hop-count\nMATCH p = (a)(()--()){__HOPS__}(b)\n// @end\n')).toContain('{6}');
  });

  it('repeat a block per hop count 2–6, split into a head and a tail met in the middle', () => {
    const out = expandTemplates('// @each hop-count-split\nCALL { MATCH (a)(()--()){__HEAD__}(m), (m)(()--()){__TAIL__}(b) WHERE __HOPS__ <= $maxHops }\n// @end\n');
    expect(out.match(/UNION ALL/g)).toHaveLength(4);
    expect(out.match(/WHERE \d <= \$maxHops/g)).toEqual(['2', '3', '4', '5', '6'].map((n) => `WHERE ${n} <= $maxHops`));
    expect(out).toContain('{2}(m), (m)(()--()){1}(b) WHERE 3 <=');
    expect(out).toContain('{3}(m), (m)(()--()){3}(b) WHERE 6 <=');
  });
});

describe('the query loader', () => {
  it('loads every registered file', async () => {
    const registry = await QueryRegistry.load();
    expect(registry.text('ping')).toMatch(/RETURN 1 AS ok/);
    expect(registry.statements('schema').every((st) => st.startsWith('CREATE '))).toBe(true);
  });

  it('stops startup naming a missing file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-cypher-'));
    try {
      await cp(DEFAULT_CYPHER_DIR, dir, { recursive: true, filter: (src) => path.basename(src) !== QUERIES.upsertEvents.file });
      await expect(QueryRegistry.load(dir)).rejects.toThrow(/upsert-events\.cypher \(query "upsertEvents": file not found\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
