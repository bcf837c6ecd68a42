/**
 * The arguments of the edit mutations, checked with the seed's own zod schemas: a new actor or
 * relationship, changes to one, the evidence every write carries (an existing source or a new one
 * with title, authors and year) and a claim with its dating. Every failure is a BadInputError naming
 * the argument's field (`input.kind`, `evidence.quote`, `claim.fromBasis`).
 */
import { z } from 'zod';
import { BadInputError, type SeedProblem } from '../domain/errors.js';
import { evidenceSchema, newSourceSchema, retirementSchema, type Evidence } from '../domain/changes.js';
import { actorSchema, claimSchema, relationshipSchema, type ActorRecord, type Citation, type Claim, type RelationshipRecord, type Source } from '../domain/schemas.js';
import { parseArg } from './inputs.js';

export interface NewSourceArg {
  id: string;
  title: string;
  authors: readonly string[];
  year: number;
  publisher?: string | null;
  period: { from: string; to: string };
  periodNote?: string | null;
}

export interface EvidenceArg {
  source?: string | null;
  newSource?: NewSourceArg | null;
  quote: string;
  location?: string | null;
  confidence: string;
}

export interface ClaimArg extends EvidenceArg {
  from?: string | null;
  to?: string | null;
  fromBasis?: string | null;
  toBasis?: string | null;
  datedBy?: { quote: string; location?: string | null } | null;
}

export interface ActorArg {
  id?: string | null;
  name: string;
  kind: string;
  aliases?: readonly string[] | null;
  country?: string | null;
  description?: string | null;
  nameCollision?: string | null;
}

/** Fields left out (or null) stay as they are, except that null clears country and nameCollision. */
export type ActorChangesArg = { [K in keyof Omit<ActorArg, 'id'>]?: ActorArg[K] | null };

export interface RelationshipArg {
  id?: string | null;
  source: string;
  target: string;
  type: string;
  description?: string | null;
  stageNote?: string | null;
}

export type RelationshipChangesArg = { [K in 'type' | 'description' | 'stageNote']?: RelationshipArg[K] | null };

/** GraphQL gives null for an optional argument left out; the schemas want it absent. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/** A slug id from a name: "Jund al-Khilafah" → "jund-al-khilafah". */
export function slugOf(text: string, field: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
  if (!slug) throw new BadInputError(field, 'give an id: there are no letters or digits to make one from');
  return slug;
}

export interface ParsedEvidence {
  evidence: Evidence;
  /** The new source document the evidence cites, when it names one. */
  newSource: Source | null;
}

export function parseEvidence(field: string, arg: EvidenceArg): ParsedEvidence {
  const newSource = arg.newSource ? parseArg(`${field}.newSource`, newSourceSchema, defined(arg.newSource)) : null;
  if (newSource && arg.source && arg.source !== newSource.id) throw new BadInputError(`${field}.source`, `give either source or newSource, not both (newSource has id "${newSource.id}")`);
  const source = arg.source ?? newSource?.id;
  if (!source) throw new BadInputError(`${field}.source`, 'every write needs a citation: give the id of a source, or newSource with title, authors and year');
  const evidence = parseArg(field, evidenceSchema, defined({ source, quote: arg.quote, location: arg.location, confidence: arg.confidence }));
  return { evidence, newSource };
}

export function citationOf(e: Evidence): Citation {
  return { source: e.source, quote: e.quote, ...(e.location !== undefined ? { location: e.location } : {}) };
}

/** A claim: the evidence plus its own dating (an end given without a basis is `stated`). */
export function parseClaim(field: string, arg: ClaimArg): { claim: Claim; newSource: Source | null } {
  const { evidence, newSource } = parseEvidence(field, arg);
  const claim = parseArg(
    field,
    claimSchema,
    defined({
      ...evidence,
      from: arg.from,
      to: arg.to,
      fromBasis: arg.fromBasis ?? (arg.from ? 'stated' : null),
      toBasis: arg.toBasis ?? (arg.to ? 'stated' : null),
      datedBy: arg.datedBy ? defined(arg.datedBy) : null,
    }),
  );
  return { claim, newSource };
}

/** A claim made of plain evidence (no dating of its own). */
export function claimOf(e: Evidence): Claim {
  return { ...citationOf(e), confidence: e.confidence, from: null, to: null, fromBasis: null, toBasis: null, datedBy: null };
}

export function parseActor(field: string, record: unknown): ActorRecord {
  return parseArg(field, actorSchema, record);
}

export function parseRelationship(field: string, record: unknown): RelationshipRecord {
  return parseArg(field, relationshipSchema, record);
}

export function newActorRecord(arg: ActorArg, citation: Citation): ActorRecord {
  const id = arg.id ?? slugOf(arg.name ?? '', 'input.id');
  return parseActor('input', defined({ ...arg, id, aliases: arg.aliases ?? [], citations: [citation] }));
}

export function newRelationshipRecord(arg: RelationshipArg, claim: Claim): RelationshipRecord {
  const id = arg.id ?? slugOf(`${arg.source}-${arg.type}-${arg.target}`, 'input.id');
  return parseRelationship('input', defined({ ...arg, id, claims: [claim] }));
}

const reasonSchema = retirementSchema.shape.reason;

export function parseReason(field: string, reason: string): string {
  return parseArg(field, reasonSchema, reason);
}

export const aliasSchema = z.string().trim().min(1, 'must not be empty').max(200, 'is too long (at most 200 characters)');

/** The first integrity problem of a planned record, as a BadInputError on the argument that caused it. */
export function integrityError(field: string, problems: readonly SeedProblem[]): BadInputError | null {
  const p = problems[0];
  if (!p) return null;
  return new BadInputError(`${field}.${p.field}`, p.reason);
}
