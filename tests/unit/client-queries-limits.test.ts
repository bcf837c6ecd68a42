/**
 * Every query the explorer sends validates against the SDL and fits the server's default
 * request limits (depth, fields, aliases, and cost with the variables it sends): the UI must
 * never trip the API's own guards.
 */
import { Kind, buildSchema, parse, specifiedRules, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { NexusApi } from '../../client/src/api/queries.js';
import { loadSdl } from '../../server/graphql/codegen.js';
import { costMessage, measureOperation, queryLimitRule, type QueryLimits } from '../../server/graphql/limits.js';
import { loadConfig } from '../../server/config.js';

const schema = buildSchema(loadSdl());
const { limits } = loadConfig({});
const queryLimits: QueryLimits = { maxDepth: limits.maxQueryDepth, maxFields: limits.maxQueryFields, maxAliases: limits.maxAliases, maxCost: limits.maxQueryCost };

async function clientRequests(): Promise<Array<{ query: string; variables: Record<string, unknown> }>> {
  const sent: Array<{ query: string; variables: Record<string, unknown> }> = [];
  const api = new NexusApi((async (query: string, variables: Record<string, unknown> = {}) => {
    sent.push({ query, variables });
    throw new Error('recorded');
  }) as never);
  const calls: Array<() => Promise<unknown>> = [
    () => api.vocabulary(),
    () => api.timeline(),
    () => api.network({ at: 2000 }),
    () => api.network({}),
    () => api.searchActors('imu'),
    () => api.actor('imu'),
    () => api.relationship('r'),
    () => api.dyad('a', 'b'),
    () => api.paths({ from: 'a', to: 'b', mode: 'ALL_SIMPLE', maxHops: 6 } as never),
    () => api.diff(2000, 2001),
    () => api.stateCapacity({ from: 2000, to: 2000 }),
  ];
  for (const call of calls) await call().catch(() => undefined);
  return sent;
}

describe('the explorer’s queries', () => {
  it('all validate against the SDL and fit the default limits, cost included', async () => {
    const requests = await clientRequests();
    expect(requests.length).toBe(11);
    for (const { query, variables } of requests) {
      const doc = parse(query);
      expect(validate(schema, doc, [...specifiedRules, queryLimitRule(queryLimits)]).map((e) => e.message), query.slice(0, 60)).toEqual([]);
      const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const { cost } = measureOperation(schema, doc, op, variables, queryLimits);
      expect(costMessage(cost, queryLimits), `${query.slice(0, 60)} costs ${cost}`).toBeNull();
    }
  });
});
