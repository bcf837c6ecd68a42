/**
 * The Neo4j write path of upsert(): inside ONE write transaction, check the batch's references
 * against what is stored (shared assertBatchIntegrity), compare every record with its stored
 * version, write only the records that are new or changed (UNWIND in chunks), then bring what
 * derives from them up to date — the lifespans of every actor whose evidence changed and the
 * validity of every relationship touching those actors — with the same functions the embedded
 * store uses (server/domain/derive.ts). Anything thrown rolls the whole transaction back, so a
 * batch is stored entirely or not at all.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { AttestationIndex, deriveLifespan, deriveRelationship, sourcePeriodsOf, type SourcePeriods } from '../../domain/derive.js';
import type { Dataset, RelationshipRecord } from '../../domain/schemas.js';
import type { ActorKind } from '../../domain/vocabulary.js';
import { assertBatchIntegrity, changedRecords, externalReferences } from '../records.js';

export { canonicalJson, changedRecords } from '../records.js';
import {
  actorRecordFromProps,
  actorToProps,
  capacityFromProps,
  capacityToRow,
  countParam,
  derivedToProps,
  eventFromProps,
  eventToRow,
  figureFromProps,
  figureToRow,
  relationshipRecordFromProps,
  readingsFromJson,
  relationshipToRow,
  sourceFromProps,
  sourceToProps,
  spanFromJson,
  spanToProps,
  toNumber,
  type Props,
} from './mapping.js';
import type { QueryName, QueryRegistry } from './queries.js';

export const CHUNK_SIZE = 500;
/** Actors re-derived per round trip. */
const DERIVE_CHUNK = 2000;

export function chunks<T>(items: readonly T[], size: number = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type RowQuery = Extract<QueryName, 'upsertSources' | 'upsertActors' | 'upsertRelationships' | 'upsertEvents' | 'upsertCapacity' | 'upsertFigures' | 'setActorSpans' | 'setRelationshipDerived'>;

async function fetchStored<T extends { id: string }>(
  tx: ManagedTransaction,
  q: QueryRegistry,
  name: Extract<QueryName, 'sourcesByIds' | 'actorsByIds' | 'eventsByIds' | 'capacityByIds' | 'figuresByIds' | 'relationshipsByIds'>,
  ids: string[],
  key: string,
  map: (props: Props) => T,
): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  const found = new Map<string, T>();
  for (const chunk of chunks(ids, 5000)) {
    for (const r of await q.run(tx, name, { ids: chunk })) {
      const rec = map(r.get(key) as Props);
      found.set(rec.id, rec);
    }
  }
  return found;
}

async function writeRows(tx: ManagedTransaction, q: QueryRegistry, name: RowQuery, rows: readonly object[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    const [record] = await q.run(tx, name, { rows: chunk });
    const written = toNumber(record?.get('written') ?? 0);
    if (written !== chunk.length) {
      // Cannot happen after assertBatchIntegrity; refuse rather than store a partial batch.
      throw new Error(`Neo4j upsert (${name}): wrote ${written} of ${chunk.length} records (a referenced record is missing)`);
    }
  }
}

export async function storedSourcePeriods(tx: ManagedTransaction, q: QueryRegistry): Promise<SourcePeriods> {
  const records = await q.run(tx, 'sourcesByIds', { ids: null });
  return sourcePeriodsOf(records.map((r) => sourceFromProps(r.get('source') as Props)));
}

/**
 * Re-derive the lifespans of these actors from their stored evidence, then the derived fields of
 * every relationship touching them. Returns the ids of the relationships re-derived.
 */
export async function rederive(tx: ManagedTransaction, q: QueryRegistry, actorIds: readonly string[], periods: SourcePeriods): Promise<number> {
  let relationships = 0;
  for (const ids of chunks([...new Set(actorIds)], DERIVE_CHUNK)) {
    const spans: object[] = [];
    for (const r of await q.run(tx, 'derivationActorInputs', { ids })) {
      const id = r.get('id') as string;
      const inputs = { lifespan: readingsFromJson(r.get('lifespan')), citations: (r.get('citationSources') as string[]).map((source) => ({ source })) };
      const attested = new AttestationIndex();
      const first = (r.get('first') as unknown[][])[0];
      const last = (r.get('last') as unknown[][])[0];
      if (first) attested.add(id, first[1] as string);
      if (last) attested.add(id, last[1] as string);
      for (const date of r.get('dates') as string[]) attested.add(id, date);
      const span = deriveLifespan(inputs, attested.get(id), periods, r.get('claimSources') as string[]);
      spans.push({ id, props: spanToProps(span) });
    }
    await writeRows(tx, q, 'setActorSpans', spans);
    const derived: object[] = [];
    for (const r of await q.run(tx, 'derivationRelationshipInputs', { ids })) {
      const rec = relationshipRecordFromProps(r.get('relationship') as Props);
      const view = deriveRelationship(rec, spanFromJson(r.get('sourceSpan')), spanFromJson(r.get('targetSpan')), periods);
      derived.push({ id: rec.id, source: rec.source, target: rec.target, props: derivedToProps(view) });
    }
    await writeRows(tx, q, 'setRelationshipDerived', derived);
    relationships += derived.length;
  }
  return relationships;
}

/** Every actor id, page by page (to re-derive everything after a source period changes). */
export async function allActorIds(tx: ManagedTransaction, q: QueryRegistry): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const page = (await q.run(tx, 'actorIdsPage', { after: ids.at(-1) ?? '', limit: countParam(10_000) })).map((r) => r.get('id') as string);
    ids.push(...page);
    if (page.length < 10_000) return ids;
  }
}

/** Validate references, diff and write a parsed batch in `tx`, then re-derive. Returns the number of records created or changed. */
export async function upsertInTransaction(tx: ManagedTransaction, q: QueryRegistry, batch: Dataset, onProgress?: (done: number, total: number, what: string) => void): Promise<number> {
  const refs = externalReferences(batch);
  const actorKinds = new Map<string, ActorKind>();
  const sourceIds = new Set<string>();
  for (const actorIds of chunks(refs.actorIds, 5000)) {
    const [record] = await q.run(tx, 'referencedRecords', { actorIds, sourceIds: refs.sourceIds });
    for (const a of (record?.get('actors') ?? []) as Array<{ id: string; kind: ActorKind }>) actorKinds.set(a.id, a.kind);
    for (const id of (record?.get('sources') ?? []) as string[]) sourceIds.add(id);
  }
  if (refs.actorIds.length === 0 && refs.sourceIds.length > 0) {
    const [record] = await q.run(tx, 'referencedRecords', { actorIds: [], sourceIds: refs.sourceIds });
    for (const id of (record?.get('sources') ?? []) as string[]) sourceIds.add(id);
  }
  assertBatchIntegrity(batch, { actorKinds, sourceIds });

  const ids = <T extends { id: string }>(list: readonly T[]) => list.map((r) => r.id);
  const stored = {
    sources: await fetchStored(tx, q, 'sourcesByIds', ids(batch.sources), 'source', sourceFromProps),
    actors: await fetchStored(tx, q, 'actorsByIds', ids(batch.actors), 'actor', actorRecordFromProps),
    relationships: await fetchStored(tx, q, 'relationshipsByIds', ids(batch.relationships), 'relationship', relationshipRecordFromProps),
    events: await fetchStored(tx, q, 'eventsByIds', ids(batch.events), 'event', eventFromProps),
    capacity: await fetchStored(tx, q, 'capacityByIds', ids(batch.capacity), 'capacity', capacityFromProps),
    figures: await fetchStored(tx, q, 'figuresByIds', ids(batch.figures), 'figure', figureFromProps),
  };
  const changed = {
    sources: changedRecords(batch.sources, stored.sources),
    actors: changedRecords(batch.actors, stored.actors),
    relationships: changedRecords(batch.relationships, stored.relationships),
    events: changedRecords(batch.events, stored.events),
    capacity: changedRecords(batch.capacity, stored.capacity),
    figures: changedRecords(batch.figures, stored.figures),
  };
  const count = Object.values(changed).reduce((n, list) => n + list.length, 0);
  onProgress?.(count, count, 'records compared with the stored ones');
  if (count === 0) return 0;

  await writeRows(tx, q, 'upsertSources', changed.sources.map((s) => ({ id: s.id, props: sourceToProps(s) })));
  await writeRows(tx, q, 'upsertActors', changed.actors.map((a) => ({ id: a.id, props: actorToProps(a) })));
  const moved = changed.relationships
    .map((r) => stored.relationships.get(r.id))
    .filter((old): old is RelationshipRecord => old !== undefined)
    .filter((old) => {
      const next = batch.relationships.find((r) => r.id === old.id) as RelationshipRecord;
      return old.type !== next.type || old.source !== next.source || old.target !== next.target;
    });
  for (const chunk of chunks(moved)) await q.run(tx, 'deleteStaleRelationships', { rows: chunk.map(({ id, source, target }) => ({ id, source, target })) });
  await writeRows(tx, q, 'upsertRelationships', changed.relationships.map(relationshipToRow));
  await writeRows(tx, q, 'upsertEvents', changed.events.map(eventToRow));
  await writeRows(tx, q, 'upsertCapacity', changed.capacity.map(capacityToRow));
  await writeRows(tx, q, 'upsertFigures', changed.figures.map(figureToRow));
  onProgress?.(count, count, 'records written');

  // Whose lifespans may have changed: changed actors, both ends (old and new) of changed
  // relationships, and the actors of changed events, ratings and figures (old and new).
  const periods = await storedSourcePeriods(tx, q);
  const periodsChanged = changed.sources.some((s) => {
    const old = stored.sources.get(s.id);
    return !old || old.period.from !== s.period.from || old.period.to !== s.period.to;
  });
  const affected = new Set<string>(ids(changed.actors));
  for (const r of changed.relationships) [r.source, r.target, stored.relationships.get(r.id)?.source, stored.relationships.get(r.id)?.target].forEach((id) => id && affected.add(id));
  for (const e of changed.events) [...e.actors, ...e.places, ...(stored.events.get(e.id)?.actors ?? []), ...(stored.events.get(e.id)?.places ?? [])].forEach((id) => affected.add(id));
  for (const c of changed.capacity) [c.region, stored.capacity.get(c.id)?.region].forEach((id) => id && affected.add(id));
  for (const f of changed.figures) [...f.actors, ...(stored.figures.get(f.id)?.actors ?? [])].forEach((id) => affected.add(id));
  await rederive(tx, q, periodsChanged ? await allActorIds(tx, q) : [...affected], periods);
  return count;
}
