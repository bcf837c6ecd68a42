/**
 * The Neo4j write path of applyChange(): inside ONE write transaction, take the edit lock (edits run
 * one at a time), read the records the edit
 * was planned on (live ones and Retired nodes) and refuse it if any changed (shared
 * assertUnchanged), take retired relationships out of the network, write the live records through
 * the upsert path (validation, integrity, re-derivation), take retired actors out, keep every retired
 * record on a Retired node, re-derive what the removals touched, and add the AuditEntry node. Anything
 * thrown rolls it all back.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { AuditEntry, ChangeStepHook, RecordKey, RecordState, Section } from '../../domain/changes.js';
import { stateKey } from '../../domain/changes.js';
import type { RelationshipRecord } from '../../domain/schemas.js';
import { assertUnchanged, liveWrites, retirements } from '../changes.js';
import {
  actorRecordFromProps,
  auditEntryToProps,
  capacityFromProps,
  eventFromProps,
  figureFromProps,
  relationshipRecordFromProps,
  retiredFromProps,
  retiredToRow,
  sourceFromProps,
  toNumber,
  type Props,
} from './mapping.js';
import type { QueryName, QueryRegistry } from './queries.js';
import { chunks, rederive, storedSourcePeriods, upsertInTransaction } from './upsert.js';

const LIVE_QUERIES: Record<Section, { query: Extract<QueryName, 'sourcesByIds' | 'actorsByIds' | 'relationshipsByIds' | 'eventsByIds' | 'capacityByIds' | 'figuresByIds'>; key: string; map: (p: Props) => { id: string } }> = {
  sources: { query: 'sourcesByIds', key: 'source', map: sourceFromProps },
  actors: { query: 'actorsByIds', key: 'actor', map: actorRecordFromProps },
  relationships: { query: 'relationshipsByIds', key: 'relationship', map: relationshipRecordFromProps },
  events: { query: 'eventsByIds', key: 'event', map: eventFromProps },
  capacity: { query: 'capacityByIds', key: 'capacity', map: capacityFromProps },
  figures: { query: 'figuresByIds', key: 'figure', map: figureFromProps },
};

/** The stored state of each record, in the order asked: live, retired (a Retired node) or absent. */
export async function recordStatesIn(tx: ManagedTransaction, q: QueryRegistry, keys: readonly RecordKey[]): Promise<RecordState[]> {
  const found = new Map<string, RecordState>();
  const sections = [...new Set(keys.map((k) => k.section))];
  for (const section of sections) {
    const { query, key, map } = LIVE_QUERIES[section];
    const ids = keys.filter((k) => k.section === section).map((k) => k.id);
    for (const chunk of chunks(ids, 5000)) {
      for (const r of await q.run(tx, query, { ids: chunk })) {
        const record = map(r.get(key) as Props);
        found.set(stateKey({ section, id: record.id }), { section, id: record.id, record, retired: null });
      }
    }
  }
  for (const chunk of chunks(keys.map(stateKey), 5000)) {
    for (const r of await q.run(tx, 'retiredByIds', { ids: chunk })) {
      const state = retiredFromProps(r.get('retired') as Props);
      if (!found.has(stateKey(state))) found.set(stateKey(state), state);
    }
  }
  return keys.map((k) => found.get(stateKey(k)) ?? { section: k.section, id: k.id, record: null, retired: null });
}

export async function applyChangeInTransaction(tx: ManagedTransaction, q: QueryRegistry, entry: AuditEntry, onStep?: ChangeStepHook): Promise<void> {
  await q.run(tx, 'lockEdits', { id: 'edits', at: entry.at });
  assertUnchanged(entry.before, await recordStatesIn(tx, q, entry.before));
  const live = liveWrites(entry);
  const retired = retirements(entry);
  const storedBefore = new Map(entry.before.map((s) => [stateKey(s), s]));
  const wasLive = (s: RecordState) => {
    const b = storedBefore.get(stateKey(s));
    return b?.record != null && b.retired === null;
  };
  // Relationships leave the network first (their stored ends are the planner's `before`).
  const rels = retired.filter((s) => s.section === 'relationships' && wasLive(s)).map((s) => storedBefore.get(stateKey(s))!.record as RelationshipRecord);
  for (const chunk of chunks(rels)) await q.run(tx, 'deleteStaleRelationships', { rows: chunk.map(({ id, source, target }) => ({ id, source, target })) });
  await upsertInTransaction(tx, q, live);
  const actors = retired.filter((s) => s.section === 'actors' && wasLive(s)).map((s) => s.id);
  for (const chunk of chunks(actors)) await q.run(tx, 'deleteActors', { ids: chunk });
  for (const chunk of chunks(retired.map(retiredToRow))) {
    const [record] = await q.run(tx, 'upsertRetired', { rows: chunk });
    if (toNumber(record?.get('written')) !== chunk.length) throw new Error('Neo4j applyChange: a retired record was not written');
  }
  // The actors that lost relationships have their lifespans and remaining relationships re-derived.
  const gone = new Set(actors);
  const touched = rels.flatMap((r) => [r.source, r.target]).filter((id) => !gone.has(id));
  if (touched.length > 0) await rederive(tx, q, touched, await storedSourcePeriods(tx, q));
  await onStep?.('records written');
  await q.run(tx, 'createAuditEntry', { props: auditEntryToProps(entry) });
  await onStep?.('audit written');
}
