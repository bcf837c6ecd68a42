/**
 * What the import form shows, worked out without the DOM: the format a chosen file most likely is
 * (from its name and first line), the dry run's rows in words, and the one-line summary.
 */
import type { ImportReport, UploadFormat } from '../api/imports.js';

/** The likely format of a file: FtM JSON lines, our JSON, the MMP CSV (its header) or our CSV. */
export function guessFormat(name: string, firstLine: string): UploadFormat {
  const line = firstLine.replace(/^\uFEFF/, '').trim();
  if (/\.jsonl$|\.ndjson$/i.test(name) || (line.startsWith('{') && line.includes('"schema"'))) return 'ftm';
  if (/\.json$/i.test(name) || line.startsWith('{')) return 'json';
  const header = line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return header.includes('group1_id') && header.includes('group2_id') ? 'mmp' : 'csv';
}

const ACTION_LABEL = { add: 'added', update: 'updated', unchanged: 'unchanged', skip: 'skipped' } as const;

export interface ReportLine {
  where: string;
  /** added / updated / unchanged / skipped ("would be" for a dry run is in the summary). */
  outcome: (typeof ACTION_LABEL)[keyof typeof ACTION_LABEL];
  record: string;
  why: string;
}

export function reportLines(report: ImportReport): ReportLine[] {
  return report.rows.map((r) => ({ where: r.where, outcome: ACTION_LABEL[r.action], record: r.record, why: r.why }));
}

export function reportSummary(report: ImportReport): string {
  const c = report.counts;
  const counts = `${c.add} to add, ${c.update} to update, ${c.unchanged} unchanged, ${c.skip} skipped`;
  if (report.dryRun) return `Dry run: ${counts}. Nothing was written.`;
  return `Imported: ${report.written} record(s) written (${counts.replace(' to add', ' added').replace(' to update', ' updated')}).`;
}
