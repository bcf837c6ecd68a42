/**
 * Crash-safe persistence for the embedded store: the whole dataset is streamed as record lines
 * (server/dataset/records-file.ts) to a temp file after a header line, fsynced, then renamed over
 * the data file (and the directory fsynced), so a crash leaves either the old file or the new one,
 * never a torn one; the file it replaces is kept as `<file>.bak` (files.ts). The header counts the
 * records, so a file cut at a line end is found too. Reading validates every record; a bad file
 * is refused naming it, its first problems and how to restore the backup. The edit ledger —
 * retired records and the audit log — is written in the same file, after the records, so a write
 * and its audit entry land together or not at all.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { actorSchema, relationshipSchema, type Dataset } from '../../domain/schemas.js';
import { SeedValidationError, type SeedProblem } from '../../domain/errors.js';
import { auditEntrySchema, retirementSchema, type AuditEntry, type RecordState } from '../../domain/changes.js';
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

/** What edits add beside the records: the retired records and the audit log, oldest first. */
export interface Ledger {
  retired: RecordState[];
  audit: AuditEntry[];
}

const LEDGER_TYPES = ['retired', 'audit'] as const;

/** Validate a data file's ledger lines (a retired record passes its section's schema). */
function ledgerOf(file: string, extras: Array<{ type: string; line: number; data: unknown }>, problems: SeedProblem[]): Ledger {
  const ledger: Ledger = { retired: [], audit: [] };
  for (const { type, line, data } of extras) {
    const problem = (field: string, reason: string) => problems.push({ file, record: `line ${line} (${type})`, field, reason });
    if (type === 'audit') {
      const parsed = auditEntrySchema.safeParse(data);
      if (parsed.success) ledger.audit.push(parsed.data);
      else problem(parsed.error.issues[0]?.path.join('.') ?? '(record)', parsed.error.issues[0]?.message ?? 'is invalid');
      continue;
    }
    const state = data as Partial<RecordState> | null;
    const schema = state?.section === 'actors' ? actorSchema : state?.section === 'relationships' ? relationshipSchema : null;
    if (!schema) {
      problem('section', 'must be actors or relationships');
      continue;
    }
    const record = schema.safeParse(state?.record);
    const retired = retirementSchema.safeParse(state?.retired);
    if (!record.success) problem(`record.${record.error.issues[0]?.path.join('.') ?? ''}`, record.error.issues[0]?.message ?? 'is invalid');
    else if (!retired.success) problem(`retired.${retired.error.issues[0]?.path.join('.') ?? ''}`, retired.error.issues[0]?.message ?? 'is invalid');
    else ledger.retired.push({ section: state!.section!, id: record.data.id, record: record.data, retired: retired.data });
  }
  return ledger;
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

export async function readDataFile(file: string): Promise<(StoredData & Ledger) | null> {
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
  const { dataset, problems, header, extras } = await readRecordFile(file, { header: true, extraTypes: LEDGER_TYPES });
  const ledger = ledgerOf(file, extras, problems);
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
  return { dataset, seedIds: h?.seedIds ?? {}, ...ledger };
}

export function writeDataFileAtomically(file: string, dataset: Dataset, seedIds: StoredData['seedIds'] = {}, ledger?: Ledger): Promise<void> {
  return writeAtomically(
    file,
    async (out, header) => {
      await writeRecords(out, dataset, header);
      if (!ledger) return;
      for (const [type, list] of [['retired', ledger.retired], ['audit', ledger.audit]] as const) {
        for (const data of list) if (!out.write(`{"type":"${type}","data":${JSON.stringify(data)}}\n`)) await once(out, 'drain');
      }
    },
    seedIds,
    countsOf(dataset),
  );
}

/**
 * The data file of a store that holds exactly the records of a validated record file: its header,
 * then the file's lines as they are (the same format; blank lines are skipped when read).
 */
export function writeDataFileFromRecordFile(file: string, recordFile: string, dataset: Dataset, audit: readonly AuditEntry[] = []): Promise<void> {
  return writeAtomically(file, async (out, header) => {
    if (!out.write(`${JSON.stringify(header)}\n`)) await once(out, 'drain');
    await pipeline(createReadStream(recordFile), out, { end: false });
    if (!out.write('\n')) await once(out, 'drain');
    for (const data of audit) if (!out.write(`{"type":"audit","data":${JSON.stringify(data)}}\n`)) await once(out, 'drain');
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
