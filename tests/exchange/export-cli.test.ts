/**
 * `npm run export` as a user runs it (its own process, embedded store): the CSV tables into a folder
 * that `npm run import` reads back into another store with the same records, a filtered GEXF file,
 * and a bad option refused with its name.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../server/store/embedded/adapter.js';
import { actorRecordOf, relationshipRecordOf } from '../../server/store/records.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('nexus-export-');

describe('npm run export (embedded)', () => {
  it('writes CSV tables that the import reads back, a filtered GEXF, and refuses a bad format', async () => {
    const dir = await tempDir();
    const [from, to] = [path.join(dir, 'from.json'), path.join(dir, 'to.json')];
    const samples = ['mmp-sample.csv', 'ftm-sample.ftm.jsonl'].map((f) => path.join(ROOT, 'tests/fixtures/exchange', f));
    expect((await runCli(['server/cli/import.ts', ...samples], { DATA_FILE: from })).code).toBe(0);

    const csv = await runCli(['server/cli/export.ts', '--format', 'csv', '--out', path.join(dir, 'csv')], { DATA_FILE: from });
    expect(csv.code, csv.out).toBe(0);
    expect(csv.stdout).toContain('export: whole dataset: 10 actors, 10 relationships, 5 sources as csv');
    expect((await readdir(path.join(dir, 'csv'))).sort()).toEqual(['actors.csv', 'relationships.csv', 'sources.csv']);
    const back = await runCli(['server/cli/import.ts', path.join(dir, 'csv')], { DATA_FILE: to });
    expect(back.code, back.out).toBe(0);
    const [a, b] = await Promise.all([from, to].map((dataFile) => EmbeddedStore.open({ dataFile })));
    const all = { offset: 0, limit: 1000 };
    for (const [x, y] of [[a!, b!], [b!, a!]] as const) {
      expect((await x.searchActors({}, all)).items.map(actorRecordOf)).toEqual((await y.searchActors({}, all)).items.map(actorRecordOf));
      expect((await x.listRelationships({}, all)).items.map(relationshipRecordOf)).toEqual((await y.listRelationships({}, all)).items.map(relationshipRecordOf));
    }

    const gexfFile = path.join(dir, 'out', 'alliances-2005.gexf');
    const gexf = await runCli(['server/cli/export.ts', '--format', 'gexf', '--year', '2005', '--stages', 'alliance', '--out', gexfFile], { DATA_FILE: from });
    expect(gexf.code, gexf.out).toBe(0);
    const doc = new DOMParser().parseFromString(await readFile(gexfFile, 'utf8'), 'text/xml');
    expect(Array.from(doc.getElementsByTagName('edge')).map((e) => e.getAttribute('id'))).toEqual(['mmp-901-alliance-mmp-902']);

    const bad = await runCli(['server/cli/export.ts', '--format', 'xml', '--out', path.join(dir, 'x')], { DATA_FILE: from });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('export: format: must be one of json, csv, graphml, gexf, cypher, ftm');
    const unknown = await runCli(['server/cli/export.ts', '--colour', 'red'], { DATA_FILE: from });
    expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([2, 'export: --colour: unknown option']);
  }, 60_000);
});
