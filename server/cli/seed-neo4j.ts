/**
 * `npm run db:seed [-- --reset]`: loads seed/data into the Neo4j database named by NEO4J_URI /
 * NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE. The seed files are validated before anything is
 * written (file, record and field are named), then the whole dataset goes in as ONE upsert: one
 * write transaction, UNWIND in chunks of 500, all or nothing. Running it again changes nothing
 * ("0 records created or changed"). `--reset` first deletes everything in the database. The seed
 * only adds and updates (it never deletes what it did not put there): a seed folder with no seed
 * files is refused before connecting, and one that would overwrite stored records with fewer
 * claims (a partial copy of the seed) is refused before writing.
 */
import { z } from 'zod';
import { DEFAULT_SEED_DIR, loadSeedFolder } from '../dataset/load.js';
import { DomainError } from '../domain/errors.js';
import { openNeo4jStore } from '../store/neo4j/adapter.js';
import { withoutEditedRecords } from '../domain/changes.js';
import { checkSeedDirPath } from '../store/embedded/files.js';
import { recordsTheSeedWouldShrink } from '../store/seed-sync.js';

const envSchema = z.object({
  NEO4J_URI: z.string({ error: 'is not set (e.g. NEO4J_URI=bolt://localhost:7687)' }).min(1, 'is empty'),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).optional(),
  SEED_DIR: z.string().min(1).optional(),
  NEO4J_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
});

async function main(argv: readonly string[]): Promise<number> {
  const unknown = argv.filter((a) => a !== '--reset');
  if (unknown.length > 0) {
    console.error(`usage: npm run db:seed [-- --reset]   (unknown argument: ${unknown.join(' ')})`);
    return 2;
  }
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    console.error(['db:seed: invalid environment:', ...parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)].join('\n'));
    return 2;
  }
  const env = parsed.data;

  // Validate the whole seed before connecting: an invalid file stops here, nothing written.
  await checkSeedDirPath(env.SEED_DIR ?? DEFAULT_SEED_DIR);
  const folder = await loadSeedFolder(env.SEED_DIR ?? DEFAULT_SEED_DIR);
  if (folder.files.length === 0) {
    console.error(`db:seed: ${folder.dir} holds no seed files (*.json): refused, nothing was written${argv.includes('--reset') ? ' and nothing deleted' : ''}`);
    return 1;
  }
  const dataset = folder.dataset;
  console.log(`seed: ${folder.files.length} file(s) from ${folder.dir}; records are added or updated, none removed${argv.includes('--reset') ? ' (after --reset)' : ''}`);
  console.log(
    `seed: ${dataset.sources.length} sources, ${dataset.actors.length} actors, ${dataset.relationships.length} relationships, ` +
      `${dataset.events.length} events, ${dataset.capacity.length} capacity ratings, ${dataset.figures.length} figures`,
  );

  const store = await openNeo4jStore({
    uri: env.NEO4J_URI,
    user: env.NEO4J_USER,
    password: env.NEO4J_PASSWORD,
    ...(env.NEO4J_DATABASE ? { database: env.NEO4J_DATABASE } : {}),
    timeoutMs: env.NEO4J_TIMEOUT_MS,
  });
  try {
    if (argv.includes('--reset')) {
      await store.clearAll();
      console.log('reset: deleted every node and relationship');
    } else {
      // A partial seed folder must not overwrite stored records with fewer claims than they have.
      const shrinking = recordsTheSeedWouldShrink(dataset, {
        actors: await store.getActors(dataset.actors.map((a) => a.id)),
        relationships: await store.getRelationships(dataset.relationships.map((r) => r.id)),
      });
      if (shrinking.length > 0) {
        const shown = shrinking.slice(0, 5).join(', ') + (shrinking.length > 5 ? ` and ${shrinking.length - 5} more` : '');
        console.error(
          `db:seed: refused, nothing was written: ${shrinking.length} stored record(s) also cite documents that ${folder.dir} does not hold (${shown}); ` +
            'seeding would drop those claims. Seed from the complete folder, or use --reset to start over from this one.',
        );
        return 1;
      }
    }
    // Records editors changed or retired (the audit log names them) are theirs: the seed leaves them be.
    const { dataset: unedited, skipped } = withoutEditedRecords(dataset, (await store.listAudit({}, { offset: 0, limit: 1_000_000 })).items);
    if (skipped.size > 0) console.log(`seed: ${skipped.size} records edited through the API are left as the editors made them`);
    const { changed } = await store.upsert(unedited);
    const c = await store.counts();
    console.log(`${changed} records created or changed`);
    console.log(
      `Neo4j now holds ${c.sources} sources, ${c.actors} actors, ${c.relationships} relationships, ${c.events} events, ` +
        `${c.capacity} capacity ratings, ${c.figures} figures`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof DomainError ? e.message : e);
    process.exit(1);
  },
);
