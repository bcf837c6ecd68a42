/**
 * Reads the story files (seed/stories/*.json) through the shared schema, and lists their citations
 * as cited records for the quote verifier (`npm run verify:sources` and the story test).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SeedValidationError } from '../domain/errors.js';
import { storySchema, type StoryFile } from '../domain/story.js';
import type { CitedRecord } from './verify-quotes.js';

export const DEFAULT_STORIES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seed/stories');

export async function loadStoryFiles(dir: string = DEFAULT_STORIES_DIR): Promise<Array<{ name: string; story: StoryFile }>> {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => {
      const parsed = storySchema.safeParse(JSON.parse(await readFile(path.join(dir, name), 'utf8')));
      if (!parsed.success) throw new SeedValidationError(parsed.error.issues.map((i) => ({ file: name, record: 'story', field: i.path.join('.') || '(file)', reason: i.message })), 'problem(s) in the story files:');
      return { name, story: parsed.data };
    }),
  );
}

/** Each step's citations, named "story <id> step <n>". */
export function storyCitations(stories: readonly StoryFile[]): CitedRecord[] {
  return stories.flatMap((s) => s.steps.map((step, i): CitedRecord => [`story ${s.id} step ${i + 1}`, step.citations]));
}
