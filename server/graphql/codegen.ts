/**
 * Generates server/graphql/generated.ts from the SDL: enum value unions (as the resolvers see
 * them, i.e. the vocabulary's lower-case values), input types and the argument types of every
 * field that takes arguments. `npm run gen:graphql` writes it; a test fails when it is stale,
 * and resolvers typed against it fail the typecheck when the SDL drifts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isVocabularyEnum } from './enums.js';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SDL_FILE = path.join(HERE, 'schema.graphql');
export const GENERATED_FILE = path.join(HERE, 'generated.ts');

const SCALARS: Record<string, string> = { ID: 'string', String: 'string', Int: 'number', Float: 'number', Boolean: 'boolean' };
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function tsType(type: GraphQLInputType, nullable = true): string {
  if (isNonNullType(type)) return tsType(type.ofType as GraphQLInputType, false);
  const inner = isListType(type)
    ? `Array<${tsType(type.ofType as GraphQLInputType)}>`.replace(/ \| null>$/, '>')
    : isScalarType(type)
      ? (SCALARS[type.name] ?? 'unknown')
      : type.name;
  return nullable ? `${inner} | null` : inner;
}

export function generate(schema: GraphQLSchema): string {
  const out: string[] = ['// Generated from schema.graphql by server/graphql/codegen.ts (npm run gen:graphql). Do not edit.', ''];
  const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__')).sort((a, b) => a.name.localeCompare(b.name));
  for (const t of types) {
    if (isEnumType(t)) {
      const internal = (name: string) => (isVocabularyEnum(t.name) ? name.toLowerCase() : name);
      out.push(`export type ${t.name} = ${t.getValues().map((v) => `'${internal(v.name)}'`).join(' | ')};`, '');
    } else if (isInputObjectType(t)) {
      out.push(`export interface ${t.name} {`);
      for (const f of Object.values(t.getFields())) {
        const optional = !isNonNullType(f.type) ? '?' : '';
        out.push(`  ${f.name}${optional}: ${tsType(f.type)};`);
      }
      out.push('}', '');
    }
  }
  for (const t of types) {
    if (!isObjectType(t)) continue;
    const withArgs = Object.values(t.getFields()).filter((f) => f.args.length > 0);
    for (const f of withArgs) {
      out.push(`export interface ${t.name}${pascal(f.name)}Args {`);
      for (const a of f.args) {
        const optional = !isNonNullType(a.type) && a.defaultValue === undefined ? '?' : '';
        out.push(`  ${a.name}${optional}: ${tsType(a.type)};`);
      }
      out.push('}', '');
    }
  }
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    out.push(`/** Arguments of every ${root.name} field (fields without arguments map to Record<string, never>). */`);
    out.push(`export interface ${root.name}Args {`);
    for (const f of Object.values(root.getFields())) {
      out.push(`  ${f.name}: ${f.args.length > 0 ? `${root.name}${pascal(f.name)}Args` : 'Record<string, never>'};`);
    }
    out.push('}', '');
  }
  return out.join('\n');
}

export function loadSdl(): string {
  return readFileSync(SDL_FILE, 'utf8');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(GENERATED_FILE, generate(buildSchema(loadSdl())));
  console.log(`wrote ${path.relative(process.cwd(), GENERATED_FILE)}`);
}
