/**
 * The store contract: one suite every GraphStore adapter must pass, on the fixture graph
 * (tests/fixtures/graph.ts), with answers worked out by hand. Graph questions (snapshot,
 * neighbourhood, paths, diff) are answered inside each store, so this is what proves the two agree.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { GraphStore, PathQuery } from '../../server/store/port.js';
import { dayToIso, yearRange } from '../../server/domain/time.js';
import { DomainError } from '../../server/domain/errors.js';
import { claim, fixtureDataset, rel } from '../fixtures/graph.js';
import { runEditContract } from './edits-contract.js';
import { runBulkLoadContract } from './bulk-load-contract.js';
import { runImportEditsContract } from './import-edits-contract.js';

const ALL = { offset: 0, limit: 1000 };
const YEAR = 365.25;

function pathQuery(from: string, to: string, over: Partial<PathQuery> = {}): PathQuery {
  return { from, to, mode: 'SHORTEST', k: 3, maxHops: 4, filter: {}, temporal: null, direction: 'ANY', excludeActors: [], limit: 50, budgetMs: 10_000, ...over };
}

export function runStoreContract(label: string, open: () => Promise<GraphStore>): void {
  describe(`store contract: ${label}`, () => {
    let store: GraphStore;
    const actorsOf = async (q: PathQuery) => (await store.paths(q)).paths.map((p) => p.actors.join('-'));
    const ids = (xs: ReadonlyArray<{ id: string }>) => xs.map((x) => x.id);

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
        expect(await store.counts()).toEqual({ actors: 8, relationships: 11, events: 2, sources: 2, capacity: 2, figures: 1 });
      });

      it('rejects a batch with a dangling reference and writes none of it', async () => {
        const batch = {
          actors: [{ ...fixtureDataset().actors[0]!, id: 'new-actor', name: 'New Actor' }],
          relationships: [{ ...fixtureDataset().relationships[0]!, id: 'r-dangling', target: 'nobody' }],
        };
        await expect(store.upsert(batch)).rejects.toThrow(/relationships \(id "r-dangling"\).*target.*unknown actor "nobody"/s);
        expect(await store.getActors(['new-actor'])).toEqual([]);
        expect((await store.counts()).relationships).toBe(11);
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
        expect(ids(await store.getActors(['c', 'zz', 'a']))).toEqual(['c', 'a']);
        expect(ids(await store.getSources(['fx-memo', 'nope']))).toEqual(['fx-memo']);
      });

      it('searches names and aliases ignoring case, diacritics and transliteration', async () => {
        const found = async (search: string) => ids((await store.searchActors({ search }, ALL)).items);
        expect(await found('cesme')).toEqual(['e']);
        expect(await found('NAMANGANI')).toEqual(['c']);
        expect(await found('Namanganiy front')).toEqual(['c']);
        expect(await found('am')).toEqual(['a', 'c']); // exact alias first, then substring
        expect(await found('zzz')).toEqual([]);
      });

      it('filters actors by kind, country and lifespan, with totals and paging', async () => {
        const groups = await store.searchActors({ kinds: ['terrorist_group', 'criminal_group'] }, { offset: 1, limit: 2 });
        expect(groups.totalCount).toBe(4);
        expect(ids(groups.items)).toEqual(['b', 'e']);
        expect(ids((await store.searchActors({ countries: ['Tajikistan'] }, ALL)).items)).toEqual(['c', 'r1']);
        expect(ids((await store.searchActors({ kinds: ['terrorist_group'], activeWindow: yearRange(1997) }, ALL)).items)).toEqual(['a']);
        // a's founding is contested (1996 / 1994): it counts as alive from the earlier reading.
        expect(ids((await store.searchActors({ kinds: ['terrorist_group'], activeWindow: yearRange(1995) }, ALL)).items)).toEqual(['a']);
        expect(ids((await store.searchActors({ kinds: ['terrorist_group'], activeWindow: yearRange(1993) }, ALL)).items)).toEqual([]);
      });

      it('derives lifespans: readings (contested ones kept), else the documents\' periods', async () => {
        const [a, b, c] = await store.getActors(['a', 'b', 'c']);
        expect(a?.span.from).toMatchObject({ date: '1994', earliest: '1994', latest: '1996', basis: 'stated', uncertain: true });
        expect(a?.span.from.readings.map((r) => r.source).sort()).toEqual(['fx-doc', 'fx-memo']);
        expect(a?.span.to).toMatchObject({ date: '2015', basis: 'source_period', uncertain: false });
        expect(b?.span.from).toMatchObject({ date: '1990', basis: 'source_period' });
        expect(c?.span).toMatchObject({ from: { date: '1999', basis: 'stated' }, to: { date: '2010', basis: 'stated' } });
      });

      it('derives each relationship from its claims: hull, grade, corroboration, disagreement', async () => {
        const [cd, bc, bd, de] = await store.getRelationships(['r-cd', 'r-bc', 'r-bd', 'r-de']);
        expect(cd).toMatchObject({ interval: { from: '2000', to: '2003' }, confidence: 'stated', corroboration: 2, datesDisagree: true, dated: true });
        expect(cd?.claims.map((c) => c.source)).toEqual(['fx-doc', 'fx-memo']);
        expect(cd?.citations.map((c) => c.quote)).toEqual(['c and d are linked.', 'c merged with d.']);
        // An open end is bounded by the actors' lifespans (c ends in 2010) …
        expect(bc?.validity.to).toMatchObject({ date: '2010', basis: 'lifespan' });
        // … or by the period its only document describes, when that is narrower.
        expect(bd?.validity).toMatchObject({ from: { date: '2001', basis: 'source_period' }, to: { date: '2008', basis: 'source_period' } });
        expect(bd?.dated).toBe(false);
        expect(de?.validity).toMatchObject({ from: { date: '1990', basis: 'lifespan' }, to: { date: '2015', basis: 'lifespan' } });
      });

      it('lists relationships in validity order with type, actor, time, grade, dating and corroboration filters', async () => {
        const all = await store.listRelationships({}, ALL);
        expect(ids(all.items).slice(0, 4)).toEqual(['r-de', 'r-ab', 'r-fa', 'r-ar1']);
        expect(ids((await store.listRelationships({ window: yearRange(2005) }, ALL)).items).sort()).toEqual(['r-ac', 'r-bc', 'r-bd', 'r-de', 'r-er1']);
        expect(ids((await store.listRelationships({ types: ['alliance'], actorIds: ['a'] }, ALL)).items)).toEqual(['r-ab2', 'r-ac']);
        expect(ids((await store.listRelationships({ datedOnly: true, actorIds: ['d'] }, ALL)).items)).toEqual(['r-cd']);
        expect(ids((await store.listRelationships({ minSources: 2 }, ALL)).items)).toEqual(['r-cd']);
        const sure = await store.listRelationships({ minConfidence: 'reported', actorIds: ['b'] }, { offset: 0, limit: 1 });
        expect(sure.totalCount).toBe(3);
        expect(ids(sure.items)).toEqual(['r-ab']);
        expect(ids((await store.listRelationships({ actorIds: ['b', 'c'] }, ALL)).items)).toEqual(['r-ab', 'r-bc', 'r-cd', 'r-bd', 'r-ab2', 'r-ac']);
      });

      it('answers the network of a year: a relationship that ended is gone', async () => {
        const y2000 = await store.snapshot({ window: yearRange(2000), limit: 100 });
        expect(ids(y2000.relationships).sort()).toEqual(['r-ab', 'r-bc', 'r-cd', 'r-de', 'r-er1', 'r-fa']);
        expect(ids(y2000.actors)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'r1']);
        expect(y2000.truncated).toBe(false);
        expect(ids((await store.snapshot({ window: yearRange(2005), limit: 100 })).relationships).sort()).toEqual(['r-ac', 'r-bc', 'r-bd', 'r-de', 'r-er1']);
        expect(ids((await store.snapshot({ window: yearRange(2005), limit: 100, datedOnly: true })).relationships).sort()).toEqual(['r-ac', 'r-bc', 'r-er1']);
        // No relationship is valid at every year.
        expect(ids((await store.snapshot({ window: yearRange(1985), limit: 100 })).relationships)).toEqual([]);
        expect(ids((await store.snapshot({ window: yearRange(1990, 1995), limit: 100 })).relationships)).toEqual(['r-de']);
      });

      it('caps a snapshot keeping the surest relationships, and filters by kind', async () => {
        const capped = await store.snapshot({ window: yearRange(2000), limit: 2 });
        expect(capped.truncated).toBe(true);
        expect(ids(capped.relationships)).toEqual(['r-ab', 'r-cd']);
        const groups = await store.snapshot({ window: yearRange(2000), kinds: ['terrorist_group', 'criminal_group', 'insurgent_group'], limit: 100 });
        expect(ids(groups.relationships).sort()).toEqual(['r-ab', 'r-bc', 'r-cd', 'r-de']);
      });

      it('knows the first and last day of its data: every lifespan and validity lies inside, and both ends are reached', async () => {
        const span = await store.timeSpan();
        const actors = (await store.searchActors({}, ALL)).items;
        const rels = (await store.listRelationships({}, ALL)).items;
        const starts = [...actors.map((a) => a.span.from.day), ...rels.map((r) => r.validity.from.day)];
        const ends = [...actors.map((a) => a.span.to.day), ...rels.map((r) => r.validity.to.day)];
        expect(span).toEqual({ start: Math.min(...starts), end: Math.max(...ends) });
      });

      it('opens a big network on its best-connected actors and the surest relationships among them', async () => {
        // degrees: a 6, b 4, c 3, d 3 (c before d by id), e 2, r1 2, f 1, s 1
        const top3 = await store.overview({ maxActors: 3, maxRelationships: 100 });
        expect(ids(top3.actors)).toEqual(['a', 'b', 'c']);
        expect(ids(top3.relationships)).toEqual(['r-ab', 'r-bc', 'r-ab2', 'r-ac']);
        expect(top3.truncated).toBe(true);
        const capped = await store.overview({ maxActors: 4, maxRelationships: 2 });
        expect(ids(capped.actors)).toEqual(['a', 'b', 'c', 'd']);
        expect(ids(capped.relationships)).toEqual(['r-ab', 'r-cd']);
        const whole = await store.overview({ maxActors: 100, maxRelationships: 100 });
        expect(whole.truncated).toBe(false);
        expect(ids(whole.actors)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'r1', 's']);
        expect(whole.relationships).toHaveLength(11);
      });

      it('gives every relationship of a pair in validity order, either direction', async () => {
        expect(ids(await store.dyad('b', 'a'))).toEqual(['r-ab', 'r-ab2']);
        expect(await store.dyad('a', 'e')).toEqual([]);
      });

      it('lists events, capacity ratings, figures and sources with fact counts', async () => {
        expect(ids(await store.listEvents({}))).toEqual(['ev-1999-raid', 'ev-2004-strike']);
        expect(ids(await store.listEvents({ actorId: 's' }))).toEqual(['ev-2004-strike']);
        expect(ids(await store.listEvents({ window: yearRange(1999) }))).toEqual(['ev-1999-raid']);
        const cap = await store.listCapacity({ regionId: 'r1', window: yearRange(2000) });
        expect(cap.map((c) => c.capacity)).toEqual([['captured', 'failed']]);
        expect((await store.listFigures({ actorId: 'b' })).map((f) => f.value)).toEqual([1000]);
        const sources = await store.listSources();
        expect(sources.map((s) => [s.id, s.factCount])).toEqual([['fx-doc', 8 + 10 + 2 + 2 + 1], ['fx-memo', 1 + 2]]);
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    describe('paths', () => {
      it('finds the shortest path, and a longer one when the direct link is not yet valid', async () => {
        expect(await actorsOf(pathQuery('a', 'c'))).toEqual(['a-c']);
        expect(await actorsOf(pathQuery('a', 'c', { filter: { window: yearRange(1999) } }))).toEqual(['a-b-c']);
        expect(await actorsOf(pathQuery('a', 'c', { filter: { window: yearRange(2010) } }))).toEqual(['a-c']);
      });

      it('a path that exists in 2000 does not exist in 1999 or 2010', async () => {
        expect(await actorsOf(pathQuery('a', 'd', { filter: { window: yearRange(2000) } }))).toEqual(['a-b-c-d']);
        expect(await actorsOf(pathQuery('a', 'd', { filter: { window: yearRange(1999) } }))).toEqual([]);
        expect(await actorsOf(pathQuery('a', 'd', { filter: { window: yearRange(2010) } }))).toEqual([]);
        expect(await actorsOf(pathQuery('a', 'd'))).toEqual(['a-b-d', 'a-c-d']);
      });

      it('respects direction on directed relationships', async () => {
        expect(await actorsOf(pathQuery('f', 'a', { direction: 'OUT' }))).toEqual(['f-a']);
        expect(await actorsOf(pathQuery('a', 'f', { direction: 'OUT' }))).toEqual([]);
        expect(await actorsOf(pathQuery('a', 'f', { direction: 'IN' }))).toEqual(['a-f']);
        expect(await actorsOf(pathQuery('s', 'b', { direction: 'OUT' }))).toEqual(['s-a-b']);
        expect(await actorsOf(pathQuery('b', 's', { direction: 'OUT' }))).toEqual([]);
      });

      it('excludes actors, filters types, grade, dating and corroboration, and stops at maxHops', async () => {
        expect(await actorsOf(pathQuery('a', 'c', { excludeActors: ['b'], filter: { window: yearRange(1999) } }))).toEqual([]);
        expect(await actorsOf(pathQuery('a', 'c', { filter: { minConfidence: 'reported' } }))).toEqual(['a-b-c']);
        expect(await actorsOf(pathQuery('a', 'd', { filter: { types: ['operational', 'alliance'] } }))).toEqual([]);
        expect(await actorsOf(pathQuery('a', 'd', { maxHops: 1 }))).toEqual([]);
        expect(await actorsOf(pathQuery('a', 'e', { filter: { datedOnly: true } }))).toEqual(['a-r1-e']);
        expect(await actorsOf(pathQuery('c', 'e', { filter: { datedOnly: true }, maxHops: 2 }))).toEqual([]);
        expect(await actorsOf(pathQuery('c', 'd', { filter: { minSources: 2 } }))).toEqual(['c-d']);
        expect(await actorsOf(pathQuery('b', 'd', { filter: { minSources: 2 } }))).toEqual([]);
      });

      it('enumerates all simple paths and the k shortest in a stable order', async () => {
        expect(await actorsOf(pathQuery('a', 'c', { mode: 'ALL_SIMPLE', maxHops: 3 }))).toEqual(['a-c', 'a-b-c', 'a-b-d-c']);
        expect(await actorsOf(pathQuery('a', 'c', { mode: 'ALL_SIMPLE', maxHops: 4 }))).toEqual(['a-c', 'a-b-c', 'a-b-d-c', 'a-r1-e-d-c']);
        expect(await actorsOf(pathQuery('a', 'c', { mode: 'K_SHORTEST', k: 2, maxHops: 4 }))).toEqual(['a-c', 'a-b-c']);
        const k = await store.paths(pathQuery('a', 'c', { mode: 'K_SHORTEST', k: 2, maxHops: 4 }));
        expect(k.truncated).toBe(false);
        const capped = await store.paths(pathQuery('a', 'c', { mode: 'ALL_SIMPLE', maxHops: 4, limit: 2 }));
        expect(capped.paths).toHaveLength(2);
        expect(capped.truncated).toBe(true);
        expect(capped.truncatedBy).toBe('LIMIT');
      });

      it('carries the evidence of each hop: the surest relationship and the alternatives', async () => {
        const [path] = (await store.paths(pathQuery('f', 'b'))).paths;
        expect(path?.hops.map((h) => h.relationship.id)).toEqual(['r-fa', 'r-ab']);
        expect(path?.hops[1]?.alternatives.map((r) => r.id)).toEqual(['r-ab2']);
        expect(path?.hops[1]?.relationship.citations[0]?.quote).toBe('a and b are linked.');
        expect(path?.hops.map((h) => h.day)).toEqual([null, null]);
      });

      it('time-respecting: there are times t1 ≤ t2 ≤ … inside each hop\'s validity, starts and ends', async () => {
        // f leads a 1998–2002, then a–b operational 1997–2001: both hold in 1998.
        const [path] = (await store.paths(pathQuery('f', 'b', { temporal: { maxGapDays: null } }))).paths;
        expect(path?.hops.map((h) => h.relationship.id)).toEqual(['r-fa', 'r-ab']);
        expect(path?.hops.map((h) => dayToIso(h.day as number))).toEqual(['1998-01-01', '1998-01-01']);
        expect(await actorsOf(pathQuery('e', 'a'))).toEqual(['e-r1-a']);
        // e–r1 (2000–2010) then r1–a (1999 only) goes back in time: refused; two 3-hop chains hold.
        expect(await actorsOf(pathQuery('e', 'a', { temporal: { maxGapDays: null } }))).toEqual(['e-d-b-a', 'e-d-c-a']);
      });

      it('refuses a path whose later hop ends before an earlier hop starts', async () => {
        // a–c (2005–2010) then c–d (2000–2003): c–d ended before a–c began.
        expect(await actorsOf(pathQuery('a', 'd'))).toEqual(['a-b-d', 'a-c-d']);
        const timed = await actorsOf(pathQuery('a', 'd', { temporal: { maxGapDays: null }, mode: 'ALL_SIMPLE', maxHops: 3 }));
        expect(timed).toEqual(['a-b-d', 'a-b-c-d', 'a-c-b-d', 'a-r1-e-d']);
        expect(timed).not.toContain('a-c-d');
      });

      it('a maximum gap between hops: c–d ends in 2003, c–a starts in 2005', async () => {
        expect(await actorsOf(pathQuery('e', 'a', { temporal: { maxGapDays: Math.round(2 * YEAR) } }))).toEqual(['e-d-b-a', 'e-d-c-a']);
        expect(await actorsOf(pathQuery('e', 'a', { temporal: { maxGapDays: Math.round(1 * YEAR) } }))).toEqual(['e-d-b-a']);
        expect(await actorsOf(pathQuery('e', 'a', { temporal: { maxGapDays: Math.round(1 * YEAR) }, filter: { types: ['operational', 'alliance', 'convergence'] } }))).toEqual(['e-d-c-b-a']);
      });
    });

    describe('neighbourhood', () => {
      it('expands one and two hops at a time point, nearer first then by id', async () => {
        const one = await store.neighbourhood({ center: 'c', depth: 1, filter: { window: yearRange(2000) }, maxActors: 100, budgetMs: 10_000 });
        expect(ids(one.actors)).toEqual(['c', 'b', 'd']);
        const two = await store.neighbourhood({ center: 'c', depth: 2, filter: { window: yearRange(2000) }, maxActors: 100, budgetMs: 10_000 });
        expect(ids(two.actors)).toEqual(['c', 'b', 'd', 'a', 'e']);
        expect(ids(two.relationships)).toEqual(['r-de', 'r-ab', 'r-bc', 'r-cd']);
        expect(two.distance.get('e')).toBe(2);
        expect(two.truncated).toBe(false);
      });

      it('caps the actors, keeping the nearest', async () => {
        const capped = await store.neighbourhood({ center: 'c', depth: 3, filter: {}, maxActors: 3, budgetMs: 10_000 });
        expect(capped.truncated).toBe(true);
        expect(ids(capped.actors)).toEqual(['c', 'a', 'b']);
        expect(ids(capped.relationships)).toEqual(['r-ab', 'r-bc', 'r-ab2', 'r-ac']);
      });
    });

    describe('diff', () => {
      it('lists what was added and ended between two years, and stage changes of a pair', async () => {
        const d = await store.diff({ fromWindow: yearRange(2001), toWindow: yearRange(2003), filter: {}, limit: 100 });
        expect(ids(d.added)).toEqual(['r-ab2']);
        expect(ids(d.ended)).toEqual(['r-ab', 'r-fa']);
        expect(d.changedStage.map((c) => [c.a, c.b, c.fromStages, c.toStages, ids(c.before), ids(c.after)])).toEqual([['a', 'b', ['operational'], ['alliance'], ['r-ab'], ['r-ab2']]]);
        expect(d.truncated).toBe(false);
        const capped = await store.diff({ fromWindow: yearRange(2000), toWindow: yearRange(2005), filter: {}, limit: 1 });
        expect(ids(capped.ended)).toEqual(['r-ab']);
        expect(capped.truncated).toBe(true);
      });
    });

    describe('writes that change the graph (run last)', () => {
      it('replaces a record by id and can add one that refers to stored actors', async () => {
        const extra = rel('r-extra', 'a', 'b', 'rivalry', '2011', null, 'stated');
        expect((await store.upsert({ relationships: [extra] })).changed).toBe(1);
        expect((await store.getRelationships(['r-extra']))[0]?.type).toBe('rivalry');
        expect((await store.upsert({ relationships: [{ ...extra, claims: [{ ...extra.claims[0]!, confidence: 'alleged' }] }] })).changed).toBe(1);
        expect((await store.getRelationships(['r-extra']))[0]?.confidence).toBe('alleged');
        expect(ids(await store.dyad('a', 'b'))).toEqual(['r-ab', 'r-ab2', 'r-extra']);
        await store.upsert({ relationships: [{ ...extra, source: 'b', target: 'e', claims: [claim('b fights e.', 'stated', '2011', '2011')] }] });
        expect(ids(await store.dyad('a', 'b'))).toEqual(['r-ab', 'r-ab2']);
        expect(ids(await store.dyad('b', 'e'))).toEqual(['r-extra']);
      });

      it('adding a claim from another document corroborates the fact', async () => {
        const ab = fixtureDataset().relationships[0]!;
        await store.upsert({ relationships: [{ ...ab, claims: [...ab.claims, claim('Alpha dealt with Bravo.', 'reported', '1996', '2001', 'fx-memo')] }] });
        const [r] = await store.getRelationships(['r-ab']);
        expect(r).toMatchObject({ corroboration: 2, datesDisagree: true, interval: { from: '1996', to: '2001' } });
      });

      it('an unknown start is bounded by the later actor start, and follows a changed actor', async () => {
        const open = { ...rel('r-open', 'a', 'c', 'rivalry', null, '2008', 'stated') };
        await store.upsert({ relationships: [open] });
        const at = async (year: number) => ids((await store.listRelationships({ window: yearRange(year), actorIds: ['a'], types: ['rivalry'] }, ALL)).items);
        expect(await at(1998)).toEqual([]); // c is founded in 1999
        expect(await at(1999)).toEqual(['r-open']);
        const c = fixtureDataset().actors.find((x) => x.id === 'c')!;
        await store.upsert({ actors: [{ ...c, lifespan: [{ ...c.lifespan[0]!, date: '1990' }, c.lifespan[1]!] }] });
        expect(await at(1998)).toEqual(['r-open']);
        expect((await store.getRelationships(['r-open']))[0]?.validity.from).toMatchObject({ date: '1994', basis: 'lifespan' });
      });

      it('a derived end never comes before a derived start: it closes on it', async () => {
        const f = fixtureDataset().actors.find((x) => x.id === 'f')!;
        await store.upsert({ actors: [{ ...f, lifespan: [{ event: 'born', date: '1950', latest: null, basis: 'stated', source: 'fx-doc', quote: 'Foxtrot was born.', datedBy: null }, { event: 'died', date: '1990', latest: null, basis: 'stated', source: 'fx-doc', quote: 'Foxtrot died.', datedBy: null }] }] });
        await store.upsert({ relationships: [rel('r-succ', 'a', 'f', 'successor_of', null, null, 'stated')] });
        const at = async (year: number) => ids((await store.listRelationships({ window: yearRange(year), types: ['successor_of'] }, ALL)).items);
        expect(await at(1990)).toEqual([]);
        expect(await at(1994)).toEqual(['r-succ']);
        expect(await at(2005)).toEqual([]);
      });

      it('bulk loads a dataset into a store that holds records, deriving what follows from it', async () => {
        const before = await store.counts();
        const progress: string[] = [];
        const batch = {
          sources: [], events: [], capacity: [], figures: [],
          actors: [{ ...fixtureDataset().actors[0]!, id: 'bulk-x', name: 'Bulk X', lifespan: [] }],
          relationships: [rel('r-bulk', 'bulk-x', 'b', 'alliance', '2002', '2004', 'stated')],
        };
        expect((await store.bulkLoad(batch, { onProgress: (_d, _t, what) => progress.push(what) })).changed).toBe(2);
        expect(progress.length).toBeGreaterThan(0);
        expect(await store.counts()).toEqual({ ...before, actors: before.actors + 1, relationships: before.relationships + 1 });
        expect(ids((await store.listRelationships({ window: yearRange(2003), actorIds: ['bulk-x'] }, ALL)).items)).toEqual(['r-bulk']);
        expect((await store.paths(pathQuery('bulk-x', 'a', { filter: { window: yearRange(2003) } }))).paths[0]?.actors[0]).toBe('bulk-x');
      });

      it('bulk loading the same dataset again changes nothing', async () => {
        const batch = {
          sources: [], events: [], capacity: [], figures: [],
          actors: [{ ...fixtureDataset().actors[0]!, id: 'bulk-x', name: 'Bulk X', lifespan: [] }],
          relationships: [rel('r-bulk', 'bulk-x', 'b', 'alliance', '2002', '2004', 'stated')],
        };
        const before = await store.counts();
        expect((await store.bulkLoad(batch)).changed).toBe(0);
        expect(await store.counts()).toEqual(before);
      });

      it('a bulk load that fails midway (a failure injected at its second progress report) leaves the store as it was', async () => {
        const before = await store.counts();
        const batch = {
          sources: [], events: [], capacity: [], figures: [],
          actors: [{ ...fixtureDataset().actors[1]!, id: 'bulk-mid', name: 'Bulk Mid' }],
          relationships: [rel('r-bulk-mid', 'bulk-mid', 'a', 'rivalry', '2003', null, 'stated'), { ...rel('r-bulk', 'bulk-x', 'b', 'alliance', '2002', '2005', 'stated') }],
        };
        let reports = 0;
        const failing = () => {
          reports += 1;
          if (reports === 2) throw new Error('injected failure');
        };
        await expect(store.bulkLoad(batch, { onProgress: failing })).rejects.toThrow('injected failure');
        expect(await store.counts()).toEqual(before);
        expect(await store.getActors(['bulk-mid'])).toEqual([]);
        expect((await store.getRelationships(['r-bulk']))[0]?.interval.to).toBe('2004');
      });

      it('refuses a bulk load with a dangling reference and writes none of it', async () => {
        const before = await store.counts();
        const batch = {
          sources: [], events: [], capacity: [], figures: [],
          actors: [{ ...fixtureDataset().actors[0]!, id: 'bulk-y', name: 'Bulk Y' }],
          relationships: [rel('r-bulk-bad', 'bulk-y', 'nobody', 'alliance', '2002', null, 'stated')],
        };
        await expect(store.bulkLoad(batch)).rejects.toThrow(/r-bulk-bad.*target.*unknown actor "nobody"/s);
        expect(await store.counts()).toEqual(before);
        expect(await store.getActors(['bulk-y'])).toEqual([]);
      });
    });
  });
  runEditContract(label, open);

  runBulkLoadContract(label, open);

  runImportEditsContract(label, open);
}
