/**
 * What both adapters share when they apply a planned edit (an AuditEntry): the check that every
 * record is still as the planner read it, the live records the edit writes (validated by the same
 * zod schemas as any batch), and the records it retires. Keeping it here makes the stores agree.
 */
import { ConflictError } from '../domain/errors.js';
import { stateKey, type AuditEntry, type RecordState } from '../domain/changes.js';
import { emptyDataset, type Dataset } from '../domain/schemas.js';
import { canonicalJson, parseBatch } from './records.js';

/** Throws ConflictError naming the first record whose stored state differs from what the planner read. */
export function assertUnchanged(expected: readonly RecordState[], stored: readonly RecordState[]): void {
  const byKey = new Map(stored.map((s) => [stateKey(s), s]));
  for (const e of expected) {
    const s = byKey.get(stateKey(e)) ?? { ...e, record: null, retired: null };
    if (canonicalJson({ record: e.record, retired: e.retired }) !== canonicalJson({ record: s.record, retired: s.retired })) throw new ConflictError(e.id);
  }
}

/** The live records an edit writes (created, changed, re-pointed, brought back), parsed as a batch. */
export function liveWrites(entry: AuditEntry): Dataset {
  const batch = emptyDataset() as unknown as Record<string, unknown[]>;
  for (const s of entry.after) if (s.record && !s.retired) batch[s.section]!.push(s.record);
  return parseBatch(batch);
}

/** The records an edit retires. */
export function retirements(entry: AuditEntry): RecordState[] {
  return entry.after.filter((s) => s.record !== null && s.retired !== null);
}
