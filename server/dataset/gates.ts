/**
 * Dataset quality gates beyond schemas and references, for the seed and for imports: no two
 * relationships assert the same fact; dated claims fall inside their actors' dated lifespans; every
 * continuum pair whose stage changes has its coded stage sequence (seed/stages.json), and the
 * sequence its claims give equals it. Also the dating statistics the notes and README quote.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { SeedProblem } from '../domain/errors.js';
import { deriveDataset, type Actor, type Relationship } from '../domain/derive.js';
import type { Dataset } from '../domain/schemas.js';
import { idSchema } from '../domain/schemas.js';
import { datePointEnd, datePointStart } from '../domain/time.js';
import { pairKey, stagedPairs, stagePeriods, stageSequence } from '../domain/stages.js';
import { CONTINUUM_STAGES, isDatedBasis, RELATIONSHIP_TYPE_INFO } from '../domain/vocabulary.js';

/** The coded stage sequences: one file for the whole dataset, since a pair's claims may come from several documents. */
export const DEFAULT_STAGES_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seed/stages.json');

export const stageSequencesSchema = z.object({
  pairs: z.array(
    z.object({
      a: idSchema,
      b: idSchema,
      /** The stages in the order the documents describe them. */
      sequence: z.array(z.enum(CONTINUUM_STAGES)).min(2),
      /** What the documents say, in our words, with the claims' sources named. */
      note: z.string().min(1),
    }),
  ),
});
export type StageSequences = z.infer<typeof stageSequencesSchema>;

export async function readStageSequences(file: string): Promise<StageSequences> {
  return stageSequencesSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}

const FILE = '(merged dataset)';

/** The hull of a relationship's dated claims as days; undated ends are open. */
function claimedDays(r: Relationship): { start: number; end: number } {
  return {
    start: r.interval.from ? datePointStart(r.interval.from) : -Infinity,
    end: r.interval.to ? datePointEnd(r.interval.to) : Infinity,
  };
}

/** Fact identity: the type and the pair (ordered when the type is directed). */
function factKey(r: Relationship): string {
  const pair = RELATIONSHIP_TYPE_INFO[r.type].directed ? `${r.source}>${r.target}` : pairKey(r);
  return `${r.type}|${pair}`;
}

export function sameFactProblems(relationships: readonly Relationship[]): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const groups = new Map<string, Relationship[]>();
  for (const r of relationships) groups.set(factKey(r), [...(groups.get(factKey(r)) ?? []), r]);
  for (const rels of groups.values()) {
    for (let i = 0; i < rels.length; i += 1) {
      for (let j = i + 1; j < rels.length; j += 1) {
        const a = rels[i] as Relationship;
        const b = rels[j] as Relationship;
        const x = claimedDays(a);
        const y = claimedDays(b);
        if (x.start <= y.end && y.start <= x.end) {
          problems.push({
            file: FILE,
            record: `relationships (id "${b.id}")`,
            field: 'id',
            reason: `asserts the same fact as "${a.id}" (${a.type}, same pair, overlapping or undated period): make it one relationship with both claims`,
          });
        }
      }
    }
  }
  return problems;
}

/** A dated claim outside a dated lifespan bound of one of its actors (uncertain bounds widen). */
export function lifespanProblems(actors: readonly Actor[], relationships: readonly Relationship[]): SeedProblem[] {
  const byId = new Map(actors.map((a) => [a.id, a]));
  const problems: SeedProblem[] = [];
  for (const r of relationships) {
    r.claims.forEach((c, i) => {
      for (const id of [r.source, r.target]) {
        const span = byId.get(id)?.span;
        if (!span) continue;
        if (c.to && isDatedBasis(span.from.basis) && datePointEnd(c.to) < datePointStart(span.from.earliest)) {
          problems.push({ file: FILE, record: `relationships (id "${r.id}")`, field: `claims.${i}.to`, reason: `${c.to} is before ${id}'s lifespan starts (${span.from.earliest}, ${span.from.basis})` });
        }
        if (c.from && isDatedBasis(span.to.basis) && datePointStart(c.from) > datePointEnd(span.to.latest)) {
          problems.push({ file: FILE, record: `relationships (id "${r.id}")`, field: `claims.${i}.from`, reason: `${c.from} is after ${id}'s lifespan ends (${span.to.latest}, ${span.to.basis})` });
        }
      }
    });
  }
  return problems;
}

export function stageSequenceProblems(relationships: readonly Relationship[], coded: StageSequences, file = 'seed/stages.json'): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const pairs = stagedPairs(relationships);
  const codedByPair = new Map(coded.pairs.map((p) => [pairKey({ source: p.a, target: p.b }), p]));
  for (const [key, rels] of pairs) {
    const actual = stageSequence(stagePeriods(rels));
    const entry = codedByPair.get(key);
    if (!entry) {
      if (actual.length > 1) problems.push({ file, record: `pair ${key.replace('|', ' – ')}`, field: 'sequence', reason: `its claims give the stages ${actual.join(' → ')}; code the sequence the documents describe` });
      continue;
    }
    if (actual.join(',') !== entry.sequence.join(',')) {
      problems.push({ file, record: `pair ${key.replace('|', ' – ')}`, field: 'sequence', reason: `coded ${entry.sequence.join(' → ')}, but its claims give ${actual.join(' → ')}` });
    }
  }
  for (const [key] of codedByPair) {
    if (!pairs.has(key)) problems.push({ file, record: `pair ${key.replace('|', ' – ')}`, field: 'a', reason: 'no continuum relationship links this pair' });
  }
  return problems;
}

export interface DatingStats {
  relationships: number;
  /** With at least one stated or passage-dated end. */
  datedRelationships: number;
  /** With both ends stated or passage-dated. */
  fullyDatedRelationships: number;
  /** Asserted by more than one document. */
  corroborated: number;
  actors: number;
  /** With at least one dated lifespan reading. */
  datedLifespans: number;
  /** With a start or end that several readings contest. */
  contestedLifespans: number;
  /** By the basis of each lifespan end. */
  lifespanBases: Record<string, number>;
  /** By the basis of each relationship validity end. */
  validityBases: Record<string, number>;
}

export function datingStats(actors: readonly Actor[], relationships: readonly Relationship[]): DatingStats {
  const count = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {});
  return {
    relationships: relationships.length,
    datedRelationships: relationships.filter((r) => r.dated).length,
    fullyDatedRelationships: relationships.filter((r) => r.interval.from !== null && r.interval.to !== null).length,
    corroborated: relationships.filter((r) => r.corroboration > 1).length,
    actors: actors.length,
    datedLifespans: actors.filter((a) => a.lifespan.length > 0).length,
    contestedLifespans: actors.filter((a) => a.span.from.uncertain || a.span.to.uncertain).length,
    lifespanBases: count(actors.flatMap((a) => [a.span.from.basis, a.span.to.basis])),
    validityBases: count(relationships.flatMap((r) => [r.validity.from.basis, r.validity.to.basis])),
  };
}

/** Every gate on a merged dataset. */
export function datasetGateProblems(ds: Dataset, coded: StageSequences): SeedProblem[] {
  const { actors, relationships } = deriveDataset(ds);
  return [...sameFactProblems(relationships), ...lifespanProblems(actors, relationships), ...stageSequenceProblems(relationships, coded)];
}
