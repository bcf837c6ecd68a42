/**
 * Reads seed/data/*.json, validates every record with the domain schemas and merges the
 * per-document files into one Dataset. Any problem is reported with file, record and field,
 * before anything is written anywhere.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ZodError } from 'zod';
import { seedFileSchema, emptyDataset, type Dataset, type SeedFile } from '../domain/schemas.js';
import { SeedValidationError, type SeedProblem } from '../domain/errors.js';
import { checkIntegrity } from './integrity.js';
import { mergeSeedFiles } from './merge.js';

export const DEFAULT_SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seed/data');

const SECTIONS = ['actors', 'relationships', 'events', 'capacity', 'figures'] as const;

function describeRecord(raw: unknown, pathParts: readonly PropertyKey[]): string {
  const [section, index] = pathParts;
  if (typeof section !== 'string' || typeof index !== 'number') return String(section ?? 'file');
  const list = (raw as Record<string, unknown[] | undefined>)[section];
  const rec = list?.[index] as { id?: unknown } | undefined;
  return typeof rec?.id === 'string' ? `${section}[${index}] (id "${rec.id}")` : `${section}[${index}]`;
}

function zodProblems(file: string, raw: unknown, error: ZodError): SeedProblem[] {
  return error.issues.map((issue) => {
    const isRecord = SECTIONS.includes(issue.path[0] as (typeof SECTIONS)[number]) && typeof issue.path[1] === 'number';
    const field = (isRecord ? issue.path.slice(2) : issue.path).map(String).join('.') || '(root)';
    return { file, record: describeRecord(raw, issue.path), field, reason: issue.message };
  });
}

/** Parse one seed file's JSON text. */
export function parseSeedFile(file: string, text: string): { file: SeedFile | null; problems: SeedProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { file: null, problems: [{ file, record: 'file', field: '(json)', reason: (e as Error).message }] };
  }
  const parsed = seedFileSchema.safeParse(raw);
  if (!parsed.success) return { file: null, problems: zodProblems(file, raw, parsed.error) };
  return { file: parsed.data, problems: [] };
}

/** Validate and merge already-read seed files (name → JSON text). Throws SeedValidationError. */
export function buildDataset(files: ReadonlyArray<{ name: string; text: string }>): Dataset {
  const problems: SeedProblem[] = [];
  const parsed: Array<{ name: string; data: SeedFile }> = [];
  for (const f of files) {
    const result = parseSeedFile(f.name, f.text);
    problems.push(...result.problems);
    if (result.file) parsed.push({ name: f.name, data: result.file });
  }
  if (problems.length > 0) throw new SeedValidationError(problems);
  const { dataset, problems: mergeProblems } = mergeSeedFiles(parsed);
  problems.push(...mergeProblems, ...checkIntegrity(dataset));
  if (problems.length > 0) throw new SeedValidationError(problems);
  return dataset;
}

/** A seed folder as read: its seed files' names and their validated, merged records. */
export interface SeedFolder {
  dir: string;
  files: string[];
  dataset: Dataset;
}

export async function loadSeedFolder(dir: string = DEFAULT_SEED_DIR): Promise<SeedFolder> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  if (names.length === 0) return { dir, files: [], dataset: emptyDataset() };
  const files = await Promise.all(
    names.map(async (name) => ({ name, text: await readFile(path.join(dir, name), 'utf8') })),
  );
  return { dir, files: names, dataset: buildDataset(files) };
}

export async function loadSeedDir(dir: string = DEFAULT_SEED_DIR): Promise<Dataset> {
  return (await loadSeedFolder(dir)).dataset;
}
