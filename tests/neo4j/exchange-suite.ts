/**
 * Import and export against the real Neo4j (run from tests/neo4j/server.test.ts, which takes the
 * one database in turn): the Cypher export script, executed statement by statement in one
 * transaction, gives a database the adapter serves exactly as the embedded store it came from,
 * carries hostile text exactly without running any of it, and running it again changes nothing;
 * `npm run import` on Neo4j writes the samples once and reports 0 changed the second time, and a
 * batched import killed with kill -9 is started again cleanly by the rerun.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j, { type Driver } from 'neo4j-driver';
import { yearRange } from '../../server/domain/time.js';
import { ExportService } from '../../server/services/exports.js';
import { openNeo4jStore, type Neo4jConfig, type Neo4jStore } from '../../server/store/neo4j/adapter.js';
import { cypherScript } from '../../server/store/neo4j/script.js';
import { EmbeddedStore } from '../../server/store/embedded/adapter.js';
import { actorRecordOf, relationshipRecordOf } from '../../server/store/records.js';
import { fixtureDataset } from '../fixtures/graph.js';
import type { GraphStore } from '../../server/store/port.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { openSeededStore } from '../helpers/server.js';
import { syntheticDataset, writeImportFile } from '../bench/scale/generate.js';
import { hostileDataset } from '../fixtures/exchange/hostile.js';

const ALL = { offset: 0, limit: 100_000 };

/** Run a script as cypher-shell would: schema statements one by one, then :begin … :commit as one transaction. */
async function runScript(driver: Driver, script: string): Promise<void> {
  const statements = script.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('//'));
  const begin = statements.indexOf(':begin');
  const session = driver.session();
  try {
    for (const s of statements.slice(0, begin)) await session.run(s);
    const body = statements.slice(begin + 1, statements.indexOf(':commit'));
    await session.executeWrite(async (tx) => {
      for (const s of body) await tx.run(s);
    });
  } finally {
    await session.close();
  }
}

async function everything(store: GraphStore) {
  return {
    counts: await store.counts(),
    actors: (await store.searchActors({}, ALL)).items,
    relationships: (await store.listRelationships({}, ALL)).items,
    in1999: (await store.snapshot({ window: yearRange(1999), types: ['alliance', 'convergence'], limit: 10_000 })).relationships.map((r) => r.id),
    events: await store.listEvents({}),
    figures: await store.listFigures({}),
    capacity: await store.listCapacity({}),
  };
}

export function runExchangeOnNeo4j(config: Neo4jConfig): void {
  describe('the Cypher export script on Neo4j', () => {
    let embedded: GraphStore;
    let neo: Neo4jStore;
    let driver: Driver;
    beforeAll(async () => {
      embedded = await openSeededStore('embedded');
      neo = await openNeo4jStore(config);
      await neo.clearAll();
      driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
    }, 120_000);
    afterAll(async () => {
      await neo.clearAll();
      await Promise.all([neo.close(), embedded.close(), driver.close()]);
    });

    it('loads the whole dataset so that Neo4j answers exactly as the store it was exported from', async () => {
      await runScript(driver, [...cypherScript(await new ExportService(embedded).view({}))].join(''));
      expect(await everything(neo)).toEqual(await everything(embedded));
    }, 300_000);

    it('a filtered view holds what network answers for it, and running the script twice changes nothing', async () => {
      await neo.clearAll();
      const view = await new ExportService(embedded).view({ at: 1999, stages: ['alliance', 'convergence'] });
      const script = [...cypherScript(view)].join('');
      await runScript(driver, script);
      const once = await everything(neo);
      expect(once.counts).toMatchObject({ actors: view.actors.length, relationships: view.relationships.length, sources: view.sources.length });
      expect(once.relationships.map((r) => r.id).sort()).toEqual(view.relationships.map((r) => r.id).sort());
      expect(once.relationships).toEqual(view.relationships);
      await runScript(driver, script);
      expect(await everything(neo)).toEqual(once);
    }, 120_000);
  });

  describe('the Cypher export script with hostile text', () => {
    it('stores every value exactly and runs none of it', async () => {
      const embedded = await EmbeddedStore.open({ dataFile: null });
      await embedded.upsert(hostileDataset());
      const neo = await openNeo4jStore(config);
      const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
      try {
        await neo.clearAll();
        await neo.upsert(fixtureDataset());
        const before = await neo.counts();
        await runScript(driver, [...cypherScript(await new ExportService(embedded).view({}))].join(''));
        expect(await neo.counts()).toEqual({ ...before, actors: before.actors + 2, relationships: before.relationships + 1, sources: before.sources + 1 });
        const ds = hostileDataset();
        expect((await neo.getActors(['hostile-a', 'hostile-b'])).map(actorRecordOf)).toEqual(ds.actors);
        expect((await neo.getRelationships(['hostile-a-alliance-hostile-b'])).map(relationshipRecordOf)).toEqual(ds.relationships);
        expect(await neo.getSources(['hostile-doc'])).toEqual(ds.sources);
      } finally {
        await neo.clearAll();
        await Promise.all([neo.close(), embedded.close(), driver.close()]);
      }
    }, 120_000);
  });

  describe('npm run import on Neo4j', () => {
    const env = { NEO4J_URI: config.uri, NEO4J_USER: config.user, NEO4J_PASSWORD: config.password, ...(config.database ? { NEO4J_DATABASE: config.database } : {}) };
    const sample = path.join(ROOT, 'tests/fixtures/exchange/mmp-sample.csv');
    const ftm = path.join(ROOT, 'tests/fixtures/exchange/ftm-sample.ftm.jsonl');
    beforeAll(async () => {
      const store = await openNeo4jStore(config);
      await store.clearAll();
      await store.close();
    });

    it('writes the samples in one go, then a second import changes nothing and a dry run says so row by row', async () => {
      const first = await runCli(['server/cli/import.ts', sample, ftm], env);
      expect(first.code, first.out).toBe(0);
      expect(first.stdout).toMatch(/^import: 25 records written into the neo4j store .* it now holds 10 actors and 10 relationships$/m);
      const second = await runCli(['server/cli/import.ts', sample, ftm], env);
      expect(second.stdout).toContain('import: 0 records to add, 0 to update, 25 unchanged, 4 rows skipped');
      expect(second.stdout).toMatch(/^import: 0 records written into the neo4j store/m);
      const dry = await runCli(['server/cli/import.ts', sample, '--dry-run'], env);
      expect(dry.stdout).toContain('mmp-sample.csv line 2 (unique_id 1): unchanged relationship "mmp-901-alliance-mmp-902" — the store holds it as it is');
    }, 120_000);

    it('after a kill -9 in the middle of a batched import into an empty database, a rerun gives exactly the expected data', async () => {
      const store = await openNeo4jStore(config);
      const dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-neo-kill-'));
      try {
        await store.clearAll();
        const spec = { actors: 3000, relationships: 9000, shape: 'uniform' as const, seed: 11 };
        const file = path.join(dir, 'big.ndjson');
        await writeImportFile(file, spec);
        const batched = { ...env, IMPORT_TRANSACTION_RECORDS: '1000' };
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', file], { cwd: ROOT, env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_'))), ...batched } });
        let stderr = '';
        const killed = new Promise<string>((resolve) => {
          child.stderr.setEncoding('utf8').on('data', (d: string) => {
            stderr += d;
            // The actors are committed; the relationships are not yet.
            if (/of [\d,]+ \(actors,/.test(stderr) && child.exitCode === null) child.kill('SIGKILL');
          });
          child.on('close', (_code, signal) => resolve(String(signal)));
        });
        expect(await killed, stderr).toBe('SIGKILL');
        expect((await store.counts()).relationships).toBeLessThan(spec.relationships);

        const rerun = await runCli(['server/cli/import.ts', file], batched);
        expect(rerun.code, rerun.out).toBe(0);
        expect(rerun.stderr).toMatch(/did not finish: emptying the database to start again/);
        const expected = syntheticDataset(spec);
        expect(await store.counts()).toMatchObject({ actors: spec.actors, relationships: spec.relationships, sources: expected.sources.length });
        const probe = expected.relationships[4321]!;
        expect((await store.getRelationships([probe.id])).map(relationshipRecordOf)).toEqual([probe]);
        const again = await runCli(['server/cli/import.ts', file], batched);
        expect(again.stderr).not.toMatch(/did not finish/);
        expect(again.stdout).toMatch(/^import: 0 records written into the neo4j store/m);
      } finally {
        await store.clearAll();
        await store.close();
        await rm(dir, { recursive: true, force: true });
      }
    }, 300_000);
  });
}
