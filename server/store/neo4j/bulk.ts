/**
 * Bulk loading into Neo4j, in ONE write transaction: an import is stored entirely or not at all
 * (anything thrown — a failed batch, a lost server, a progress callback — rolls it back). Into an
 * empty database the derived lifespans and validity are computed in the adapter from the whole
 * dataset (the same derive.ts the embedded store uses) and written with the records in batched
 * UNWINDs; into a database that already holds records, the batch goes through the upsert path
 * (compare with what is stored, write what is new or changed, re-derive what it touches), so
 * loading the same dataset twice reports 0 changed. The size of one import is bounded by the
 * server's transaction memory (`db.memory.transaction.total.max`) and `db.transaction.timeout`.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { deriveDataset } from '../../domain/derive.js';
import type { Dataset } from '../../domain/schemas.js';
import type { BulkLoadOptions } from '../port.js';
import { actorToProps, capacityToRow, derivedToProps, eventToRow, figureToRow, relationshipToRow, sourceToProps, spanToProps, toNumber } from './mapping.js';
import type { QueryName, QueryRegistry } from './queries.js';
import { chunks, upsertInTransaction } from './upsert.js';

const BATCH = 5000;

type RowQuery = Extract<QueryName, 'upsertSources' | 'upsertActors' | 'insertRelationships' | 'upsertEvents' | 'upsertCapacity' | 'upsertFigures'>;

/** Write a whole dataset into an empty database inside `tx`; returns the number of records written. */
async function loadIntoEmpty(tx: ManagedTransaction, q: QueryRegistry, ds: Dataset, options: BulkLoadOptions): Promise<number> {
  const total = ds.sources.length + ds.actors.length + ds.relationships.length + ds.events.length + ds.capacity.length + ds.figures.length;
  let done = 0;
  const write = async (name: RowQuery, rows: readonly object[], what: string) => {
    for (const chunk of chunks(rows, BATCH)) {
      const [record] = await q.run(tx, name, { rows: chunk });
      const written = toNumber(record?.get('written') ?? 0);
      if (written !== chunk.length) throw new Error(`Neo4j bulk load (${name}): wrote ${written} of ${chunk.length} ${what} (a referenced actor is missing)`);
      done += chunk.length;
      options.onProgress?.(done, total, what);
    }
  };
  const derived = deriveDataset(ds);
  const spans = new Map(derived.actors.map((a) => [a.id, a.span]));
  const views = new Map(derived.relationships.map((r) => [r.id, r]));
  await write('upsertSources', ds.sources.map((s) => ({ id: s.id, props: sourceToProps(s) })), 'sources');
  await write('upsertActors', ds.actors.map((a) => ({ id: a.id, props: { ...actorToProps(a), ...spanToProps(spans.get(a.id)!) } })), 'actors');
  // CREATE, not MERGE: MERGE would plan with the empty database's statistics (see insert-relationships.cypher).
  await write(
    'insertRelationships',
    ds.relationships.map((r) => {
      const row = relationshipToRow(r);
      return { ...row, props: { ...row.props, ...derivedToProps(views.get(r.id)!) } };
    }),
    'relationships',
  );
  await write('upsertEvents', ds.events.map(eventToRow), 'events');
  await write('upsertCapacity', ds.capacity.map(capacityToRow), 'capacity ratings');
  await write('upsertFigures', ds.figures.map(figureToRow), 'figures');
  return total;
}

export async function bulkLoadNeo4j(driver: Driver, q: QueryRegistry, database: string | undefined, ds: Dataset, empty: boolean, options: BulkLoadOptions): Promise<number> {
  const session = driver.session(database ? { database } : {});
  try {
    return await session.executeWrite((tx) => (empty ? loadIntoEmpty(tx, q, ds, options) : upsertInTransaction(tx, q, ds, options.onProgress)));
  } finally {
    await session.close();
  }
}
