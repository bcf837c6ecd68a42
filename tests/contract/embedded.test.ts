/** The store contract on the embedded adapter (always), plus its crash-safe persistence. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../server/store/embedded/adapter.js';
import { fixtureDataset } from '../fixtures/graph.js';
import { runStoreContract } from './store-contract.js';
import { EditService } from '../../server/services/edits.js';

runStoreContract('embedded (in memory)', () => EmbeddedStore.open({ dataFile: null }));

describe('embedded store persistence', () => {
  const dirs: string[] = [];
  const tempFile = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-store-'));
    dirs.push(dir);
    return path.join(dir, 'nested', 'nexus.json');
  };
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('keeps every write across a restart and leaves no temp files', async () => {
    const file = await tempFile();
    const first = await EmbeddedStore.open({ dataFile: file });
    await first.upsert(fixtureDataset());
    await first.close();
    const second = await EmbeddedStore.open({ dataFile: file });
    expect(await second.counts()).toMatchObject({ actors: 8, relationships: 11 });
    expect((await second.dyad('a', 'b')).map((r) => r.id)).toEqual(['r-ab', 'r-ab2']);
    expect(await readdir(path.dirname(file))).toEqual(['nexus.json']);
  });

  it('a rejected batch leaves the file as it was', async () => {
    const file = await tempFile();
    const store = await EmbeddedStore.open({ dataFile: file });
    await store.upsert(fixtureDataset());
    await expect(store.upsert({ relationships: [{ ...fixtureDataset().relationships[0]!, id: 'r-x', source: 'ghost' }] })).rejects.toThrow(/ghost/);
    const reopened = await EmbeddedStore.open({ dataFile: file });
    expect((await reopened.counts()).relationships).toBe(11);
  });

  it('syncs to the seed: dropped seed records go, other writes stay, an unchanged seed writes nothing', async () => {
    const file = await tempFile();
    const first = await EmbeddedStore.open({ dataFile: file });
    expect((await first.syncSeed(fixtureDataset())).changed).toBeGreaterThan(0);
    await first.upsert({ relationships: [{ ...fixtureDataset().relationships[0]!, id: 'r-user' }] });
    await first.close();

    const next = fixtureDataset();
    next.relationships = next.relationships.filter((r) => r.id !== 'r-ab2');
    const second = await EmbeddedStore.open({ dataFile: file });
    expect((await second.syncSeed(next)).changed).toBe(1);
    expect((await second.syncSeed(next)).changed).toBe(0);
    await second.close();

    const third = await EmbeddedStore.open({ dataFile: file });
    expect((await third.dyad('a', 'b')).map((r) => r.id)).toEqual(['r-ab', 'r-user']);
  });

  it('refuses a seed whose removals would leave dangling references, changing nothing', async () => {
    const store = await EmbeddedStore.open({ dataFile: await tempFile() });
    await store.syncSeed(fixtureDataset());
    await store.upsert({ relationships: [{ ...fixtureDataset().relationships[0]!, id: 'r-user', source: 'f', target: 'e' }] });
    const withoutF = fixtureDataset();
    withoutF.actors = withoutF.actors.filter((a) => a.id !== 'f');
    withoutF.relationships = withoutF.relationships.filter((r) => r.source !== 'f');
    await expect(store.syncSeed(withoutF)).rejects.toThrow(/r-user.*unknown actor "f"/s);
    expect(await store.getActors(['f'])).toHaveLength(1);
  });

  it('serialises concurrent writes', async () => {
    const store = await EmbeddedStore.open({ dataFile: await tempFile() });
    await store.upsert(fixtureDataset());
    const base = fixtureDataset().relationships[0]!;
    const writes = Array.from({ length: 20 }, (_, i) => store.upsert({ relationships: [{ ...base, id: `r-c${i}` }] }));
    await Promise.all(writes);
    expect((await store.counts()).relationships).toBe(31);
  });

  it('keeps edits, retired records and the audit log across a restart, and the seed sync does not undo them', async () => {
    const file = await tempFile();
    const first = await EmbeddedStore.open({ dataFile: file });
    await first.syncSeed(fixtureDataset());
    const edits = new EditService(first);
    const evidence = { source: 'fx-doc', quote: 'Bravo Smugglers move heroin.', confidence: 'stated' };
    await edits.updateActor({ name: 'alice' }, 'b', { description: 'Smugglers of heroin.' }, evidence);
    await edits.retireRelationship({ name: 'alice' }, 'r-de', 'misread', evidence);
    await first.close();
    const second = await EmbeddedStore.open({ dataFile: file });
    expect((await second.syncSeed(fixtureDataset())).changed).toBe(0);
    expect((await second.getActors(['b']))[0]!.description).toBe('Smugglers of heroin.');
    expect(await second.getRelationships(['r-de'])).toEqual([]);
    expect((await second.recordStates([{ section: 'relationships', id: 'r-de' }]))[0]!.retired).toMatchObject({ reason: 'misread' });
    expect((await second.history('b')).map((e) => e.operation)).toEqual(['update_actor']);
    expect((await second.listAudit({}, { offset: 0, limit: 10 })).totalCount).toBe(2);
    // A newer seed that drops the edited actor's record does not remove it either.
    const withoutB = fixtureDataset();
    withoutB.actors = withoutB.actors.filter((a) => a.id !== 'b');
    withoutB.relationships = withoutB.relationships.filter((r) => r.source !== 'b' && r.target !== 'b');
    withoutB.figures = [];
    await second.syncSeed(withoutB);
    expect((await second.getActors(['b']))[0]!.description).toBe('Smugglers of heroin.');
  });
});
