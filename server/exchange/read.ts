/**
 * Reads the files of one import, whatever their format, into one ImportInput: seed files, dataset
 * documents (our JSON export: the seed format's sections in one object), record files (one
 * `{"type","data"}` per line), our CSV tables, the MMP relationships CSV and FollowTheMoney JSON
 * lines. The format is told from the content (or given); a folder means every file in it. Several
 * seed files are merged as the seed is: one fact asserted by several documents is one record.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseSeedFile } from '../dataset/load.js';
import { mergeSeedFiles } from '../dataset/merge.js';
import { readRecordFile } from '../dataset/records-file.js';
import { parseCsvRows } from '../domain/csv.js';
import { SeedValidationError } from '../domain/errors.js';
import type { Dataset, SeedFile } from '../domain/schemas.js';
import type { ActorKind } from '../domain/vocabulary.js';
import { parseBatch } from '../store/records.js';
import { readFtm } from './ftm-read.js';
import { emptyInput, mergeInputs, type ImportInput } from './input.js';
import { isMmpHeader, readMmpCsv } from './mmp.js';
import { readTableCsv, tableOfHeader } from './table-csv.js';

export const IMPORT_FORMATS = ['json', 'records', 'csv', 'mmp', 'ftm'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ReadOptions {
  format?: ImportFormat;
  kind?: ActorKind;
  sourceId?: string;
  onProgress?: (records: number) => void;
}

async function head(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

/** The format of a file, from its first bytes. */
export function detectFormat(start: string): ImportFormat | null {
  const firstLine = start.split(/\r?\n/, 1)[0]?.trim() ?? '';
  if (/^\{\s*"(source|sources|actors|relationships)"\s*:/.test(start.trimStart()) && !firstLine.endsWith('}')) return 'json';
  if (firstLine.startsWith('{')) {
    try {
      const o = JSON.parse(firstLine) as Record<string, unknown>;
      if ('type' in o && 'data' in o) return 'records';
      if ('schema' in o && 'properties' in o) return 'ftm';
      if ('source' in o || 'sources' in o || 'actors' in o) return 'json';
    } catch {
      return 'json';
    }
  }
  const header = parseCsvRows(firstLine)[0]?.cells.map((h) => h.trim()) ?? [];
  if (isMmpHeader(header)) return 'mmp';
  if (tableOfHeader(header)) return 'csv';
  return null;
}

function recordsInput(format: string, file: string, dataset: Dataset): ImportInput {
  return { ...emptyInput(format), dataset, recordsOf: file };
}

interface Read {
  input: ImportInput;
  recordFile?: string;
  /** A seed file: several of them are merged as the seed is (one fact, several documents' claims). */
  seed?: { name: string; data: SeedFile };
}

function readJson(name: string, text: string): Read {
  if (/^\s*\{\s*"source"\s*:/.test(text)) {
    const parsed = parseSeedFile(name, text);
    if (!parsed.file) return { input: { ...emptyInput('json'), problems: parsed.problems } };
    const f = parsed.file;
    return { input: recordsInput('json', name, { sources: [f.source], actors: f.actors, relationships: f.relationships, events: f.events, capacity: f.capacity, figures: f.figures }), seed: { name, data: f } };
  }
  try {
    const { format: _format, ...sections } = JSON.parse(text) as Record<string, unknown>;
    return { input: recordsInput('json', name, parseBatch(sections)) };
  } catch (e) {
    const problems = e instanceof SeedValidationError ? e.problems.map((p) => ({ ...p, file: name })) : [{ file: name, record: 'file', field: '(json)', reason: (e as Error).message }];
    return { input: { ...emptyInput('json'), problems } };
  }
}

async function readOne(file: string, options: ReadOptions): Promise<Read> {
  const name = path.basename(file);
  const format = options.format ?? detectFormat(await head(file));
  switch (format) {
    case 'records': {
      const r = await readRecordFile(file, options.onProgress ? { onProgress: options.onProgress } : {});
      return { input: { ...recordsInput('records', name, r.dataset), problems: r.problems, validatedRecords: true }, recordFile: file };
    }
    case 'json':
      return readJson(name, await readFile(file, 'utf8'));
    case 'csv':
      return { input: readTableCsv(file, await readFile(file, 'utf8')) };
    case 'mmp':
      return { input: readMmpCsv(file, await readFile(file, 'utf8'), { ...(options.sourceId ? { sourceId: options.sourceId } : {}), ...(options.kind ? { kind: options.kind } : {}) }) };
    case 'ftm':
      return { input: readFtm(file, await readFile(file, 'utf8'), options.kind ? { kind: options.kind } : {}) };
    default:
      return { input: { ...emptyInput('unknown'), problems: [{ file: name, record: 'line 1', field: '(format)', reason: 'not a format the import reads: a seed or dataset JSON file, a record file, our CSV tables, the MMP relationships CSV or FollowTheMoney JSON lines' }] } };
  }
}

/** Read every file (a folder: every file in it, in name order) into one input. */
export async function readImportFiles(paths: readonly string[], options: ReadOptions = {}): Promise<{ input: ImportInput; recordFile?: string }> {
  const files: string[] = [];
  for (const p of paths) {
    if ((await stat(p)).isDirectory()) files.push(...(await readdir(p)).filter((n) => !n.startsWith('.')).sort().map((n) => path.join(p, n)));
    else files.push(p);
  }
  const read = await Promise.all(files.map((f) => readOne(f, options)));
  if (read.length === 1) return read[0]!;
  const seeds = read.flatMap((r) => (r.seed ? [r.seed] : []));
  const others = read.filter((r) => !r.seed).map((r) => r.input);
  if (seeds.length > 1) {
    const merged = mergeSeedFiles(seeds);
    others.unshift({ ...recordsInput('json', seeds.map((f) => f.name).join('+'), merged.dataset), problems: merged.problems });
  } else if (seeds.length === 1) others.unshift(read.find((r) => r.seed)!.input);
  return { input: mergeInputs(others) };
}
