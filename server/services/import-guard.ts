/**
 * Imports and edits agree: before an import is compared with the store, the records the audit log
 * says an editor has changed are taken out of it (unless the import is told to overwrite them), a
 * retired id is never brought back, and a record that names a retired actor is left out with it.
 * Also the one audit entry an import that writes records adds (operation `import`).
 */
import { randomUUID } from 'node:crypto';
import { latestEdits, stateKey, type AuditEntry } from '../domain/changes.js';
import type { Dataset } from '../domain/schemas.js';
import type { GraphStore } from '../store/port.js';

export interface GuardedRecord {
  section: keyof Dataset;
  id: string;
  why: string;
}

/** The audit log is read whole: it grows by one entry per edit or import. */
const AUDIT_READ_LIMIT = 1_000_000;

const namedActors = (section: keyof Dataset, rec: Record<string, unknown>): string[] => {
  if (section === 'relationships') return [String(rec['source']), String(rec['target'])];
  if (section === 'events') return [...(rec['actors'] as string[]), ...(rec['places'] as string[])];
  if (section === 'capacity') return [String(rec['region'])];
  if (section === 'figures') return rec['actors'] as string[];
  return [];
};

/** The dataset without the records editors own (see the banner), and what was left out and why. */
export async function guardEditedRecords(store: GraphStore, ds: Dataset, overwriteEdited: boolean): Promise<{ dataset: Dataset; guarded: GuardedRecord[] }> {
  const audit = (await store.listAudit({}, { offset: 0, limit: AUDIT_READ_LIMIT })).items;
  const guarded: GuardedRecord[] = [];
  if (audit.length === 0) return { dataset: ds, guarded };
  const latest = latestEdits(audit);
  const retiredActors = new Set([...latest.values()].filter((l) => l.state.section === 'actors' && l.state.retired !== null).map((l) => l.state.id));
  const keep = <T extends { id: string }>(section: keyof Dataset, list: readonly T[]): T[] =>
    list.filter((rec) => {
      const edit = latest.get(stateKey({ section, id: rec.id }));
      if (edit?.state.retired) {
        const merged = edit.state.retired.mergedInto ? `, merged into "${edit.state.retired.mergedInto}"` : '';
        guarded.push({ section, id: rec.id, why: `retired (audit entry ${edit.entry.id}, ${edit.entry.by}, ${edit.entry.at}${merged}): a retired id is never recreated` });
        return false;
      }
      const retiredRef = namedActors(section, rec as unknown as Record<string, unknown>).find((id) => retiredActors.has(id));
      if (retiredRef !== undefined) {
        guarded.push({ section, id: rec.id, why: `names actor "${retiredRef}", which is retired` });
        return false;
      }
      if (edit && !overwriteEdited) {
        guarded.push({ section, id: rec.id, why: `edited since (audit entry ${edit.entry.id}, ${edit.entry.by}, ${edit.entry.at}); --overwrite-edited replaces it` });
        return false;
      }
      return true;
    });
  return {
    dataset: {
      sources: keep('sources', ds.sources),
      actors: keep('actors', ds.actors),
      relationships: keep('relationships', ds.relationships),
      events: keep('events', ds.events),
      capacity: keep('capacity', ds.capacity),
      figures: keep('figures', ds.figures),
    },
    guarded,
  };
}

export interface ImportCounts {
  add: number;
  update: number;
  unchanged: number;
  skip: number;
}

/** The audit entry of an import by `by` of `files` that adds or updates the records `written`. */
export function importAuditEntry(by: string, files: readonly string[], counts: ImportCounts, written: readonly string[]): AuditEntry {
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    by,
    operation: 'import',
    recordIds: [...new Set(written)],
    summary: `imported ${files.join(', ')}: ${counts.add} added, ${counts.update} updated, ${counts.unchanged} unchanged, ${counts.skip} skipped`,
    reason: null,
    evidence: null,
    imported: { files: [...files], added: counts.add, updated: counts.update, unchanged: counts.unchanged, skipped: counts.skip },
    before: [],
    after: [],
  };
}
