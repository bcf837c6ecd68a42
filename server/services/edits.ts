/**
 * Edits with evidence: plans each mutation on what the store holds now — validated with the seed's
 * schemas and integrity rules, every write carrying a citation and a grade — as one AuditEntry
 * (`before`: the records as read; `after`: what they become), which the store applies all or
 * nothing and keeps as the audit log. Retiring keeps a record's data and takes it out of the
 * network; a merge re-points every relationship, event, rating and figure of the merged actor to
 * the survivor, folds duplicate facts into one fact with all their claims, and retires the rest.
 */
import { randomUUID } from 'node:crypto';
import { BadInputError, NotFoundError } from '../domain/errors.js';
import { checkIntegrity } from '../dataset/integrity.js';
import { stateKey, type AuditEntry, type ChangeOperation, type Evidence, type RecordKey, type RecordState, type Retirement, type Section } from '../domain/changes.js';
import { RELATIONSHIP_TYPE_INFO, type ActorKind } from '../domain/vocabulary.js';
import type { ActorRecord, Claim, RelationshipRecord, Source } from '../domain/schemas.js';
import type { GraphStore } from '../store/port.js';
import { canonicalJson } from '../store/records.js';
import { idArg, parseArg } from './inputs.js';
import {
  aliasSchema,
  citationOf,
  claimOf,
  integrityError,
  newActorRecord,
  newRelationshipRecord,
  parseActor,
  parseClaim,
  parseEvidence,
  parseReason,
  parseRelationship,
  type ActorArg,
  type ActorChangesArg,
  type ClaimArg,
  type EvidenceArg,
  type RelationshipArg,
  type RelationshipChangesArg,
} from './edit-inputs.js';

const EVERYTHING = { offset: 0, limit: 1_000_000 };

/** Who makes the change: the token's name. */
export interface Editor {
  name: string;
}

function distinctBy<T>(xs: readonly T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const key = canonicalJson(x);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The fact a relationship states, so a re-pointed duplicate can be found: type and ends (either way round when undirected). */
function factKey(r: RelationshipRecord): string {
  const [a, b] = RELATIONSHIP_TYPE_INFO[r.type].directed || r.source < r.target ? [r.source, r.target] : [r.target, r.source];
  return `${r.type}\u0000${a}\u0000${b}`;
}

/** One planned change under construction: the records it reads and what they become. */
class Plan {
  readonly before = new Map<string, RecordState>();
  readonly after = new Map<string, RecordState>();

  /** The change's instant: its audit entry's and its retirements'. */
  constructor(readonly at: string) {}

  read(state: RecordState): void {
    if (!this.before.has(stateKey(state))) this.before.set(stateKey(state), state);
  }

  write(section: Section, record: { id: string }, retired: Retirement | null = null): void {
    this.after.set(stateKey({ section, id: record.id }), { section, id: record.id, record, retired });
  }
}

export class EditService {
  /** The last instant handed out: entries of one process never share one, so their order is their time. */
  private lastAt = 0;

  constructor(private readonly store: GraphStore) {}

  private now(): string {
    this.lastAt = Math.max(Date.now(), this.lastAt + 1);
    return new Date(this.lastAt).toISOString();
  }

  private async states(keys: readonly RecordKey[]): Promise<RecordState[]> {
    return keys.length === 0 ? [] : this.store.recordStates(keys);
  }

  /** A live record, or NOT_FOUND / BAD_USER_INPUT ("is retired") on `field`. */
  private async live<T extends { id: string }>(plan: Plan, section: 'actors' | 'relationships', rawId: string, field: string): Promise<T> {
    const id = parseArg(field, idArg, rawId);
    const [state] = await this.states([{ section, id }]);
    if (!state?.record) throw new NotFoundError(section === 'actors' ? 'actor' : 'relationship', id, field);
    if (state.retired) throw new BadInputError(field, `"${id}" is retired (${state.retired.reason}); a retired record cannot be changed`);
    plan.read(state);
    return state.record as T;
  }

  /** An id no record holds, live or retired. */
  private async free(plan: Plan, section: Section, id: string, field: string): Promise<void> {
    const [state] = await this.states([{ section, id }]);
    if (state?.record) throw new BadInputError(field, `"${id}" is already used${state.retired ? ' by a retired record' : ''}: choose another id`);
    plan.read({ section, id, record: null, retired: null });
  }

  /** The evidence's source: a stored one, or a new one the change creates. */
  private async cite(plan: Plan, field: string, source: string, newSource: Source | null): Promise<void> {
    if (newSource) {
      await this.free(plan, 'sources', newSource.id, `${field}.newSource.id`);
      plan.write('sources', newSource);
      return;
    }
    const [stored] = await this.store.getSources([source]);
    if (!stored) throw new BadInputError(`${field}.source`, `unknown source "${source}": give the id of a stored source, or newSource with title, authors and year`);
  }

  private async evidence(plan: Plan, field: string, arg: EvidenceArg): Promise<Evidence> {
    const { evidence, newSource } = parseEvidence(field, arg);
    await this.cite(plan, field, evidence.source, newSource);
    return evidence;
  }

  /** Check records against the seed's integrity rules, with every actor they name looked up. */
  private async checkRecords(field: string, actors: readonly ActorRecord[], relationships: readonly RelationshipRecord[]): Promise<void> {
    const named = [...new Set(relationships.flatMap((r) => [r.source, r.target]))].filter((id) => !actors.some((a) => a.id === id));
    const states = await this.states(named.map((id) => ({ section: 'actors' as const, id })));
    const actorKinds = new Map<string, ActorKind>(states.filter((s) => s.record && !s.retired).map((s) => [s.id, (s.record as ActorRecord).kind]));
    for (const s of states) {
      if (s.retired) throw new BadInputError(`${field}.${relationships.some((r) => r.source === s.id) ? 'source' : 'target'}`, `actor "${s.id}" is retired (${s.retired.reason})`);
    }
    const sourceIds = new Set([...actors.flatMap((a) => [...a.citations, ...a.lifespan]), ...relationships.flatMap((r) => r.claims)].map((c) => c.source));
    const problems = checkIntegrity({ sources: [], actors: [...actors], relationships: [...relationships], events: [], capacity: [], figures: [] }, { actorKinds, sourceIds }, '(edit)');
    const error = integrityError(field, problems);
    if (error) throw error;
  }

  private async commit(plan: Plan, by: Editor, operation: ChangeOperation, evidence: Evidence, summary: string, reason: string | null = null): Promise<AuditEntry> {
    // The main records first; a source document the evidence adds comes last.
    const after = [...plan.after.values()].sort((a, b) => Number(a.section === 'sources') - Number(b.section === 'sources'));
    const before = after.map((s) => plan.before.get(stateKey(s)) ?? { section: s.section, id: s.id, record: null, retired: null });
    const entry: AuditEntry = { id: randomUUID(), at: plan.at, by: by.name, operation, recordIds: [...new Set(after.map((s) => s.id))], summary, reason, evidence, before, after };
    return this.store.applyChange(entry);
  }

  private async incident(actorId: string): Promise<RelationshipRecord[]> {
    const { items } = await this.store.listRelationships({ actorIds: [actorId] }, EVERYTHING);
    const states = await this.states(items.map((r) => ({ section: 'relationships' as const, id: r.id })));
    return states.filter((s) => s.record && !s.retired).map((s) => s.record as RelationshipRecord);
  }

  // ---- actors -----------------------------------------------------------------------------

  async createActor(by: Editor, input: ActorArg, evidenceArg: EvidenceArg): Promise<AuditEntry> {
    const plan = new Plan(this.now());
    const evidence = await this.evidence(plan, 'evidence', evidenceArg);
    const actor = newActorRecord(input, citationOf(evidence));
    await this.free(plan, 'actors', actor.id, input.id ? 'input.id' : 'input.name');
    plan.write('actors', actor);
    return this.commit(plan, by, 'create_actor', evidence, `created actor "${actor.name}" (${actor.kind})`);
  }

  async updateActor(by: Editor, id: string, changes: ActorChangesArg, evidenceArg: EvidenceArg): Promise<AuditEntry> {
    const plan = new Plan(this.now());
    const current = await this.live<ActorRecord>(plan, 'actors', id, 'id');
    const evidence = await this.evidence(plan, 'evidence', evidenceArg);
    // Left out or null: unchanged, except that null clears the country and the name-collision note.
    const given = Object.fromEntries(Object.entries(changes).filter(([k, v]) => v !== undefined && (v !== null || k === 'country' || k === 'nameCollision')));
    const next = parseActor('changes', { ...current, ...given, citations: distinctBy([...current.citations, citationOf(evidence)]) });
    next.aliases = next.aliases.filter((a) => a !== next.name);
    if (canonicalJson({ ...next, citations: [] }) === canonicalJson({ ...current, citations: [] })) throw new BadInputError('changes', 'changes nothing: give at least one field with a new value');
    if (next.kind !== current.kind) await this.checkRecords('changes', [next], await this.incident(next.id));
    plan.write('actors', next);
    const fields = Object.keys(given).filter((k) => canonicalJson((next as Record<string, unknown>)[k]) !== canonicalJson((current as Record<string, unknown>)[k]));
    return this.commit(plan, by, 'update_actor', evidence, `updated actor "${next.name}": ${fields.join(', ')}`);
  }

  async addAlias(by: Editor, id: string, alias: string, evidenceArg: EvidenceArg): Promise<AuditEntry> {
    const plan = new Plan(this.now());
    const current = await this.live<ActorRecord>(plan, 'actors', id, 'id');
    const name = parseArg('alias', aliasSchema, alias);
    if (name === current.name || current.aliases.includes(name)) throw new BadInputError('alias', `"${name}" is already a name of "${current.id}"`);
    const evidence = await this.evidence(plan, 'evidence', evidenceArg);
    plan.write('actors', parseActor('alias', { ...current, aliases: [...current.aliases, name], citations: distinctBy([...current.citations, citationOf(evidence)]) }));
    return this.commit(plan, by, 'add_alias', evidence, `added alias "${name}" to "${current.name}"`);
  }

  async retireActor(by: Editor, id: string, reasonArg: string, evidenceArg: EvidenceArg): Promise<AuditEntry> {
    const plan = new Plan(this.now());
    const current = await this.live<ActorRecord>(plan, 'actors', id, 'id');
    const reason = parseReason('reason', reasonArg);
    const evidence = await this.evidence(plan, 'evidence', evidenceArg);
    const [events, figures, ratings] = await Promise.all([this.store.listEvents({ actorId: current.id }), this.store.listFigures({ actorId: current.id }), this.store.listCapacity({ regionId: current.id })]);
    const named = events.length + figures.length + ratings.length;
    if (named > 0) throw new BadInputError('id', `"${current.id}" is named by ${events.length} event(s), ${figures.length} figure(s) and ${ratings.length} rating(s): merge it into another actor instead`);
    const retired = { at: plan.at, by: by.name, reason, mergedInto: null };
    const rels = await this.incident(current.id);
    for (const r of rels) {
      plan.read({ section: 'relationships', id: r.id, record: r, retired: null });
      plan.write('relationships', r, { ...retired, reason: `its actor "${current.id}" was retired: ${reason}` });
    }
    plan.write('actors', current, retired);
    return this.commit(plan, by, 'retire_actor', evidence, `retired actor "${current.name}" and ${rels.length} relationship(s)`, reason);
  }

  async mergeActors(by: Editor, survivorId: string, mergedId: string, reasonArg: string, evidenceArg: EvidenceArg): Promise<AuditEntry> {
    const plan = new Plan(this.now());
    if (survivorId === mergedId) throw new BadInputError('merged', 'an actor cannot be merged into itself');
    const survivor = await this.live<ActorRecord>(plan, 'actors', survivorId, 'survivor');
    const merged = await this.live<ActorRecord>(plan, 'actors', mergedId, 'merged');
    if (survivor.kind !== merged.kind) throw new BadInputError('merged', `"${merged.id}" is a ${merged.kind} and "${survivor.id}" a ${survivor.kind}: give them one kind first`);
    const reason = parseReason('reason', reasonArg);
    const evidence = await this.evidence(plan, 'evidence', evidenceArg);
    const retired: Retirement = { at: plan.at, by: by.name, reason, mergedInto: survivor.id };
    const names = [merged.name, ...merged.aliases, ...survivor.aliases].filter((n) => n !== survivor.name);
    plan.write('actors', parseActor('merged', {
      ...survivor,
      aliases: [...new Set([...survivor.aliases, ...names])],
      citations: distinctBy([...survivor.citations, ...merged.citations, citationOf(evidence)]),
      lifespan: distinctBy([...survivor.lifespan, ...merged.lifespan]),
      description: survivor.description || merged.description,
      country: survivor.country ?? merged.country,
      nameCollision: survivor.nameCollision ?? merged.nameCollision,
    }));
    plan.write('actors', merged, retired);

    // Relationships: the survivor's facts, then the merged actor's re-pointed onto them.
    const facts = new Map<string, RelationshipRecord>();
    for (const r of await this.incident(survivor.id)) {
      plan.read({ section: 'relationships', id: r.id, record: r, retired: null });
      if (r.source !== merged.id && r.target !== merged.id) facts.set(factKey(r), r);
    }
    let folded = 0;
    for (const r of await this.incident(merged.id)) {
      plan.read({ section: 'relationships', id: r.id, record: r, retired: null });
      const moved: RelationshipRecord = { ...r, source: r.source === merged.id ? survivor.id : r.source, target: r.target === merged.id ? survivor.id : r.target };
      if (moved.source === moved.target) {
        plan.write('relationships', r, { ...retired, reason: `linked "${merged.id}" to "${survivor.id}", which are now one actor: ${reason}`, mergedInto: null });
        continue;
      }
      const same = facts.get(factKey(moved));
      if (same) {
        const into: RelationshipRecord = { ...same, claims: distinctBy<Claim>([...same.claims, ...moved.claims]), description: same.description || moved.description, stageNote: same.stageNote ?? moved.stageNote };
        facts.set(factKey(into), into);
        plan.write('relationships', into);
        plan.write('relationships', r, { ...retired, reason: `the same fact as "${same.id}" once "${merged.id}" became "${survivor.id}": ${reason}`, mergedInto: same.id });
        folded += 1;
      } else {
        facts.set(factKey(moved), moved);
        plan.write('relationships', parseRelationship('merged', moved));
      }
    }
    const swap = (ids: readonly string[]) => [...new Set(ids.map((x) => (x === merged.id ? survivor.id : x)))];
    const [events, figures, ratings] = await Promise.all([this.store.listEvents({ actorId: merged.id }), this.store.listFigures({ actorId: merged.id }), this.store.listCapacity({ regionId: merged.id })]);
    const others = await this.states([...events.map((e) => ({ section: 'events' as const, id: e.id })), ...figures.map((f) => ({ section: 'figures' as const, id: f.id })), ...ratings.map((c) => ({ section: 'capacity' as const, id: c.id }))]);
    for (const s of others) {
      if (!s.record) continue;
      plan.read(s);
      const rec = s.record as Record<string, unknown>;
      const repointed = s.section === 'capacity' ? { ...rec, region: survivor.id } : s.section === 'events' ? { ...rec, actors: swap(rec['actors'] as string[]), places: swap(rec['places'] as string[]) } : { ...rec, actors: swap(rec['actors'] as string[]) };
      plan.write(s.section, repointed as unknown as { id: string });
    }
    await this.checkRecords('merged', [], [...plan.after.values()].filter((s) => s.section === 'relationships' && !s.retired).map((s) => s.record as RelationshipRecord));
    const moved = [...plan.after.values()].filter((s) => s.section === 'relationships').length;
    return this.commit(plan, by, 'merge_actors', evidence, `merged "${merged.name}" into "${survivor.name}": ${moved} relationship(s) re-pointed (${folded} folded into an existing fact), ${others.length} event(s), figure(s) and rating(s) re-pointed`, reason);
  }

  // ---- relationships ----------------------------------------------------------------------

  async createRelationship(by: Editor, input: RelationshipArg, claimArg: ClaimArg): Promise<AuditEntry> {
    const plan = new Plan(this.now());
    const { claim, newSource } = parseClaim('claim', claimArg);
    await this.cite(plan, 'claim', claim.source, newSource);
    const rel = newRelationshipRecord(input, claim);
    await this.checkRecords('input', [], [rel]);
    await this.free(plan, 'relationships', rel.id, 'input.id');
    plan.write('relationships', rel);
    return this.commit(plan, by, 'create_relationship', { ...citationOf(claim), confidence: claim.confidence }, `created relationship "${rel.id}" (${rel.source} ${rel.type} ${rel.target})`);
  }

  async updateRelationship(by: Editor, id: string, changes: RelationshipChangesArg, evidenceArg: EvidenceArg): Promise<AuditEntry> {
    const plan = new Plan(this.now());
    const current = await this.live<RelationshipRecord>(plan, 'relationships', id, 'id');
    const evidence = await this.evidence(plan, 'evidence', evidenceArg);
    const given = Object.fromEntries(Object.entries(changes).filter(([k, v]) => v !== undefined && (v !== null || k === 'stageNote')));
    const next = parseRelationship('changes', { ...current, ...given, claims: distinctBy<Claim>([...current.claims, claimOf(evidence)]) });
    if (canonicalJson({ ...next, claims: [] }) === canonicalJson({ ...current, claims: [] })) throw new BadInputError('changes', 'changes nothing: give at least one field with a new value (to add evidence only, use addCitation)');
    await this.checkRecords('changes', [], [next]);
    plan.write('relationships', next);
    return this.commit(plan, by, 'update_relationship', evidence, `updated relationship "${next.id}": ${Object.keys(given).join(', ')}`);
  }

  async addCitation(by: Editor, id: string, claimArg: ClaimArg): Promise<AuditEntry> {
    const plan = new Plan(this.now());
    const current = await this.live<RelationshipRecord>(plan, 'relationships', id, 'relationshipId');
    const { claim, newSource } = parseClaim('claim', claimArg);
    await this.cite(plan, 'claim', claim.source, newSource);
    if (current.claims.some((c) => canonicalJson(c) === canonicalJson(claim))) throw new BadInputError('claim', 'this claim is already recorded on the relationship');
    plan.write('relationships', { ...current, claims: [...current.claims, claim] } as RelationshipRecord);
    return this.commit(plan, by, 'add_citation', { ...citationOf(claim), confidence: claim.confidence }, `added a ${claim.confidence} claim from "${claim.source}" to "${current.id}"`);
  }

  async retireRelationship(by: Editor, id: string, reasonArg: string, evidenceArg: EvidenceArg): Promise<AuditEntry> {
    const plan = new Plan(this.now());
    const current = await this.live<RelationshipRecord>(plan, 'relationships', id, 'id');
    const reason = parseReason('reason', reasonArg);
    const evidence = await this.evidence(plan, 'evidence', evidenceArg);
    plan.write('relationships', current, { at: plan.at, by: by.name, reason, mergedInto: null });
    return this.commit(plan, by, 'retire_relationship', evidence, `retired relationship "${current.id}"`, reason);
  }
}
