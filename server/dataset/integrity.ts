/**
 * Referential and semantic checks on a merged Dataset: every reference resolves, every
 * citation names a known source, and relationship types connect sensible kinds of actor.
 */
import type { Citation, Dataset } from '../domain/schemas.js';
import type { SeedProblem } from '../domain/errors.js';
import { datePointEnd, datePointStart } from '../domain/time.js';
import { STATE_SIDE_KINDS, isContinuumStage, type ActorKind, type RelationshipType } from '../domain/vocabulary.js';

const PLACE_KINDS: readonly ActorKind[] = ['region', 'route', 'state'];
const PERSON_KINDS: readonly ActorKind[] = ['person', 'official'];
const DESIGNATOR_KINDS: readonly ActorKind[] = ['state', 'state_agency', 'international_organisation'];

/** Endpoint rules per type: [allowed source kinds, allowed target kinds]; null = any. */
const ENDPOINT_RULES: Partial<Record<RelationshipType, [readonly ActorKind[] | null, readonly ActorKind[] | null]>> = {
  operates_in: [null, PLACE_KINDS],
  traffics_through: [null, PLACE_KINDS],
  leads: [PERSON_KINDS, null],
  designated_by: [null, DESIGNATOR_KINDS],
};

/** Records already stored, which a batch may refer to without repeating them. */
export interface KnownRecords {
  actorKinds: ReadonlyMap<string, ActorKind>;
  sourceIds: ReadonlySet<string>;
}

const relationshipLabel = (id: string) => `relationships (id "${id}")`;

export function checkIntegrity(ds: Dataset, known?: KnownRecords, file = '(merged dataset)'): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const actorKinds = new Map([...(known?.actorKinds ?? []), ...ds.actors.map((a) => [a.id, a.kind] as const)]);
  const sourceIds = new Set([...(known?.sourceIds ?? []), ...ds.sources.map((s) => s.id)]);

  const checkCitations = (record: string, citations: readonly Citation[]) => {
    citations.forEach((c, i) => {
      if (!sourceIds.has(c.source)) problems.push({ file, record, field: `citations.${i}.source`, reason: `unknown source "${c.source}"` });
    });
  };
  const checkActorRef = (record: string, field: string, id: string) => {
    if (!actorKinds.has(id)) problems.push({ file, record, field, reason: `unknown actor "${id}"` });
  };

  for (const a of ds.actors) {
    checkCitations(`actors (id "${a.id}")`, a.citations);
    a.lifespan.forEach((reading, i) => {
      if (!sourceIds.has(reading.source)) problems.push({ file, record: `actors (id "${a.id}")`, field: `lifespan.${i}.source`, reason: `unknown source "${reading.source}"` });
    });
  }

  // A million relationships: plain loops, and a record's label is made only for a problem.
  for (const r of ds.relationships) {
    for (let i = 0; i < r.claims.length; i += 1) {
      const source = (r.claims[i] as Citation).source;
      if (!sourceIds.has(source)) problems.push({ file, record: relationshipLabel(r.id), field: `claims.${i}.source`, reason: `unknown source "${source}"` });
    }
    const sk = actorKinds.get(r.source);
    const tk = actorKinds.get(r.target);
    if (!sk) problems.push({ file, record: relationshipLabel(r.id), field: 'source', reason: `unknown actor "${r.source}"` });
    if (!tk) problems.push({ file, record: relationshipLabel(r.id), field: 'target', reason: `unknown actor "${r.target}"` });
    if (r.source === r.target) problems.push({ file, record: relationshipLabel(r.id), field: 'target', reason: 'a relationship cannot link an actor to itself' });
    if (!sk || !tk) continue;
    if (!r.stageNote && isContinuumStage(r.type) && (STATE_SIDE_KINDS.includes(sk) || STATE_SIDE_KINDS.includes(tk))) {
      problems.push({ file, record: relationshipLabel(r.id), field: 'stageNote', reason: `continuum stage "${r.type}" with a state-side actor (${sk}/${tk}) needs a stageNote saying why` });
    }
    const rule = ENDPOINT_RULES[r.type];
    if (rule?.[0] && !rule[0].includes(sk)) problems.push({ file, record: relationshipLabel(r.id), field: 'source', reason: `"${r.type}" needs a source of kind ${rule[0].join('|')}, got ${sk}` });
    if (rule?.[1] && !rule[1].includes(tk)) problems.push({ file, record: relationshipLabel(r.id), field: 'target', reason: `"${r.type}" needs a target of kind ${rule[1].join('|')}, got ${tk}` });
  }

  for (const e of ds.events) {
    const record = `events (id "${e.id}")`;
    checkCitations(record, e.citations);
    e.actors.forEach((id, i) => checkActorRef(record, `actors.${i}`, id));
    e.places.forEach((id, i) => checkActorRef(record, `places.${i}`, id));
    if (e.endDate && datePointEnd(e.endDate) < datePointStart(e.date)) problems.push({ file, record, field: 'endDate', reason: 'endDate is before date' });
  }
  for (const c of ds.capacity) {
    const record = `capacity (id "${c.id}")`;
    checkCitations(record, c.citations);
    checkActorRef(record, 'region', c.region);
  }
  for (const f of ds.figures) {
    const record = `figures (id "${f.id}")`;
    checkCitations(record, f.citations);
    f.actors.forEach((id, i) => checkActorRef(record, `actors.${i}`, id));
  }
  return problems;
}
