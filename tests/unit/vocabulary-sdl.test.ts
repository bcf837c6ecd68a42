/**
 * One declaration per concept: the SDL's enums, the generated argument types and the Neo4j
 * relationship types must all match the vocabulary in server/domain/vocabulary.ts.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, generate, loadSdl } from '../../server/graphql/codegen.js';
import { VOCABULARY_ENUMS, toEnumName } from '../../server/graphql/enums.js';
import { CONTINUUM_STAGES, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_INFO } from '../../server/domain/vocabulary.js';

const schema = buildSchema(loadSdl());

describe('SDL ↔ vocabulary', () => {
  it.each(Object.entries(VOCABULARY_ENUMS))('enum %s lists exactly the vocabulary, in order', (name, values) => {
    const type = schema.getType(name);
    expect(isEnumType(type)).toBe(true);
    if (!isEnumType(type)) return;
    expect(type.getValues().map((v) => v.name)).toEqual(values.map(toEnumName));
  });

  it('continuum stages are the first relationship types, in stage order', () => {
    expect(RELATIONSHIP_TYPES.slice(0, CONTINUUM_STAGES.length)).toEqual([...CONTINUUM_STAGES]);
    CONTINUUM_STAGES.forEach((stage, i) => expect(RELATIONSHIP_TYPE_INFO[stage].stage).toBe(i));
  });

  it('the generated argument types are up to date with the SDL', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(generate(schema));
  });
});
