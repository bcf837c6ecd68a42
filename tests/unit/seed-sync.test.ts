/**
 * The seed's rules, without a store: an empty folder is skipped (or refused before an empty
 * store), a folder lacking documents synced before is skipped unless SEED_SYNC=prune, and a
 * seed that would overwrite stored records citing documents it lacks is found.
 */
import { describe, expect, it } from 'vitest';
import { decideSeedSync, recordsTheSeedWouldShrink } from '../../server/store/seed-sync.js';
import { fixtureDataset } from '../fixtures/graph.js';

const base = { dir: '/seed', files: ['a.json', 'b.json'], seedSources: ['a', 'b'], previousSources: ['a', 'b'], storeActors: 10, mode: 'safe' as const };

describe('decideSeedSync', () => {
  it('syncs a complete folder, skips an empty or partial one, refuses to start empty', () => {
    expect(decideSeedSync(base).action).toBe('sync');
    expect(decideSeedSync({ ...base, files: [], seedSources: [] })).toMatchObject({ action: 'skip', message: expect.stringMatching(/keeps its 10 actors/) });
    expect(decideSeedSync({ ...base, files: [], seedSources: [], storeActors: 0 }).action).toBe('refuse');
    expect(decideSeedSync({ ...base, files: ['a.json'], seedSources: ['a'] })).toMatchObject({ action: 'skip', message: expect.stringMatching(/lacks 1 of the 2 documents synced before \(b\)/) });
    expect(decideSeedSync({ ...base, files: ['a.json'], seedSources: ['a'], mode: 'prune' })).toMatchObject({ action: 'sync', message: expect.stringMatching(/removing what b brought in/) });
    expect(decideSeedSync({ ...base, files: ['a.json'], seedSources: ['a'], previousSources: [] }).action).toBe('sync');
    expect(decideSeedSync({ ...base, mode: 'off' }).action).toBe('skip');
  });
});

describe('recordsTheSeedWouldShrink', () => {
  it('names stored records that cite documents the seed lacks', () => {
    const ds = fixtureDataset();
    const [first, ...others] = ds.sources;
    const partial = { ...ds, sources: [first!] };
    const shrinking = recordsTheSeedWouldShrink(partial, ds);
    const citingOthers = ds.relationships.filter((r) => r.claims.some((c) => others.some((s) => s.id === c.source)));
    expect(citingOthers.length).toBeGreaterThan(0);
    expect(shrinking).toEqual(expect.arrayContaining(citingOthers.map((r) => `relationship "${r.id}"`)));
    expect(recordsTheSeedWouldShrink(ds, ds)).toEqual([]);
  });
});
