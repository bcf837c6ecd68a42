/**
 * What an export holds, through the store port: with no filter, the whole dataset (every actor,
 * relationship, source, event, capacity rating and figure); with the `network` query's filters
 * (at or window, types, stages, kinds, minConfidence, datedOnly, minSources), exactly what
 * `network` answers for them — its relationships and their actors, uncapped — with the sources
 * their citations name. Arguments are checked here as `network` checks them; the formats are
 * written by server/exchange/export-formats.ts.
 */
import type { Actor, Relationship } from '../domain/derive.js';
import type { CapacityAssessment, Figure, NexusEvent, Source } from '../domain/schemas.js';
import { ACTOR_KINDS } from '../domain/vocabulary.js';
import type { GraphStore } from '../store/port.js';
import { compareIds } from '../store/records.js';
import { enumList, parseArg, traversalFilter } from './inputs.js';
import type { NetworkArgs } from './nexus.js';

/** The network query's arguments, without its cap. */
export type ExportArgs = Omit<NetworkArgs, 'limit'>;

export interface ExportView {
  actors: Actor[];
  relationships: Relationship[];
  sources: Source[];
  events: NexusEvent[];
  capacity: CapacityAssessment[];
  figures: Figure[];
  /** No filter: the whole dataset. */
  whole: boolean;
  /** The filters in words ("whole dataset", "at 1999; stages alliance, convergence"). */
  description: string;
}


function describe(args: ExportArgs): string {
  const parts: string[] = [];
  if (args.at != null) parts.push(`at ${args.at}`);
  if (args.window != null) parts.push(`from ${args.window.from} to ${args.window.to}`);
  for (const key of ['types', 'stages', 'kinds'] as const) if (args[key] != null) parts.push(`${key} ${(args[key] ?? []).join(', ')}`);
  if (args.minConfidence != null) parts.push(`minConfidence ${args.minConfidence}`);
  if (args.datedOnly) parts.push('dated only');
  if (args.minSources != null) parts.push(`minSources ${args.minSources}`);
  return parts.length === 0 ? 'whole dataset' : parts.join('; ');
}

function citedSources(actors: readonly Actor[], relationships: readonly Relationship[]): string[] {
  const ids = new Set<string>();
  for (const a of actors) [...a.citations, ...a.lifespan].forEach((c) => ids.add(c.source));
  for (const r of relationships) r.claims.forEach((c) => ids.add(c.source));
  return [...ids].sort();
}

export class ExportService {
  constructor(private readonly store: GraphStore) {}

  async view(args: ExportArgs): Promise<ExportView> {
    const filter = traversalFilter(args);
    const kinds = args.kinds != null ? parseArg('kinds', enumList(ACTOR_KINDS), args.kinds) : undefined;
    const whole = Object.values(filter).every((v) => v == null || v === false) && !kinds;
    const description = describe(args);
    if (whole) {
      const counts = await this.store.counts();
      const page = (n: number) => ({ offset: 0, limit: Math.max(1, n) });
      const [actors, relationships, sources, events, capacity, figures] = await Promise.all([
        this.store.searchActors({}, page(counts.actors)),
        this.store.listRelationships({}, page(counts.relationships)),
        this.store.listSources(),
        this.store.listEvents({}),
        this.store.listCapacity({}),
        this.store.listFigures({}),
      ]);
      const plain = sources.map(({ factCount: _count, ...s }) => s);
      return { actors: actors.items.sort((x, y) => compareIds(x.id, y.id)), relationships: relationships.items, sources: plain, events, capacity, figures, whole, description };
    }
    const { relationships: total } = await this.store.counts();
    // Uncapped: as many as the store holds (network caps its answer; an export does not).
    const snap = await this.store.snapshot({ ...filter, limit: Math.max(1, total), ...(kinds ? { kinds } : {}) });
    const sources = await this.store.getSources(citedSources(snap.actors, snap.relationships));
    return { actors: snap.actors, relationships: snap.relationships, sources, events: [], capacity: [], figures: [], whole, description };
  }
}
