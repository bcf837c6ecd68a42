/**
 * FollowTheMoney entities as JSON lines (`{"id", "schema", "properties": {prop: [values]},
 * "datasets", "first_seen", "last_seen", …}` per line, as OpenSanctions and Aleph export them) read
 * into our records (the mapping is in ftm-schema.ts). Provenance becomes citations: an entity's
 * documentation (Document + Documentation entities, as our own export writes them) gives its
 * citations and claims exactly; otherwise each of its datasets — and its sourceUrl, when it has
 * one — is a source, cited with a verbatim fragment of the entity's line and a location naming the
 * line and when the dataset first and last saw it; such claims are graded `reported`.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { actorSchema, claimSchema, citationSchema, relationshipSchema, sourceSchema, type Citation } from '../domain/schemas.js';
import { foldName } from '../domain/search.js';
import type { ActorKind, RelationshipType } from '../domain/vocabulary.js';
import { emptyInput, location, quoteFragment, slugId, validated, type ImportInput } from './input.js';
import { ACTOR_SCHEMATA, INTERVAL_SCHEMATA, ftmDate, intervalOfType, isActorKind, keyword, kindOfTopics, typeOfInterval, type FtmEntity } from './ftm-schema.js';

export interface FtmOptions {
  /** The kind of an organisation whose keywords and topics say none; without it such entities are skipped. */
  kind?: ActorKind;
}

interface Line {
  entity: FtmEntity;
  line: number;
  raw: string;
}

const first = (e: FtmEntity, prop: string): string | undefined => e.properties[prop]?.find((v) => v.trim() !== '');
const strip = (id: string, prefix: string) => (id.startsWith(prefix) ? id.slice(prefix.length) : id);
const hash = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 12);

function dating(e: FtmEntity): Record<string, unknown> {
  const text = (e.properties['description'] ?? []).find((d) => d.startsWith('dating: '));
  if (!text) return {};
  try {
    return JSON.parse(text.slice('dating: '.length)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function parseFtmLines(file: string, text: string, input: ImportInput): Line[] {
  const out: Line[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const where = { file, record: `line ${i + 1}` };
    let e: unknown;
    try {
      e = JSON.parse(raw);
    } catch (err) {
      input.problems.push({ ...where, field: '(json)', reason: (err as Error).message });
      return;
    }
    const entity = e as Partial<FtmEntity> | null;
    const props = entity?.properties;
    if (typeof entity?.id !== 'string' || typeof entity.schema !== 'string' || !props || typeof props !== 'object' || !Object.values(props).every((v) => Array.isArray(v) && v.every((x) => typeof x === 'string'))) {
      input.problems.push({ ...where, field: '(entity)', reason: 'an FtM entity needs an id, a schema and properties whose values are lists of strings' });
      return;
    }
    out.push({ entity: entity as FtmEntity, line: i + 1, raw });
  });
  return out;
}

export function readFtm(file: string, text: string, options: FtmOptions = {}): ImportInput {
  const input = emptyInput('ftm');
  // Entities our own export wrote (they state their kind) are ours: only the others are checked for name collisions.
  const thirdParty = new Set<string>();
  input.markCollisions = thirdParty;
  const name = path.basename(file);
  const lines = parseFtmLines(name, text, input);
  const docs = new Map<string, Line[]>();
  for (const l of lines) {
    if (l.entity.schema !== 'Documentation') continue;
    const target = first(l.entity, 'entity');
    if (target) docs.set(target, [...(docs.get(target) ?? []), l]);
  }
  const sourceIdOf = (documentId: string) => slugId(strip(documentId, 'source.'));
  // Provenance sources: one per dataset and per source URL, bounded by the dates seen.
  const provenance = new Map<string, { id: string; title: string; file: string; publisher?: string; dates: string[] }>();
  const provenanceOf = (l: Line, quote: string): Citation[] => {
    const e = l.entity;
    const seen = [ftmDate(e.first_seen), ftmDate(e.last_seen)];
    const dates = [...seen, ...['startDate', 'endDate', 'date', 'listingDate'].map((p) => ftmDate(first(e, p)))].filter((d): d is string => d !== null);
    const keys: Array<{ id: string; title: string; file: string; publisher?: string }> = (e.datasets?.length ? e.datasets : [name]).map((ds) => ({ id: `ftm-${slugId(ds)}`, title: `FollowTheMoney dataset ${ds}`, file: name }));
    const url = first(e, 'sourceUrl');
    const publisher = first(e, 'publisher');
    if (url) keys.push({ id: `ftm-url-${hash(url)}`, title: publisher ? `${publisher}: ${url}` : url, file: url, ...(publisher ? { publisher } : {}) });
    const loc = location(`line ${l.line}${seen[0] || seen[1] ? `; seen ${seen[0] ?? '?'} to ${seen[1] ?? '?'}` : ''}`);
    return keys.map((k) => {
      const p = provenance.get(k.id) ?? { ...k, dates: [] };
      p.dates.push(...dates);
      provenance.set(k.id, p);
      return { source: k.id, quote: quoteFragment(quote), location: loc };
    });
  };
  const documented = (l: Line, role: string) => (docs.get(l.entity.id) ?? []).filter((d) => first(d.entity, 'role') === role);

  // Documents → sources.
  for (const l of lines.filter((x) => x.entity.schema === 'Document')) {
    const e = l.entity;
    const period = keyword(e, 'period')?.split('/') ?? [];
    const published = ftmDate(first(e, 'publishedAt'));
    const source = validated(input, sourceSchema, {
      id: sourceIdOf(e.id), title: first(e, 'title') ?? first(e, 'name'), authors: e.properties['author'] ?? [],
      year: published ? Number(published.slice(0, 4)) : null, ...(first(e, 'publisher') ? { publisher: first(e, 'publisher') } : {}),
      file: first(e, 'fileName') ?? first(e, 'sourceUrl') ?? e.id,
      period: { from: period[0] ?? published, to: period[1] ?? published }, periodNote: first(e, 'summary') ?? '',
    }, name, `line ${l.line} (Document "${e.id}")`);
    if (!source) continue;
    input.dataset.sources.push(source);
    input.rows.push({ where: `${name} line ${l.line}`, section: 'sources', id: source.id });
  }

  // Things → actors.
  const actorByName = new Map<string, string>();
  for (const l of lines.filter((x) => (ACTOR_SCHEMATA as readonly string[]).includes(x.entity.schema))) {
    const e = l.entity;
    const where = `${name} line ${l.line}`;
    const stated = keyword(e, 'kind');
    const kind: ActorKind | null = isActorKind(stated) ? stated
      : e.schema === 'Person' ? ((e.properties['topics'] ?? []).includes('role.pep') ? 'official' : 'person')
      : e.schema === 'Address' ? 'region'
      : kindOfTopics(e.properties['topics'] ?? []) ?? (e.schema === 'PublicBody' ? 'state_agency' : options.kind ?? null);
    const actorName = first(e, 'name') ?? first(e, 'full');
    if (!kind || !actorName) {
      input.skipped.push({ where, reason: !actorName ? `${e.schema} "${e.id}" has no name` : `${e.schema} "${e.id}": neither its keywords nor its topics say what kind of actor it is (give --kind)` });
      continue;
    }
    const names = ['alias', 'previousName', 'weakAlias', 'name'].flatMap((p) => e.properties[p] ?? []);
    const citations = documented(l, 'citation').map((d) => ({ source: sourceIdOf(first(d.entity, 'document') ?? ''), quote: first(d.entity, 'summary'), ...(first(d.entity, 'recordId') ? { location: first(d.entity, 'recordId') } : {}) }));
    const lifespan = documented(l, 'lifespan').map((d) => ({
      event: first(d.entity, 'status'), date: ftmDate(first(d.entity, 'startDate')), latest: ftmDate(first(d.entity, 'endDate')),
      source: sourceIdOf(first(d.entity, 'document') ?? ''), quote: first(d.entity, 'summary'), ...(first(d.entity, 'recordId') ? { location: first(d.entity, 'recordId') } : {}),
      basis: 'stated', datedBy: null, ...dating(d.entity),
    }));
    const actor = validated(input, actorSchema, {
      id: slugId(e.id), name: actorName, aliases: [...new Set(names)].filter((n) => n !== actorName), kind,
      country: keyword(e, 'country') ?? first(e, 'country') ?? null, description: first(e, 'description') ?? '',
      nameCollision: keyword(e, 'name-collision'), lifespan,
      citations: citations.length > 0 ? citations : provenanceOf(l, l.raw),
    }, name, `line ${l.line} (${e.schema} "${e.id}")`);
    if (!actor) continue;
    if (!isActorKind(stated) && kind === options.kind) input.review.push(`${where}: ${e.schema} "${actorName}" imported as ${kind} (--kind)`);
    input.dataset.actors.push(actor);
    input.rows.push({ where, section: 'actors', id: actor.id });
    if (!isActorKind(stated)) thirdParty.add(actor.id);
    actorByName.set(foldName(actorName), actor.id);
  }

  // Intervals → relationships.
  for (const l of lines) {
    const e = l.entity;
    const where = `${name} line ${l.line}`;
    if (!(INTERVAL_SCHEMATA as readonly string[]).includes(e.schema)) {
      if (!['Document', 'Documentation', ...ACTOR_SCHEMATA].includes(e.schema)) input.skipped.push({ where, reason: `schema ${e.schema} is not imported` });
      continue;
    }
    const type: RelationshipType | null = typeOfInterval(e);
    if (!type) {
      input.skipped.push({ where, reason: `${e.schema} "${e.id}" has role "${first(e, 'role') ?? ''}", which is not one of our relationship types` });
      continue;
    }
    const [fromProp, toProp] = intervalOfType(type).ends;
    const sourceRef = first(e, fromProp);
    const targetRef = first(e, toProp);
    if (!sourceRef || !targetRef) {
      input.skipped.push({ where, reason: `${e.schema} "${e.id}" lacks ${!sourceRef ? fromProp : toProp}` });
      continue;
    }
    let target = slugId(targetRef);
    if (type === 'designated_by') target = actorByName.get(foldName(targetRef)) ?? addAuthority(input, l, targetRef, provenanceOf(l, l.raw), actorByName);
    const claims = documented(l, 'claim').map((d) => ({
      source: sourceIdOf(first(d.entity, 'document') ?? ''), quote: first(d.entity, 'summary'), ...(first(d.entity, 'recordId') ? { location: first(d.entity, 'recordId') } : {}),
      confidence: first(d.entity, 'status'), from: ftmDate(first(d.entity, 'startDate')), to: ftmDate(first(d.entity, 'endDate')), fromBasis: null, toBasis: null, datedBy: null, ...dating(d.entity),
    }));
    const summary = first(e, 'summary');
    const stageNote = summary?.startsWith('stage note: ') ? summary.slice('stage note: '.length) : null;
    const own = first(e, 'description') && !first(e, 'description')!.startsWith('dating: ') ? first(e, 'description')! : '';
    const provenanceClaims = claims.length > 0 ? [] : provenanceOf(l, own.length >= 8 ? own : summary && !stageNote && summary.length >= 8 ? summary : l.raw).map((c) => {
      const from = ftmDate(first(e, 'startDate') ?? first(e, 'date') ?? first(e, 'listingDate'));
      const to = ftmDate(first(e, 'endDate'));
      return validated(input, claimSchema, { ...c, confidence: 'reported', from, to, fromBasis: from ? 'stated' : null, toBasis: to ? 'stated' : null }, name, where);
    });
    const rel = validated(input, relationshipSchema, {
      id: slugId(strip(e.id, 'rel.')), source: slugId(sourceRef), target, type, description: own, stageNote, claims: claims.length > 0 ? claims : provenanceClaims,
    }, name, `line ${l.line} (${e.schema} "${e.id}")`);
    if (!rel) continue;
    input.dataset.relationships.push(rel);
    input.rows.push({ where, section: 'relationships', id: rel.id });
  }

  for (const p of provenance.values()) {
    const sorted = [...p.dates].sort();
    if (sorted.length === 0) {
      input.problems.push({ file: name, record: `source "${p.id}"`, field: 'period', reason: `nothing in the file dates what ${p.title} holds (first_seen, last_seen or dates), so its period is unknown` });
      continue;
    }
    const source = validated(input, sourceSchema, { id: p.id, title: p.title, authors: [], year: null, ...(p.publisher ? { publisher: p.publisher } : {}), file: p.file, period: { from: sorted[0], to: sorted.at(-1) }, periodNote: 'From the earliest to the latest date the imported entities carry (first_seen, last_seen, their own dates).' }, name, `source "${p.id}"`);
    if (source) input.dataset.sources.push(source);
  }
  return input;
}

/** A Sanction's authority that is no actor of the file: imported as a state agency, for review. */
function addAuthority(input: ImportInput, l: Line, authority: string, citations: Citation[], byName: Map<string, string>): string {
  const id = `ftm-authority-${slugId(authority)}`;
  if (!input.dataset.actors.some((a) => a.id === id)) {
    const actor = validated(input, actorSchema, { id, name: authority, kind: 'state_agency', citations: citations.map((c) => citationSchema.parse(c)) }, l.entity.id, `line ${l.line} (authority)`);
    if (actor) {
      input.dataset.actors.push(actor);
      input.rows.push({ where: `line ${l.line}`, section: 'actors', id });
      (input.markCollisions as Set<string>).add(id);
      input.review.push(`line ${l.line}: sanctioning authority "${authority}" imported as a state agency (check its kind)`);
    }
  }
  byName.set(foldName(authority), id);
  return id;
}
