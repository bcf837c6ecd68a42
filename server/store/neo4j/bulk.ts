/**
 * Bulk loading into Neo4j: batched UNWIND transactions with progress. Into an empty database the
 * derived lifespans and validity are computed in the adapter from the whole dataset (the same
 * derive.ts the embedded store uses) and written with the records; into a database that already
 * holds records, the records are written first and everything they touch is then re-derived from
 * what is stored, page by page. Not one transaction: a failure leaves the batches written so far.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { deriveDataset } from '../../domain/derive.js';
import type { Dataset } from '../../domain/schemas.js';
import type { BulkLoadOptions } from '../port.js';
import { actorToProps, capacityToRow, derivedToProps, eventToRow, figureToRow, relationshipToRow, sourceToProps, spanToProps, toNumber } from './mapping.js';
import type { QueryName, QueryRegistry } from './queries.js';
import { allActorIds, chunks, rederive, storedSourcePeriods } from './upsert.js';

const BATCH = 5000;

type RowQuery = Extract<QueryName, 'upsertSources' | 'upsertActors' | 'upsertRelationships' | 'insertRelationships' | 'upsertEvents' | 'upsertCapacity' | 'upsertFigures'>;

export async function bulkLoadNeo4j(driver: Driver, q: QueryRegistry, database: string | undefined, ds: Dataset, empty: boolean, options: BulkLoadOptions): Promise<number> {
  const session = () => driver.session(database ? { database } : {});
  const inTx = async <T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> => {
    const s = session();
    try {
      return await s.executeWrite(work);
    } finally {
      await s.close();
    }
  };
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
  const derived = empty ? deriveDataset(ds) : null;
  const spans = new Map(derived?.actors.map((a) => [a.id, a.span]));
  const views = new Map(derived?.relationships.map((r) => [r.id, r]));
  await write('upsertSources', ds.sources.map((s) => ({ id: s.id, props: sourceToProps(s) })), 'sources');
  await write('upsertActors', ds.actors.map((a) => ({ id: a.id, props: { ...actorToProps(a), ...(derived ? spanToProps(spans.get(a.id)!) : {}) } })), 'actors');
  await write(
    // into an empty database: CREATE (MERGE would plan with the empty database's statistics)
    empty ? 'insertRelationships' : 'upsertRelationships',
    ds.relationships.map((r) => {
      const row = relationshipToRow(r);
      const view = views.get(r.id);
      return view ? { ...row, props: { ...row.props, ...derivedToProps(view) } } : row;
    }),
    'relationships',
  );
  await write('upsertEvents', ds.events.map(eventToRow), 'events');
  await write('upsertCapacity', ds.capacity.map(capacityToRow), 'capacity ratings');
  await write('upsertFigures', ds.figures.map(figureToRow), 'figures');
  if (!derived) {
    const ids = await inTx((tx) => allActorIds(tx, q));
    const periods = await inTx((tx) => storedSourcePeriods(tx, q));
    let derivedActors = 0;
    for (const page of chunks(ids, 2000)) {
      await inTx((tx) => rederive(tx, q, page, periods));
      derivedActors += page.length;
      options.onProgress?.(derivedActors, ids.length, 'actors re-derived');
    }
  }
  return total;
}
