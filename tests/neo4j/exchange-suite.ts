/**
 * Import and export against the real Neo4j (run from tests/neo4j/server.test.ts, which takes the
 * one database in turn): the Cypher export script, executed statement by statement in one
 * transaction, gives a database the adapter serves exactly as the embedded store it came from,
 * and running it again changes nothing; `npm run import` on Neo4j writes the MMP sample once and
 * reports 0 changed the second time.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j, { type Driver } from 'neo4j-driver';
import { yearRange } from '../../server/domain/time.js';
import { ExportService } from '../../server/services/exports.js';
import { openNeo4jStore, type Neo4jConfig, type Neo4jStore } from '../../server/store/neo4j/adapter.js';
import { cypherScript } from '../../server/store/neo4j/script.js';
import type { GraphStore } from '../../server/store/port.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { openSeededStore } from '../helpers/server.js';

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
  });
}
