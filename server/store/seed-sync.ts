/**
 * Whether the seed folder may sync into the embedded store at startup. The seed never deletes
 * what it did not put there and never empties a store: a folder with no seed files, or one that
 * lacks documents an earlier sync brought in (a partial copy), is not synced — the store keeps
 * everything — unless SEED_SYNC=prune says the missing documents were dropped on purpose. An
 * empty folder in front of an empty store stops startup. Every decision is logged.
 */
import type { SeedFolder } from '../dataset/load.js';
import type { ActorRecord, Dataset, RelationshipRecord } from '../domain/schemas.js';
import type { EmbeddedStore } from './embedded/adapter.js';
import { DomainError } from '../domain/errors.js';

export const SEED_SYNC_MODES = ['safe', 'prune', 'off'] as const;
export type SeedSyncMode = (typeof SEED_SYNC_MODES)[number];

export interface SeedSyncInput {
  dir: string;
  files: readonly string[];
  /** The seed's documents (one source per seed file). */
  seedSources: readonly string[];
  /** The documents the last sync brought in. */
  previousSources: readonly string[];
  storeActors: number;
  mode: SeedSyncMode;
}

export type SeedDecision = { action: 'sync' | 'skip' | 'refuse'; message: string };

export class EmptyStoreError extends DomainError {
  constructor(message: string) {
    super('SEED_INVALID', message);
  }
}

const list = (xs: readonly string[]) => (xs.length > 4 ? `${xs.slice(0, 4).join(', ')} and ${xs.length - 4} more` : xs.join(', '));

export function decideSeedSync(input: SeedSyncInput): SeedDecision {
  const { dir, files, storeActors } = input;
  if (input.mode === 'off') return { action: 'skip', message: `SEED_SYNC=off: the seed in ${dir} is not synced; the store keeps its ${storeActors} actors` };
  if (files.length === 0) {
    if (storeActors === 0) {
      return { action: 'refuse', message: `SEED_DIR ${dir} holds no seed files (*.json) and the store holds no actors: refusing to start with an empty store (point SEED_DIR at the seed, e.g. seed/data)` };
    }
    return { action: 'skip', message: `SEED_DIR ${dir} holds no seed files (*.json): the seed is not synced and nothing is removed; the store keeps its ${storeActors} actors` };
  }
  const present = new Set(input.seedSources);
  const missing = input.previousSources.filter((id) => !present.has(id));
  if (missing.length > 0 && input.mode === 'safe') {
    return {
      action: 'skip',
      message:
        `SEED_DIR ${dir} holds ${files.length} seed file(s) but lacks ${missing.length} of the ${input.previousSources.length} documents synced before (${list(missing)}): ` +
        `the seed is not synced and nothing is removed; the store keeps its ${storeActors} actors. Put the files back, or set SEED_SYNC=prune to remove what those documents brought in`,
    };
  }
  const pruned = missing.length > 0 ? ` (SEED_SYNC=prune: removing what ${list(missing)} brought in)` : '';
  return { action: 'sync', message: `syncing ${files.length} seed file(s) from ${dir}${pruned}` };
}

/** Decide, log, and sync (or not). Throws EmptyStoreError when the store would serve nothing. */
export async function syncSeedFolder(store: EmbeddedStore, folder: SeedFolder, mode: SeedSyncMode, log: (line: string) => void = (l) => console.log(l)): Promise<SeedDecision> {
  const decision = decideSeedSync({
    dir: folder.dir,
    files: folder.files,
    seedSources: folder.dataset.sources.map((s) => s.id),
    previousSources: store.seededIds().sources ?? [],
    storeActors: (await store.counts()).actors,
    mode,
  });
  if (decision.action === 'refuse') throw new EmptyStoreError(decision.message);
  log(`[seed] ${decision.message}`);
  if (decision.action === 'sync') {
    const { changed, removed } = await store.syncSeed(folder.dataset);
    log(changed === 0 ? '[seed] the store already matches the seed: nothing written' : `[seed] ${changed} record(s) created, changed or removed (${removed} removed)`);
  }
  return decision;
}

/**
 * The stored records a seed upsert would overwrite with less: a record of the seed already stored
 * with citations, claims or lifespan readings from documents this seed does not hold (a partial
 * seed folder in front of a fuller store). An upsert replaces a record whole, so seeding would
 * drop those; the caller refuses instead. Returns labels such as `relationship "imu-alliance-taliban"`.
 */
export function recordsTheSeedWouldShrink(
  seed: Dataset,
  stored: { actors: ReadonlyArray<Pick<ActorRecord, 'id' | 'citations' | 'lifespan'>>; relationships: ReadonlyArray<Pick<RelationshipRecord, 'id' | 'claims'>> },
): string[] {
  const documents = new Set(seed.sources.map((s) => s.id));
  const foreign = (sources: Iterable<{ source: string }>) => [...sources].some((c) => !documents.has(c.source));
  return [
    ...stored.actors.filter((a) => foreign(a.citations) || foreign(a.lifespan)).map((a) => `actor "${a.id}"`),
    ...stored.relationships.filter((r) => foreign(r.claims)).map((r) => `relationship "${r.id}"`),
  ];
}
