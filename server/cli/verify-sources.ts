/**
 * `npm run verify:sources -- <documents folder>`: validates the seed data and checks every
 * quote (the dataset's and the story files') verbatim against the source documents. Exits 1 on any problem.
 * Extra arguments name single seed files to check on their own (each must stand alone).
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { buildDataset, loadSeedDir } from '../dataset/load.js';
import { loadStoryFiles, storyCitations } from '../dataset/stories.js';
import { verifyQuotes } from '../dataset/verify-quotes.js';
import { DomainError } from '../domain/errors.js';

async function main(): Promise<number> {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npm run verify:sources -- <folder with the source documents>');
    return 2;
  }
  const only = process.argv.slice(3);
  const dataset =
    only.length > 0
      ? buildDataset(await Promise.all(only.map(async (f) => ({ name: path.basename(f), text: await readFile(f, 'utf8') }))))
      : await loadSeedDir();
  // the story files' quotes too (only with the whole seed folder: they cite every document)
  const stories = only.length > 0 ? [] : (await loadStoryFiles()).map((f) => f.story);
  const { checked, misses } = await verifyQuotes(dataset, path.resolve(dir), storyCitations(stories));
  for (const m of misses) console.error(`MISS ${m.record} [${m.source}]: ${m.reason}\n     "${m.quote}"`);
  console.log(
    `${dataset.actors.length} actors, ${dataset.relationships.length} relationships, ${dataset.events.length} events, ` +
      `${dataset.capacity.length} capacity ratings, ${dataset.figures.length} figures, ${stories.length} stories; ${checked} quotes checked, ${misses.length} missing`,
  );
  return misses.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof DomainError ? e.message : e);
    process.exit(1);
  },
);
