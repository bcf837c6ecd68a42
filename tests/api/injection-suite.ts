/**
 * The injection corpus, run on either store through the real API: ids, search strings, cursors
 * and country names written to break a query language or a parser (Cypher fragments, quotes,
 * backticks, `$` parameters, regex and JSON metacharacters, unicode, control characters, long and
 * 1 MB strings) go through every string argument. Every answer is data or an error with a code —
 * never a 500 or INTERNAL_SERVER_ERROR — and the store's counts are the same afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreCounts } from '../../server/store/port.js';
import { startTestServer, type TestServer, type TestStore } from '../helpers/server.js';

export const INJECTION_CORPUS: readonly string[] = [
  "') MATCH (n) DETACH DELETE n //",
  '" }) MATCH (n) DETACH DELETE n RETURN 1 //',
  "imu' OR 1=1 --",
  'imu"; DROP TABLE actors; --',
  '`Actor` MATCH (n) SET n.name = "x"',
  '$id',
  '${id}',
  '{id: $id}',
  '\\',
  "'",
  '"',
  '`',
  '.*',
  '(?i)imu.*',
  '%',
  '\u0000',
  'imu\u0000',
  '\n\r\t',
  '<script>alert(1)</script>',
  '{"query": "{ sources { id } }"}',
  '🙂 تنظیم القاعدة Ташкент',
  'Ԁ'.repeat(200),
  '\uD800',
  'a'.repeat(10_000),
  'x'.repeat(60_000),
];

/** Every query with a string argument, the value passed as a variable (as clients do). */
const QUERIES: ReadonlyArray<{ name: string; query: string; variables: (s: string) => Record<string, unknown> }> = [
  { name: 'actor(id)', query: 'query Q($v: ID!) { actor(id: $v) { id } }', variables: (v) => ({ v }) },
  { name: 'relationship(id)', query: 'query Q($v: ID!) { relationship(id: $v) { id } }', variables: (v) => ({ v }) },
  { name: 'relationshipsById', query: 'query Q($v: ID!) { relationshipsById(ids: [$v, "imu-alliance-taliban"]) { id } }', variables: (v) => ({ v }) },
  { name: 'actors(search)', query: 'query Q($v: String) { actors(search: $v, first: 5) { totalCount nodes { id } } }', variables: (v) => ({ v }) },
  { name: 'actors(countries)', query: 'query Q($v: String!) { actors(countries: [$v], first: 5) { totalCount } }', variables: (v) => ({ v }) },
  { name: 'actors(after)', query: 'query Q($v: String) { actors(after: $v, first: 5) { totalCount } }', variables: (v) => ({ v }) },
  { name: 'relationships(actorIds, after)', query: 'query Q($v: ID!, $c: String) { relationships(filter: { actorIds: [$v] }, after: $c, first: 5) { totalCount } }', variables: (v) => ({ v, c: v }) },
  { name: 'paths(from)', query: 'query Q($v: ID!) { paths(from: $v, to: "taliban") { truncated } }', variables: (v) => ({ v }) },
  { name: 'paths(to, excludeActors)', query: 'query Q($v: ID!) { paths(from: "imu", to: $v, excludeActors: [$v]) { truncated } }', variables: (v) => ({ v }) },
  { name: 'neighbourhood', query: 'query Q($v: ID!) { neighbourhood(id: $v) { nodes { id } } }', variables: (v) => ({ v }) },
  { name: 'dyad', query: 'query Q($v: ID!) { dyad(a: "imu", b: $v) { periods { stage } } }', variables: (v) => ({ v }) },
  { name: 'events(actorId)', query: 'query Q($v: ID) { events(actorId: $v) { id } }', variables: (v) => ({ v }) },
  { name: 'figures(actorId)', query: 'query Q($v: ID) { figures(actorId: $v) { id } }', variables: (v) => ({ v }) },
  { name: 'stateCapacity(region)', query: 'query Q($v: ID) { stateCapacity(region: $v) { ratings { capacity } } }', variables: (v) => ({ v }) },
];

interface Answer {
  status: number;
  codes: string[];
}

async function send(url: string, body: string): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const json = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  return { status: res.status, codes: (json.errors ?? []).map((e) => e.extensions?.code ?? '(none)') };
}

export function runInjectionCorpus(kind: TestStore): void {
  describe(`the injection corpus on the ${kind} store`, () => {
    let server: TestServer;
    let before: StoreCounts;
    beforeAll(async () => {
      server = await startTestServer({ store: kind, env: { CLIENT_RATE_PER_MIN: '0', CLIENT_CONCURRENCY: '0' } });
      before = await server.store.counts();
    }, 120_000);
    afterAll(async () => {
      await server?.close();
    });

    it('every string argument answers data or a coded 4xx/field error, never a 500, and nothing changes', async () => {
      const bad: string[] = [];
      for (const q of QUERIES) {
        for (const value of INJECTION_CORPUS) {
          const answer = await send(server.url, JSON.stringify({ query: q.query, variables: q.variables(value) }));
          if (answer.status >= 500 || answer.codes.includes('INTERNAL_SERVER_ERROR') || answer.codes.includes('(none)')) {
            bad.push(`${q.name} ${JSON.stringify(value.slice(0, 40))}: ${answer.status} ${answer.codes.join(',')}`);
          }
        }
      }
      expect(bad).toEqual([]);
      expect(await server.store.counts()).toEqual(before);
    }, 300_000);

    it('an injection id is NOT_FOUND naming it, and a too-long search is refused naming the argument', async () => {
      const id = "') MATCH (n) DETACH DELETE n //";
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query Q($v: ID!) { actor(id: $v) { id } }', variables: { v: id } }) });
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string; field?: string } }> };
      expect(body.errors[0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expect(body.errors[0]!.message).toContain(id);
      const long = await send(server.url, JSON.stringify({ query: 'query Q($v: String) { actors(search: $v) { totalCount } }', variables: { v: 'x'.repeat(60_000) } }));
      expect([long.status, long.codes]).toEqual([200, ['BAD_USER_INPUT']]);
    });

    it('a 1 MB string is refused as too large (413), and the same document inlined in the query too', async () => {
      const mb = 'x'.repeat(1 << 20);
      expect(await send(server.url, JSON.stringify({ query: 'query Q($v: ID!) { actor(id: $v) { id } }', variables: { v: mb } }))).toEqual({ status: 413, codes: ['PAYLOAD_TOO_LARGE'] });
      expect(await send(server.url, JSON.stringify({ query: `{ actor(id: "${mb}") { id } }` }))).toEqual({ status: 413, codes: ['PAYLOAD_TOO_LARGE'] });
      const quoted = await send(server.url, JSON.stringify({ query: `{ actor(id: "') MATCH (n) DETACH DELETE n //") { id } }` }));
      expect(quoted.codes).toEqual(['NOT_FOUND']);
      const broken = await send(server.url, JSON.stringify({ query: '{ actor(id: "\\") MATCH (n) DETACH DELETE n //) { id } }' }));
      expect(broken.status).toBe(400);
      expect(await server.store.counts()).toEqual(before);
    });
  });
}
