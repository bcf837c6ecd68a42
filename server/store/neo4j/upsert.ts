/**
 * The Neo4j write path of upsert(): inside ONE write transaction, check the batch's references
 * against what is stored (shared assertBatchIntegrity), compare every record with its stored
 * version, and write only the records that are new or changed, with UNWIND in chunks of 500.
 * Anything thrown rolls the whole transaction back, so a batch is stored entirely or not at all.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Dataset } from '../../domain/schemas.js';
import type { ActorKind } from '../../domain/vocabulary.js';
import { assertBatchIntegrity, externalReferences } from '../records.js';
import {
  actorFromProps,
  actorToProps,
  capacityFromProps,
  capacityToRow,
  eventFromProps,
  eventToRow,
  figureFromProps,
  figureToRow,
  relationshipFromProps,
  relationshipToRow,
  sourceFromProps,
  sourceToProps,
  toNumber,
  type Props,
} from './mapping.js';
import { NEO4J_RELATIONSHIP_TYPES } from './names.js';
import type { QueryName, QueryRegistry } from './queries.js';

export const CHUNK_SIZE = 500;

/** JSON with object keys sorted and undefined dropped: equal text ⇔ equal record. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Props).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Records of `batch` that are not stored yet or differ from the stored version. */
export function changedRecords<T extends { id: string }>(batch: readonly T[], stored: ReadonlyMap<string, T>): T[] {
  return batch.filter((rec) => {
    const old = stored.get(rec.id);
    return old === undefined || canonicalJson(old) !== canonicalJson(rec);
  });
}

export function chunks<T>(items: readonly T[], size: number = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type RowQuery = Extract<QueryName, 'upsertSources' | 'upsertActors' | 'upsertRelationships' | 'upsertEvents' | 'upsertCapacity' | 'upsertFigures'>;

async function fetchStored<T extends { id: string }>(
  tx: ManagedTransaction,
  q: QueryRegistry,
  name: Extract<QueryName, 'sourcesByIds' | 'actorsByIds' | 'eventsByIds' | 'capacityByIds' | 'figuresByIds'>,
  ids: string[],
  key: string,
  map: (props: Props) => T,
): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  const records = await q.run(tx, name, { ids });
  return new Map(records.map((r) => map(r.get(key) as Props)).map((rec) => [rec.id, rec]));
}

async function writeRows(tx: ManagedTransaction, q: QueryRegistry, name: RowQuery, rows: readonly object[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    const [record] = await q.run(tx, name, { rows: chunk });
    const written = toNumber(record?.get('written') ?? 0);
    if (written !== chunk.length) {
      // Cannot happen after assertBatchIntegrity; refuse rather than store a partial batch.
      throw new Error(`Neo4j upsert (${name}): wrote ${written} of ${chunk.length} records (a referenced actor is missing)`);
    }
  }
}

/** Validate references, diff and write a parsed batch in `tx`. Returns the number of records created or changed. */
export async function upsertInTransaction(tx: ManagedTransaction, q: QueryRegistry, batch: Dataset): Promise<number> {
  const refs = externalReferences(batch);
  const actorKinds = new Map<string, ActorKind>();
  const sourceIds = new Set<string>();
  if (refs.actorIds.length > 0 || refs.sourceIds.length > 0) {
    const [record] = await q.run(tx, 'referencedRecords', { actorIds: refs.actorIds, sourceIds: refs.sourceIds });
    for (const a of (record?.get('actors') ?? []) as Array<{ id: string; kind: ActorKind }>) actorKinds.set(a.id, a.kind);
    for (const id of (record?.get('sources') ?? []) as string[]) sourceIds.add(id);
  }
  assertBatchIntegrity(batch, { actorKinds, sourceIds });

  const ids = <T extends { id: string }>(list: readonly T[]) => list.map((r) => r.id);
  const storedRelationships = new Map(
    batch.relationships.length === 0
      ? []
      : (await q.run(tx, 'relationshipsByIds', { ids: ids(batch.relationships), types: [...NEO4J_RELATIONSHIP_TYPES] }))
          .map((r) => relationshipFromProps(r.get('relationship') as Props))
          .map((rel) => [rel.id, rel] as const),
  );
  const changed = {
    sources: changedRecords(batch.sources, await fetchStored(tx, q, 'sourcesByIds', ids(batch.sources), 'source', sourceFromProps)),
    actors: changedRecords(batch.actors, await fetchStored(tx, q, 'actorsByIds', ids(batch.actors), 'actor', actorFromProps)),
    relationships: changedRecords(batch.relationships, storedRelationships),
    events: changedRecords(batch.events, await fetchStored(tx, q, 'eventsByIds', ids(batch.events), 'event', eventFromProps)),
    capacity: changedRecords(batch.capacity, await fetchStored(tx, q, 'capacityByIds', ids(batch.capacity), 'capacity', capacityFromProps)),
    figures: changedRecords(batch.figures, await fetchStored(tx, q, 'figuresByIds', ids(batch.figures), 'figure', figureFromProps)),
  };

  await writeRows(tx, q, 'upsertSources', changed.sources.map((s) => ({ id: s.id, props: sourceToProps(s) })));
  await writeRows(tx, q, 'upsertActors', changed.actors.map((a) => ({ id: a.id, props: actorToProps(a) })));
  const relationshipRows = changed.relationships.map(relationshipToRow);
  for (const chunk of chunks(relationshipRows)) {
    await q.run(tx, 'deleteStaleRelationships', { rows: chunk.map(({ id, type, source, target }) => ({ id, type, source, target })) });
  }
  await writeRows(tx, q, 'upsertRelationships', relationshipRows);
  await writeRows(tx, q, 'upsertEvents', changed.events.map(eventToRow));
  await writeRows(tx, q, 'upsertCapacity', changed.capacity.map(capacityToRow));
  await writeRows(tx, q, 'upsertFigures', changed.figures.map(figureToRow));

  return Object.values(changed).reduce((n, list) => n + list.length, 0);
}
