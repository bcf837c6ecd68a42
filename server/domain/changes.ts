/**
 * Edits with evidence: the vocabulary of change operations, the evidence every write carries, how
 * a retired record is marked, and the audit entry — which is also the change set a store applies:
 * `before` is what the planner read (checked inside the write, so a concurrent change is refused)
 * and `after` is what the records become. Both stores apply and keep it exactly the same way.
 */
import { z } from 'zod';
import { CONFIDENCE_GRADES } from './vocabulary.js';
import { citationSchema, idSchema, sourceSchema, type Dataset } from './schemas.js';

export const CHANGE_OPERATIONS = [
  'create_actor',
  'update_actor',
  'add_alias',
  'retire_actor',
  'create_relationship',
  'update_relationship',
  'add_citation',
  'retire_relationship',
  'merge_actors',
  'import',
] as const;
export type ChangeOperation = (typeof CHANGE_OPERATIONS)[number];

/** The sections a change may touch, and the two whose records can be retired. */
export type Section = keyof Dataset;
export const SECTIONS = ['sources', 'actors', 'relationships', 'events', 'capacity', 'figures'] as const satisfies readonly Section[];
export const RETIRABLE_SECTIONS = ['actors', 'relationships'] as const satisfies readonly Section[];
export type RetirableSection = (typeof RETIRABLE_SECTIONS)[number];

/** A new source document cited by an edit: bibliographic details are required. */
export const newSourceSchema = sourceSchema.extend({
  authors: z.array(z.string().min(1)).min(1, 'name at least one author'),
  year: z.number().int().min(1900).max(2100),
  file: z.string().min(1).default('(added by an editor; not in the project source list)'),
});

/** What every write carries: a citation (source, verbatim quote, location) and a grade. */
export const evidenceSchema = citationSchema.extend({ confidence: z.enum(CONFIDENCE_GRADES) });
export type Evidence = z.infer<typeof evidenceSchema>;

export const retirementSchema = z.object({
  at: z.string(),
  by: z.string(),
  reason: z.string().trim().min(3, 'say why in a few words').max(500, 'keep the reason under 500 characters'),
  /** Set when the record was retired by a merge: the record that now holds its data. */
  mergedInto: idSchema.nullable().default(null),
});
export type Retirement = z.infer<typeof retirementSchema>;

/** One record as a change sees it: absent (record null), live (retired null) or retired. */
export interface RecordState {
  section: Section;
  id: string;
  record: { id: string } | null;
  retired: Retirement | null;
}

export interface RecordKey {
  section: Section;
  id: string;
}

export const stateKey = (k: RecordKey): string => `${k.section}/${k.id}`;

/** What an import entry records: the files read and what happened to their records. */
export interface ImportSummary {
  files: string[];
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface AuditEntry {
  id: string;
  /** ISO instant of the change. */
  at: string;
  /** The name of the token that made it (an import from the command line: the user's name). */
  by: string;
  operation: ChangeOperation;
  /** Every record touched, the main one first. */
  recordIds: string[];
  /** One line saying what happened, in words. */
  summary: string;
  reason: string | null;
  /** The citation an edit carries; null for an import (its records carry their own citations). */
  evidence: Evidence | null;
  /** Set on an import entry only; its records are named in recordIds, before/after stay empty. */
  imported?: ImportSummary | null;
  before: RecordState[];
  after: RecordState[];
}

export interface AuditFilter {
  recordId?: string;
  by?: string;
  operation?: ChangeOperation;
  /** ISO instants, inclusive. */
  since?: string;
  until?: string;
}

/** Does an entry pass the filter? (The embedded store filters with this; Neo4j in Cypher.) */
export function auditMatches(e: AuditEntry, f: AuditFilter): boolean {
  return (
    (!f.recordId || e.recordIds.includes(f.recordId)) &&
    (!f.by || e.by === f.by) &&
    (!f.operation || e.operation === f.operation) &&
    (!f.since || e.at >= f.since) &&
    (!f.until || e.at <= f.until)
  );
}

/** Newest first: the instant, then the id. */
export function compareAuditNewestFirst(a: AuditEntry, b: AuditEntry): number {
  return a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Test hook of applyChange: called at each step of a write; throwing there must leave nothing written. */
export type ChangeStepHook = (step: 'records written' | 'audit written') => void | Promise<void>;

export const auditEntrySchema: z.ZodType<AuditEntry> = z.object({
  id: z.string().min(1),
  at: z.string(),
  by: z.string(),
  operation: z.enum(CHANGE_OPERATIONS),
  recordIds: z.array(z.string()),
  summary: z.string(),
  reason: z.string().nullable(),
  evidence: evidenceSchema.nullable(),
  imported: z
    .object({ files: z.array(z.string()), added: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), skipped: z.number().int() })
    .nullable()
    .optional(),
  before: z.array(z.custom<RecordState>((v) => typeof v === 'object' && v !== null)),
  after: z.array(z.custom<RecordState>((v) => typeof v === 'object' && v !== null)),
}) as z.ZodType<AuditEntry>;

/** The stateKeys of every record an edit has written or retired (an import is not an edit). */
export function editedKeys(audit: readonly AuditEntry[]): Set<string> {
  return new Set(audit.flatMap((e) => (e.operation === 'import' ? [] : e.after.map(stateKey))));
}

/** For each record an edit has written or retired, the newest such edit and the record's state after it. */
export function latestEdits(audit: readonly AuditEntry[]): Map<string, { entry: AuditEntry; state: RecordState }> {
  const latest = new Map<string, { entry: AuditEntry; state: RecordState }>();
  for (const e of [...audit].sort(compareAuditNewestFirst).reverse()) {
    if (e.operation === 'import') continue;
    for (const s of e.after) latest.set(stateKey(s), { entry: e, state: s });
  }
  return latest;
}

/**
 * A seed without the records editors have changed or retired: re-seeding refreshes what the
 * documents say, never an editor's change (the audit log says which records those are).
 */
export function withoutEditedRecords(dataset: Dataset, audit: readonly AuditEntry[]): { dataset: Dataset; skipped: Set<string> } {
  const edited = editedKeys(audit);
  const skipped = new Set<string>();
  const keep = <T extends { id: string }>(section: Section, list: readonly T[]) =>
    list.filter((r) => {
      const key = stateKey({ section, id: r.id });
      if (edited.has(key)) skipped.add(key);
      return !edited.has(key);
    });
  return {
    dataset: {
      sources: keep('sources', dataset.sources),
      actors: keep('actors', dataset.actors),
      relationships: keep('relationships', dataset.relationships),
      events: keep('events', dataset.events),
      capacity: keep('capacity', dataset.capacity),
      figures: keep('figures', dataset.figures),
    },
    skipped,
  };
}
