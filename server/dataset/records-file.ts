/**
 * Record files, one JSON record per line — `{"type": "actor", "data": {…}}` — the format of bulk
 * imports and of the embedded store's data file. Reading streams the file and validates every
 * record (the fast path for actors and relationships, zod for the rest and for anything the fast
 * path is unsure of), reporting problems by file, line and field; nothing is returned when any
 * record is invalid. An id that appears twice is found where the records are indexed (the store
 * refuses it), not here: a set of a million ids costs as much as the index. Writing streams too, so a million records never become one string.
 */
import { createReadStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ZodType } from 'zod';
import { actorSchema, capacityAssessmentSchema, emptyDataset, eventSchema, figureSchema, relationshipSchema, sourceSchema, type Dataset } from '../domain/schemas.js';
import type { SeedProblem } from '../domain/errors.js';
import { fastActor, fastRelationship } from './fast-records.js';

export const RECORD_TYPES = ['source', 'actor', 'relationship', 'event', 'capacity', 'figure'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

const SECTION: Record<RecordType, keyof Dataset> = { source: 'sources', actor: 'actors', relationship: 'relationships', event: 'events', capacity: 'capacity', figure: 'figures' };
const SCHEMA: Record<RecordType, ZodType> = { source: sourceSchema, actor: actorSchema, relationship: relationshipSchema, event: eventSchema, capacity: capacityAssessmentSchema, figure: figureSchema };
const FAST: Partial<Record<RecordType, (v: unknown) => unknown>> = { actor: fastActor, relationship: fastRelationship };

/** At most this many problems are collected (the first ones say enough). */
export const MAX_PROBLEMS = 50;

export interface ReadResult {
  dataset: Dataset;
  problems: SeedProblem[];
  lines: number;
  /** Lines before the records (a data file's header), as parsed JSON. */
  header: unknown;
  /** Lines of the `extraTypes` asked for, in file order (their `data`, unvalidated). */
  extras: Array<{ type: string; line: number; data: unknown }>;
}

export interface ReadOptions {
  /** The first line is a header object, not a record (data files). */
  header?: boolean;
  onProgress?: (records: number) => void;
  /** Record types beyond the dataset's that the caller reads itself (a data file's audit log). */
  extraTypes?: readonly string[];
}

/** Validate one `{type, data}` line; returns the record and its section, or a problem. */
export function parseRecordLine(file: string, line: number, text: string): { section: keyof Dataset; record: { id: string } } | SeedProblem {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { file, record: `line ${line}`, field: '(json)', reason: (e as Error).message };
  }
  const wrapper = raw as { type?: unknown; data?: unknown } | null;
  const type = wrapper?.type;
  if (typeof type !== 'string' || !(RECORD_TYPES as readonly string[]).includes(type)) {
    return { file, record: `line ${line}`, field: 'type', reason: `must be one of ${RECORD_TYPES.join(', ')}` };
  }
  const t = type as RecordType;
  const fast = FAST[t]?.(wrapper?.data);
  if (fast) return { section: SECTION[t], record: fast as { id: string } };
  const parsed = SCHEMA[t].safeParse(wrapper?.data);
  if (parsed.success) return { section: SECTION[t], record: parsed.data as { id: string } };
  const issue = parsed.error.issues[0];
  const id = (wrapper?.data as { id?: unknown } | undefined)?.id;
  return {
    file,
    record: `line ${line} (${t}${typeof id === 'string' ? ` "${id}"` : ''})`,
    field: issue?.path.map(String).join('.') || '(record)',
    reason: issue?.message ?? 'is invalid',
  };
}

/** The file's lines (without their line ends), read in large chunks. */
async function* linesOf(file: string): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 4 << 20 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield text.slice(start, end);
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== '') yield rest;
}

export async function readRecordFile(file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const dataset = emptyDataset();
  const problems: SeedProblem[] = [];
  let lines = 0;
  let records = 0;
  let header: unknown = null;
  const extras: ReadResult['extras'] = [];
  for await (const text of linesOf(file)) {
    lines += 1;
    if (text.trim() === '') continue;
    if (opts.header && header === null) {
      try {
        header = JSON.parse(text);
      } catch (e) {
        problems.push({ file, record: 'line 1', field: '(header)', reason: (e as Error).message });
        break;
      }
      continue;
    }
    const extra = opts.extraTypes ? /^\{"type":"([a-z_]+)"/.exec(text)?.[1] : undefined;
    if (extra !== undefined && opts.extraTypes?.includes(extra)) {
      try {
        extras.push({ type: extra, line: lines, data: (JSON.parse(text) as { data: unknown }).data });
      } catch (e) {
        if (problems.length < MAX_PROBLEMS) problems.push({ file, record: `line ${lines}`, field: '(json)', reason: (e as Error).message });
      }
      continue;
    }
    const out = parseRecordLine(file, lines, text);
    if ('reason' in out) {
      if (problems.length < MAX_PROBLEMS) problems.push(out);
      continue;
    }
    (dataset[out.section] as Array<{ id: string }>).push(out.record);
    records += 1;
    if (opts.onProgress && records % 100_000 === 0) opts.onProgress(records);
  }
  return { dataset, problems, lines, header, extras };
}

/** Write a dataset as record lines (after an optional header line) to an open stream. */
export async function writeRecords(out: WriteStream, dataset: Dataset, header?: unknown): Promise<void> {
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  if (header !== undefined) await write(`${JSON.stringify(header)}\n`);
  for (const type of RECORD_TYPES) {
    const prefix = `{"type":"${type}","data":`;
    let chunk = '';
    for (const rec of dataset[SECTION[type]] as unknown[]) {
      chunk += `${prefix}${JSON.stringify(rec)}}\n`;
      if (chunk.length > 1 << 20) {
        await write(chunk);
        chunk = '';
      }
    }
    if (chunk) await write(chunk);
  }
}
