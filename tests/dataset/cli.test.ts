/**
 * The data command lines as users run them: db:seed refuses an invalid seed before it connects
 * anywhere, names a missing NEO4J_URI, and reports an unreachable server; verify:sources fails on
 * a quote its document does not contain.
 */
import { cp, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';

const DOCUMENTS = path.resolve(ROOT, '../shared/seeds');
const tempDir = tempDirs('nexus-cli-');

const run = (script: string, args: string[], env: Record<string, string | undefined>) => runCli([script, ...args], env);

describe('npm run db:seed', () => {
  it('rejects an invalid seed file before connecting, naming file, record and field', async () => {
    const dir = await tempDir();
    const bad = {
      source: { id: 'doc', title: 'Doc', authors: [], year: 2000, file: 'doc.txt', period: { from: '1990', to: '2000' } },
      actors: [{ id: 'a', name: 'A', kind: 'terrorist_group', citations: [{ source: 'doc', quote: 'a long enough quote' }] }],
      relationships: [{ id: 'r1', source: 'a', target: 'a', type: 'alliance', claims: [{ source: 'doc', quote: 'a long enough quote', confidence: 'certain' }] }],
    };
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify(bad));
    const { code, out } = await run('server/cli/seed-neo4j.ts', [], { NEO4J_URI: 'bolt://127.0.0.1:1', SEED_DIR: dir });
    expect(code).toBe(1);
    expect(out).toMatch(/bad\.json › relationships\[0\] \(id "r1"\) › claims\.0\.confidence/);
    expect(out).not.toMatch(/127\.0\.0\.1:1|connect/i);
  });

  it('names NEO4J_URI when it is not set', async () => {
    const { code, out } = await run('server/cli/seed-neo4j.ts', [], { NEO4J_URI: undefined });
    expect(code).toBe(2);
    expect(out).toMatch(/NEO4J_URI: is not set/);
  });

  it('reports an unreachable server after validating the seed', async () => {
    const { code, out } = await run('server/cli/seed-neo4j.ts', [], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(code).toBe(1);
    expect(out).toMatch(/seed: 5 sources/);
    expect(out).toMatch(/Neo4j|unavailable|connect/i);
  });
});

describe('npm run verify:sources', () => {
  it.skipIf(!existsSync(DOCUMENTS) && process.env['CI'] !== 'true')('fails when a document no longer contains a quote', async () => {
    const docs = await tempDir();
    await cp(DOCUMENTS, docs, { recursive: true });
    const ok = await run('server/cli/verify-sources.ts', [docs], {});
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/0 missing/);
    await writeFile(path.join(docs, '003_8d3183851164a6fb.txt'), 'nothing here');
    const broken = await run('server/cli/verify-sources.ts', [docs], {});
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/MISS relationship [a-z0-9-]+ \[csto-sco-nexus\]: quote not found verbatim/);
    expect(broken.out).toMatch(/MISS story imu-hybrid step 7 \[csto-sco-nexus\]: quote not found verbatim/);
  });
});
