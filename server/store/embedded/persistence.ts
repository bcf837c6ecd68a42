/**
 * Crash-safe persistence for the embedded store: the whole dataset is written to a temp file,
 * fsynced, then renamed over the data file (and the directory fsynced), so a crash leaves
 * either the old file or the new one, never a torn one.
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { emptyDataset, type Dataset } from '../../domain/schemas.js';

const FORMAT_VERSION = 1;

interface DataFile {
  format: number;
  savedAt: string;
  dataset: Dataset;
  /** Ids that came from the seed at the last sync, so records dropped from the seed can be removed. */
  seedIds?: Partial<Record<keyof Dataset, string[]>>;
}

export interface StoredData {
  dataset: Dataset;
  seedIds: Partial<Record<keyof Dataset, string[]>>;
}

export async function readDataFile(file: string): Promise<StoredData | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const parsed = JSON.parse(text) as Partial<DataFile>;
  if (parsed.format !== FORMAT_VERSION || !parsed.dataset) {
    throw new Error(`${file}: not a Nexus Explorer data file (format ${String(parsed.format)})`);
  }
  return { dataset: { ...emptyDataset(), ...parsed.dataset }, seedIds: parsed.seedIds ?? {} };
}

export async function writeDataFileAtomically(file: string, dataset: Dataset, seedIds: StoredData['seedIds'] = {}): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const body: DataFile = { format: FORMAT_VERSION, savedAt: new Date().toISOString(), dataset, seedIds };
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(JSON.stringify(body));
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  await rename(tmp, file);
  const dirHandle = await open(dir, 'r');
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}
