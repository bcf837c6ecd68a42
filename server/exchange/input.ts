/**
 * What every import format reads a file into: records as the seed format has them (a Dataset),
 * which input row each record came from, the rows left out and why, and what needs a person's
 * review. Records are validated one by one with the seed's zod schemas as they are made, so a
 * problem names the file, the row and the field.
 */
import { createHash } from 'node:crypto';
import type { ZodType } from 'zod';
import { emptyDataset, type Dataset } from '../domain/schemas.js';
import type { SeedProblem } from '../domain/errors.js';

export type Section = keyof Dataset;

export interface RowRecord {
  /** Where the row is: "actors.csv line 4", "sample.ftm.jsonl line 2", "seed.json actors[3]". */
  where: string;
  section: Section;
  id: string;
}

export interface SkippedRow {
  where: string;
  reason: string;
}

export interface ImportInput {
  format: string;
  dataset: Dataset;
  rows: RowRecord[];
  skipped: SkippedRow[];
  /** Things imported as they are but worth a look (a name that another actor has, a guessed kind). */
  review: string[];
  problems: SeedProblem[];
  /**
   * Third-party data: an actor whose name another actor has is flagged for review and gets
   * `nameCollision` set. true: every actor read; a set: these actor ids only (the rest are ours).
   */
  markCollisions: boolean | ReadonlySet<string>;
  /**
   * Records read as they are (seed, dataset and record files): `rows` stays empty and a row is
   * each record, `<this file> <section>[i]` (a million-record file needs no row list unless asked).
   */
  recordsOf?: string;
  /** Every record was validated against the seed schemas as it was read (record files): no second pass. */
  validatedRecords?: boolean;
}

export function emptyInput(format: string, markCollisions = false): ImportInput {
  return { format, dataset: emptyDataset(), rows: [], skipped: [], review: [], problems: [], markCollisions };
}

/** Parse `raw` with the seed schema; on failure record the first problems against `where` and return null. */
export function validated<T>(input: ImportInput, schema: ZodType<T>, raw: unknown, file: string, where: string, fieldPrefix = ''): T | null {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues.slice(0, 3)) {
    input.problems.push({ file, record: where, field: [fieldPrefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(record)', reason: issue.message });
  }
  return null;
}

/** Merge several inputs (several files of one import) into one. */
export function mergeInputs(inputs: readonly ImportInput[]): ImportInput {
  const all = emptyInput(inputs.map((i) => i.format).join('+'));
  const marked = inputs.flatMap((i) => (i.markCollisions === true ? i.dataset.actors.map((a) => a.id) : i.markCollisions === false ? [] : [...i.markCollisions]));
  all.markCollisions = new Set(marked);
  for (const i of inputs) {
    for (const section of Object.keys(all.dataset) as Section[]) (all.dataset[section] as unknown[]).push(...i.dataset[section]);
    all.rows.push(...i.rows, ...rowsOfRecords(i));
    all.skipped.push(...i.skipped);
    all.review.push(...i.review);
    all.problems.push(...i.problems);
  }
  return all;
}

/** The rows of an input read record by record (see recordsOf), or its own rows. */
export function rowsOfRecords(input: ImportInput): RowRecord[] {
  if (input.recordsOf === undefined) return [];
  const rows: RowRecord[] = [];
  for (const section of Object.keys(input.dataset) as Section[]) {
    (input.dataset[section] as Array<{ id: string }>).forEach((r, i) => rows.push({ where: `${input.recordsOf} ${section}[${i}]`, section, id: r.id }));
  }
  return rows;
}

/** An id of the seed's slug form made from any identifier (`Q123` → `q123`, `ofac-1234`, …); long ones keep a hash. */
export function slugId(raw: string): string {
  const slug = raw.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length === 0) return `x-${createHash('sha1').update(raw).digest('hex').slice(0, 12)}`;
  if (slug.length <= 120) return slug;
  return `${slug.slice(0, 100).replace(/-+$/, '')}-${createHash('sha1').update(raw).digest('hex').slice(0, 12)}`;
}

/** A verbatim fragment of at most 600 characters (a quote's limit), cut at a space when it must be cut. */
export function quoteFragment(text: string): string {
  const t = text.trim();
  if (t.length <= 600) return t;
  const cut = t.slice(0, 600);
  const space = cut.lastIndexOf(' ');
  return (space > 300 ? cut.slice(0, space) : cut).trimEnd();
}

/** A location of at most 80 characters (the schema's limit). */
export function location(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 79)}…`;
}
