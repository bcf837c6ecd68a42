/**
 * Development mode: the GraphQL IDE is served locally (no CDN) and the explorer through Vite;
 * errors may carry stack traces there, and only there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { EmbeddedStore } from '../../server/store/embedded/adapter.js';
import { fixtureDataset } from '../fixtures/graph.js';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

let app: App;
let server: Server;
let url: string;

beforeAll(async () => {
  const store = await EmbeddedStore.open({ dataFile: null });
  await store.upsert(fixtureDataset());
  app = await createApp({ store, config: loadConfig({ NODE_ENV: 'development' }) });
  server = app.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await app.stop();
});

describe('development mode', () => {
  it('serves a self-contained GraphQL IDE at GET /graphql for browsers', async () => {
    const res = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/GraphQL IDE/);
    expect(html).not.toMatch(/(src|href)=["']https?:/);
  });

  it('still answers GraphQL over POST', async () => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ actor(id: "a") { name } }' }) });
    expect(await res.json()).toEqual({ data: { actor: { name: 'Alpha Movement' } } });
  });

  it('serves the explorer page through Vite', async () => {
    const res = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/@vite\/client/);
  });
});
