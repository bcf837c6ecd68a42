/**
 * The explorer's API client against the real server: an error is shown as what it is — input the
 * API refuses names the argument and the reason, an unreachable server says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createGraphqlClient } from '../../client/src/api/client.js';
import { NexusApi } from '../../client/src/api/queries.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected the call to fail'); }, (e: unknown) => e as ApiError);

describe('API errors in the explorer', () => {
  it('a search that is too long is "too long", with the API’s code and field', async () => {
    const api = new NexusApi(createGraphqlClient({ endpoint: `${server.url}/graphql` }));
    const err = await failure(api.searchActors('x'.repeat(201)));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.field).toBe('search');
    expect(err.userMessage).toBe('The search is too long (at most 200 characters).');
  });

  it('an unreachable server is reported as unreachable', async () => {
    const api = new NexusApi(createGraphqlClient({ endpoint: 'http://127.0.0.1:9/graphql' }));
    const err = await failure(api.searchActors('imu'));
    expect(err.kind).toBe('network');
    expect(err.userMessage).toMatch(/cannot be reached/);
  });
});
