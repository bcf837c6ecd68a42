/**
 * Bulk loading into Neo4j, all or nothing. Into an empty database the derived lifespans and
 * validity are computed in the adapter from the whole dataset (the same derive.ts the embedded
 * store uses) and written with the records in batched UNWINDs; into a database that already holds
 * records, the batch goes through the upsert path (compare with what is stored, write what is new
 * or changed, re-derive what it touches), so loading the same dataset twice reports 0 changed.
 *
 * One write transaction holds the whole import (anything thrown — a failed batch, a lost server, a
 * progress callback — rolls it back), except an import into an empty database of more than
 * `singleTransactionRecords` records, which one transaction's memory (`db.memory.transaction.
 * total.max`) cannot hold: its batches commit one by one under an ImportInProgress marker; a
 * failure empties the database again (it was empty), and a marker left by an importer that died
 * makes the next bulk load start again from an empty database. A large import into a database
 * that holds records stays one transaction, bounded by the server's transaction memory.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { deriveDataset } from '../../domain/derive.js';
import type { Dataset } from '../../domain/schemas.js';
import type { BulkLoadOptions } from '../port.js';
import { auditEntryToProps, actorToProps, capacityToRow, derivedToProps, eventToRow, figureToRow, relationshipToRow, sourceToProps, spanToProps, toNumber } from './mapping.js';
import type { QueryName, QueryRegistry } from './queries.js';
import { chunks, upsertInTransaction } from './upsert.js';

const BATCH = 5000;
/** Records one transaction takes, by default, before an import into an empty database is batched. */
export const SINGLE_TRANSACTION_RECORDS = 50_000;

type RowQuery = Extract<QueryName, 'upsertSources' | 'upsertActors' | 'insertRelationships' | 'upsertEvents' | 'upsertCapacity' | 'upsertFigures'>;

type InTransaction = <T>(work: (tx: ManagedTransaction) => Promise<T>) => Promise<T>;

/** Write a whole dataset into an empty database, each batch in `inTx`; returns the number of records written. */
async function loadIntoEmpty(inTx: InTransaction, q: QueryRegistry, ds: Dataset, options: BulkLoadOptions): Promise<number> {
  const total = ds.sources.length + ds.actors.length + ds.relationships.length + ds.events.length + ds.capacity.length + ds.figures.length;
  let done = 0;
  const write = async (name: RowQuery, rows: readonly object[], what: string) => {
    for (const chunk of chunks(rows, BATCH)) {
      const [record] = await inTx((tx) => q.run(tx, name, { rows: chunk }));
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

export interface BulkTarget {
  driver: Driver;
  queries: QueryRegistry;
  database: string | undefined;
  /** Empty the database (after a failed or interrupted batched import into it). */
  clear: () => Promise<void>;
}

export async function bulkLoadNeo4j(target: BulkTarget, ds: Dataset, emptyAtStart: boolean, options: BulkLoadOptions): Promise<number> {
  const { driver, queries: q, database } = target;
  const write = async <T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> => {
    const session = driver.session(database ? { database } : {});
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
    }
  };
  let empty = emptyAtStart;
  const [unfinished] = await write((tx) => q.run(tx, 'importMarkerGet', {}));
  if (unfinished) {
    options.onProgress?.(0, 0, `an import started ${String(unfinished.get('startedAt'))} did not finish: emptying the database to start again`);
    await target.clear();
    empty = true;
  }
  const total = ds.sources.length + ds.actors.length + ds.relationships.length + ds.events.length + ds.capacity.length + ds.figures.length;
  // The import's audit entry commits with the records (with the marker's removal when batched).
  const audit = async (tx: ManagedTransaction, written: number) => {
    if (written > 0 && options.audit) await q.run(tx, 'createAuditEntry', { props: auditEntryToProps(options.audit) });
    return written;
  };
  if (!empty || total <= (options.singleTransactionRecords ?? SINGLE_TRANSACTION_RECORDS)) {
    return write(async (tx) => audit(tx, await (empty ? loadIntoEmpty((work) => work(tx), q, ds, options) : upsertInTransaction(tx, q, ds, options.onProgress))));
  }
  await write((tx) => q.run(tx, 'importMarkerSet', { startedAt: new Date().toISOString(), records: neo4j.int(total) }));
  try {
    const written = await loadIntoEmpty(write, q, ds, options);
    await write(async (tx) => {
      await q.run(tx, 'importMarkerClear', {});
      await audit(tx, written);
    });
    return written;
  } catch (e) {
    // The database was empty: emptying it again is going back to where the import started.
    await target.clear();
    throw e;
  }
}
