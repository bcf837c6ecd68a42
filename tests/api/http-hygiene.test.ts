/**
 * HTTP hygiene over real HTTP: client mistakes in the request itself (charset, encoding, a body
 * that does not decompress or parse) are 4xx with a code and log no stack trace; every request
 * leaves one JSON log line without tokens or variables; answers carry security headers and a
 * content security policy; CORS admits only the configured origins; introspection follows its
 * setting; a client over its rate or concurrency gets 429 while another client is served.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

const QUERY = JSON.stringify({ query: 'query Sources { sources { id } }' });

async function post(url: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
}

const servers: TestServer[] = [];
async function server(env: Record<string, string> = {}, requestLogSink?: (line: string) => void): Promise<TestServer> {
  const s = await startTestServer({ env, ...(requestLogSink ? { requestLogSink } : {}) });
  servers.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('client mistakes are 4xx with a code, never 500', () => {
  let s: TestServer;
  const errors = vi.spyOn(console, 'error');
  beforeAll(async () => {
    s = await server();
  });
  afterEach(() => {
    expect(errors).not.toHaveBeenCalled();
    errors.mockClear();
  });

  it('an unsupported charset is 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await post(s.url, QUERY, { 'content-type': 'application/json; charset=latin1' });
    expect(res.status).toBe(415);
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    expect(res.body.errors?.[0]?.message).toMatch(/unsupported charset "latin1"/);
  });

  it('an unknown content encoding is 415 UNSUPPORTED_ENCODING; a bad gzip or brotli body is 400', async () => {
    const unknown = await post(s.url, QUERY, { 'content-encoding': 'x-zip' });
    expect([unknown.status, unknown.body.errors?.[0]?.extensions?.['code']]).toEqual([415, 'UNSUPPORTED_ENCODING']);
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const bad = await post(s.url, 'not compressed at all', { 'content-encoding': encoding });
      expect([bad.status, bad.body.errors?.[0]?.extensions?.['code']]).toEqual([400, 'BAD_REQUEST']);
      expect(bad.body.errors?.[0]?.message).toMatch(/could not be decompressed/);
    }
    const good = await post(s.url, gzipSync(QUERY), { 'content-encoding': 'gzip' });
    expect(good.status).toBe(200);
    expect((good.body.data as { sources: unknown[] }).sources.length).toBe(5);
  });

  it('a malformed JSON body is 400 BAD_REQUEST, and the JSON "null" too', async () => {
    for (const body of ['{"query": "{ sources { id } }"', 'null', '[]']) {
      const res = await post(s.url, body);
      expect(res.status, body).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.['code']).toMatch(/^BAD_REQUEST$/);
    }
  });
});

describe('request logs', () => {
  it('one JSON line per request: id, operation, status, duration; no token, no variables', async () => {
    const lines: string[] = [];
    const s = await server({ REQUEST_LOG: 'json' }, (l) => lines.push(l));
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer secret-token-123', 'x-request-id': 'req-42' },
      body: JSON.stringify({ query: 'query Actor($id: ID!) { actor(id: $id) { name } }', variables: { id: 'imu' } }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-42');
    await res.text();
    await expect.poll(() => lines.length).toBe(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ id: 'req-42', method: 'POST', path: '/graphql', operation: 'Actor', status: 200 });
    expect(typeof entry['ms']).toBe('number');
    expect(lines[0]).not.toMatch(/secret-token-123|Bearer|imu/);
    const bad = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'no spaces allowed' }, body: 'nope' });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await bad.text();
    await expect.poll(() => lines.length).toBe(2);
    expect(JSON.parse(lines[1]!)).toMatchObject({ status: 400, operation: null });
  });

  it('a GraphQL error answered with HTTP 200 is logged with its codes; an answer without errors has none', async () => {
    const lines: string[] = [];
    const s = await server({ REQUEST_LOG: 'json' }, (l) => lines.push(l));
    const bad = await post(s.url, JSON.stringify({ query: '{ paths(from: "iju", to: "imu", maxGap: 2) { truncated } }' }));
    expect(bad.status).toBe(200);
    expect(bad.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    await expect.poll(() => lines.length).toBe(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ status: 200, errors: ['BAD_USER_INPUT'] });
    await post(s.url, JSON.stringify({ query: '{ sources { id } }' }));
    await expect.poll(() => lines.length).toBe(2);
    expect(JSON.parse(lines[1]!)).not.toHaveProperty('errors');
    const invalid = await post(s.url, JSON.stringify({ query: '{ nope }' }));
    await expect.poll(() => lines.length).toBe(3);
    expect(JSON.parse(lines[2]!)).toMatchObject({ errors: [invalid.body.errors?.[0]?.extensions?.['code']] });
    expect(JSON.parse(lines[2]!).errors).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('variables only with REQUEST_LOG_VARIABLES=true', async () => {
    const lines: string[] = [];
    const s = await server({ REQUEST_LOG: 'json', REQUEST_LOG_VARIABLES: 'true' }, (l) => lines.push(l));
    await post(s.url, JSON.stringify({ query: 'query Actor($id: ID!) { actor(id: $id) { name } }', variables: { id: 'imu' }, operationName: 'Actor' }));
    await expect.poll(() => lines.length).toBe(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ operation: 'Actor', variables: { id: 'imu' } });
  });
});

describe('security headers, CORS and introspection', () => {
  it('the page and the API carry a CSP, nosniff, no framing and no referrer', async () => {
    const s = await server();
    for (const res of [await fetch(`${s.url}/`), await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY })]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      await res.text();
    }
  });

  it('CORS admits only the configured origins', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(`${url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const closed = await server();
    const refused = await preflight(closed.url, 'https://elsewhere.example');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('CORS_ORIGIN_NOT_ALLOWED');
    const open = await server({ CORS_ORIGINS: 'https://analysts.example, http://localhost:5173' });
    const ok = await preflight(open.url, 'https://analysts.example');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://analysts.example');
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    expect((await preflight(open.url, 'https://evil.example')).status).toBe(403);
    const simple = await fetch(`${open.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://analysts.example' }, body: QUERY });
    expect([simple.status, simple.headers.get('access-control-allow-origin')]).toEqual([200, 'https://analysts.example']);
  });

  it('introspection is off unless INTROSPECTION=true (on by default only in development)', async () => {
    const introspect = JSON.stringify({ query: '{ __schema { queryType { name } } }' });
    const off = await post((await server()).url, introspect);
    expect(off.status).toBe(400);
    expect(off.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    const on = await post((await server({ INTROSPECTION: 'true' })).url, introspect);
    expect(on.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('per-client limits', () => {
  const as = (client: string) => ({ 'x-forwarded-for': client });

  it('a client over its rate gets 429 RATE_LIMITED with Retry-After; another client is served', async () => {
    const s = await server({ TRUST_PROXY: 'true', CLIENT_RATE_PER_MIN: '60', CLIENT_RATE_BURST: '5' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await post(s.url, QUERY, as('10.0.0.1'))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await post(s.url, QUERY, as('10.0.0.1'));
    expect(limited.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await post(s.url, QUERY, as('10.0.0.2'))).status).toBe(200);
  });

  it('a client over its concurrency gets 429 CONCURRENCY_LIMITED; another client is served meanwhile', async () => {
    const s = await server({ TRUST_PROXY: 'true', CLIENT_CONCURRENCY: '2', TEST_REQUEST_DELAY_MS: '400' });
    const held = [post(s.url, QUERY, as('10.0.0.1')), post(s.url, QUERY, as('10.0.0.1'))];
    // Once both are in (each held 400 ms by the test hook), the next one from that client is refused.
    let third: Awaited<ReturnType<typeof post>> | null = null;
    await expect.poll(async () => (third = await post(s.url, QUERY, as('10.0.0.1'))).status, { interval: 10, timeout: 5000 }).toBe(429);
    expect(third!.body.errors?.[0]?.extensions?.['code']).toBe('CONCURRENCY_LIMITED');
    expect((await post(s.url, QUERY, as('10.0.0.2'))).status).toBe(200);
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
    expect((await post(s.url, QUERY, as('10.0.0.1'))).status).toBe(200);
  });
});
