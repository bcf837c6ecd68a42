/**
 * The typed registry of the Cypher files in cypher/: every query's name, file and parameter
 * names. The files are read once when the store opens; a missing file stops startup with its
 * name. `runQuery` only accepts the parameters the registry declares (the lint test checks the
 * files use exactly those).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { MAX_PATH_HOPS } from '../port.js';
import { NEO4J_RELATIONSHIP_TYPES } from './names.js';

export const DEFAULT_CYPHER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../cypher');

export interface QuerySpec {
  readonly file: string;
  readonly params: readonly string[];
  /** A script holds several statements separated by ';' that are run one by one (schema.cypher). */
  readonly script?: boolean;
}

const W = ['windowStart', 'windowEnd'] as const;

const F = ['types', 'minRank', 'datedOnly', 'minSources', ...W] as const;
const PATH = ['from', 'to', ...F, 'excluded', 'direction', 'maxHops', 'cap'] as const;

export const QUERIES = {
  schema: { file: 'schema.cypher', params: [], script: true },
  adminClearRelationships: { file: 'admin-clear-relationships.cypher', params: ['batch'] },
  adminClearNodes: { file: 'admin-clear-nodes.cypher', params: ['batch'] },
  ping: { file: 'ping.cypher', params: [] },
  prepareForReplanning: { file: 'prepare-for-replanning.cypher', params: ['timeoutSeconds'] },
  importMarkerSet: { file: 'import-marker-set.cypher', params: ['startedAt', 'records'] },
  importMarkerGet: { file: 'import-marker-get.cypher', params: [] },
  importMarkerClear: { file: 'import-marker-clear.cypher', params: [] },
  actorsByIds: { file: 'actors-by-ids.cypher', params: ['ids'] },
  actorIdsPage: { file: 'actor-ids-page.cypher', params: ['after', 'limit'] },
  searchActors: { file: 'search-actors.cypher', params: ['plain', 'folded', 'skeleton', 'kinds', 'countries', ...W, 'offset', 'limit'] },
  relationshipsByIds: { file: 'relationships-by-ids.cypher', params: ['ids'] },
  listRelationships: { file: 'list-relationships.cypher', params: [...F, 'offset', 'limit'] },
  listIncidentRelationships: { file: 'list-incident-relationships.cypher', params: ['actorIds', ...F, 'offset', 'limit'] },
  snapshotRelationships: { file: 'snapshot-relationships.cypher', params: [...F, 'kinds', 'limit'] },
  overview: { file: 'overview.cypher', params: ['types', 'maxActors', 'maxRelationships'] },
  timeSpan: { file: 'time-span.cypher', params: ['types'] },
  neighbourhood: { file: 'neighbourhood.cypher', params: ['center', 'depth', 'maxActors', ...F] },
  pathsShortest: { file: 'paths-shortest.cypher', params: [...PATH] },
  pathsSimple: { file: 'paths-simple.cypher', params: [...PATH, 'temporal', 'maxGap', 'minDay', 'maxDay'] },
  pathsKShortest: { file: 'paths-k-shortest.cypher', params: [...PATH, 'groups'] },
  diff: { file: 'diff.cypher', params: ['types', 'minRank', 'datedOnly', 'minSources', 'aStart', 'aEnd', 'bStart', 'bEnd'] },
  dyad: { file: 'dyad.cypher', params: ['a', 'b', 'types'] },
  listEvents: { file: 'list-events.cypher', params: ['actorId', ...W] },
  eventsByIds: { file: 'events-by-ids.cypher', params: ['ids'] },
  listCapacity: { file: 'list-capacity.cypher', params: ['regionId', ...W] },
  capacityByIds: { file: 'capacity-by-ids.cypher', params: ['ids'] },
  listFigures: { file: 'list-figures.cypher', params: ['actorId'] },
  figuresByIds: { file: 'figures-by-ids.cypher', params: ['ids'] },
  listSources: { file: 'list-sources.cypher', params: ['types'] },
  sourcesByIds: { file: 'sources-by-ids.cypher', params: ['ids'] },
  counts: { file: 'counts.cypher', params: ['types'] },
  referencedRecords: { file: 'referenced-records.cypher', params: ['actorIds', 'sourceIds'] },
  upsertSources: { file: 'upsert-sources.cypher', params: ['rows'] },
  upsertActors: { file: 'upsert-actors.cypher', params: ['rows'] },
  deleteStaleRelationships: { file: 'delete-stale-relationships.cypher', params: ['rows'] },
  upsertRelationships: { file: 'upsert-relationships.cypher', params: ['rows'] },
  insertRelationships: { file: 'insert-relationships.cypher', params: ['rows'] },
  upsertEvents: { file: 'upsert-events.cypher', params: ['rows'] },
  upsertCapacity: { file: 'upsert-capacity.cypher', params: ['rows'] },
  upsertFigures: { file: 'upsert-figures.cypher', params: ['rows'] },
  derivationActorInputs: { file: 'derivation-actor-inputs.cypher', params: ['ids'] },
  setActorSpans: { file: 'set-actor-spans.cypher', params: ['rows'] },
  derivationRelationshipInputs: { file: 'derivation-relationship-inputs.cypher', params: ['ids'] },
  setRelationshipDerived: { file: 'set-relationship-derived.cypher', params: ['rows'] },
  lockEdits: { file: 'lock-edits.cypher', params: ['id', 'at'] },
  retiredByIds: { file: 'retired-by-ids.cypher', params: ['ids'] },
  upsertRetired: { file: 'upsert-retired.cypher', params: ['rows'] },
  deleteActors: { file: 'delete-actors.cypher', params: ['ids'] },
  createAuditEntry: { file: 'create-audit-entry.cypher', params: ['props'] },
  listAudit: { file: 'list-audit.cypher', params: ['recordId', 'by', 'operation', 'since', 'until', 'offset', 'limit'] },
} as const satisfies Record<string, QuerySpec>;

export type QueryName = keyof typeof QUERIES;
/** The parameter object a query takes: exactly the names its registry entry declares. */
export type QueryParams<N extends QueryName> = { [K in (typeof QUERIES)[N]['params'][number]]: unknown };

export const QUERY_NAMES = Object.keys(QUERIES) as QueryName[];

/** Remove `//` line comments (outside string literals) so a script can be split on ';'. */
export function stripLineComments(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let quote: string | null = null;
      for (let i = 0; i < line.length; i += 1) {
        const c = line[i];
        if (quote) {
          if (c === '\\') i += 1;
          else if (c === quote) quote = null;
        } else if (c === "'" || c === '"' || c === '`') quote = c;
        else if (c === '/' && line[i + 1] === '/') return line.slice(0, i);
      }
      return line;
    })
    .join('\n');
}

/**
 * Expand the registry's templates: the lines between `// @each relationship-type` and `// @end`
 * are repeated for every relationship type of the vocabulary (`__TYPE__`), those between
 * `// @each hop-count` and `// @end` for every hop count 1…MAX_PATH_HOPS (`__HOPS__`), and those
 * between `// @each hop-count-split` and `// @end` for every hop count L = 2…MAX_PATH_HOPS with
 * `__HEAD__` = ⌈L/2⌉ and `__TAIL__` = ⌊L/2⌋ (a path met in the middle), all joined by UNION ALL. Only vocabulary names and integers are ever put into the text.
 */
export function expandTemplates(text: string): string {
  return text.replace(/^([ \t]*)\/\/ @each (relationship-type|hop-count-split|hop-count)\n([\s\S]*?)^[ \t]*\/\/ @end\n/gm, (_all, indent: string, kind: string, body: string) => {
    if (kind === 'hop-count-split') {
      const lengths = Array.from({ length: MAX_PATH_HOPS - 1 }, (_, i) => i + 2);
      return lengths.map((hops) => fill(body, { __HOPS__: hops, __HEAD__: Math.ceil(hops / 2), __TAIL__: Math.floor(hops / 2) })).join(`${indent}UNION ALL\n`);
    }
    const values = kind === 'relationship-type' ? [...NEO4J_RELATIONSHIP_TYPES] : Array.from({ length: MAX_PATH_HOPS }, (_, i) => String(i + 1));
    const token = kind === 'relationship-type' ? '__TYPE__' : '__HOPS__';
    return values.map((v) => fill(body, { [token]: v })).join(`${indent}UNION ALL\n`);
  });
}

function fill(body: string, values: Record<string, string | number>): string {
  return Object.entries(values).reduce((text, [token, value]) => text.split(token).join(String(value)), body);
}

/** The statements of a script, comments removed, split on ';'. */
export function splitStatements(text: string): string[] {
  return stripLineComments(text)
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export class QueryRegistry {
  private constructor(private readonly texts: ReadonlyMap<QueryName, string>) {}

  /** Read every registered file; throws naming every missing or empty file. */
  static async load(dir: string = DEFAULT_CYPHER_DIR): Promise<QueryRegistry> {
    const texts = new Map<QueryName, string>();
    const missing: string[] = [];
    await Promise.all(
      QUERY_NAMES.map(async (name) => {
        const file = path.join(dir, QUERIES[name].file);
        try {
          const text = await readFile(file, 'utf8');
          if (stripLineComments(text).trim() === '') missing.push(`${file} (query "${name}": file has no Cypher)`);
          else texts.set(name, expandTemplates(text));
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          missing.push(`${file} (query "${name}": ${code === 'ENOENT' ? 'file not found' : (e as Error).message})`);
        }
      }),
    );
    if (missing.length > 0) {
      throw new Error(`Neo4j store: cannot load the Cypher queries:\n  ${missing.sort().join('\n  ')}`);
    }
    return new QueryRegistry(texts);
  }

  text(name: QueryName): string {
    const text = this.texts.get(name);
    if (text === undefined) throw new Error(`Cypher query "${name}" is not loaded`);
    return text;
  }

  /** The statements of a script entry (schema.cypher). */
  statements(name: QueryName): string[] {
    return splitStatements(this.text(name));
  }

  /** Run a registered query in a managed transaction with exactly its declared parameters. */
  async run<N extends QueryName>(tx: ManagedTransaction, name: N, params: QueryParams<N>): Promise<Neo4jRecord[]> {
    const result = await tx.run(this.text(name), params as Record<string, unknown>);
    return result.records;
  }
}
