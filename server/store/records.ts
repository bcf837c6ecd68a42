/**
 * Logic every adapter shares: validating an upsert batch, the contract's orderings, and the
 * ids a batch refers to. Keeping it here is what makes the adapters answer identically.
 */
import { z } from 'zod';
import {
  actorSchema,
  capacityAssessmentSchema,
  eventSchema,
  figureSchema,
  relationshipSchema,
  sourceSchema,
  type ActorRecord,
  type Dataset,
  type RelationshipRecord,
} from '../domain/schemas.js';
import type { Actor, Relationship } from '../domain/derive.js';
import type { HopRules } from '../domain/temporal.js';
import { SeedValidationError, type SeedProblem } from '../domain/errors.js';
import { checkIntegrity, type KnownRecords } from '../dataset/integrity.js';
import { confidenceRank } from '../domain/vocabulary.js';
import { foldName, searchKeysOf, searchQuery, searchRank } from '../domain/search.js';

const batchSchema = z.object({
  sources: z.array(sourceSchema).default([]),
  actors: z.array(actorSchema).default([]),
  relationships: z.array(relationshipSchema).default([]),
  events: z.array(eventSchema).default([]),
  capacity: z.array(capacityAssessmentSchema).default([]),
  figures: z.array(figureSchema).default([]),
});

/** Parse a batch; throws SeedValidationError naming record and field. Duplicate ids in a batch are errors. */
export function parseBatch(raw: unknown): Dataset {
  const parsed = batchSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SeedValidationError(
      parsed.error.issues.map((i) => ({
        file: '(batch)',
        record: i.path.slice(0, 2).map(String).join('[') + (i.path.length > 1 ? ']' : ''),
        field: i.path.slice(2).map(String).join('.') || '(record)',
        reason: i.message,
      })),
    );
  }
  const problems: SeedProblem[] = [];
  for (const [section, list] of Object.entries(parsed.data) as Array<[string, Array<{ id: string }>]>) {
    const seen = new Set<string>();
    for (const rec of list) {
      if (seen.has(rec.id)) problems.push({ file: '(batch)', record: `${section} (id "${rec.id}")`, field: 'id', reason: 'duplicate id in batch' });
      seen.add(rec.id);
    }
  }
  if (problems.length > 0) throw new SeedValidationError(problems);
  return parsed.data;
}

/** Actor and source ids a batch refers to but does not itself contain. */
export function externalReferences(batch: Dataset): { actorIds: string[]; sourceIds: string[] } {
  const actorIds = new Set<string>();
  const sourceIds = new Set<string>();
  const cite = (cs: ReadonlyArray<{ source: string }>) => cs.forEach((c) => sourceIds.add(c.source));
  batch.actors.forEach((a) => {
    cite(a.citations);
    cite(a.lifespan);
  });
  for (const r of batch.relationships) {
    actorIds.add(r.source).add(r.target);
    cite(r.claims);
  }
  for (const e of batch.events) {
    [...e.actors, ...e.places].forEach((id) => actorIds.add(id));
    cite(e.citations);
  }
  for (const c of batch.capacity) {
    actorIds.add(c.region);
    cite(c.citations);
  }
  for (const f of batch.figures) {
    f.actors.forEach((id) => actorIds.add(id));
    cite(f.citations);
  }
  batch.actors.forEach((a) => actorIds.delete(a.id));
  batch.sources.forEach((s) => sourceIds.delete(s.id));
  return { actorIds: [...actorIds], sourceIds: [...sourceIds] };
}

/** Throws SeedValidationError when the batch refers to records neither in it nor already stored. */
export function assertBatchIntegrity(batch: Dataset, known: KnownRecords): void {
  const problems = checkIntegrity(batch, known, '(batch)');
  if (problems.length > 0) throw new SeedValidationError(problems);
}

/** JSON with object keys sorted and undefined dropped: equal text ⇔ equal record. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
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

/** Contract order for relationship lists: validity start day, then id. */
export function compareRelationships(a: Relationship, b: Relationship): number {
  return a.validity.from.day - b.validity.from.day || compareIds(a.id, b.id);
}

/** How a path hop picks its relationship: the surest first, then contract order. */
export const RELATIONSHIP_HOP_RULES: HopRules<Relationship> = {
  span: (r) => [r.validity.from.day, r.validity.to.day],
  better: (a, b) => confidenceRank(b.confidence) - confidenceRank(a.confidence) || compareRelationships(a, b),
  listed: compareRelationships,
};

/** The record behind an actor view (what is persisted and written). */
export function actorRecordOf(a: Actor | ActorRecord): ActorRecord {
  const { id, name, aliases, kind, country, description, lifespan, nameCollision, citations } = a;
  return { id, name, aliases, kind, country, description, lifespan, nameCollision, citations };
}

/** The record behind a relationship view. */
export function relationshipRecordOf(r: Relationship | RelationshipRecord): RelationshipRecord {
  const { id, source, target, type, description, stageNote, claims } = r;
  return { id, source, target, type, description, stageNote, claims };
}

/** Contract order for capped snapshots: surest first, then id. */
export function compareByConfidence(a: Relationship, b: Relationship): number {
  return confidenceRank(b.confidence) - confidenceRank(a.confidence) || compareIds(a.id, b.id);
}

/** Code-point order (what Neo4j's ORDER BY does for strings). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Search rank of an actor for a raw query, null when it does not match. */
export function actorSearchRank(actor: Actor, rawQuery: string | undefined): number | null {
  return searchRank(searchKeysOf(actor), searchQuery(rawQuery));
}

/** Contract order for search results: rank, folded name, id. */
export function compareSearchHits(a: { rank: number; actor: Actor }, b: { rank: number; actor: Actor }): number {
  return a.rank - b.rank || compareIds(foldName(a.actor.name), foldName(b.actor.name)) || compareIds(a.actor.id, b.actor.id);
}

