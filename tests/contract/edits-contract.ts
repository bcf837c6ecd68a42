/**
 * The edit half of the store contract (run from store-contract.ts on both stores): mutations
 * planned by the EditService and applied by the store's applyChange — validated like the seed,
 * all or nothing (a failure injected mid-write leaves nothing), retire semantics (kept, but out of
 * reads), merge (aliases and every relationship kept, duplicate facts folded), and an audit entry
 * after each mutation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../server/store/port.js';
import type { AuditEntry } from '../../server/domain/changes.js';
import { EditService } from '../../server/services/edits.js';
import { DomainError } from '../../server/domain/errors.js';
import { fixtureDataset } from '../fixtures/graph.js';

const ALL = { offset: 0, limit: 1000 };
const alice = { name: 'alice' };
const evidence = { source: 'fx-doc', quote: 'Alpha Movement was founded.', confidence: 'stated' };

async function refusal(p: Promise<unknown>): Promise<{ code: string; field: unknown; message: string }> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(DomainError);
  const d = e as DomainError;
  return { code: d.code, field: d.details['field'], message: d.message };
}

export function runEditContract(label: string, open: () => Promise<GraphStore>): void {
  describe(`edit contract: ${label}`, () => {
    let store: GraphStore;
    let edits: EditService;
    const auditCount = async () => (await store.listAudit({}, ALL)).totalCount;

    beforeAll(async () => {
      store = await open();
      await store.upsert(fixtureDataset());
      edits = new EditService(store);
    });
    afterAll(async () => {
      await store.close();
    });

    it('creates an actor with its citation and records who, what, before and after', async () => {
      const entry = await edits.createActor(alice, { name: 'Golf Network', kind: 'criminal_group', country: 'Tajikistan' }, { ...evidence, quote: 'The Golf network moved opium.', location: 'p. 3' });
      expect(entry).toMatchObject({ by: 'alice', operation: 'create_actor', recordIds: ['golf-network'] });
      const [golf] = await store.getActors(['golf-network']);
      expect(golf).toMatchObject({ name: 'Golf Network', kind: 'criminal_group', citations: [{ source: 'fx-doc', quote: 'The Golf network moved opium.', location: 'p. 3' }] });
      const [h] = await store.history('golf-network');
      expect(h).toMatchObject({ id: entry.id, by: 'alice', operation: 'create_actor', evidence: { confidence: 'stated' } });
      expect(h!.before).toEqual([{ section: 'actors', id: 'golf-network', record: null, retired: null }]);
      expect(h!.after[0]!.record).toMatchObject({ id: 'golf-network', name: 'Golf Network' });
      expect((await store.searchActors({ search: 'golf' }, ALL)).items.map((a) => a.id)).toEqual(['golf-network']);
    });

    it('updates an actor: the change is read back, the citation added, history newest first', async () => {
      await edits.updateActor(alice, 'golf-network', { description: 'A trafficking network.' }, { ...evidence, quote: 'Golf is a trafficking network.', confidence: 'reported' });
      const [golf] = await store.getActors(['golf-network']);
      expect(golf!.description).toBe('A trafficking network.');
      expect(golf!.citations).toHaveLength(2);
      const history = await store.history('golf-network');
      expect(history.map((e) => e.operation)).toEqual(['update_actor', 'create_actor']);
      expect((history[0]!.before[0]!.record as unknown as { description: string }).description).toBe('');
      expect(await store.listAudit({ operation: 'update_actor' }, ALL)).toMatchObject({ totalCount: 1 });
      expect((await store.listAudit({ by: 'bob' }, ALL)).totalCount).toBe(0);
    });

    it('adds an alias that search then finds', async () => {
      await edits.addAlias(alice, 'golf-network', 'Golfers', evidence);
      expect((await store.searchActors({ search: 'golfers' }, ALL)).items.map((a) => a.id)).toEqual(['golf-network']);
    });

    it('refuses invalid writes naming the field, writing nothing', async () => {
      const before = await auditCount();
      expect(await refusal(edits.createActor(alice, { name: 'X Org', kind: 'alien' }, evidence))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
      expect(await refusal(edits.createActor(alice, { name: 'X Org', kind: 'criminal_group' }, { ...evidence, source: 'no-such-doc' }))).toMatchObject({ field: 'evidence.source' });
      expect(await refusal(edits.createActor(alice, { name: 'X Org', kind: 'criminal_group' }, { ...evidence, quote: 'short' }))).toMatchObject({ field: 'evidence.quote' });
      expect(await refusal(edits.createActor(alice, { id: 'golf-network', name: 'Golf', kind: 'criminal_group' }, evidence))).toMatchObject({ field: 'input.id' });
      const leads = await refusal(edits.createRelationship(alice, { source: 'b', target: 'c', type: 'leads' }, { ...evidence, quote: 'Bravo leads the Front.' }));
      expect(leads).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.source' });
      expect(leads.message).toMatch(/person\|official/);
      expect(await refusal(edits.createRelationship(alice, { source: 'b', target: 'ghost', type: 'rivalry' }, evidence))).toMatchObject({ field: 'input.target' });
      expect(await refusal(edits.updateActor(alice, 'nobody', { description: 'x' }, evidence))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expect(await refusal(edits.updateActor(alice, 'f', { kind: 'criminal_group' }, evidence))).toMatchObject({ field: 'changes.source' });
      expect(await auditCount()).toBe(before);
      expect((await store.getActors(['x-org', 'f'])).map((a) => [a.id, a.kind])).toEqual([['f', 'person']]);
    });

    it('creates a relationship with its claim, and adds a second document\'s claim to it', async () => {
      await edits.createRelationship(alice, { source: 'golf-network', target: 'e', type: 'cooperates_with' }, { ...evidence, quote: 'Golf works with the cartel.', from: '2003' });
      const [r] = await store.getRelationships(['golf-network-cooperates-with-e']);
      expect(r).toMatchObject({ type: 'cooperates_with', corroboration: 1, interval: { from: '2003', to: null } });
      await edits.addCitation(alice, 'golf-network-cooperates-with-e', { source: 'fx-memo', quote: 'The memo says Golf and the cartel cooperate.', confidence: 'alleged' });
      const [again] = await store.getRelationships(['golf-network-cooperates-with-e']);
      expect(again!.claims).toHaveLength(2);
      expect(again!.corroboration).toBe(2);
      expect((await store.history('golf-network-cooperates-with-e')).map((e) => e.operation)).toEqual(['add_citation', 'create_relationship']);
    });

    it('updates a relationship: its type changes, the evidence becomes one more claim', async () => {
      await edits.updateRelationship(alice, 'r-bd', { type: 'combats', description: 'They fight over the route.' }, { ...evidence, quote: 'Bravo and Delta fight over the route.', confidence: 'alleged' });
      const [r] = await store.getRelationships(['r-bd']);
      expect(r).toMatchObject({ type: 'combats', description: 'They fight over the route.', source: 'b', target: 'd' });
      expect(r!.claims.map((c) => c.confidence)).toEqual(['reported', 'alleged']);
      expect((await store.dyad('b', 'd')).map((x) => x.type)).toEqual(['combats']);
      expect((await store.history('r-bd'))[0]).toMatchObject({ operation: 'update_relationship', recordIds: ['r-bd'] });
      expect(await refusal(edits.updateRelationship(alice, 'r-bd', { type: 'leads' }, evidence))).toMatchObject({ field: 'changes.source' });
    });

    it('retires a relationship: kept with who and why, gone from every read', async () => {
      const before = await store.counts();
      await edits.retireRelationship(alice, 'r-de', 'the document was misread', { ...evidence, quote: 'Delta never met the cartel.', confidence: 'reported' });
      expect(await store.getRelationships(['r-de'])).toEqual([]);
      expect((await store.dyad('d', 'e')).length).toBe(0);
      expect((await store.listRelationships({}, ALL)).items.map((r) => r.id)).not.toContain('r-de');
      expect((await store.snapshot({ limit: 1000 })).relationships.map((r) => r.id)).not.toContain('r-de');
      expect((await store.counts()).relationships).toBe(before.relationships - 1);
      const [state] = await store.recordStates([{ section: 'relationships', id: 'r-de' }]);
      expect(state!.record).toMatchObject({ id: 'r-de', source: 'd', target: 'e' });
      expect(state!.retired).toMatchObject({ by: 'alice', reason: 'the document was misread' });
      expect(await refusal(edits.addCitation(alice, 'r-de', evidence))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'relationshipId' });
    });

    it('retires an actor with its relationships; refuses one that events name', async () => {
      await edits.retireActor(alice, 'golf-network', 'a duplicate entry', evidence);
      expect(await store.getActors(['golf-network'])).toEqual([]);
      expect((await store.searchActors({ search: 'golf' }, ALL)).totalCount).toBe(0);
      expect(await store.getRelationships(['golf-network-cooperates-with-e'])).toEqual([]);
      const states = await store.recordStates([{ section: 'actors', id: 'golf-network' }, { section: 'relationships', id: 'golf-network-cooperates-with-e' }]);
      expect(states.map((s) => s.retired !== null)).toEqual([true, true]);
      expect((await store.history('golf-network-cooperates-with-e'))[0]!.operation).toBe('retire_actor');
      expect(await refusal(edits.createActor(alice, { name: 'Golf Network', kind: 'criminal_group' }, evidence))).toMatchObject({ field: 'input.name' });
      expect(await refusal(edits.retireActor(alice, 'a', 'wrong', evidence))).toMatchObject({ field: 'id' });
    });

    it('merges two actors: aliases kept, relationships re-pointed, a duplicate fact folded into one with both claims', async () => {
      await edits.createActor(alice, { id: 'a2', name: 'Alpha Movement of the North', kind: 'terrorist_group', aliases: ['AMN'] }, evidence);
      await edits.createRelationship(alice, { id: 'r-a2c', source: 'a2', target: 'c', type: 'alliance' }, { ...evidence, quote: 'The northern Alpha allied with the Front.', confidence: 'reported', from: '2006' });
      await edits.createRelationship(alice, { id: 'r-a2d', source: 'd', target: 'a2', type: 'operational' }, { ...evidence, quote: 'Delta worked with northern Alpha.' });
      await edits.createRelationship(alice, { id: 'r-aa2', source: 'a', target: 'a2', type: 'cooperates_with' }, { ...evidence, quote: 'The two Alphas cooperate.' });
      const entry = await edits.mergeActors(alice, 'a', 'a2', 'the same movement under two names', { ...evidence, quote: 'Alpha is also called the northern movement.' });
      expect(entry.operation).toBe('merge_actors');
      expect(entry.recordIds.slice(0, 2)).toEqual(['a', 'a2']);
      const [a] = await store.getActors(['a']);
      expect(a!.aliases).toEqual(expect.arrayContaining(['AM', 'Alpha Movement of the North', 'AMN']));
      expect(await store.getActors(['a2'])).toEqual([]);
      const [a2] = await store.recordStates([{ section: 'actors', id: 'a2' }]);
      expect(a2!.retired).toMatchObject({ mergedInto: 'a' });
      const [ac] = await store.getRelationships(['r-ac']);
      expect(ac!.claims.map((c) => c.quote)).toEqual(expect.arrayContaining(['a and c are linked.', 'The northern Alpha allied with the Front.']));
      expect(await store.getRelationships(['r-a2c'])).toEqual([]);
      const [moved] = await store.getRelationships(['r-a2d']);
      expect(moved).toMatchObject({ source: 'd', target: 'a' });
      const [loop] = await store.recordStates([{ section: 'relationships', id: 'r-aa2' }]);
      expect(loop!.retired).not.toBeNull();
      expect((await store.searchActors({ search: 'AMN' }, ALL)).items.map((x) => x.id)).toEqual(['a']);
      expect((await store.history('a2'))[0]!.operation).toBe('merge_actors');
      expect((await store.history('r-ac'))[0]!.id).toBe(entry.id);
    });

    it('a failure injected mid-write leaves nothing written, in the records or the audit log', async () => {
      await edits.createActor(alice, { id: 'h1', name: 'Hotel One', kind: 'criminal_group' }, evidence);
      await edits.createActor(alice, { id: 'h2', name: 'Hotel Two', kind: 'criminal_group' }, evidence);
      await edits.createRelationship(alice, { id: 'r-h2e', source: 'h2', target: 'e', type: 'rivalry' }, evidence);
      const counts = await store.counts();
      const audit = await auditCount();
      const real = store.applyChange.bind(store);
      for (const step of ['records written', 'audit written'] as const) {
        store.applyChange = (entry) => real(entry, { onStep: (s) => { if (s === step) throw new Error(`injected at ${s}`); } });
        await expect(edits.mergeActors(alice, 'h1', 'h2', 'same hotel', evidence)).rejects.toThrow(`injected at ${step}`);
        store.applyChange = real;
        expect(await store.counts()).toEqual(counts);
        expect(await auditCount()).toBe(audit);
        expect((await store.getActors(['h2'])).map((x) => x.aliases)).toEqual([[]]);
        expect((await store.getRelationships(['r-h2e']))[0]).toMatchObject({ source: 'h2' });
      }
      await edits.mergeActors(alice, 'h1', 'h2', 'same hotel', evidence);
      expect((await store.getRelationships(['r-h2e']))[0]).toMatchObject({ source: 'h1' });
      expect(await auditCount()).toBe(audit + 1);
    });

    it('of two edits planned on the same record and applied at once, one is stored and the other is a CONFLICT', async () => {
      const real = store.applyChange.bind(store);
      const planned: AuditEntry[] = [];
      store.applyChange = async (entry) => (planned.push(entry), entry);
      await edits.updateActor(alice, 'h1', { description: 'one editor' }, evidence);
      await edits.updateActor(alice, 'h1', { description: 'another editor' }, evidence);
      store.applyChange = real;
      const results = await Promise.allSettled(planned.map((e) => store.applyChange(e)));
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
      expect((refused.reason as DomainError).code).toBe('CONFLICT');
      const stored = (await store.getActors(['h1']))[0]!.description;
      const won = planned[results.findIndex((r) => r.status === 'fulfilled')]!;
      expect(stored).toBe((won.after[0]!.record as unknown as { description: string }).description);
      expect((await store.history('h1'))[0]!.id).toBe(won.id);
    });

    it('refuses a change planned on records that changed since (CONFLICT), writing nothing', async () => {
      const stale = await edits.updateActor(alice, 'h1', { description: 'first' }, evidence);
      const audit = await auditCount();
      const error = await refusal(store.applyChange({ ...stale, id: 'stale-entry', after: stale.after.map((s) => ({ ...s, record: { ...s.record!, description: 'second' } })) }));
      expect(error).toMatchObject({ code: 'CONFLICT', field: 'id' });
      expect((await store.getActors(['h1']))[0]!.description).toBe('first');
      expect(await auditCount()).toBe(audit);
    });

    it('has an audit entry for every mutation made, each operation among them', async () => {
      const { items } = await store.listAudit({}, ALL);
      expect(new Set(items.map((e) => e.operation))).toEqual(new Set(['create_actor', 'update_actor', 'add_alias', 'retire_actor', 'create_relationship', 'update_relationship', 'add_citation', 'retire_relationship', 'merge_actors']));
      expect(items.every((e) => e.by === 'alice' && e.after.length > 0 && e.before.length === e.after.length)).toBe(true);
      expect(items.map((e) => e.at)).toEqual([...items.map((e) => e.at)].sort().reverse());
    });
  });
}
