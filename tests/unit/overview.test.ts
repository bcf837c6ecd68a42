/**
 * The opening view's choice and cache (server/services/overview.ts): a network over the bounds
 * opens on its best-connected actors (the store's `overview`), a small one whole; the layout is
 * computed once per network and again when the network changes.
 */
import { describe, expect, it } from 'vitest';
import { OverviewCache } from '../../server/services/overview.js';
import { EmbeddedStore } from '../../server/store/embedded/adapter.js';
import { fixtureDataset, rel } from '../fixtures/graph.js';

async function fixtureStore(): Promise<EmbeddedStore> {
  const store = await EmbeddedStore.open({ dataFile: null });
  await store.bulkLoad(fixtureDataset());
  return store;
}

describe('the opening view', () => {
  it('shows a network within the bounds whole, with a position for every actor', async () => {
    const o = await new OverviewCache(await fixtureStore()).overview();
    expect(o.bounded).toBe(false);
    expect(o.edges).toHaveLength(11);
    expect(o.positions.map((p) => p.id).sort()).toEqual(o.nodes.map((n) => n.id).sort());
  });

  it('opens a network over the bounds on its best-connected actors and says so', async () => {
    const o = await new OverviewCache(await fixtureStore(), { wholeActors: 5, wholeRelationships: 100, boundedActors: 3, boundedRelationships: 100 }).overview();
    expect(o.bounded).toBe(true);
    expect(o.truncated).toBe(true);
    expect(o.totalActors).toBe(8);
    expect(o.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(o.edges.map((e) => e.id)).toEqual(['r-ab', 'r-bc', 'r-ab2', 'r-ac']);
  });

  it('lays out once per network: the same answer until a relationship is added, then a new layout with it', async () => {
    const store = await fixtureStore();
    const cache = new OverviewCache(store);
    const first = await cache.overview();
    expect((await cache.overview()).positions).toBe(first.positions);
    await store.upsert({ relationships: [rel('r-ce', 'c', 'e', 'alliance', '2000', '2001', 'reported')] });
    const next = await cache.overview();
    expect(next.edges.map((e) => e.id)).toContain('r-ce');
    expect(next.positions).not.toBe(first.positions);
    expect(next.positions.map((p) => p.id).sort()).toEqual(next.nodes.map((n) => n.id).sort());
  });
});
