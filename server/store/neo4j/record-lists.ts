/**
 * The Neo4j store's record lists — a dyad's relationships, events, capacity ratings, figures,
 * sources and the counts — one registered query each, sorted in the contract's order with the
 * shared comparators (so both stores list alike).
 */
import type { Relationship } from '../../domain/derive.js';
import type { CapacityAssessment, Figure, NexusEvent } from '../../domain/schemas.js';
import { datePointStart, intervalRange, type DayRange } from '../../domain/time.js';
import type { SourceWithCount, StoreCounts } from '../port.js';
import { compareIds, compareRelationships } from '../records.js';
import type { ReadTransaction } from './graph-questions.js';
import { capacityFromProps, eventFromProps, figureFromProps, relationshipFromProps, sourceFromProps, toNumber, windowParams, type Props } from './mapping.js';
import { NEO4J_RELATIONSHIP_TYPES } from './names.js';
import type { QueryRegistry } from './queries.js';

function eventStart(e: NexusEvent): number {
  return datePointStart(e.date);
}

export async function dyadIn(read: ReadTransaction, queries: QueryRegistry, a: string, b: string): Promise<Relationship[]> {
  const records = await read((tx) => queries.run(tx, 'dyad', { a, b, types: [...NEO4J_RELATIONSHIP_TYPES] }));
  return records.map((r) => relationshipFromProps(r.get('relationship') as Props)).sort(compareRelationships);
}

export async function eventsIn(read: ReadTransaction, queries: QueryRegistry, filter: { actorId?: string; window?: DayRange | null }): Promise<NexusEvent[]> {
  const records = await read((tx) =>
    queries.run(tx, 'listEvents', { actorId: filter.actorId || null, ...windowParams(filter.window) }),
  );
  return records
    .map((r) => eventFromProps(r.get('event') as Props))
    .sort((x, y) => eventStart(x) - eventStart(y) || compareIds(x.id, y.id));
}

export async function capacityIn(read: ReadTransaction, queries: QueryRegistry, filter: { regionId?: string; window?: DayRange | null }): Promise<CapacityAssessment[]> {
  const records = await read((tx) =>
    queries.run(tx, 'listCapacity', { regionId: filter.regionId || null, ...windowParams(filter.window) }),
  );
  return records
    .map((r) => capacityFromProps(r.get('capacity') as Props))
    .sort(
      (x, y) =>
        compareIds(x.region, y.region) ||
        intervalRange(x.period).start - intervalRange(y.period).start ||
        compareIds(x.id, y.id),
    );
}

export async function figuresIn(read: ReadTransaction, queries: QueryRegistry, filter: { actorId?: string }): Promise<Figure[]> {
  const records = await read((tx) => queries.run(tx, 'listFigures', { actorId: filter.actorId || null }));
  return records.map((r) => figureFromProps(r.get('figure') as Props)).sort((x, y) => compareIds(x.id, y.id));
}

export async function sourcesIn(read: ReadTransaction, queries: QueryRegistry): Promise<SourceWithCount[]> {
  const records = await read((tx) => queries.run(tx, 'listSources', { types: [...NEO4J_RELATIONSHIP_TYPES] }));
  return records
    .map((r) => ({ ...sourceFromProps(r.get('source') as Props), factCount: toNumber(r.get('factCount')) }))
    .sort((x, y) => compareIds(x.id, y.id));
}

export async function countsIn(read: ReadTransaction, queries: QueryRegistry): Promise<StoreCounts> {
  const [record] = await read((tx) => queries.run(tx, 'counts', { types: [...NEO4J_RELATIONSHIP_TYPES] }));
  const n = (key: keyof StoreCounts) => toNumber(record?.get(key) ?? 0);
  return {
    actors: n('actors'),
    relationships: n('relationships'),
    events: n('events'),
    sources: n('sources'),
    capacity: n('capacity'),
    figures: n('figures'),
  };
}
