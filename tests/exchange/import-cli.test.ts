/**
 * `npm run import` on the embedded store as a user runs it (its own process): a dry run says per row
 * what would be added, updated or skipped and why, and writes nothing; importing the same file twice
 * changes nothing the second time; a name another actor has is flagged for review, not merged; a
 * file with one bad row is refused whole; and a kill -9 in the middle of an import leaves the data
 * file as it was, so a rerun gives exactly the expected data.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../server/store/embedded/adapter.js';
import { EditService } from '../../server/services/edits.js';
import { syntheticDataset, writeImportFile } from '../bench/scale/generate.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';

const SAMPLE = path.join(ROOT, 'tests/fixtures/exchange/mmp-sample.csv');
const tempDir = tempDirs('nexus-import-');
const importCli = (dataFile: string, args: string[]) => runCli(['server/cli/import.ts', ...args], { DATA_FILE: dataFile });
const lines = (out: string) => out.split('\n').map((l) => l.trim());

describe('npm run import (embedded)', () => {
  it('a dry run lists every row with what would happen and why, and writes nothing', async () => {
    const dataFile = path.join(await tempDir(), 'nexus.json');
    const run = await importCli(dataFile, [SAMPLE, '--dry-run']);
    expect(run.code, run.out).toBe(0);
    expect(lines(run.stdout)).toEqual(expect.arrayContaining([
      'mmp-sample.csv line 2 (unique_id 1): add relationship "mmp-901-alliance-mmp-902" — not in the store',
      'mmp-sample.csv line 4 (unique_id 3): add relationship "mmp-904-splinter-of-mmp-902" — not in the store',
      'mmp-sample.csv line 7 (unique_id 6): skip — duplicate of mmp-sample.csv line 3 (unique_id 2) (same type, groups, date and description)',
      'import: 11 records to add, 0 to update, 0 unchanged, 1 rows skipped',
      'import: dry run, nothing was written',
    ]));
    await expect(readFile(dataFile)).rejects.toThrow(/ENOENT/);
  });

  it('importing the same file twice changes nothing the second time; a changed row is an update naming the field', async () => {
    const dir = await tempDir();
    const dataFile = path.join(dir, 'nexus.json');
    const first = await importCli(dataFile, [SAMPLE]);
    expect(first.code, first.out).toBe(0);
    expect(first.stdout).toMatch(/^import: 11 records written into the embedded store .* it now holds 5 actors and 5 relationships$/m);
    const second = await importCli(dataFile, [SAMPLE]);
    expect(second.code, second.out).toBe(0);
    expect(second.stdout).toContain('import: 0 records to add, 0 to update, 11 unchanged, 1 rows skipped');
    expect(second.stdout).toMatch(/^import: 0 records written into the embedded store/m);

    const edited = path.join(dir, 'mmp-edited.csv');
    await writeFile(edited, readFileSync(SAMPLE, 'utf8').replace('are coded as allies.', 'are coded as allies (edited).'));
    const dry = await importCli(dataFile, [edited, '--dry-run', '--source-id', 'mmp']);
    expect(lines(dry.stdout)).toContain('mmp-edited.csv line 2 (unique_id 1): update relationship "mmp-901-alliance-mmp-902" — changes claims');
    expect(lines(dry.stdout)).toContain('mmp-edited.csv line 3 (unique_id 2): unchanged relationship "mmp-901-rivalry-mmp-903" — the store holds it as it is');
  });

  it('leaves a record an editor changed alone (naming the audit entry) unless --overwrite-edited, and records the import in the audit log', async () => {
    const dir = await tempDir();
    const dataFile = path.join(dir, 'nexus.json');
    expect((await importCli(dataFile, [SAMPLE])).code).toBe(0);
    const store = await EmbeddedStore.open({ dataFile });
    const [source] = await store.listSources();
    const edit = await new EditService(store).updateActor({ name: 'alice' }, 'mmp-901', { description: 'What alice found.' }, { source: source!.id, quote: 'Sample Group A and Sample Group B are coded as allies.', confidence: 'stated' });
    await store.close();
    const renamed = path.join(dir, 'mmp-renamed.csv');
    await writeFile(renamed, readFileSync(SAMPLE, 'utf8').replaceAll('Sample Group A', 'Sample Group Alpha'));
    const dry = await importCli(dataFile, [renamed, '--dry-run']);
    expect(dry.code, dry.out).toBe(0);
    expect(dry.stdout).toContain(`skip actor "mmp-901" — edited since (audit entry ${edit.id}, alice, ${edit.at}); --overwrite-edited replaces it`);
    const run = await importCli(dataFile, [renamed]);
    expect(run.code, run.out).toBe(0);
    const after = await EmbeddedStore.open({ dataFile });
    expect((await after.getActors(['mmp-901']))[0]).toMatchObject({ name: 'Sample Group A', description: 'What alice found.' });
    const log = (await after.listAudit({ operation: 'import' }, { offset: 0, limit: 10 })).items;
    expect(log.map((e) => e.imported?.files)).toEqual([['mmp-renamed.csv'], ['mmp-sample.csv']]);
    expect(log[0]!.by).toBe(os.userInfo().username);
    await after.close();
    const overwrite = await importCli(dataFile, [renamed, '--overwrite-edited']);
    expect(overwrite.code, overwrite.out).toBe(0);
    const last = await EmbeddedStore.open({ dataFile });
    expect((await last.getActors(['mmp-901']))[0]?.name).toBe('Sample Group Alpha');
    expect((await last.history('mmp-901')).map((e) => e.operation)).toEqual(['import', 'update_actor', 'import']);
    await last.close();
  });

  it('imports a folder of seed files merged as the seed is (one fact from several documents is one record with their claims)', async () => {
    const dataFile = path.join(await tempDir(), 'nexus.json');
    const run = await importCli(dataFile, [path.join(ROOT, 'seed/data')]);
    expect(run.code, run.out).toBe(0);
    expect(run.stdout).toMatch(/it now holds 283 actors and 617 relationships$/m);
    const store = await EmbeddedStore.open({ dataFile });
    const corroborated = (await store.listRelationships({ minSources: 2 }, { offset: 0, limit: 1000 })).totalCount;
    expect(corroborated).toBe(62);
    await store.close();
  });

  it('flags a group whose name an actor in the store has, and keeps the two apart', async () => {
    const dir = await tempDir();
    const dataFile = path.join(dir, 'nexus.json');
    const own = path.join(dir, 'own.json');
    await writeFile(own, JSON.stringify({
      sources: [{ id: 'sample-notes', title: 'Sample notes (synthetic)', authors: [], year: null, file: 'notes.txt', period: { from: '2000', to: '2020' } }],
      actors: [{ id: 'sample-group-e', name: 'Sample Group E', kind: 'criminal_group', citations: [{ source: 'sample-notes', quote: 'Synthetic note on Sample Group E.' }] }],
    }));
    expect((await importCli(dataFile, [own])).code).toBe(0);
    const run = await importCli(dataFile, [SAMPLE]);
    expect(run.code, run.out).toBe(0);
    expect(lines(run.stdout)).toContain('actor "mmp-905" (Sample Group E): the same name as "Sample Group E" (sample-group-e); imported as a separate actor, not merged');
    const store = await EmbeddedStore.open({ dataFile });
    const [mine, theirs] = await store.getActors(['sample-group-e', 'mmp-905']);
    expect(mine).toMatchObject({ kind: 'criminal_group', nameCollision: null });
    expect(theirs?.nameCollision).toBe('Same name as "Sample Group E" (sample-group-e): review before merging.');
    // Still idempotent: the flag is worked out the same way again.
    expect((await importCli(dataFile, [SAMPLE])).stdout).toContain('0 to update, 11 unchanged');
  });

  it('refuses a file with one bad row whole, naming row and field, and leaves the data file as it was', async () => {
    const dir = await tempDir();
    const dataFile = path.join(dir, 'nexus.json');
    expect((await importCli(dataFile, [SAMPLE])).code).toBe(0);
    const before = await readFile(dataFile);
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, `${readFileSync(SAMPLE, 'utf8')}8,all,906,907,2019-13-00,Synthetic sample row with a bad month.,Sample Group F,Sample Group G\n`);
    const run = await importCli(dataFile, [bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/refused, nothing was written/);
    expect(run.stderr).toContain('bad.csv › bad.csv line 9 (unique_id 8) › from: must be YYYY, YYYY-MM or YYYY-MM-DD');
    expect(await readFile(dataFile)).toEqual(before);
  });

  it('after a kill -9 in the middle of an import, a rerun gives exactly the expected data', async () => {
    const dir = await tempDir();
    const dataFile = path.join(dir, 'nexus.json');
    expect((await importCli(dataFile, [SAMPLE])).code).toBe(0);
    const big = path.join(dir, 'big.ndjson');
    const spec = { actors: 20_000, relationships: 60_000, shape: 'uniform' as const, seed: 7 };
    await writeImportFile(big, spec);
    const expected = syntheticDataset(spec);

    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', big], { cwd: ROOT, env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_'))), DATA_FILE: dataFile } });
    let stderr = '';
    // Kill it once the new state is built and the data file is being written.
    const killed = new Promise<string>((resolve) => {
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        if (/index built/.test(stderr) && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('close', (_code, signal) => resolve(String(signal)));
    });
    expect(await killed, stderr).toBe('SIGKILL');

    // Whatever the kill interrupted, the data file is whole: the old data, or all of the new.
    const afterKill = await EmbeddedStore.open({ dataFile });
    const counts = await afterKill.counts();
    expect([5, 5 + spec.actors]).toContain(counts.actors);
    expect(counts.relationships).toBe(counts.actors === 5 ? 5 : 5 + spec.relationships);
    await afterKill.close();

    const rerun = await importCli(dataFile, [big]);
    expect(rerun.code, rerun.out).toBe(0);
    const store = await EmbeddedStore.open({ dataFile });
    expect(await store.counts()).toMatchObject({ actors: 5 + spec.actors, relationships: 5 + spec.relationships, sources: 1 + expected.sources.length });
    const probe = expected.relationships[12_345]!;
    expect((await store.getRelationships([probe.id]))[0]?.claims).toEqual(probe.claims);
    expect(await store.getActors(['mmp-901'])).toHaveLength(1);
    await store.close();
  }, 120_000);
});
