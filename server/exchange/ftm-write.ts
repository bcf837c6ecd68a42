/**
 * The view as FollowTheMoney JSON lines (the mapping is in ftm-schema.ts). Every source is a
 * Document (`source.<id>`; its period as the keyword `nexus:period=<from>/<to>`), and every
 * citation, lifespan reading and claim is a Documentation entity linking that Document to the
 * actor or relationship it supports: `summary` the verbatim quote, `recordId` the location,
 * `status` the grade (claims) or the lifespan event, `startDate`/`endDate` its dates, and its
 * dating bases and dating passage as `dating: {…}` in `description`. The FtM import reads all of
 * it back, ids included.
 */
import type { Actor, Relationship } from '../domain/derive.js';
import type { Citation, Claim, LifespanReading, Source } from '../domain/schemas.js';
import type { ExportView } from '../services/exports.js';
import { KEYWORD_PREFIX, KIND_TOPICS, intervalOfType, schemaOfKind, type FtmEntity } from './ftm-schema.js';

const DATASET = 'nexus_explorer';

function entity(id: string, schema: string, properties: Record<string, Array<string | null | undefined>>): FtmEntity {
  const props = Object.fromEntries(
    Object.entries(properties)
      .map(([k, vs]) => [k, vs.filter((v): v is string => v !== null && v !== undefined && v !== '')] as const)
      .filter(([, vs]) => vs.length > 0),
  );
  return { id, schema, properties: props, datasets: [DATASET] };
}

const line = (e: FtmEntity) => `${JSON.stringify(e)}\n`;
const documentId = (sourceId: string) => `source.${sourceId}`;

function documentation(id: string, target: string, role: string, c: Citation | Claim | LifespanReading, extra: Record<string, Array<string | null>>): FtmEntity {
  return entity(id, 'Documentation', { document: [documentId(c.source)], entity: [target], role: [role], summary: [c.quote], recordId: [c.location], ...extra });
}

function sourceEntity(s: Source): FtmEntity {
  return entity(documentId(s.id), 'Document', {
    title: [s.title], author: s.authors, publisher: [s.publisher], fileName: [s.file],
    publishedAt: [s.year === null ? null : String(s.year)], summary: [s.periodNote], keywords: [`${KEYWORD_PREFIX}period=${s.period.from}/${s.period.to}`],
  });
}

function* actorEntities(a: Actor): Generator<FtmEntity> {
  const topic = KIND_TOPICS[a.kind];
  const country = a.country !== null && /^[a-z]{2}$/i.test(a.country) ? a.country : null;
  yield entity(a.id, schemaOfKind(a.kind), {
    [a.kind === 'region' || a.kind === 'route' ? 'full' : 'name']: [a.name], ...(a.kind === 'region' || a.kind === 'route' ? { name: [a.name] } : {}),
    alias: a.aliases, country: [country], description: [a.description], topics: [topic],
    keywords: [`${KEYWORD_PREFIX}kind=${a.kind}`, a.country !== null && country === null ? `${KEYWORD_PREFIX}country=${a.country}` : null, a.nameCollision === null ? null : `${KEYWORD_PREFIX}name-collision=${a.nameCollision}`],
  });
  for (const [i, c] of a.citations.entries()) yield documentation(`${a.id}.citation.${i}`, a.id, 'citation', c, {});
  for (const [i, r] of a.lifespan.entries()) {
    yield documentation(`${a.id}.lifespan.${i}`, a.id, 'lifespan', r, {
      status: [r.event], startDate: [r.date], endDate: [r.latest], description: [`dating: ${JSON.stringify({ basis: r.basis, datedBy: r.datedBy })}`],
    });
  }
}

function* relationshipEntities(r: Relationship, id: string, names: ReadonlyMap<string, string>): Generator<FtmEntity> {
  const { schema, ends } = intervalOfType(r.type);
  const target = r.type === 'designated_by' ? (names.get(r.target) ?? r.target) : r.target;
  yield entity(id, schema, {
    [ends[0]]: [r.source], [ends[1]]: [target], ...(schema === 'UnknownLink' ? { role: [r.type] } : {}),
    startDate: [r.interval.from], endDate: [r.interval.to], description: [r.description], summary: [r.stageNote === null ? null : `stage note: ${r.stageNote}`],
  });
  for (const [i, c] of r.claims.entries()) {
    yield documentation(`${id}.claim.${i}`, id, 'claim', c, {
      status: [c.confidence], startDate: [c.from], endDate: [c.to], description: [`dating: ${JSON.stringify({ fromBasis: c.fromBasis, toBasis: c.toBasis, datedBy: c.datedBy })}`],
    });
  }
}

export function* ftmLines(view: ExportView): Generator<string> {
  for (const s of view.sources) yield line(sourceEntity(s));
  const actorIds = new Set(view.actors.map((a) => a.id));
  const names = new Map(view.actors.map((a) => [a.id, a.name]));
  for (const a of view.actors) for (const e of actorEntities(a)) yield line(e);
  // An FtM id names one entity: a relationship whose id an actor has gets the prefix "rel." (the import takes it off).
  for (const r of view.relationships) for (const e of relationshipEntities(r, actorIds.has(r.id) ? `rel.${r.id}` : r.id, names)) yield line(e);
}
