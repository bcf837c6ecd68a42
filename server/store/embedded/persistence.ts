/**
 * Crash-safe persistence for the embedded store: the whole dataset is streamed as record lines
 * (server/dataset/records-file.ts) to a temp file after a header line, fsynced, then renamed over
 * the data file (and the directory fsynced), so a crash leaves either the old file or the new one,
 * never a torn one; the file it replaces is kept as `<file>.bak` (files.ts). The header counts the
 * records, so a file cut at a line end is found too. Reading validates every record; a bad file
 * is refused naming it, its first problems and how to restore the backup.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import type { Dataset } from '../../domain/schemas.js';
import { SeedValidationError } from '../../domain/errors.js';
import { readRecordFile, writeRecords } from '../../dataset/records-file.js';
import { backupPathOf, keepAsBackup } from './files.js';

/** 2: a header line, then one `{"type","data"}` record per line. (1 was a single JSON document of the seed's old format.) */
const FORMAT_VERSION = 2;

interface Header {
  format: number;
  savedAt: string;
  /** Ids that came from the seed at the last sync, so records dropped from the seed can be removed. */
  seedIds?: Partial<Record<keyof Dataset, string[]>>;
  /** Records per section (files written before counts were kept have none). */
  counts?: Partial<Record<keyof Dataset, number>>;
}

const SECTIONS = ['sources', 'actors', 'relationships', 'events', 'capacity', 'figures'] as const;

const countsOf = (ds: Dataset): Header['counts'] => Object.fromEntries(SECTIONS.map((k) => [k, ds[k].length]));

/** The message a bad data file stops startup with: the file, its first problems and the way back. */
export class DataFileInvalidError extends SeedValidationError {
  constructor(file: string, problems: SeedValidationError['problems']) {
    super(problems, `the data file ${file} is invalid (${problems.length} problem(s)); nothing was changed:`, [
      `To go back to the last good copy (${path.basename(backupPathOf(file))}): DATA_FILE=${file} npm run data:restore`,
    ]);
  }
}

export interface StoredData {
  dataset: Dataset;
  seedIds: Partial<Record<keyof Dataset, string[]>>;
}

/** Does the file start with a format-1 document (`{"format":1`)? Those held only seed records, in a format that no longer exists. */
async function isFormatOne(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return /^\{"format":1[,}]/.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

export async function readDataFile(file: string): Promise<StoredData | null> {
  try {
    await access(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (await isFormatOne(file)) {
    // Format 1 was written by the app before claims existed, and the app could only fill it from
    // the seed: keep it aside and start again from the seed.
    await rename(file, `${file}.format1.bak`);
    console.warn(`[store] ${file} is in the old format 1 (before claims); kept as ${path.basename(file)}.format1.bak, starting from the seed`);
    return null;
  }
  const { dataset, problems, header } = await readRecordFile(file, { header: true });
  const h = (typeof header === 'object' ? header : null) as Partial<Header> | null;
  if (problems.length === 0 && (h === null || h.format !== FORMAT_VERSION)) {
    problems.push({ file, record: 'line 1', field: 'format', reason: `not a Nexus Explorer data file of format ${FORMAT_VERSION}` });
  }
  if (problems.length === 0 && h?.counts) {
    for (const k of SECTIONS) {
      const expected = h.counts[k];
      if (expected !== undefined && expected !== dataset[k].length) {
        problems.push({ file, record: k, field: '(count)', reason: `the header says ${expected}, the file holds ${dataset[k].length}: the file is cut short or was edited` });
      }
    }
  }
  if (problems.length > 0) throw new DataFileInvalidError(file, problems);
  return { dataset, seedIds: h?.seedIds ?? {} };
}

export function writeDataFileAtomically(file: string, dataset: Dataset, seedIds: StoredData['seedIds'] = {}): Promise<void> {
  return writeAtomically(file, (out, header) => writeRecords(out, dataset, header), seedIds, countsOf(dataset));
}

/**
 * The data file of a store that holds exactly the records of a validated record file: its header,
 * then the file's lines as they are (the same format; blank lines are skipped when read).
 */
export function writeDataFileFromRecordFile(file: string, recordFile: string, dataset: Dataset): Promise<void> {
  return writeAtomically(file, async (out, header) => {
    if (!out.write(`${JSON.stringify(header)}\n`)) await once(out, 'drain');
    await pipeline(createReadStream(recordFile), out, { end: false });
    if (!out.write('\n')) await once(out, 'drain');
  }, {}, countsOf(dataset));
}

async function writeAtomically(file: string, write: (out: WriteStream, header: Header) => Promise<void>, seedIds: StoredData['seedIds'], counts: Header['counts']): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const header: Header = { format: FORMAT_VERSION, savedAt: new Date().toISOString(), seedIds, counts };
  const out = createWriteStream(tmp);
  try {
    await write(out, header);
    out.end();
    await once(out, 'finish');
    const handle = await open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (e) {
    out.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
  await keepAsBackup(file);
  await rename(tmp, file);
  const dirHandle = await open(dir, 'r');
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}
