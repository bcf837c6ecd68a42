/**
 * Record files and bulk import: the fast validation path accepts only what zod accepts and
 * returns what zod returns (on every seed record, synthetic records and invalid variants); a
 * record file reports problems by file, line and field; `npm run import` refuses a bad file
 * without writing anything and loads a good one into the data file the server then opens.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastActor, fastRelationship } from '../../server/dataset/fast-records.js';
import { readRecordFile } from '../../server/dataset/records-file.js';
import { DEFAULT_SEED_DIR } from '../../server/dataset/load.js';
import { actorSchema, relationshipSchema } from '../../server/domain/schemas.js';
import { EmbeddedStore } from '../../server/store/embedded/adapter.js';
import { syntheticDataset, writeImportFile } from '../bench/scale/generate.js';
import { runCli } from '../helpers/cli.js';

type Raw = Record<string, unknown>;

async function seedRecords(): Promise<{ actors: Raw[]; relationships: Raw[] }> {
  const out = { actors: [] as Raw[], relationships: [] as Raw[] };
  for (const name of (await readdir(DEFAULT_SEED_DIR)).filter((n) => n.endsWith('.json'))) {
    const file = JSON.parse(await readFile(path.join(DEFAULT_SEED_DIR, name), 'utf8')) as { actors?: Raw[]; relationships?: Raw[] };
    out.actors.push(...(file.actors ?? []));
    out.relationships.push(...(file.relationships ?? []));
  }
  return out;
}

/** Fast and zod agree: zod refuses → fast refuses; fast accepts → it returns zod's object. */
function agreement(fast: (v: unknown) => unknown, schema: typeof actorSchema | typeof relationshipSchema, raw: unknown): 'fast' | 'zod' | 'refused' {
  const expected = schema.safeParse(structuredClone(raw));
  const got = fast(structuredClone(raw));
  if (!expected.success) {
    expect(got, JSON.stringify(raw).slice(0, 300)).toBeNull();
    return 'refused';
  }
  if (got === null) return 'zod';
  expect(got).toEqual(expected.data);
  expect(Object.keys(got as object)).toEqual(Object.keys(expected.data));
  return 'fast';
}

const BAD_VALUES: unknown[] = [undefined, null, 42, '', 'Not An Id', 'x'.repeat(700), [], {}, ['x'], 'friendship', '1999-13', '2001-02-30x'];

/** Every variant of `raw` with one field (top level, or inside its first claim / reading / citation) replaced. */
function* variants(raw: Raw): Generator<unknown> {
  for (const key of [...Object.keys(raw), 'extra']) {
    for (const bad of BAD_VALUES) yield { ...raw, [key]: bad };
  }
  for (const listKey of ['claims', 'lifespan', 'citations']) {
    const list = raw[listKey];
    if (!Array.isArray(list) || list.length === 0) continue;
    const first = list[0] as Raw;
    for (const key of [...Object.keys(first), 'location', 'datedBy']) {
      for (const bad of BAD_VALUES) yield { ...raw, [listKey]: [{ ...first, [key]: bad }, ...list.slice(1)] };
    }
    yield { ...raw, [listKey]: [] };
  }
}

describe('fast record validation agrees with the schemas', () => {
  let seed: { actors: Raw[]; relationships: Raw[] };
  beforeAll(async () => {
    seed = await seedRecords();
  });

  it('on every seed record, and takes the fast path for nearly all of them', () => {
    const tally = { fast: 0, zod: 0, refused: 0 };
    for (const a of seed.actors) tally[agreement(fastActor, actorSchema, a)] += 1;
    for (const r of seed.relationships) tally[agreement(fastRelationship, relationshipSchema, r)] += 1;
    expect(tally.refused).toBe(0);
    expect(tally.fast).toBeGreaterThan(0.95 * (seed.actors.length + seed.relationships.length));
  });

  it('on synthetic records written as our files write them (the exact-keys path)', () => {
    const ds = syntheticDataset({ actors: 300, relationships: 1500, shape: 'hubs', seed: 5 });
    const tally = { fast: 0, zod: 0, refused: 0 };
    for (const a of ds.actors) tally[agreement(fastActor, actorSchema, a)] += 1;
    for (const r of ds.relationships) tally[agreement(fastRelationship, relationshipSchema, JSON.parse(JSON.stringify(r)))] += 1;
    expect(tally).toEqual({ fast: 1800, zod: 0, refused: 0 });
  });

  it('on thousands of invalid variants: never accepts what zod refuses', () => {
    const picks = [...seed.actors.filter((a) => Array.isArray(a.lifespan) && a.lifespan.length > 0).slice(0, 5), ...seed.actors.slice(0, 5)];
    const rels = [...seed.relationships.filter((r) => JSON.stringify(r).includes('datedBy":{')).slice(0, 5), ...seed.relationships.slice(0, 5)];
    const tally = { fast: 0, zod: 0, refused: 0 };
    for (const a of picks) for (const v of variants(a)) tally[agreement(fastActor, actorSchema, v)] += 1;
    for (const r of rels) for (const v of variants(r)) tally[agreement(fastRelationship, relationshipSchema, v)] += 1;
    expect(tally.refused).toBeGreaterThan(1000);
  });
});

describe('record files and npm run import', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nexus-import-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const good = (n: number) => syntheticDataset({ actors: 50, relationships: n, shape: 'uniform', seed: 3 });
  const lines = (ds: ReturnType<typeof good>) =>
    [...ds.sources.map((d) => ({ type: 'source', data: d })), ...ds.actors.map((d) => ({ type: 'actor', data: d })), ...ds.relationships.map((d) => ({ type: 'relationship', data: d }))].map((x) => JSON.stringify(x));

  it('reports each bad line by file, line, record and field, and returns no records', async () => {
    const text = lines(good(20));
    text[7] = '{"type":"actor","data":{"id":"a7","name":"Seven"'; // broken JSON
    text[9] = JSON.stringify({ type: 'actor', data: { ...good(20).actors[3], kind: 'club' } });
    text[12] = JSON.stringify({ type: 'widget', data: {} });
    const file = path.join(dir, 'bad.ndjson');
    await writeFile(file, `${text.join('\n')}\n`);
    const result = await readRecordFile(file);
    expect(result.problems.map((p) => [p.record, p.field])).toEqual([
      ['line 8', '(json)'],
      ['line 10 (actor "a3")', 'kind'],
      ['line 13', 'type'],
    ]);
    expect(result.problems.every((p) => p.file === file)).toBe(true);
  });

  it('import refuses a file with an invalid record, naming line and field, and writes nothing', async () => {
    const ds = good(30);
    const text = lines(ds);
    const at = text.findIndex((l) => l.includes('"id":"r4"'));
    text[at] = JSON.stringify({ type: 'relationship', data: { ...ds.relationships[4], claims: [{ ...ds.relationships[4]!.claims[0]!, confidence: 'likely' }] } });
    const file = path.join(dir, 'invalid.ndjson');
    await writeFile(file, text.join('\n'));
    const dataFile = path.join(dir, 'invalid-data.json');
    const run = await runCli(['server/cli/import.ts', file], { DATA_FILE: dataFile });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nothing was written');
    expect(run.stderr).toContain(`line ${at + 1} (relationship "r4") › claims.0.confidence`);
    expect(existsSync(dataFile)).toBe(false);
  });

  it('import refuses dangling references and duplicate ids, and writes nothing', async () => {
    const ds = good(30);
    const dangling = [...lines(ds), JSON.stringify({ type: 'relationship', data: { ...ds.relationships[0], id: 'r-new', target: 'nobody' } })];
    const duplicate = [...lines(ds), JSON.stringify({ type: 'actor', data: ds.actors[2] })];
    for (const [name, text, message] of [['dangling', dangling, /r-new.*target.*unknown actor "nobody"/], ['duplicate', duplicate, /a2/]] as const) {
      const file = path.join(dir, `${name}.ndjson`);
      await writeFile(file, text.join('\n'));
      const dataFile = path.join(dir, `${name}-data.json`);
      const run = await runCli(['server/cli/import.ts', file], { DATA_FILE: dataFile });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(existsSync(dataFile)).toBe(false);
    }
  });

  it('imports a valid file into the data file, which the store then opens with every record', async () => {
    const file = path.join(dir, 'good.ndjson');
    await writeImportFile(file, { actors: 2000, relationships: 12_000, shape: 'hubs', seed: 9 });
    const dataFile = path.join(dir, 'good-data.json');
    const dry = await runCli(['server/cli/import.ts', file, '--dry-run'], { DATA_FILE: dataFile });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('2000 actors, 12000 relationships');
    expect(existsSync(dataFile)).toBe(false);
    const run = await runCli(['server/cli/import.ts', file], { DATA_FILE: dataFile });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/it now holds 2000 actors and 12000 relationships/);
    const store = await EmbeddedStore.open({ dataFile });
    try {
      expect(await store.counts()).toMatchObject({ actors: 2000, relationships: 12_000, sources: 5 });
      const [r] = await store.getRelationships(['r11999']);
      expect(r?.claims.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
