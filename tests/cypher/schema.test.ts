/**
 * Drift test for cypher/schema.cypher: a relationship-id uniqueness constraint for every
 * relationship type of the vocabulary and for nothing else, id constraints for every node label,
 * and only IF NOT EXISTS statements (it is applied on every connect). The Neo4j linter does not
 * check type names inside schema commands, so this test does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES } from '../../server/domain/vocabulary.js';
import { UNIQUE_ID_LABELS } from '../../server/store/neo4j/names.js';
import { DEFAULT_CYPHER_DIR, QUERIES, splitStatements } from '../../server/store/neo4j/queries.js';

const statements = splitStatements(readFileSync(path.join(DEFAULT_CYPHER_DIR, QUERIES.schema.file), 'utf8'));
const vocabularyTypes = RELATIONSHIP_TYPES.map((t) => t.toUpperCase()).sort();

const REL_UNIQUE = /^CREATE CONSTRAINT (\w+) IF NOT EXISTS FOR \(\)-\[(\w+):(\w+)\]-\(\) REQUIRE \2\.id IS UNIQUE$/;
const NODE_UNIQUE = /^CREATE CONSTRAINT (\w+) IF NOT EXISTS FOR \((\w+):(\w+)\) REQUIRE \2\.id IS UNIQUE$/;

describe('cypher/schema.cypher', () => {
  it('has a relationship-id uniqueness constraint for every vocabulary type, and for no other type', () => {
    const constrained = statements.flatMap((s) => {
      const m = REL_UNIQUE.exec(s.replace(/\s+/g, ' '));
      return m ? [m[3] as string] : [];
    });
    expect(new Set(constrained).size).toBe(constrained.length);
    expect([...constrained].sort()).toEqual(vocabularyTypes);
  });

  it('mentions no relationship type outside the vocabulary anywhere', () => {
    const mentioned = statements.flatMap((s) => [...s.matchAll(/\[\s*\w*\s*:\s*(\w+)\s*\]/g)].map((m) => m[1] as string));
    expect(mentioned.length).toBeGreaterThan(0);
    expect(mentioned.filter((t) => !vocabularyTypes.includes(t))).toEqual([]);
  });

  it('has an id uniqueness constraint for every label whose nodes have ids', () => {
    const labels = statements.flatMap((s) => {
      const m = NODE_UNIQUE.exec(s.replace(/\s+/g, ' '));
      return m ? [m[3] as string] : [];
    });
    expect([...labels].sort()).toEqual([...UNIQUE_ID_LABELS].sort());
  });

  it('has the full-text index on actor name and aliases, and the Actor kind index', () => {
    const flat = statements.map((s) => s.replace(/\s+/g, ' '));
    expect(flat).toContainEqual(expect.stringMatching(/^CREATE FULLTEXT INDEX \w+ IF NOT EXISTS FOR \((\w+):Actor\) ON EACH \[\1\.name, \1\.aliases\]$/));
    expect(flat).toContainEqual(expect.stringMatching(/^CREATE INDEX \w+ IF NOT EXISTS FOR \((\w+):Actor\) ON \(\1\.kind\)$/));
  });

  it('is idempotent: every statement is CREATE … IF NOT EXISTS, with unique names', () => {
    const flat = statements.map((s) => s.replace(/\s+/g, ' '));
    for (const s of flat) expect(s).toMatch(/^CREATE (?:CONSTRAINT|(?:FULLTEXT |RANGE |TEXT )?INDEX) \w+ IF NOT EXISTS /);
    const names = flat.map((s) => /^CREATE (?:CONSTRAINT|(?:FULLTEXT |RANGE |TEXT )?INDEX) (\w+)/.exec(s)?.[1]);
    expect(new Set(names).size).toBe(names.length);
  });
});
