/**
 * Bad input and abuse over real HTTP: each gets a clear error with a stable code that names the
 * argument, and the next request is answered normally.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ limits: { pathBudgetMs: 200 } });
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  // The server keeps serving after every bad request.
  const { status, body } = await gql<{ sources: unknown[] }>(server.url, '{ sources { id } }');
  expect(status).toBe(200);
  expect(body.data!.sources.length).toBeGreaterThan(0);
});

const firstError = (body: { errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }> }) => body.errors?.[0];

describe('bad arguments', () => {
  it('an unknown id is NOT_FOUND, naming the id', async () => {
    const { body } = await gql(server.url, '{ actor(id: "no-such-group") { id } }');
    expect(body.data).toBeNull();
    expect(firstError(body)).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'id' } });
    expect(firstError(body)!.message).toMatch(/no-such-group/);
    const path = await gql(server.url, '{ paths(from: "imu", to: "nobody") { truncated } }');
    expect(firstError(path.body)).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'to' } });
    const excluded = await gql(server.url, '{ paths(from: "imu", to: "taliban", excludeActors: ["nope"]) { truncated } }');
    expect(firstError(excluded.body)).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'excludeActors', id: 'nope' } });
  });

  it('maxHops: 50 is refused, naming maxHops and the limit', async () => {
    const { body } = await gql(server.url, '{ paths(from: "imu", to: "taliban", maxHops: 50) { truncated } }');
    expect(firstError(body)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'maxHops' } });
    expect(firstError(body)!.message).toMatch(/maxHops: must be at most 6/);
  });

  it('a window whose from is after its to is refused', async () => {
    const { body } = await gql(server.url, '{ network(window: { from: 2010, to: 2001 }) { truncated } }');
    expect(firstError(body)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'window' } });
    expect(firstError(body)!.message).toMatch(/from \(2010\) is after to \(2001\)/);
    const diff = await gql(server.url, '{ diff(fromYear: 2005, toYear: 1999) { added { id } } }');
    expect(firstError(diff.body)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'fromYear' } });
  });

  it('at and window together, a year out of range, and a bad cursor are refused', async () => {
    const both = await gql(server.url, '{ network(at: 2000, window: { from: 1999, to: 2001 }) { truncated } }');
    expect(firstError(both.body)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'at' } });
    const year = await gql(server.url, '{ network(at: 30000) { truncated } }');
    expect(firstError(year.body)!.message).toMatch(/^at: must be a year up to 2100/);
    const cursor = await gql(server.url, '{ actors(after: "garbage") { totalCount } }');
    expect(firstError(cursor.body)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
  });

  it('subscriptions are refused, and a mutation field that does not exist fails validation', async () => {
    const sub = await gql(server.url, 'subscription { x }');
    expect(sub.status).toBe(400);
    expect(firstError(sub.body)!.message).toMatch(/this API has no subscription operations/);
    const unknown = await gql(server.url, 'mutation { x }');
    expect(unknown.status).toBe(400);
    expect(firstError(unknown.body)!.message).toMatch(/Cannot query field "x" on type "Mutation"/);
  });

  it('a wrong enum value fails validation with status 400', async () => {
    const { status, body } = await gql(server.url, '{ relationships(filter: { types: [FRIENDSHIP] }) { totalCount } }');
    expect(status).toBe(400);
    expect(firstError(body)!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(firstError(body)!.message).toMatch(/FRIENDSHIP/);
  });
});

describe('limits', () => {
  it('a deeply nested query is refused before it runs', async () => {
    let selection = 'id';
    for (let i = 0; i < 8; i += 1) selection = `relationships { source { ${selection} } }`;
    const { status, body } = await gql(server.url, `{ actor(id: "imu") { ${selection} } }`);
    expect(status).toBe(400);
    expect(firstError(body)!.message).toMatch(/query depth \d+ exceeds the maximum of 10/);
  });

  it('a query whose nested lists would multiply into millions of objects is refused', async () => {
    const nested = '{ actor(id: "imu") { relationships { target { relationships { target { relationships { id } } } } } } }';
    const { status, body } = await gql(server.url, nested);
    expect(status).toBe(400);
    expect(firstError(body)!.message).toMatch(/query cost is over 200000/);
    const bounded = await gql<{ actor: { relationships: Array<{ target: { relationships: unknown[] } }> } }>(
      server.url,
      '{ actor(id: "imu") { relationships(first: 5) { target { relationships(first: 5) { target { relationships(first: 5) { id } } } } } } }',
    );
    expect(bounded.status).toBe(200);
    expect(bounded.body.data!.actor.relationships).toHaveLength(5);
    // A connection's first sizes its nodes: 1000 × 200 relationships is refused.
    const paged = await gql(server.url, '{ relationships(first: 1000) { nodes { source { relationships(first: 200) { id } } } } }');
    expect(paged.status).toBe(400);
    expect(firstError(paged.body)!.message).toMatch(/query cost is over/);
  });

  it('hundreds of aliases are refused', async () => {
    const fields = Array.from({ length: 300 }, (_, i) => `a${i}: actor(id: "imu") { id }`).join(' ');
    const { status, body } = await gql(server.url, `{ ${fields} }`);
    expect(status).toBe(400);
    expect(firstError(body)!.message).toMatch(/aliases; the maximum is 30/);
  });

  it('an oversized body gets 413 with a JSON error', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ sources { id } }`, variables: { pad: 'x'.repeat(200_000) } }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('malformed JSON and batched requests are refused with 400', async () => {
    const bad = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    const nullBody = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'null' });
    expect(nullBody.status).toBe(400);
    expect(JSON.stringify(await nullBody.json())).toMatch(/must be a JSON object/);
    const batch = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ sources { id } }' }, { query: '{ sources { id } }' }]),
    });
    expect(batch.status).toBe(400);
  });

  it('a pathological path query comes back truncated, and others are answered meanwhile', async () => {
    const heavy = gql<{ paths: { truncated: boolean; truncatedBy: string; paths: unknown[] } }>(
      server.url,
      '{ paths(from: "tajikistan", to: "kyrgyzstan", mode: ALL_SIMPLE, maxHops: 6, limit: 200) { truncated truncatedBy paths { length } } }',
    );
    const light = gql<{ actor: { id: string } }>(server.url, '{ actor(id: "imu") { id } }');
    const [h, l] = await Promise.all([heavy, light]);
    expect(l.body.data!.actor.id).toBe('imu');
    expect(h.body.data!.paths.truncated).toBe(true);
    expect(['LIMIT', 'TIME']).toContain(h.body.data!.paths.truncatedBy);
    expect(h.body.data!.paths.paths.length).toBeLessThanOrEqual(200);
  });

  it('errors carry no stack trace outside development', async () => {
    const { body } = await gql(server.url, '{ paths(from: "imu", to: "imu") { truncated } }');
    expect(firstError(body)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'to' } });
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });
});
