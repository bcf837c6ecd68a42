/**
 * Checks that every citation quote occurs verbatim (whitespace-normalised) in its source
 * document's text — the dataset's and, when given, other cited records' (the story files).
 * Used by `npm run verify:sources` and by the dataset and story tests.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Citation, Dataset } from '../domain/schemas.js';

export interface QuoteMiss {
  record: string;
  source: string;
  quote: string;
  reason: string;
}

/** Collapse runs of white space (including PDF line breaks) to single spaces. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Every quote a record carries: citations, claims, lifespan readings and their dating passages. */
function* citedRecords(ds: Dataset): Generator<[string, readonly Citation[]]> {
  for (const a of ds.actors) {
    yield [`actor ${a.id}`, a.citations];
    yield [`actor ${a.id} lifespan`, a.lifespan.flatMap((r) => [{ source: r.source, quote: r.quote }, ...(r.datedBy ? [{ source: r.source, quote: r.datedBy.quote }] : [])])];
  }
  for (const r of ds.relationships) {
    yield [`relationship ${r.id}`, r.claims.flatMap((c) => [{ source: c.source, quote: c.quote }, ...(c.datedBy ? [{ source: c.source, quote: c.datedBy.quote }] : [])])];
  }
  for (const e of ds.events) yield [`event ${e.id}`, e.citations];
  for (const c of ds.capacity) yield [`capacity ${c.id}`, c.citations];
  for (const f of ds.figures) yield [`figure ${f.id}`, f.citations];
}

/** A record outside the dataset that cites the documents (a story step), by a name for the report. */
export type CitedRecord = readonly [string, ReadonlyArray<Pick<Citation, 'source' | 'quote'>>];

export async function verifyQuotes(ds: Dataset, documentsDir: string, others: Iterable<CitedRecord> = []): Promise<{ checked: number; misses: QuoteMiss[] }> {
  const texts = new Map<string, string | null>();
  for (const s of ds.sources) {
    try {
      texts.set(s.id, normaliseWhitespace(await readFile(path.join(documentsDir, s.file), 'utf8')));
    } catch {
      texts.set(s.id, null);
    }
  }
  const misses: QuoteMiss[] = [];
  let checked = 0;
  for (const [record, citations] of [...citedRecords(ds), ...others]) {
    for (const c of citations) {
      checked += 1;
      const text = texts.get(c.source);
      if (text === undefined) misses.push({ record, source: c.source, quote: c.quote, reason: 'unknown source' });
      else if (text === null) misses.push({ record, source: c.source, quote: c.quote, reason: `document file not found in ${documentsDir}` });
      else if (!text.includes(normaliseWhitespace(c.quote))) misses.push({ record, source: c.source, quote: c.quote, reason: 'quote not found verbatim' });
    }
  }
  return { checked, misses };
}
