/**
 * The Neo4j store's graph questions — a neighbourhood, paths between two actors, the difference
 * between two windows — each one registered Cypher query (cypher/neighbourhood.cypher,
 * paths-*.cypher, diff.cypher) whose rows are turned into the port's answers with the shared rules
 * (hop choice, orderings, stage changes), so they match the embedded store's. A query stopped by
 * its time budget answers `truncatedBy: 'TIME'`.
 */
import neo4j, { Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import type { Relationship } from '../../domain/derive.js';
import { stageChangesBetween } from '../../domain/stages.js';
import { chooseHops } from '../../domain/temporal.js';
import { isContinuumStage } from '../../domain/vocabulary.js';
import { MAX_PATH_HOPS, type DiffQuery, type FoundPath, type Neighbourhood, type NeighbourhoodQuery, type NetworkDiff, type PathQuery, type PathResult } from '../port.js';
import { RELATIONSHIP_HOP_RULES, compareRelationships } from '../records.js';
import { MAX_DAY, MIN_DAY, actorFromProps, countParam, relationshipFilterParams, relationshipFromProps, toNumber, windowParams, type Props } from './mapping.js';
import type { QueryRegistry } from './queries.js';

/** Runs work in a read transaction of the store (its liveness checks and errors), with a time budget. */
export type ReadTransaction = <T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number) => Promise<T>;

function isTimeout(e: unknown): boolean {
  return e instanceof Neo4jError && /TransactionTimedOut|Transaction\.Terminated|TransactionMarkedAsFailed/.test(e.code);
}


/** One actor sequence from the path queries: its relationship paths give each hop's candidates. */
function pathFromGroup(ids: string[], variants: Props[][], temporal: PathQuery['temporal']): FoundPath | null {
  const hops = ids.slice(1).map((_, i) => {
    const byId = new Map<string, Relationship>();
    for (const v of variants) {
      const r = relationshipFromProps(v[i] as Props);
      byId.set(r.id, r);
    }
    return [...byId.values()];
  });
  const chosen = chooseHops(hops, RELATIONSHIP_HOP_RULES, temporal);
  if (!chosen) return null;
  return {
    actors: ids,
    hops: chosen.map((h, i) => ({ from: ids[i] as string, to: ids[i + 1] as string, relationship: h.primary, alternatives: h.alternatives, day: h.day })),
  };
}

export async function neighbourhoodIn(read: ReadTransaction, queries: QueryRegistry, query: NeighbourhoodQuery): Promise<Neighbourhood> {
  try {
    const [record] = await read(
      (tx) =>
        queries.run(tx, 'neighbourhood', {
          center: query.center,
          depth: countParam(query.depth),
          maxActors: countParam(Math.max(1, query.maxActors)),
          ...relationshipFilterParams(query.filter),
        }),
      query.budgetMs,
    );
    if (!record) return { actors: [], relationships: [], distance: new Map(), truncated: false, truncatedBy: null };
    const admitted = (record.get('actors') as Array<{ actor: Props; distance: unknown }>).map((x) => ({ actor: actorFromProps(x.actor), distance: toNumber(x.distance) }));
    const truncated = record.get('truncated') === true;
    return {
      actors: admitted.map((x) => x.actor),
      relationships: (record.get('relationships') as Props[]).map(relationshipFromProps).sort(compareRelationships),
      distance: new Map(admitted.map((x) => [x.actor.id, x.distance])),
      truncated,
      truncatedBy: truncated ? 'LIMIT' : null,
    };
  } catch (e) {
    if (isTimeout(e)) return { actors: [], relationships: [], distance: new Map(), truncated: true, truncatedBy: 'TIME' };
    throw e;
  }
}

export async function pathsIn(read: ReadTransaction, queries: QueryRegistry, q: PathQuery): Promise<PathResult> {
  const wanted = q.mode === 'K_SHORTEST' ? Math.min(q.k, q.limit) : q.limit;
  const params = {
    from: q.from,
    to: q.to,
    ...relationshipFilterParams(q.filter),
    excluded: [...new Set(q.excludeActors)],
    direction: q.direction,
    maxHops: countParam(q.maxHops),
    cap: countParam(wanted + 1),
  };
  // Time-respecting questions and ALL_SIMPLE enumerate simple paths; K_SHORTEST keeps the k least lengths.
  const simple = q.mode === 'ALL_SIMPLE' || q.temporal !== null;
  let rows: Array<{ ids: string[]; variants: Props[][] }>;
  try {
    const records = await read(
      (tx) =>
        q.mode === 'K_SHORTEST' && q.temporal === null
          ? queries.run(tx, 'pathsKShortest', { ...params, groups: countParam(Math.min(q.k, MAX_PATH_HOPS)) })
          : simple
          ? queries.run(tx, 'pathsSimple', {
              ...params,
              temporal: q.temporal !== null,
              maxGap: q.temporal?.maxGapDays == null ? null : neo4j.int(q.temporal.maxGapDays),
              minDay: neo4j.int(MIN_DAY),
              maxDay: neo4j.int(MAX_DAY),
            })
          : queries.run(tx, 'pathsShortest', params),
      q.budgetMs,
    );
    rows = records.map((r) => ({ ids: r.get('ids') as string[], variants: r.get('variants') as Props[][] }));
  } catch (e) {
    if (isTimeout(e)) return { paths: [], truncated: true, truncatedBy: 'TIME' };
    throw e;
  }
  let found = rows.map((row) => pathFromGroup(row.ids, row.variants, q.temporal)).filter((p): p is FoundPath => p !== null);
  if (q.mode === 'SHORTEST' && found.length > 0) {
    const least = Math.min(...found.map((p) => p.hops.length));
    found = found.filter((p) => p.hops.length === least);
  }
  let capped = found.length > wanted;
  if (q.mode === 'K_SHORTEST' && capped && wanted >= q.k) capped = false;
  return { paths: found.slice(0, wanted), truncated: capped, truncatedBy: capped ? 'LIMIT' : null };
}

export async function diffIn(read: ReadTransaction, queries: QueryRegistry, query: DiffQuery): Promise<NetworkDiff> {
  const a = windowParams(query.fromWindow);
  const b = windowParams(query.toWindow);
  const { types, minRank, datedOnly, minSources } = relationshipFilterParams(query.filter);
  const records = await read((tx) =>
    queries.run(tx, 'diff', { types, minRank, datedOnly, minSources, aStart: a.windowStart, aEnd: a.windowEnd, bStart: b.windowStart, bEnd: b.windowEnd }),
  );
  const rows = records
    .map((r) => ({ rel: relationshipFromProps(r.get('relationship') as Props), inA: r.get('inA') === true, inB: r.get('inB') === true }))
    .sort((x, y) => compareRelationships(x.rel, y.rel));
  const added = rows.filter((r) => r.inB && !r.inA).map((r) => r.rel);
  const ended = rows.filter((r) => r.inA && !r.inB).map((r) => r.rel);
  const staged = rows.filter((r) => isContinuumStage(r.rel.type));
  return {
    added: added.slice(0, query.limit),
    ended: ended.slice(0, query.limit),
    changedStage: stageChangesBetween(staged.filter((r) => r.inA).map((r) => r.rel), staged.filter((r) => r.inB).map((r) => r.rel)),
    truncated: added.length > query.limit || ended.length > query.limit,
  };
}
