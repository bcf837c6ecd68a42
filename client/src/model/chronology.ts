/**
 * A chronology, pure: the dated claims about an actor or a pair, in date order, each with its
 * quote, its document, its grade and how its date is known — what an investigator reads to see
 * when the documents put each tie.
 */
import type { Claim, Confidence, ContinuumStage, DatingBasis } from '../api/types.js';

export interface ChronologyRelationship {
  id: string;
  typeLabel: string;
  stage: ContinuumStage | null;
  directed: boolean;
  source: { id: string; name: string };
  target: { id: string; name: string };
  claims: readonly Claim[];
}

export interface ChronologyEntry {
  relationshipId: string;
  /** "1999", "1997–1999", "from 2005", "until 2001-11". */
  when: string;
  /** For sorting: the claim's first date as YYYY-MM-DD. */
  sortKey: string;
  /** "IMU — alliance — Taliban" (from the focus actor's side when one is given). */
  what: string;
  stage: ContinuumStage | null;
  confidence: Confidence;
  basis: DatingBasis | null;
  quote: string;
  datedBy: string | null;
  document: string;
  location: string | null;
}

function fill(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** Dated claims only (a claim with no date of its own says nothing about when). Ties: relationship id. */
export function chronology(rels: readonly ChronologyRelationship[], focusId: string | null = null): ChronologyEntry[] {
  const out: ChronologyEntry[] = [];
  for (const r of rels) {
    const [first, second] = focusId !== null && r.target.id === focusId && !r.directed ? [r.target, r.source] : [r.source, r.target];
    const what = `${first.name} — ${r.typeLabel.toLowerCase()} — ${second.name}`;
    for (const c of r.claims) {
      const from = c.interval.from;
      const to = c.interval.to;
      if (from === null && to === null) continue;
      const when = from !== null && to !== null ? (from === to ? from : `${from}–${to}`) : from !== null ? `from ${from}` : `until ${to}`;
      out.push({
        relationshipId: r.id,
        when,
        sortKey: fill((from ?? to) as string),
        what,
        stage: r.stage,
        confidence: c.confidence,
        basis: c.fromBasis ?? c.toBasis,
        quote: c.citation.quote,
        datedBy: c.datedBy?.quote ?? null,
        document: c.citation.source.title,
        location: c.citation.location,
      });
    }
  }
  return out.sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.relationshipId.localeCompare(b.relationshipId));
}
