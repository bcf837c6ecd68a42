/**
 * Neo4j faults, with a fake driver (no server): a lost server becomes STORE_UNAVAILABLE for the
 * store, the API and /readyz, while the process keeps serving; a path or neighbourhood question
 * cut by the transaction timeout answers truncatedBy TIME; other errors are not disguised.
 */
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Neo4jError, type Driver } from 'neo4j-driver';
import { Neo4jStore } from '../../server/store/neo4j/adapter.js';
import { QueryRegistry } from '../../server/store/neo4j/queries.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { DomainError } from '../../server/domain/errors.js';
import type { PathQuery } from '../../server/store/port.js';

type Fault = 'unavailable' | 'timeout' | 'syntax';

const errors: Record<Fault, () => Error> = {
  unavailable: () => new Neo4jError('connection refused', 'ServiceUnavailable', '08000', 'connection exception'),
  timeout: () => new Neo4jError('transaction timed out', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', '25N05', 'timed out'),
  syntax: () => new Neo4jError('bad query', 'Neo.ClientError.Statement.SyntaxError', '42001', 'syntax error'),
};

/** A driver whose every transaction fails with the given fault; counts the sessions it opened and closed. */
function faultyDriver(fault: Fault) {
  const sessions = { opened: 0, closed: 0 };
  const session = () => {
    sessions.opened += 1;
    const fail = async () => {
      throw errors[fault]();
    };
    return { executeRead: fail, executeWrite: fail, close: async () => void (sessions.closed += 1) };
  };
  return { driver: { session, close: async () => undefined } as unknown as Driver, sessions };
}

const pathQuery: PathQuery = { from: 'a', to: 'b', mode: 'SHORTEST', k: 3, maxHops: 4, filter: {}, temporal: null, direction: 'ANY', excludeActors: [], limit: 10, budgetMs: 100 };

describe('Neo4j faults (fake driver)', () => {
  it('a lost server is STORE_UNAVAILABLE, and every session is closed', async () => {
    const { driver, sessions } = faultyDriver('unavailable');
    const store = new Neo4jStore(driver, await QueryRegistry.load());
    const error = await store.getActors(['imu']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('STORE_UNAVAILABLE');
    await expect(store.ping()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(sessions.closed).toBe(sessions.opened);
  });

  it('a question cut by the transaction timeout answers truncatedBy TIME', async () => {
    const { driver } = faultyDriver('timeout');
    const store = new Neo4jStore(driver, await QueryRegistry.load());
    expect(await store.paths(pathQuery)).toEqual({ paths: [], truncated: true, truncatedBy: 'TIME' });
    expect(await store.neighbourhood({ center: 'a', depth: 2, filter: {}, maxActors: 10, budgetMs: 100 })).toMatchObject({ truncated: true, truncatedBy: 'TIME' });
  });

  it('any other Neo4j error is not disguised as unavailability', async () => {
    const { driver } = faultyDriver('syntax');
    const store = new Neo4jStore(driver, await QueryRegistry.load());
    await expect(store.getActors(['imu'])).rejects.toThrow(/bad query/);
    await expect(store.getActors(['imu'])).rejects.not.toBeInstanceOf(DomainError);
  });

  it('the API answers STORE_UNAVAILABLE and /readyz 503 while the process keeps serving', async () => {
    const { driver } = faultyDriver('unavailable');
    const store = new Neo4jStore(driver, await QueryRegistry.load());
    const { app, stop } = await createApp({ store, config: loadConfig({ NODE_ENV: 'test' }) });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ actor(id: "imu") { name } }' }) });
      const body = (await res.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
      expect(body.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
      expect(body.errors?.[0]?.message).not.toMatch(/at .*\.ts:\d+/);
      expect((await fetch(`${url}/readyz`)).status).toBe(503);
      const health = await fetch(`${url}/healthz`);
      expect([health.status, ((await health.json()) as { status: string }).status]).toEqual([503, 'degraded']);
      const vocabulary = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ confidenceGrades { grade } }' }) });
      expect(((await vocabulary.json()) as { data?: { confidenceGrades: unknown[] } }).data?.confidenceGrades).toHaveLength(4);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
    }
  });
});
