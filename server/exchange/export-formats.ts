/**
 * The export formats: what each writes (as chunks of text, so a large view streams), its media type
 * and file extension. JSON is the seed format's records in one document (`sources`, `actors`,
 * `relationships`, `events`, `capacity`, `figures`), which the import reads back; CSV is one of our
 * three tables (table-csv.ts); GraphML and GEXF are graph-xml.ts; Cypher is the Neo4j adapter's
 * script; FtM is ftm-write.ts.
 */
import { actorRecordOf, relationshipRecordOf } from '../store/records.js';
import { cypherScript } from '../store/neo4j/script.js';
import type { ExportView } from '../services/exports.js';
import { ftmLines } from './ftm-write.js';
import { gexf, graphml } from './graph-xml.js';
import { actorRows, relationshipRows, sourceRows, type CsvTable } from './table-csv.js';

export const EXPORT_FORMATS = ['json', 'csv', 'graphml', 'gexf', 'cypher', 'ftm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FormatInfo {
  mediaType: string;
  extension: string;
}

export const FORMAT_INFO: Readonly<Record<ExportFormat, FormatInfo>> = {
  json: { mediaType: 'application/json; charset=utf-8', extension: 'json' },
  csv: { mediaType: 'text/csv; charset=utf-8', extension: 'csv' },
  graphml: { mediaType: 'application/graphml+xml; charset=utf-8', extension: 'graphml' },
  gexf: { mediaType: 'application/gexf+xml; charset=utf-8', extension: 'gexf' },
  cypher: { mediaType: 'application/x-cypher-query; charset=utf-8', extension: 'cypher' },
  ftm: { mediaType: 'application/x-ndjson; charset=utf-8', extension: 'ftm.jsonl' },
};

function* jsonSection(name: string, records: readonly unknown[], last: boolean): Generator<string> {
  yield `  ${JSON.stringify(name)}: [`;
  for (const [i, r] of records.entries()) yield `${i === 0 ? '\n' : ',\n'}    ${JSON.stringify(r)}`;
  yield `${records.length > 0 ? '\n  ' : ''}]${last ? '' : ','}\n`;
}

export function* datasetJson(view: ExportView): Generator<string> {
  yield `{\n  "format": "nexus-explorer-dataset",\n  "description": ${JSON.stringify(view.description)},\n`;
  yield* jsonSection('sources', view.sources, false);
  yield* jsonSection('actors', view.actors.map(actorRecordOf), false);
  yield* jsonSection('relationships', view.relationships.map(relationshipRecordOf), false);
  yield* jsonSection('events', view.events, false);
  yield* jsonSection('capacity', view.capacity, false);
  yield* jsonSection('figures', view.figures, true);
  yield '}\n';
}

export function csvTable(view: ExportView, table: CsvTable): Generator<string> {
  if (table === 'sources') return sourceRows(view.sources);
  if (table === 'actors') return actorRows(view.actors.map(actorRecordOf));
  return relationshipRows(view.relationships.map(relationshipRecordOf));
}

export function writeFormat(view: ExportView, format: ExportFormat, table: CsvTable = 'relationships'): Iterable<string> {
  switch (format) {
    case 'json':
      return datasetJson(view);
    case 'csv':
      return csvTable(view, table);
    case 'graphml':
      return graphml(view);
    case 'gexf':
      return gexf(view);
    case 'cypher':
      return cypherScript(view);
    case 'ftm':
      return ftmLines(view);
  }
}

/** Chunks of about 64 KiB from many small pieces (fewer writes to a socket or a file). */
export function* batched(pieces: Iterable<string>, size = 64 * 1024): Generator<string> {
  let chunk = '';
  for (const p of pieces) {
    chunk += p;
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
