/**
 * Pure helpers of the editor's forms: form values → the API's variables (empty fields left out),
 * where the API's validation message goes (the input named by its field, or the nearest enclosing
 * one), and a record's history as rows saying who changed what, when.
 */
import type { AuditEntryView } from '../api/edits.js';

export type FormValues = Readonly<Record<string, string>>;

/** The values under `prefix.` with the prefix taken off; empty strings left out. */
export function section(values: FormValues, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith(`${prefix}.`) || value.trim() === '') continue;
    out[key.slice(prefix.length + 1)] = value.trim();
  }
  return out;
}

/** Evidence (or a claim) from `prefix.source`, `.quote`, `.location`, `.confidence` (and `.from`, `.to`). */
export function evidenceOf(values: FormValues, prefix = 'evidence'): { source: string; quote: string; confidence: string; location?: string; from?: string; to?: string } {
  const v = section(values, prefix);
  return { ...v, source: v['source'] ?? '', quote: v['quote'] ?? '', confidence: v['confidence'] ?? 'REPORTED' };
}

/**
 * The form field a message about `apiField` belongs next to: the field itself, else the longest
 * field name it lies under (`evidence.newSource.title` → `evidence.source` is not under it, so
 * `evidence` if present), else null (shown at the top of the form).
 */
export function fieldFor(apiField: string | undefined, names: readonly string[]): string | null {
  if (!apiField) return null;
  if (names.includes(apiField)) return apiField;
  let best: string | null = null;
  for (const n of names) if (apiField.startsWith(`${n}.`) && (best === null || n.length > best.length)) best = n;
  if (best) return best;
  const parent = apiField.split('.').slice(0, 2).join('.');
  return names.includes(parent) ? parent : null;
}

/** A message without the field prefix the API puts first ("changes.name: must not be empty" → "must not be empty"). */
export function reasonOf(message: string, apiField: string | undefined): string {
  return apiField && message.startsWith(`${apiField}: `) ? message.slice(apiField.length + 2) : message;
}

export interface HistoryRow {
  when: string;
  who: string;
  what: string;
  /** One line per changed field of the record the history is about: "description: “…” → “…”". */
  changes: string[];
  evidence: string;
}

const show = (v: unknown): string => {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 80 ? `“${text.slice(0, 77)}…”` : `“${text}”`;
};

/** The fields of one record that an entry changed (before → after; citations and claims counted). */
export function changedFields(before: string | null, after: string | null): string[] {
  if (before === null) return ['created'];
  if (after === null) return ['removed'];
  const b = JSON.parse(before) as Record<string, unknown>;
  const a = JSON.parse(after) as Record<string, unknown>;
  const lines: string[] = [];
  for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
    if (JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    if (Array.isArray(a[key]) && Array.isArray(b[key]) && ['citations', 'claims', 'lifespan'].includes(key)) lines.push(`${key}: ${(b[key] as unknown[]).length} → ${(a[key] as unknown[]).length}`);
    else lines.push(`${key}: ${b[key] === undefined || b[key] === null ? '(none)' : show(b[key])} → ${a[key] === undefined || a[key] === null ? '(none)' : show(a[key])}`);
  }
  return lines;
}

export function historyRows(entries: readonly AuditEntryView[], recordId: string): HistoryRow[] {
  return entries.map((e) => {
    const mine = e.records.find((r) => r.id === recordId);
    const changes = mine ? (mine.retired ? [`retired: ${mine.retired.reason}`] : changedFields(mine.before, mine.after)) : [];
    const ev = e.evidence;
    return {
      when: e.at.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
      who: e.by,
      what: e.summary,
      changes,
      evidence: ev ? `${ev.confidence.toLowerCase()}: “${ev.citation.quote}” — ${ev.citation.source.title}${ev.citation.location ? ` (${ev.citation.location})` : ''}` : e.imported ? `imported from ${e.imported.files.join(', ')}` : '(none)',
    };
  });
}
