/**
 * Merges per-document seed files into one Dataset. Actors, relationships and events may be
 * declared by several documents under one id: an actor's kind, a relationship's pair and type and
 * an event's date must agree; aliases, lifespan readings, claims, citations and participants are
 * united. The same fact asserted by several documents is thus one relationship with several claims.
 * Every other record must have a unique id.
 */
import type { ActorRecord as Actor, Claim, Dataset, LifespanReading, NexusEvent, RelationshipRecord, SeedFile } from '../domain/schemas.js';
import { emptyDataset } from '../domain/schemas.js';
import type { SeedProblem } from '../domain/errors.js';

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

/** Drop repeated citations (same source, quote and location). */
function distinctCitations<T extends { source: string; quote: string; location?: string | undefined }>(cs: readonly T[]): T[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const key = `${c.source}\u0000${c.quote}\u0000${c.location ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Drop repeated lifespan readings and claims (same source, quote, location, dating and grade). */
function distinctByValue<T>(xs: readonly T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const key = JSON.stringify(x);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An actor as first declared: aliases without the name itself or repeats, citations distinct. */
function tidyActor(a: Actor): Actor {
  return {
    ...structuredClone(a),
    aliases: union([], a.aliases).filter((x) => x !== a.name),
    lifespan: distinctByValue<LifespanReading>(a.lifespan),
    citations: distinctCitations(a.citations),
  };
}

function mergeRelationship(into: RelationshipRecord, next: RelationshipRecord, file: string, problems: SeedProblem[]): void {
  const record = `relationships (id "${next.id}")`;
  for (const field of ['type', 'source', 'target'] as const) {
    if (into[field] !== next[field]) problems.push({ file, record, field, reason: `"${next[field]}" disagrees with "${into[field]}" declared earlier for this fact` });
  }
  into.claims = distinctByValue<Claim>([...into.claims, ...next.claims]);
  if (!into.description && next.description) into.description = next.description;
  into.stageNote ??= next.stageNote;
}

function mergeActor(into: Actor, next: Actor, file: string, problems: SeedProblem[]): void {
  const record = `actors (id "${next.id}")`;
  if (into.kind !== next.kind) {
    problems.push({ file, record, field: 'kind', reason: `"${next.kind}" disagrees with "${into.kind}" declared earlier` });
  }
  const names = union([into.name], [next.name, ...next.aliases]).filter((n) => n !== into.name);
  into.aliases = union(into.aliases, names);
  into.citations = distinctCitations([...into.citations, ...next.citations]);
  if (!into.description && next.description) into.description = next.description;
  into.country ??= next.country;
  into.lifespan = distinctByValue<LifespanReading>([...into.lifespan, ...next.lifespan]);
  into.nameCollision ??= next.nameCollision;
}

function mergeEvent(into: NexusEvent, next: NexusEvent, file: string, problems: SeedProblem[]): void {
  if (into.date !== next.date) {
    problems.push({
      file,
      record: `events (id "${next.id}")`,
      field: 'date',
      reason: `"${next.date}" disagrees with "${into.date}" declared earlier; give a contested dating its own id`,
    });
  }
  into.actors = union(into.actors, next.actors);
  into.places = union(into.places, next.places);
  into.citations = [...into.citations, ...next.citations];
  if (!into.description && next.description) into.description = next.description;
  into.endDate ??= next.endDate;
}

export function mergeSeedFiles(files: ReadonlyArray<{ name: string; data: SeedFile }>): {
  dataset: Dataset;
  problems: SeedProblem[];
} {
  const problems: SeedProblem[] = [];
  const dataset = emptyDataset();
  const actors = new Map<string, Actor>();
  const events = new Map<string, NexusEvent>();
  const relationships = new Map<string, RelationshipRecord>();
  const seen = { sources: new Set<string>(), capacity: new Set<string>(), figures: new Set<string>() };

  const unique = (section: keyof typeof seen, id: string, file: string): boolean => {
    if (seen[section].has(id)) {
      problems.push({ file, record: `${section} (id "${id}")`, field: 'id', reason: 'duplicate id' });
      return false;
    }
    seen[section].add(id);
    return true;
  };

  for (const { name, data } of files) {
    if (unique('sources', data.source.id, name)) dataset.sources.push(data.source);
    for (const actor of data.actors) {
      const existing = actors.get(actor.id);
      if (existing) mergeActor(existing, actor, name, problems);
      else actors.set(actor.id, tidyActor(actor));
    }
    for (const event of data.events) {
      const existing = events.get(event.id);
      if (existing) mergeEvent(existing, event, name, problems);
      else events.set(event.id, structuredClone(event));
    }
    for (const r of data.relationships) {
      const existing = relationships.get(r.id);
      if (existing) mergeRelationship(existing, r, name, problems);
      else relationships.set(r.id, { ...structuredClone(r), claims: distinctByValue<Claim>(r.claims) });
    }
    for (const c of data.capacity) if (unique('capacity', c.id, name)) dataset.capacity.push({ ...c, citations: distinctCitations(c.citations) });
    for (const f of data.figures) if (unique('figures', f.id, name)) dataset.figures.push(f);
  }
  dataset.actors = [...actors.values()];
  dataset.relationships = [...relationships.values()];
  dataset.events = [...events.values()];
  return { dataset, problems };
}
