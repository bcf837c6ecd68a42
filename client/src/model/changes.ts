/**
 * Compare mode as text, pure: the API's diff between two years as rows a reader can scan — what
 * was added, what ended and which pairs changed stage, each with its years and a quote.
 */
import type { ChangedRelationship, ContinuumStage, Diff } from '../api/types.js';

export type ChangeKind = 'added' | 'ended' | 'changed';

export interface ChangeRow {
  kind: ChangeKind;
  /** What changed, in words: "IMU — alliance — Taliban" or "IMU – Drug networks: alliance → convergence". */
  text: string;
  /** The years it holds (a relationship's validity; for a stage change, the two years compared). */
  years: string;
  quote: string | null;
  document: string | null;
  /** The relationships to select or highlight for this row. */
  relationshipIds: string[];
}

function relText(r: ChangedRelationship): string {
  return `${r.source.name} — ${r.typeLabel.toLowerCase()} — ${r.target.name}`;
}

function relRow(kind: ChangeKind, r: ChangedRelationship): ChangeRow {
  const c = r.citations[0];
  return { kind, text: relText(r), years: r.validity.label, quote: c?.quote ?? null, document: c?.source.title ?? null, relationshipIds: [r.id] };
}

export function changeRows(diff: Diff, stageLabel: (stage: ContinuumStage) => string): ChangeRow[] {
  const stages = (list: readonly ContinuumStage[]) => list.map(stageLabel).join(' + ').toLowerCase();
  return [
    ...diff.changedStage.map((c): ChangeRow => {
      const cite = (c.after.find((r) => r.stage !== null && !c.fromStages.includes(r.stage)) ?? c.after[0])?.citations[0];
      return {
        kind: 'changed',
        text: `${c.a.name} – ${c.b.name}: ${stages(c.fromStages)} → ${stages(c.toStages)}`,
        years: `${diff.fromYear} → ${diff.toYear}`,
        quote: cite?.quote ?? null,
        document: cite?.source.title ?? null,
        relationshipIds: c.after.map((r) => r.id),
      };
    }),
    ...diff.added.map((r) => relRow('added', r)),
    ...diff.ended.map((r) => relRow('ended', r)),
  ];
}
