/**
 * Every story file in seed/stories/ is checked against the dataset and the documents: its schema,
 * that its focus actors and highlighted relationships exist, that each highlighted relationship is
 * valid in the step's year or window (so the explorer actually draws it), and that every quote occurs
 * verbatim in its source document. The client bundles exactly these files.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STORIES } from '../../client/src/model/stories.js';
import { loadSeedDir } from '../../server/dataset/load.js';
import { loadStoryFiles, storyCitations } from '../../server/dataset/stories.js';
import { normaliseWhitespace, verifyQuotes } from '../../server/dataset/verify-quotes.js';
import { SeedValidationError } from '../../server/domain/errors.js';
import { deriveDataset, type Relationship } from '../../server/domain/derive.js';
import type { Dataset } from '../../server/domain/schemas.js';
import { stepYears, storySchema, type StoryFile } from '../../server/domain/story.js';

const DOCUMENTS = path.resolve(import.meta.dirname, '../../../shared/seeds');

let ds: Dataset;
let relationships: Map<string, Relationship>;
let files: Array<{ name: string; story: StoryFile }>;
const texts = new Map<string, string>();

beforeAll(async () => {
  ds = await loadSeedDir();
  relationships = new Map(deriveDataset(ds).relationships.map((r) => [r.id, r]));
  files = await loadStoryFiles();
  for (const s of ds.sources) {
    const file = path.join(DOCUMENTS, s.file);
    if (existsSync(file)) texts.set(s.id, normaliseWhitespace(await readFile(file, 'utf8')));
  }
});

describe('story files', () => {
  it('are at least three, each named after its id, 4–8 steps, and all bundled in the explorer', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const { name, story } of files) {
      expect(name).toBe(`${story.id}.json`);
      expect(story.steps.length, story.id).toBeGreaterThanOrEqual(4);
      expect(story.steps.length, story.id).toBeLessThanOrEqual(8);
    }
    expect(STORIES.map((s) => s.id).sort()).toEqual(files.map((f) => f.story.id).sort());
  });

  it('name only actors and relationships of the dataset, and each relationship is valid in its step (so it is drawn)', () => {
    const actors = new Set(ds.actors.map((a) => a.id));
    for (const { story } of files) {
      story.steps.forEach((step, i) => {
        const where = `${story.id} step ${i + 1}`;
        for (const id of step.focus) expect(actors.has(id), `${where}: actor ${id}`).toBe(true);
        const { from, to } = stepYears(step);
        for (const id of step.relationships) {
          const r = relationships.get(id);
          expect(r, `${where}: relationship ${id}`).toBeDefined();
          const valid = { from: Number(r!.validity.from.date.slice(0, 4)), to: Number(r!.validity.to.date.slice(0, 4)) };
          expect(valid.from <= to && valid.to >= from, `${where}: ${id} valid ${valid.from}–${valid.to}, step ${from}–${to}`).toBe(true);
          // a highlighted link joins the step's focus to the picture: at least one end is a focus actor
          expect(step.focus.includes(r!.source) || step.focus.includes(r!.target), `${where}: ${id} touches no focus actor`).toBe(true);
        }
      });
    }
  });

  it('quote every citation verbatim from a known source document', () => {
    expect(texts.size, `documents in ${DOCUMENTS}`).toBe(ds.sources.length);
    let checked = 0;
    for (const { story } of files) {
      story.steps.forEach((step, i) => {
        for (const c of step.citations) {
          const text = texts.get(c.source);
          expect(text, `${story.id} step ${i + 1}: source ${c.source}`).toBeDefined();
          expect(text!.includes(normaliseWhitespace(c.quote)), `${story.id} step ${i + 1}: not verbatim in ${c.source}: "${c.quote}"`).toBe(true);
          checked += 1;
        }
      });
    }
    expect(checked).toBeGreaterThanOrEqual(files.reduce((n, f) => n + f.story.steps.length, 0));
  });

  it('pass the quote verifier of `npm run verify:sources`, which names a tampered story quote', async () => {
    const stories = files.map((f) => f.story);
    const clean = await verifyQuotes(ds, DOCUMENTS, storyCitations(stories));
    expect(clean.misses).toEqual([]);
    const first = stories[0]!;
    const step = first.steps[0]!;
    const tampered = { ...first, steps: [{ ...step, citations: [{ ...step.citations[0]!, quote: `${step.citations[0]!.quote} indeed` }] }] };
    const { misses } = await verifyQuotes({ ...ds, actors: [], relationships: [], events: [], capacity: [], figures: [] }, DOCUMENTS, storyCitations([tampered]));
    expect(misses).toEqual([{ record: `story ${first.id} step 1`, source: step.citations[0]!.source, quote: `${step.citations[0]!.quote} indeed`, reason: 'quote not found verbatim' }]);
  });

  it('a malformed story file is refused with the file and field named', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'stories-'));
    try {
      await writeFile(path.join(dir, 'bad.json'), JSON.stringify({ id: 'bad', title: 'A bad story', summary: 'It has no steps at all.', steps: [] }));
      const error = await loadStoryFiles(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeedValidationError);
      expect((error as SeedValidationError).problems[0]).toMatchObject({ file: 'bad.json', field: 'steps' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the schema refuses a step with both a year and a window, no citation, or an overlong caption', () => {
    const step = { year: 2000, focus: ['imu'], relationships: [], caption: 'A short caption.', citations: [{ source: 'x', quote: 'a quote of words' }] };
    const story = { id: 's', title: 'A story', summary: 'What it shows.', steps: [step, step] };
    expect(storySchema.safeParse(story).success).toBe(true);
    expect(storySchema.safeParse({ ...story, steps: [step, { ...step, window: { from: 1999, to: 2001 } }] }).success).toBe(false);
    expect(storySchema.safeParse({ ...story, steps: [step, { ...step, citations: [] }] }).success).toBe(false);
    expect(storySchema.safeParse({ ...story, steps: [step, { ...step, caption: 'x'.repeat(401) }] }).success).toBe(false);
    expect(storySchema.safeParse({ ...story, steps: [step, { ...step, window: { from: 2001, to: 1999 }, year: undefined }] }).success).toBe(false);
  });
});
