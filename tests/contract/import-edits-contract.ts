/**
 * Part of the store contract (run from store-contract.ts on both stores): imports and edits agree.
 * A record an editor changed is skipped by an import (the dry run names the audit entry, who and
 * when) unless the import overwrites edited records; a retired id is never recreated, nor a
 * relationship of a retired actor; an import that writes adds exactly one audit entry (operation
 * import, who, the files, the counts, the record ids) in the same write as its records (a failure
 * midway leaves neither), so a record's history shows it; an import that changes nothing adds none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../server/store/port.js';
import type { Dataset } from '../../server/domain/schemas.js';
import { EditService } from '../../server/services/edits.js';
import { applyImport, planImport, type ImportPlan } from '../../server/services/imports.js';
import { emptyInput, type ImportInput } from '../../server/exchange/input.js';
import { fixtureDataset } from '../fixtures/graph.js';

const ALL = { offset: 0, limit: 1000 };
const alice = { name: 'alice' };
const evidence = { source: 'fx-doc', quote: 'Alpha Movement was founded.', confidence: 'stated' };

/** The fixture as a file "team.json" would give it, with the actors' descriptions rewritten. */
function teamFile(): ImportInput {
  const ds: Dataset = fixtureDataset();
  ds.actors = ds.actors.map((a) => (['a', 'b', 'e'].includes(a.id) ? { ...a, description: `${a.name}, as the team file describes it.` } : a));
  return { ...emptyInput('json'), dataset: ds, recordsOf: 'team.json' };
}

const rowOf = (plan: ImportPlan, record: string) => plan.rows.find((r) => r.record === record);

export function runImportEditsContract(label: string, open: () => Promise<GraphStore>): void {
  describe(`store contract: ${label}, imports leave editors' work alone`, () => {
    let store: GraphStore;
    let edits: EditService;
    let editId = '';
    let editAt = '';
    let retireId = '';
    const auditCount = async () => (await store.listAudit({}, ALL)).totalCount;

    beforeAll(async () => {
      store = await open();
      await store.upsert(fixtureDataset());
      edits = new EditService(store);
      const edit = await edits.updateActor(alice, 'a', { description: 'What alice found.' }, evidence);
      editId = edit.id;
      editAt = edit.at;
      retireId = (await edits.retireActor(alice, 'e', 'not a group of its own', { ...evidence, quote: 'The cartel controls the route.' })).id;
    });
    afterAll(async () => {
      await store.close();
    });

    it('the dry run skips the edited record naming the audit entry, who and when, and the retired ones; writes nothing', async () => {
      const before = await auditCount();
      const plan = await planImport(store, teamFile(), { rows: true });
      expect(plan.problems).toEqual([]);
      expect(rowOf(plan, 'actor "a"')).toMatchObject({ action: 'skip', why: `edited since (audit entry ${editId}, alice, ${editAt}); --overwrite-edited replaces it` });
      expect(rowOf(plan, 'actor "e"')).toMatchObject({ action: 'skip', why: expect.stringMatching(new RegExp(`^retired \\(audit entry ${retireId}, alice, .*\\): a retired id is never recreated$`)) });
      expect(rowOf(plan, 'relationship "r-er1"')).toMatchObject({ action: 'skip', why: expect.stringContaining('retired') });
      expect(rowOf(plan, 'actor "b"')).toMatchObject({ action: 'update', why: 'changes description' });
      expect(rowOf(plan, 'actor "c"')).toMatchObject({ action: 'unchanged' });
      expect(plan.written).toEqual(['b']);
      expect((await store.getActors(['b']))[0]!.description).toBe('');
      expect(await auditCount()).toBe(before);
    });

    it('applying writes only the unedited records, with one import entry that history shows', async () => {
      const before = await auditCount();
      const plan = await planImport(store, teamFile());
      expect((await applyImport(store, plan, { by: 'importer', files: ['team.json'] })).changed).toBe(1);
      const [a, b] = await store.getActors(['a', 'b']);
      expect(a!.description).toBe('What alice found.');
      expect(b!.description).toBe('Bravo Smugglers, as the team file describes it.');
      expect(await store.getActors(['e'])).toEqual([]);
      const [eState] = await store.recordStates([{ section: 'actors', id: 'e' }]);
      expect(eState!.retired).toMatchObject({ by: 'alice', reason: 'not a group of its own' });
      expect(await auditCount()).toBe(before + 1);
      const [latest] = await store.history('b');
      expect(latest).toMatchObject({ by: 'importer', operation: 'import', recordIds: ['b'], evidence: null, imported: { files: ['team.json'], added: 0, updated: 1 } });
      expect(latest!.imported!.skipped).toBeGreaterThanOrEqual(3);
      expect(latest!.summary).toMatch(/^imported team\.json: 0 added, 1 updated, \d+ unchanged, \d+ skipped$/);
      expect((await store.listAudit({ operation: 'import' }, ALL)).items.map((e) => e.id)).toEqual([latest!.id]);
    });

    it('an import that fails midway leaves neither its records nor its audit entry', async () => {
      const before = await auditCount();
      const input = teamFile();
      input.dataset.actors = input.dataset.actors.map((a) => (a.id === 'c' ? { ...a, description: 'A change that never lands.' } : a));
      const plan = await planImport(store, input);
      expect(plan.written).toEqual(['c']);
      const failing = () => {
        throw new Error('injected failure');
      };
      await expect(applyImport(store, plan, { by: 'importer', files: ['team.json'], onProgress: failing })).rejects.toThrow('injected failure');
      expect((await store.getActors(['c']))[0]!.description).toBe('');
      expect(await auditCount()).toBe(before);
    });

    it('the same import again changes nothing and adds no entry', async () => {
      const before = await auditCount();
      const plan = await planImport(store, teamFile());
      expect(plan.written).toEqual([]);
      expect((await applyImport(store, plan, { by: 'importer', files: ['team.json'] })).changed).toBe(0);
      expect(await auditCount()).toBe(before);
    });

    it('told to overwrite edited records, it replaces the edit — but still never recreates a retired id', async () => {
      const plan = await planImport(store, teamFile(), { rows: true, overwriteEdited: true });
      expect(rowOf(plan, 'actor "a"')).toMatchObject({ action: 'update', why: 'changes description' });
      expect(rowOf(plan, 'actor "e"')).toMatchObject({ action: 'skip' });
      await applyImport(store, plan, { by: 'importer', files: ['team.json'] });
      expect((await store.getActors(['a']))[0]!.description).toBe('Alpha Movement, as the team file describes it.');
      expect(await store.getActors(['e'])).toEqual([]);
      expect((await store.history('a')).map((e) => e.operation)).toEqual(['import', 'update_actor']);
    });
  });
}
