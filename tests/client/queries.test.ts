/**
 * The explorer's own requests, with the arguments the app sends: the opening view (sized by the
 * service's bounds), the time bar's years and the relationship details (which must ask
 * for validity) fit the API's default limits.
 */
import { Kind, buildSchema, parse, specifiedRules, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { NexusApi, RELATIONSHIPS_PER_REQUEST } from '../../client/src/api/queries.js';
import { loadSdl } from '../../server/graphql/codegen.js';
import { costMessage, measureOperation, queryLimitRule, type QueryLimits } from '../../server/graphql/limits.js';
import { loadConfig } from '../../server/config.js';

const schema = buildSchema(loadSdl());
const { limits } = loadConfig({});
const queryLimits: QueryLimits = { maxDepth: limits.maxQueryDepth, maxFields: limits.maxQueryFields, maxAliases: limits.maxAliases, maxCost: limits.maxQueryCost };

async function record(call: (api: NexusApi) => Promise<unknown>): Promise<{ query: string; variables: Record<string, unknown> }> {
  let sent: { query: string; variables: Record<string, unknown> } | null = null;
  const api = new NexusApi((async (query: string, variables: Record<string, unknown> = {}) => {
    sent = { query, variables };
    throw new Error('recorded');
  }) as never);
  await call(api).catch(() => undefined);
  return sent!;
}

function check(query: string, variables: Record<string, unknown>): void {
  const doc = parse(query);
  expect(validate(schema, doc, [...specifiedRules, queryLimitRule(queryLimits)]).map((e) => e.message)).toEqual([]);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const { cost } = measureOperation(schema, doc, op, variables, queryLimits);
  expect(costMessage(cost, queryLimits), `costs ${cost}`).toBeNull();
}

describe('the explorer’s startup and details requests', () => {
  it('the opening view, at the most the service puts in it, fits the default cost budget', async () => {
    const { query, variables } = await record((api) => api.overview());
    check(query, variables);
  });
  it('the time bar’s years and events fit, and do not ask for the timeline’s every change', async () => {
    const { query, variables } = await record((api) => api.timeline());
    expect(query).not.toMatch(/changes/);
    check(query, variables);
  });
  it('the relationship details ask for validity (and fit)', async () => {
    const { query, variables } = await record((api) => api.relationship('r'));
    expect(query).toMatch(/validity\s*\{[^}]*fromYear[^}]*toYear/);
    check(query, variables);
  });
  it('an export’s batch of relationships with claims fits, and a bigger batch would not be sized as one', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `r${i}`);
    const { query, variables } = await record((api) => api.relationshipsById(ids));
    expect((variables['ids'] as string[]).length).toBe(RELATIONSHIPS_PER_REQUEST);
    check(query, variables);
    const doc = parse(query);
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const one = measureOperation(schema, doc, op, { ids: ['r0'] }, queryLimits).cost;
    const batch = measureOperation(schema, doc, op, variables, queryLimits).cost;
    expect(batch).toBeGreaterThan(100 * one);
  });
});
