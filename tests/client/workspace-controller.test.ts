import { describe, expect, it } from 'vitest';
import type { NexusApi } from '../../client/src/api/queries.js';
import { WorkspaceController } from '../../client/src/controllers/workspace.js';
import { defaultViewState } from '../../client/src/model/url.js';
import { Store } from '../../client/src/state/store.js';

const api = { neighbours: async (id: string) => ({ ids: [id, `${id}-friend`], truncated: false }) } as unknown as NexusApi;

describe('workspace controller', () => {
  it('undo, redo and leave with nothing to undo, redo or leave change nothing (a focus stays)', () => {
    const store = new Store({ ...defaultViewState(), focus: { id: 'imu', depth: 2 } });
    const ws = new WorkspaceController({ api, store, onFetched: () => {}, onError: () => {} });
    ws.redo();
    ws.undo();
    ws.leave();
    expect(store.get().focus).toEqual({ id: 'imu', depth: 2 });
    expect(store.get().ws).toBeNull();
  });

  it('expanding without a workspace starts one from that actor, and the neighbours arrive', async () => {
    const store = new Store(defaultViewState());
    let fetched = 0;
    const ws = new WorkspaceController({ api, store, onFetched: () => (fetched += 1), onError: () => {} });
    ws.expand('imu', { types: [], minConfidence: null, years: null });
    expect(store.get().ws?.map((s) => s.op)).toEqual(['seed', 'expand']);
    expect([...ws.actors(store.get().ws!)]).toEqual(['imu']);
    await ws.settled();
    expect(fetched).toBe(1);
    expect([...ws.actors(store.get().ws!)].sort()).toEqual(['imu', 'imu-friend']);
    ws.undo();
    expect(store.get().ws?.map((s) => s.op)).toEqual(['seed']);
    expect(ws.canRedo).toBe(true);
  });
});
