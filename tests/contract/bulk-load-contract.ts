/**
 * Part of the store contract (run from store-contract.ts on every adapter): bulk loads into an
 * empty store are all or nothing — in one transaction, and when batched because one transaction
 * could not hold them — and loading the same dataset again changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../server/store/port.js';
import { fixtureDataset } from '../fixtures/graph.js';

export function runBulkLoadContract(label: string, open: () => Promise<GraphStore>): void {
  describe(`store contract: ${label}, bulk load into an empty store`, () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    const EMPTY = { actors: 0, relationships: 0, events: 0, sources: 0, capacity: 0, figures: 0 };

    it('is all or nothing: a failure injected after the first sections are written leaves the store empty', async () => {
      let reports = 0;
      const failing = () => {
        reports += 1;
        if (reports === 2) throw new Error('injected failure');
      };
      await expect(store.bulkLoad(fixtureDataset(), { onProgress: failing })).rejects.toThrow('injected failure');
      expect(await store.counts()).toEqual(EMPTY);
    });

    it('a load too large for one transaction (here: more than 1 record) is batched and still all or nothing', async () => {
      let reports = 0;
      const failing = () => {
        reports += 1;
        if (reports === 2) throw new Error('injected failure');
      };
      await expect(store.bulkLoad(fixtureDataset(), { singleTransactionRecords: 1, onProgress: failing })).rejects.toThrow('injected failure');
      expect(await store.counts()).toEqual(EMPTY);
    });

    it('then loads everything, and a second load of the same dataset changes nothing', async () => {
      const ds = fixtureDataset();
      const total = Object.values(ds).reduce((n, list: unknown[]) => n + list.length, 0);
      expect((await store.bulkLoad(ds)).changed).toBe(total);
      expect(await store.counts()).toEqual({ actors: 8, relationships: 11, events: 2, sources: 2, capacity: 2, figures: 1 });
      expect((await store.bulkLoad(fixtureDataset())).changed).toBe(0);
      expect((await store.dyad('a', 'b')).map((r) => r.id)).toEqual(['r-ab', 'r-ab2']);
    });
  });
}
