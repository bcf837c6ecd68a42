/**
 * Everything that runs against the real Neo4j named by NEO4J_URI, in ONE file so the suites take
 * the (single) database in turn: the store contract, the `npm run db:seed` round trip, the API
 * suite, the load suite and the differential test against the embedded store. Each empties the database first: point NEO4J_URI at a throwaway server (`npm run
 * neo4j:start`), never at data you want to keep. In CI (.ci/run starts Neo4j 5.26) a missing
 * NEO4J_URI is a failure, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR, loadSeedDir } from '../../server/dataset/load.js';
import { openNeo4jStore, type Neo4jStore } from '../../server/store/neo4j/adapter.js';
import { EmbeddedStore } from '../../server/store/embedded/adapter.js';
import type { Relationship } from '../../server/domain/derive.js';
import type { PathQuery } from '../../server/store/port.js';
import { answerKey, differentialDataset, differentialQuestions, storedRelationships } from '../differential/cases.js';
import { ReferenceGraph } from '../differential/reference.js';
import { runStoreContract } from '../contract/store-contract.js';
import { runApiQueries } from '../api/queries-suite.js';
import { runInjectionCorpus } from '../api/injection-suite.js';
import { neo4jTestConfig } from '../helpers/neo4j.js';
import { EditService } from '../../server/services/edits.js';
import { runExportSuite } from '../exchange/export-suite.js';
import { runExchangeOnNeo4j } from './exchange-suite.js';
import { runLoadSuite } from '../api/load-suite.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const config = neo4jTestConfig();

if (config) {
  runStoreContract(`neo4j (${config.uri})`, async () => {
    const store = await openNeo4jStore(config);
    await store.clearAll();
    return store;
  });

  describe('npm run db:seed on Neo4j', () => {
    const seed = (args: string[], env: Record<string, string> = {}) => {
      const res = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/seed-neo4j.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 300_000 });
      return { code: res.status, out: `${res.stdout}${res.stderr}` };
    };

    it('loads the whole seed, then a second run changes nothing, and the store answers as the seed says', async () => {
      const first = seed(['--reset']);
      expect(first.out).toMatch(/reset: deleted every node and relationship/);
      expect(first.code, first.out).toBe(0);
      const ds = await loadSeedDir();
      expect(first.out).toContain(`Neo4j now holds ${ds.sources.length} sources, ${ds.actors.length} actors, ${ds.relationships.length} relationships`);
      const second = seed([]);
      expect(second.code, second.out).toBe(0);
      expect(second.out).toMatch(/^0 records created or changed$/m);
      const store = await openNeo4jStore(config);
      try {
        const [imu] = await store.getActors(['imu']);
        expect(imu?.span.from.uncertain).toBe(true);
        const dyad = await store.dyad('imu', 'drug-trafficking-networks-central-asia');
        expect(dyad.map((r) => r.type)).toEqual(expect.arrayContaining(['alliance', 'convergence']));
      } finally {
        await store.close();
      }
    }, 600_000);

    it('a partial seed folder is refused where it would overwrite records with fewer claims: nothing changes', async () => {
      const full = seed(['--reset']);
      expect(full.code, full.out).toBe(0);
      const holds = /Neo4j now holds .*$/m.exec(full.out)![0];
      const one = await mkdtemp(path.join(os.tmpdir(), 'nexus-seed-one-'));
      try {
        const first = (await readdir(DEFAULT_SEED_DIR)).filter((f) => f.endsWith('.json')).sort()[0]!;
        await copyFile(path.join(DEFAULT_SEED_DIR, first), path.join(one, first));
        const partial = seed([], { SEED_DIR: one });
        expect(partial.code, partial.out).toBe(1);
        expect(partial.out).toMatch(/seed: 1 file\(s\) from .*; records are added or updated, none removed/);
        expect(partial.out).toMatch(/db:seed: refused, nothing was written: \d+ stored record\(s\) also cite documents that .* does not hold \((actor|relationship) "/);
        const again = seed([]);
        expect(again.out).toMatch(/^0 records created or changed$/m);
        expect(again.out).toContain(holds);
      } finally {
        await rm(one, { recursive: true, force: true });
      }
    }, 600_000);
  });

  describe('npm run db:seed after edits', () => {
    it('leaves the records editors changed as they made them', async () => {
      const store = await openNeo4jStore(config);
      try {
        await new EditService(store).updateActor({ name: 'alice' }, 'imu', { description: 'Edited before a re-seed.' }, { source: 'cornell-narcotics-imu', quote: 'formally founded the IMU in Kabul in 1998', confidence: 'stated' });
      } finally {
        await store.close();
      }
      const res = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/seed-neo4j.ts'], { cwd: ROOT, env: process.env, encoding: 'utf8', timeout: 300_000 });
      expect(res.status, res.stdout + res.stderr).toBe(0);
      expect(res.stdout).toMatch(/^seed: 1 records edited through the API are left as the editors made them$/m);
      const after = await openNeo4jStore(config);
      try {
        expect((await after.getActors(['imu']))[0]?.description).toBe('Edited before a re-seed.');
      } finally {
        await after.close();
      }
    }, 600_000);
  });

  describe('the API on Neo4j', () => {
    runApiQueries('neo4j');
  });

  runInjectionCorpus('neo4j');
  runExportSuite('neo4j');
  runExchangeOnNeo4j(config);

  describe('differential: Neo4j against the embedded store on a 10k-actor graph', () => {
    let neo: Neo4jStore;
    let embedded: EmbeddedStore;
    let questions: PathQuery[];
    beforeAll(async () => {
      const dataset = differentialDataset();
      neo = await openNeo4jStore(config);
      await neo.clearAll();
      await neo.bulkLoad(dataset);
      embedded = await EmbeddedStore.open({ dataFile: null });
      await embedded.bulkLoad(dataset);
      const rels = await storedRelationships(embedded);
      questions = differentialQuestions(new ReferenceGraph(dataset.actors.map((a) => a.id), rels), dataset.actors.map((a) => a.id));
    }, 600_000);
    afterAll(async () => {
      await neo.clearAll();
      await Promise.all([neo.close(), embedded.close()]);
    });

    it('derives every relationship as the embedded store does', async () => {
      const key = (rs: Relationship[]) => rs.map((r) => [r.id, r.confidence, r.corroboration, r.dated, r.validity.from, r.validity.to, r.interval]);
      expect(key(await storedRelationships(neo))).toEqual(key(await storedRelationships(embedded)));
    }, 120_000);

    it('answers every question exactly as the embedded store (paths, evidence, days, truncation)', async () => {
      const failures: string[] = [];
      for (const q of questions) {
        const [a, b] = await Promise.all([neo.paths(q), embedded.paths(q)]);
        const [ka, kb] = [JSON.stringify(answerKey(a)), JSON.stringify(answerKey(b))];
        if (ka !== kb) failures.push(`${JSON.stringify(q)}\n  neo4j:    ${ka.slice(0, 600)}\n  embedded: ${kb.slice(0, 600)}`);
      }
      expect(questions.length).toBeGreaterThanOrEqual(1000);
      expect(failures.slice(0, 3)).toEqual([]);
    }, 900_000);
  });

  runLoadSuite(`neo4j (${config.uri})`, 'neo4j');
} else {
  describe('Neo4j', () => {
    it('runs in CI (CI=true requires NEO4J_URI)', () => {
      expect(process.env.CI, 'CI=true but NEO4J_URI is not set: .ci/run starts Neo4j and sets it').not.toBe('true');
    });
  });
}
