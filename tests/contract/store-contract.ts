/**
 * The store contract: one suite every GraphStore adapter must pass, on the fixture graph.
 * Path answers go through the shared path service, so identical stores mean identical paths.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../server/store/port.js';
import { findPaths, type PathQuery } from '../../server/services/paths.js';
import { neighbourhood } from '../../server/services/neighbourhood.js';
import { yearRange } from '../../server/domain/time.js';
import { DomainError } from '../../server/domain/errors.js';
import { fixtureDataset } from '../fixtures/graph.js';

const ALL = { offset: 0, limit: 1000 };

function pathQuery(from: string, to: string, over: Partial<PathQuery> = {}): PathQuery {
  return { from, to, mode: 'SHORTEST', k: 3, maxHops: 4, filter: {}, timeRespecting: false, direction: 'ANY', excludeActors: [], limit: 50, budgetMs: 5000, ...over };
}

export function runStoreContract(label: string, open: () => Promise<GraphStore>): void {
  describe(`store contract: ${label}`, () => {
    let store: GraphStore;
    const actorsOf = async (q: PathQuery) => (await findPaths(store, q)).paths.map((p) => p.actors.join('-'));

    beforeAll(async () => {
      store = await open();
      await store.upsert(fixtureDataset());
    });
    afterAll(async () => {
      await store.close();
    });

    describe('writes', () => {
      it('upserting the same batch again changes nothing', async () => {
        expect((await store.upsert(fixtureDataset())).changed).toBe(0);
        expect(await store.counts()).toEqual({ actors: 8, relationships: 10, events: 2, sources: 1, capacity: 2, figures: 1 });
      });

      it('rejects a batch with a dangling reference and writes none of it', async () => {
        const batch = {
          actors: [{ ...fixtureDataset().actors[0]!, id: 'new-actor', name: 'New Actor' }],
          relationships: [{ ...fixtureDataset().relationships[0]!, id: 'r-dangling', target: 'nobody' }],
        };
        await expect(store.upsert(batch)).rejects.toThrow(/relationships \(id "r-dangling"\).*target.*unknown actor "nobody"/s);
        expect(await store.getActors(['new-actor'])).toEqual([]);
        expect((await store.counts()).relationships).toBe(10);
      });

      it('rejects an invalid field naming it, with a stable code', async () => {
        const bad = { relationships: [{ ...fixtureDataset().relationships[0]!, id: 'r-bad', type: 'friendship' }] };
        const error = await store.upsert(bad as never).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe('SEED_INVALID');
        expect((error as Error).message).toMatch(/relationships\[0\].*type/);
      });

    });

    describe('reads', () => {
      it('gets actors in the order asked and skips unknown ids', async () => {
        expect((await store.getActors(['c', 'zz', 'a'])).map((a) => a.id)).toEqual(['c', 'a']);
      });

      it('searches names and aliases ignoring case, diacritics and transliteration', async () => {
        const ids = async (search: string) => (await store.searchActors({ search }, ALL)).items.map((a) => a.id);
        expect(await ids('cesme')).toEqual(['e']);
        expect(await ids('NAMANGANI')).toEqual(['c']);
        expect(await ids('Namanganiy front')).toEqual(['c']);
        expect(await ids('am')).toEqual(['a', 'c']); // exact alias first, then substring
        expect(await ids('zzz')).toEqual([]);
      });

      it('filters actors by kind, country and activity, with totals and paging', async () => {
        const groups = await store.searchActors({ kinds: ['terrorist_group', 'criminal_group'] }, { offset: 1, limit: 2 });
        expect(groups.totalCount).toBe(4);
        expect(groups.items.map((a) => a.id)).toEqual(['b', 'e']);
        expect((await store.searchActors({ countries: ['Tajikistan'] }, ALL)).items.map((a) => a.id)).toEqual(['c', 'r1']);
        const active1997 = await store.searchActors({ kinds: ['terrorist_group'], activeWindow: yearRange(1997) }, ALL);
        expect(active1997.items.map((a) => a.id)).toEqual(['a']);
      });

      it('lists relationships in time order with type, actor, time and confidence filters', async () => {
        const all = await store.listRelationships({}, ALL);
        expect(all.items[0]?.id).toBe('r-de');
        expect(all.items.map((r) => r.id).slice(1, 4)).toEqual(['r-ab', 'r-fa', 'r-ar1']);
        const at2005 = await store.listRelationships({ window: yearRange(2005) }, ALL);
        expect(at2005.items.map((r) => r.id).sort()).toEqual(['r-ac', 'r-bc', 'r-de', 'r-er1']);
        const stages = await store.listRelationships({ types: ['alliance'], actorIds: ['a'] }, ALL);
        expect(stages.items.map((r) => r.id)).toEqual(['r-ab2', 'r-ac']);
        const dated = await store.listRelationships({ datedOnly: true, actorIds: ['d'] }, ALL);
        expect(dated.items.map((r) => r.id)).toEqual(['r-cd']);
        const sure = await store.listRelationships({ minConfidence: 'reported', actorIds: ['b'] }, { offset: 0, limit: 1 });
        expect(sure.totalCount).toBe(2);
        expect(sure.items.map((r) => r.id)).toEqual(['r-ab']);
      });

      it('answers the network of a year: a relationship that ended is gone', async () => {
        const y2000 = await store.snapshot({ window: yearRange(2000), limit: 100 });
        expect(y2000.relationships.map((r) => r.id).sort()).toEqual(['r-ab', 'r-bc', 'r-cd', 'r-de', 'r-er1', 'r-fa']);
        expect(y2000.actors.map((a) => a.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'r1']);
        expect(y2000.truncated).toBe(false);
        const y2005 = await store.snapshot({ window: yearRange(2005), limit: 100 });
        expect(y2005.relationships.map((r) => r.id).sort()).toEqual(['r-ac', 'r-bc', 'r-de', 'r-er1']);
        const dated2005 = await store.snapshot({ window: yearRange(2005), limit: 100, datedOnly: true });
        expect(dated2005.relationships.map((r) => r.id).sort()).toEqual(['r-ac', 'r-bc', 'r-er1']);
      });

      it('caps a snapshot keeping the surest relationships, and filters by kind', async () => {
        const capped = await store.snapshot({ window: yearRange(2000), limit: 2 });
        expect(capped.truncated).toBe(true);
        expect(capped.relationships.map((r) => r.id)).toEqual(['r-ab', 'r-cd']);
        const groups = await store.snapshot({ window: yearRange(2000), kinds: ['terrorist_group', 'criminal_group', 'insurgent_group'], limit: 100 });
        expect(groups.relationships.map((r) => r.id).sort()).toEqual(['r-ab', 'r-bc', 'r-cd', 'r-de']);
      });

      it('gives the history of a pair in time order, either direction', async () => {
        expect((await store.dyad('b', 'a')).map((r) => r.id)).toEqual(['r-ab', 'r-ab2']);
        expect(await store.dyad('a', 'e')).toEqual([]);
      });

      it('lists events, capacity ratings, figures and sources with fact counts', async () => {
        expect((await store.listEvents({})).map((e) => e.id)).toEqual(['ev-1999-raid', 'ev-2004-strike']);
        expect((await store.listEvents({ actorId: 's' })).map((e) => e.id)).toEqual(['ev-2004-strike']);
        expect((await store.listEvents({ window: yearRange(1999) })).map((e) => e.id)).toEqual(['ev-1999-raid']);
        const cap = await store.listCapacity({ regionId: 'r1', window: yearRange(2000) });
        expect(cap.map((c) => c.capacity)).toEqual([['captured', 'failed']]);
        expect((await store.listFigures({ actorId: 'b' })).map((f) => f.value)).toEqual([1000]);
        const sources = await store.listSources();
        expect(sources).toHaveLength(1);
        expect(sources[0]?.factCount).toBe(8 + 10 + 2 + 2 + 1);
      });

      it('answers ping and incident lookups', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        const inc = await store.incident(['d'], {});
        expect(inc.map((r) => r.id)).toEqual(['r-de', 'r-cd']);
      });
    });

    describe('paths (shared service over the store)', () => {
      it('finds the shortest path, and a longer one when the direct link is not yet valid', async () => {
        expect(await actorsOf(pathQuery('a', 'c'))).toEqual(['a-c']);
        expect(await actorsOf(pathQuery('a', 'c', { filter: { window: yearRange(1999) } }))).toEqual(['a-b-c']);
        expect(await actorsOf(pathQuery('a', 'c', { filter: { window: yearRange(2010) } }))).toEqual(['a-c']);
      });

      it('a path that exists in 2000 does not exist in 1999 or 2010', async () => {
        expect(await actorsOf(pathQuery('a', 'd', { filter: { window: yearRange(2000) } }))).toEqual(['a-b-c-d']);
        expect(await actorsOf(pathQuery('a', 'd', { filter: { window: yearRange(1999) } }))).toEqual([]);
        expect(await actorsOf(pathQuery('a', 'd', { filter: { window: yearRange(2010) } }))).toEqual([]);
        expect(await actorsOf(pathQuery('a', 'd'))).toEqual(['a-c-d']);
      });

      it('respects direction on directed relationships', async () => {
        expect(await actorsOf(pathQuery('f', 'a', { direction: 'OUT' }))).toEqual(['f-a']);
        expect(await actorsOf(pathQuery('a', 'f', { direction: 'OUT' }))).toEqual([]);
        expect(await actorsOf(pathQuery('a', 'f', { direction: 'IN' }))).toEqual(['a-f']);
        expect(await actorsOf(pathQuery('s', 'b', { direction: 'OUT' }))).toEqual(['s-a-b']);
        expect(await actorsOf(pathQuery('b', 's', { direction: 'OUT' }))).toEqual([]);
      });

      it('excludes actors, filters types and confidence, and stops at maxHops', async () => {
        expect(await actorsOf(pathQuery('a', 'c', { excludeActors: ['b'], filter: { window: yearRange(1999) } }))).toEqual([]);
        expect(await actorsOf(pathQuery('a', 'c', { filter: { minConfidence: 'reported' } }))).toEqual(['a-b-c']);
        expect(await actorsOf(pathQuery('a', 'd', { filter: { types: ['operational', 'alliance'] } }))).toEqual([]);
        expect(await actorsOf(pathQuery('a', 'd', { maxHops: 1 }))).toEqual([]);
        expect(await actorsOf(pathQuery('a', 'e', { filter: { datedOnly: true } }))).toEqual(['a-r1-e']);
        expect(await actorsOf(pathQuery('c', 'e', { filter: { datedOnly: true }, maxHops: 2 }))).toEqual([]);
      });

      it('enumerates all simple paths and the k shortest in a stable order', async () => {
        expect(await actorsOf(pathQuery('a', 'c', { mode: 'ALL_SIMPLE', maxHops: 3 }))).toEqual(['a-c', 'a-b-c']);
        expect(await actorsOf(pathQuery('a', 'c', { mode: 'ALL_SIMPLE', maxHops: 4 }))).toEqual(['a-c', 'a-b-c', 'a-r1-e-d-c']);
        expect(await actorsOf(pathQuery('a', 'c', { mode: 'K_SHORTEST', k: 2, maxHops: 4 }))).toEqual(['a-c', 'a-b-c']);
        const capped = await findPaths(store, pathQuery('a', 'c', { mode: 'ALL_SIMPLE', maxHops: 4, limit: 2 }));
        expect(capped.paths).toHaveLength(2);
        expect(capped.truncated).toBe(true);
        expect(capped.truncatedBy).toBe('LIMIT');
      });

      it('carries the evidence of each hop: the surest relationship and the alternatives', async () => {
        const [path] = (await findPaths(store, pathQuery('f', 'b'))).paths;
        expect(path?.hops.map((h) => h.relationship.id)).toEqual(['r-fa', 'r-ab']);
        expect(path?.hops[1]?.alternatives.map((r) => r.id)).toEqual(['r-ab2']);
        expect(path?.hops[1]?.relationship.citations[0]?.quote).toBe('a and b are linked.');
      });

      it('time-respecting chains never go back in time', async () => {
        const [path] = (await findPaths(store, pathQuery('f', 'b', { timeRespecting: true }))).paths;
        expect(path?.hops.map((h) => h.relationship.id)).toEqual(['r-fa', 'r-ab2']);
        expect(await actorsOf(pathQuery('e', 'a'))).toEqual(['e-r1-a']);
        expect(await actorsOf(pathQuery('e', 'a', { timeRespecting: true }))).toEqual(['e-d-c-a']);
      });
    });

    describe('neighbourhood (shared service over the store)', () => {
      it('expands one and two hops at a time point', async () => {
        const one = await neighbourhood(store, 'c', 1, { window: yearRange(2000) }, 100);
        expect(one.actors.map((a) => a.id)).toEqual(['c', 'b', 'd']);
        const two = await neighbourhood(store, 'c', 2, { window: yearRange(2000) }, 100);
        expect(two.actors.map((a) => a.id)).toEqual(['c', 'b', 'd', 'a', 'e']);
        expect(two.relationships.map((r) => r.id)).toEqual(['r-de', 'r-ab', 'r-bc', 'r-cd']);
        const capped = await neighbourhood(store, 'c', 3, {}, 3);
        expect(capped.truncated).toBe(true);
        expect(capped.actors).toHaveLength(3);
      });
    });

    describe('validity: unknown ends are bounded by the actors\' active years', () => {
      it('an open-ended relationship ends when one of its actors does', async () => {
        // r-bc (1999–open) and r-ac (2005–open) end with c (active 1999–2010); r-er1 ends in 2010;
        // r-de has no dates and its actors none either, so it stays valid at every year.
        expect((await store.snapshot({ window: yearRange(2012), limit: 100 })).relationships.map((r) => r.id)).toEqual(['r-de']);
        expect((await store.listRelationships({ window: yearRange(2010), actorIds: ['c'] }, ALL)).items.map((r) => r.id)).toEqual(['r-bc', 'r-ac']);
      });
    });

    describe('writes that change the graph (run last)', () => {
      it('replaces a record by id and can add one that refers to stored actors', async () => {
        const extra = { ...fixtureDataset().relationships[0]!, id: 'r-extra', type: 'rivalry' as const, interval: { from: '2011', to: null } };
        expect((await store.upsert({ relationships: [extra] })).changed).toBe(1);
        expect((await store.getRelationships(['r-extra']))[0]?.type).toBe('rivalry');
        expect((await store.upsert({ relationships: [{ ...extra, confidence: 'alleged' }] })).changed).toBe(1);
        expect((await store.getRelationships(['r-extra']))[0]?.confidence).toBe('alleged');
        expect((await store.dyad('a', 'b')).map((r) => r.id)).toEqual(['r-ab', 'r-ab2', 'r-extra']);
        await store.upsert({ relationships: [{ ...extra, interval: { from: '2011', to: '2011' }, source: 'b', target: 'e' }] });
        expect((await store.dyad('a', 'b')).map((r) => r.id)).toEqual(['r-ab', 'r-ab2']);
      });

      it('an unknown start is bounded by the later actor start, and follows a changed actor', async () => {
        const open = { ...fixtureDataset().relationships[0]!, id: 'r-open', source: 'a', target: 'c', type: 'rivalry' as const, interval: { from: null, to: '2008' } };
        await store.upsert({ relationships: [open] });
        const at = async (year: number) => (await store.listRelationships({ window: yearRange(year), actorIds: ['a'], types: ['rivalry'] }, ALL)).items.map((r) => r.id);
        expect(await at(1998)).toEqual([]); // c is active from 1999
        expect(await at(1999)).toEqual(['r-open']);
        const c = fixtureDataset().actors.find((x) => x.id === 'c')!;
        await store.upsert({ actors: [{ ...c, active: { from: '1990', to: '2010' } }] });
        expect(await at(1998)).toEqual(['r-open']);
      });

      it('a derived end before the derived start is dropped (a successor outlives its predecessor)', async () => {
        const f = fixtureDataset().actors.find((x) => x.id === 'f')!;
        await store.upsert({ actors: [{ ...f, active: { from: '1980', to: '1990' } }] });
        const succ = { ...fixtureDataset().relationships[0]!, id: 'r-succ', source: 'a', target: 'f', type: 'successor_of' as const, interval: { from: null, to: null } };
        await store.upsert({ relationships: [succ] });
        const at = async (year: number) => (await store.listRelationships({ window: yearRange(year), types: ['successor_of'] }, ALL)).items.map((r) => r.id);
        expect(await at(1990)).toEqual([]); // a is active from 1996
        expect(await at(2005)).toEqual(['r-succ']);
      });
    });
  });
}
