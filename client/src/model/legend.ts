/**
 * The legend, built from the API's vocabulary (relationshipTypes, actorKinds, confidenceGrades,
 * capacityTypes) and the visual encodings, pure: the UI only renders these entries.
 */
import type { Vocabulary } from '../api/types.js';
import { CAPACITY_COLOURS, CONFIDENCE_LINES, kindStyle, PARTLY_DATED_OPACITY, typeColour, typeWidth, UNDATED_OPACITY, type NodeShape } from './colours.js';

export interface StageEntry {
  type: string;
  label: string;
  description: string;
  order: number;
  colour: string;
  width: number;
}

export interface TypeEntry {
  type: string;
  label: string;
  description: string;
  directed: boolean;
  colour: string;
}

export interface KindEntry {
  kind: string;
  label: string;
  description: string;
  shape: NodeShape;
  colour: string;
}

export interface ConfidenceEntry {
  grade: string;
  label: string;
  description: string;
  line: 'solid' | 'dashed' | 'dotted';
  opacity: number;
}

export interface CapacityEntry {
  capacity: string;
  label: string;
  description: string;
  colour: string;
}

export interface DatingEntry {
  key: 'dated' | 'partly' | 'undated';
  label: string;
  description: string;
  width: number;
  opacity: number;
}

/** How well a relationship is dated: both ends, one, or neither (then bounded by lifespans or periods). */
export const DATING_LEGEND: readonly DatingEntry[] = [
  { key: 'dated', label: 'Dated start and end', description: 'Both ends are stated in a quote or dated by its passage.', width: 2, opacity: 1 },
  { key: 'partly', label: 'One end dated', description: 'The other end is bounded by the actors’ lifespans or the documents’ period.', width: 2, opacity: PARTLY_DATED_OPACITY },
  { key: 'undated', label: 'Weakly dated', description: 'No document dates it: bounded by the actors’ lifespans or “as reported” in the documents’ period; hide with “Dated links only”.', width: 1, opacity: UNDATED_OPACITY },
];

export interface Legend {
  /** The continuum, ordered weakest → strongest. */
  stages: StageEntry[];
  /** Other relationship types, in vocabulary order. */
  types: TypeEntry[];
  kinds: KindEntry[];
  confidence: ConfidenceEntry[];
  capacity: CapacityEntry[];
  dating: DatingEntry[];
  /** How an end of a validity or a lifespan is known (the API's DatingBasis). */
  bases: Vocabulary['datingBases'];
}

export function buildLegend(vocab: Vocabulary): Legend {
  const stages = vocab.relationshipTypes
    .filter((t) => t.isStage && t.stageOrder !== null)
    .map((t) => ({
      type: t.type,
      label: t.label,
      description: t.description,
      order: t.stageOrder ?? 0,
      colour: typeColour(t.type, t.stageOrder),
      width: typeWidth(t.stageOrder),
    }))
    .sort((a, b) => a.order - b.order);
  const types = vocab.relationshipTypes
    .filter((t) => !t.isStage)
    .map((t) => ({ type: t.type, label: t.label, description: t.description, directed: t.directed, colour: typeColour(t.type, null) }));
  const kinds = vocab.actorKinds.map((k) => ({ kind: k.kind, label: k.label, description: k.description, ...kindStyleEntry(k.kind) }));
  const confidence = [...vocab.confidenceGrades]
    .sort((a, b) => b.rank - a.rank)
    .map((c) => ({ grade: c.grade, label: c.label, description: c.description, ...(CONFIDENCE_LINES[c.grade] ?? { line: 'solid' as const, opacity: 1 }) }));
  const capacity = vocab.capacityTypes.map((c) => ({
    capacity: c.capacity,
    label: c.label,
    description: c.description,
    colour: CAPACITY_COLOURS[c.capacity] ?? '#888888',
  }));
  return { stages, types, kinds, confidence, capacity, dating: DATING_LEGEND.map((d) => ({ ...d })), bases: vocab.datingBases.map((b) => ({ ...b })) };
}

function kindStyleEntry(kind: Vocabulary['actorKinds'][number]['kind']): { shape: NodeShape; colour: string } {
  const s = kindStyle(kind);
  return { shape: s.shape, colour: s.colour };
}
