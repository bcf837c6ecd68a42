/**
 * `npm run seed:check [-- <documents folder>]`: the dataset coder's check. Loads and validates
 * seed/data, runs the dataset gates (same fact twice, claims outside lifespans, stage sequences),
 * checks every quote against the documents when a folder is given, and prints the dating
 * statistics and the stage history of every pair whose stage changes. Exits 1 on any problem.
 */
import path from 'node:path';
import { DEFAULT_SEED_DIR, loadSeedDir } from '../dataset/load.js';
import { DEFAULT_STAGES_FILE, datasetGateProblems, datingStats, readStageSequences } from '../dataset/gates.js';
import { verifyQuotes } from '../dataset/verify-quotes.js';
import { deriveDataset } from '../domain/derive.js';
import { DomainError } from '../domain/errors.js';
import { stagedPairs, stagePeriods } from '../domain/stages.js';

async function main(): Promise<number> {
  const docs = process.argv[2];
  const dataset = await loadSeedDir(process.env.SEED_DIR ?? DEFAULT_SEED_DIR);
  const problems = datasetGateProblems(dataset, await readStageSequences(DEFAULT_STAGES_FILE));
  for (const p of problems) console.error(`GATE ${p.file} ${p.record} ${p.field}: ${p.reason}`);
  let misses = 0;
  if (docs) {
    const result = await verifyQuotes(dataset, path.resolve(docs));
    misses = result.misses.length;
    for (const m of result.misses) console.error(`MISS ${m.record} [${m.source}]: ${m.reason}\n     "${m.quote}"`);
    console.log(`${result.checked} quotes checked, ${misses} missing`);
  }
  const { actors, relationships } = deriveDataset(dataset);
  console.log(JSON.stringify(datingStats(actors, relationships), null, 1));
  const names = new Map(actors.map((a) => [a.id, a.name]));
  for (const [key, rels] of stagedPairs(relationships)) {
    const periods = stagePeriods(rels);
    if (new Set(periods.map((p) => p.stage)).size < 2) continue;
    const [a, b] = key.split('|') as [string, string];
    console.log(`\n${names.get(a)} – ${names.get(b)}`);
    for (const p of periods) {
      console.log(`  ${p.fromYear}–${p.toYear} ${p.stage} (${p.from.basis}/${p.to.basis})${p.overlaps.length ? ` overlaps ${p.overlaps.join(', ')}` : ''}: ${p.relationships.map((r) => r.id).join(', ')}`);
    }
  }
  console.log(`\n${problems.length} gate problems`);
  return problems.length === 0 && misses === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof DomainError ? e.message : e);
    process.exit(1);
  },
);
