/**
 * Planning an import against what the store holds, through the store port only: the batch is
 * validated (the seed's schemas, unique ids, every reference resolved against the batch and the
 * store, the integrity rules), every record is compared with its stored version, and each input
 * row is told what would happen to it — added, updated (naming the fields that differ), unchanged
 * or skipped, and why. A third-party actor whose name another actor already has is flagged for
 * review and kept apart (its `nameCollision` says with whom), never merged. A record an editor
 * has changed is skipped unless asked to overwrite it, a retired one always (import-guard.ts).
 * Writing is the store's bulkLoad, all or nothing, with the import's audit entry in the same write.
 */
import type { SeedProblem } from '../domain/errors.js';
import { SeedValidationError } from '../domain/errors.js';
import type { ActorRecord, Dataset } from '../domain/schemas.js';
import { foldName } from '../domain/search.js';
import { checkIntegrity } from '../dataset/integrity.js';
import { rowsOfRecords, type ImportInput, type Section } from '../exchange/input.js';
import type { BulkLoadOptions, GraphStore, UpsertResult } from '../store/port.js';
import { guardEditedRecords, importAuditEntry } from './import-guard.js';
import { actorRecordOf, canonicalJson, externalReferences, parseBatch, relationshipRecordOf } from '../store/records.js';

export type RowAction = 'add' | 'update' | 'unchanged' | 'skip';

export interface PlannedRow {
  where: string;
  action: RowAction;
  /** `relationship "mmp-1-alliance-mmp-2"`; empty for a skipped row. */
  record: string;
  why: string;
}

export interface ImportPlan {
  dataset: Dataset;
  rows: PlannedRow[];
  /** Records (not rows) by what would happen to them; skip counts rows. */
  counts: Record<RowAction, number>;
  review: string[];
  problems: SeedProblem[];
  /** The ids of the records that would be added or updated (what the import's audit entry names). */
  written: string[];
}

/** Above this many actors the store is not searched for name collisions (one search per actor). */
const COLLISION_CHECK_LIMIT = 5000;
const SINGULAR: Record<Section, string> = { sources: 'source', actors: 'actor', relationships: 'relationship', events: 'event', capacity: 'capacity rating', figures: 'figure' };

async function storedVersions(store: GraphStore, ds: Dataset): Promise<Map<string, unknown>> {
  const stored = new Map<string, unknown>();
  const put = (section: Section, recs: ReadonlyArray<{ id: string }>) => recs.forEach((r) => stored.set(`${section}:${r.id}`, r));
  const ids = (list: ReadonlyArray<{ id: string }>) => list.map((r) => r.id);
  for (let i = 0; i < Math.max(ds.actors.length, ds.relationships.length, ds.sources.length); i += 5000) {
    put('sources', await store.getSources(ids(ds.sources.slice(i, i + 5000))));
    put('actors', (await store.getActors(ids(ds.actors.slice(i, i + 5000)))).map(actorRecordOf));
    put('relationships', (await store.getRelationships(ids(ds.relationships.slice(i, i + 5000)))).map(relationshipRecordOf));
  }
  if (ds.events.length > 0) put('events', await store.listEvents({}));
  if (ds.capacity.length > 0) put('capacity', await store.listCapacity({}));
  if (ds.figures.length > 0) put('figures', await store.listFigures({}));
  return stored;
}

/** What differs between two versions of a record, by top-level field. */
function changedFields(before: unknown, after: unknown): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null));
}

/** Flag (and, for third-party data, mark) actors whose folded name another actor — stored or in the batch — has. */
async function flagCollisions(store: GraphStore, actors: ActorRecord[], batch: readonly ActorRecord[], review: string[]): Promise<void> {
  if (actors.length > COLLISION_CHECK_LIMIT) {
    review.push(`${actors.length} actors: names were not checked against the store (more than ${COLLISION_CHECK_LIMIT})`);
    return;
  }
  const inBatch = new Map<string, ActorRecord[]>();
  for (const a of batch) inBatch.set(foldName(a.name), [...(inBatch.get(foldName(a.name)) ?? []), a]);
  for (const a of actors) {
    const key = foldName(a.name);
    const hits = (await store.searchActors({ search: a.name }, { offset: 0, limit: 25 })).items;
    const others = [...hits, ...(inBatch.get(key) ?? [])]
      .filter((o) => o.id !== a.id && [o.name, ...o.aliases].some((n) => foldName(n) === key))
      .filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i)
      .sort((x, y) => (x.id < y.id ? -1 : 1));
    if (others.length === 0) continue;
    const named = others.map((o) => `"${o.name}" (${o.id})`).join(', ');
    review.push(`actor "${a.id}" (${a.name}): the same name as ${named}; imported as a separate actor, not merged`);
    if (a.nameCollision === null) a.nameCollision = `Same name as ${named}: review before merging.`;
  }
}

export interface PlanOptions {
  /** List every row (a dry run); otherwise only the counts (a million-record import). */
  rows?: boolean;
  /** Replace records editors have changed (never a retired one); by default they are skipped. */
  overwriteEdited?: boolean;
}

export async function planImport(store: GraphStore, input: ImportInput, options: PlanOptions = {}): Promise<ImportPlan> {
  const counts: Record<RowAction, number> = { add: 0, update: 0, unchanged: 0, skip: input.skipped.length };
  const plan: ImportPlan = { dataset: input.dataset, rows: [], counts, review: [...input.review], problems: [...input.problems], written: [] };
  if (plan.problems.length > 0) return plan;
  try {
    // Record files were validated line by line as they were read; the store refuses a repeated id.
    if (!input.validatedRecords) plan.dataset = parseBatch(input.dataset);
  } catch (e) {
    if (!(e instanceof SeedValidationError)) throw e;
    plan.problems.push(...e.problems);
    return plan;
  }
  const { dataset: ds, guarded } = await guardEditedRecords(store, plan.dataset, options.overwriteEdited ?? false);
  plan.dataset = ds;
  const actions = new Map<string, { action: RowAction; why: string }>();
  for (const g of guarded) {
    actions.set(`${g.section}:${g.id}`, { action: 'skip', why: g.why });
    counts.skip += 1;
  }
  const mark = input.markCollisions;
  const thirdParty = mark === true ? ds.actors : mark === false ? [] : ds.actors.filter((a) => mark.has(a.id));
  if (thirdParty.length > 0) await flagCollisions(store, thirdParty, ds.actors, plan.review);
  const refs = externalReferences(ds);
  const knownActors = await store.getActors(refs.actorIds);
  const knownSources = await store.getSources(refs.sourceIds);
  plan.problems.push(...checkIntegrity(ds, { actorKinds: new Map(knownActors.map((a) => [a.id, a.kind])), sourceIds: new Set(knownSources.map((s) => s.id)) }, '(import)'));
  if (plan.problems.length > 0) return plan;

  const storeIsEmpty = Object.values(await store.counts()).every((n) => n === 0);
  const stored = storeIsEmpty ? new Map<string, unknown>() : await storedVersions(store, ds);
  for (const section of Object.keys(ds) as Section[]) {
    for (const rec of ds[section] as Array<{ id: string }>) {
      const before = stored.get(`${section}:${rec.id}`);
      const outcome = before === undefined ? { action: 'add' as const, why: 'not in the store' }
        : canonicalJson(before) === canonicalJson(rec) ? { action: 'unchanged' as const, why: 'the store holds it as it is' }
        : { action: 'update' as const, why: `changes ${changedFields(before, rec).join(', ')}` };
      actions.set(`${section}:${rec.id}`, outcome);
      counts[outcome.action] += 1;
      if (outcome.action === 'add' || outcome.action === 'update') plan.written.push(rec.id);
    }
  }
  if (!options.rows) return plan;
  for (const row of [...input.rows, ...rowsOfRecords(input)]) {
    const outcome = actions.get(`${row.section}:${row.id}`);
    if (outcome) plan.rows.push({ where: row.where, action: outcome.action, record: `${SINGULAR[row.section]} "${row.id}"`, why: outcome.why });
  }
  for (const s of input.skipped) plan.rows.push({ where: s.where, action: 'skip', record: '', why: s.reason });
  plan.rows.sort((a, b) => a.where.localeCompare(b.where, 'en', { numeric: true }));
  return plan;
}

export interface ApplyImportOptions extends Omit<BulkLoadOptions, 'audit'> {
  /** Who imports: the token's name (API) or the user's (command line). */
  by: string;
  /** The files read, by name, for the audit entry. */
  files: readonly string[];
}

/** Write a planned import, all or nothing, with its one audit entry in the same write (none when nothing changes). */
export function applyImport(store: GraphStore, plan: ImportPlan, options: ApplyImportOptions): Promise<UpsertResult> {
  const { by, files, ...load } = options;
  return store.bulkLoad(plan.dataset, { ...load, audit: importAuditEntry(by, files, plan.counts, plan.written) });
}
