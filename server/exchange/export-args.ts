/**
 * The export's filters from named text values — a URL's query string or the CLI's options — as
 * the `network` query takes them: `at` (or `year`), `from` + `to` (a window), `types`, `stages`,
 * `kinds` (comma-separated, vocabulary values in either case: `alliance` or `ALLIANCE`),
 * `minConfidence`, `datedOnly`, `minSources`. The service checks the values; this only shapes them
 * and refuses what it cannot shape, naming the parameter.
 */
import { BadInputError } from '../domain/errors.js';
import type { ExportArgs } from '../services/exports.js';
import type { CsvTable } from './table-csv.js';
import { CSV_TABLES } from './table-csv.js';
import { EXPORT_FORMATS, type ExportFormat } from './export-formats.js';

export const EXPORT_PARAMETERS = ['format', 'table', 'at', 'year', 'from', 'to', 'types', 'stages', 'kinds', 'minConfidence', 'datedOnly', 'minSources'] as const;

export interface ExportRequest {
  format: ExportFormat;
  /** CSV only: which table; undefined = all three (the CLI writes a folder). */
  table?: CsvTable;
  args: ExportArgs;
}

const list = (v: string) => v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
const number = (v: string) => (/^-?\d+$/.test(v.trim()) ? Number(v) : NaN);

export function exportRequest(get: (name: (typeof EXPORT_PARAMETERS)[number]) => string | undefined): ExportRequest {
  const format = get('format')?.toLowerCase();
  if (!format) throw new BadInputError('format', `is required: one of ${EXPORT_FORMATS.join(', ')}`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new BadInputError('format', `must be one of ${EXPORT_FORMATS.join(', ')}`);
  const table = get('table')?.toLowerCase();
  if (table !== undefined && (format !== 'csv' || !(CSV_TABLES as readonly string[]).includes(table))) throw new BadInputError('table', format !== 'csv' ? 'applies to the csv format only' : `must be one of ${CSV_TABLES.join(', ')}`);
  const at = get('at') ?? get('year');
  const [from, to] = [get('from'), get('to')];
  if ((from === undefined) !== (to === undefined)) throw new BadInputError(from === undefined ? 'from' : 'to', 'from and to go together');
  const args: ExportArgs = {};
  if (at !== undefined) args.at = number(at);
  if (from !== undefined && to !== undefined) args.window = { from: number(from), to: number(to) };
  for (const key of ['types', 'stages', 'kinds'] as const) {
    const v = get(key);
    if (v !== undefined) args[key] = list(v);
  }
  const grade = get('minConfidence');
  if (grade !== undefined) args.minConfidence = grade.toLowerCase();
  const dated = get('datedOnly');
  if (dated !== undefined) {
    if (!['true', 'false', ''].includes(dated.toLowerCase())) throw new BadInputError('datedOnly', 'must be true or false');
    args.datedOnly = dated.toLowerCase() !== 'false';
  }
  const minSources = get('minSources');
  if (minSources !== undefined) args.minSources = number(minSources);
  return { format: format as ExportFormat, ...(table ? { table: table as CsvTable } : {}), args };
}

/** A file name for the view: nexus-whole, nexus-1999, nexus-1997-2001 (+ "-filtered" when other filters apply). */
export function exportFileName(req: ExportRequest, extension: string): string {
  const a = req.args;
  const when = a.at != null ? String(a.at) : a.window ? `${a.window.from}-${a.window.to}` : 'all-years';
  const filtered = a.types || a.stages || a.kinds || a.minConfidence || a.datedOnly || a.minSources != null;
  const base = a.at == null && !a.window && !filtered ? 'nexus-whole' : `nexus-${when}${filtered ? '-filtered' : ''}`;
  return `${base}${req.table ? `-${req.table}` : ''}.${extension}`;
}
