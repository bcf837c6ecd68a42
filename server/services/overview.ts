/**
 * The explorer's opening view, laid out once on the server: the whole network when it fits the
 * explorer's budget, else the best-connected actors and the relationships among them (one store
 * call either way), with positions from the seeded layout (server/layout: fcose with uniform link
 * lengths, then overlapping actors pushed apart). The answer is cached until the network changes,
 * so a page draws its first graph without laying anything out.
 */
import { createHash } from 'node:crypto';
import type { Actor, Relationship } from '../domain/derive.js';
import { nodeDiameter } from '../layout/boxes.js';
import { computeLayout } from '../layout/layout-core.js';
import type { GraphStore, Snapshot } from '../store/port.js';

/** Above these counts the page opens on a bounded view: the most connected actors. */
export const OVERVIEW_LIMITS = { wholeActors: 2000, wholeRelationships: 5000, boundedActors: 250, boundedRelationships: 1500 } as const;

export interface OverviewResult {
  nodes: Actor[];
  edges: Relationship[];
  positions: Array<{ id: string; x: number; y: number }>;
  /** True when the view holds only the best-connected actors, not the whole network. */
  bounded: boolean;
  /** Bounded, or the whole network had more relationships than the view takes. */
  truncated: boolean;
  totalActors: number;
  totalRelationships: number;
  layoutMs: number;
}

/** What the layout depends on: the actors (and their names, which size their boxes) and the links. */
function fingerprint(s: Snapshot): string {
  const h = createHash('sha1');
  for (const a of s.actors) h.update(`${a.id}\u0000${a.name}\u0001`);
  for (const r of s.relationships) h.update(`${r.id}\u0000${r.source}\u0000${r.target}\u0001`);
  return h.digest('hex');
}

export function layOut(s: Snapshot): { positions: OverviewResult['positions']; ms: number } {
  const degree = new Map<string, number>();
  for (const r of s.relationships) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    if (r.target !== r.source) degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  // actors' boxes without their labels: at the whole network's scale the explorer draws the labels
  // that fit (a label-sized box per actor would spread the picture too far to read any)
  const answer = computeLayout({
    nodes: s.actors.map((a) => {
      const d = nodeDiameter(degree.get(a.id) ?? 0);
      return { id: a.id, x: 0, y: 0, pinned: false, w: d, h: d };
    }),
    edges: s.relationships.map((r) => ({ id: r.id, source: r.source, target: r.target })),
    spread: 'whole',
  });
  const positions = s.actors.map((a) => {
    const p = answer.positions[a.id] ?? { x: 0, y: 0 };
    return { id: a.id, x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
  });
  return { positions, ms: answer.ms };
}

export class OverviewCache {
  private last: { key: string; layout: Promise<{ positions: OverviewResult['positions']; ms: number }> } | null = null;

  constructor(
    private readonly store: GraphStore,
    private readonly limits: { wholeActors: number; wholeRelationships: number; boundedActors: number; boundedRelationships: number } = OVERVIEW_LIMITS,
  ) {}

  async overview(): Promise<OverviewResult> {
    const counts = await this.store.counts();
    const whole = counts.actors <= this.limits.wholeActors && counts.relationships <= this.limits.wholeRelationships;
    const snap = whole
      ? await this.store.snapshot({ limit: this.limits.wholeRelationships })
      : await this.store.overview({ maxActors: this.limits.boundedActors, maxRelationships: this.limits.boundedRelationships });
    const key = fingerprint(snap);
    if (this.last?.key !== key) {
      const layout = Promise.resolve().then(() => layOut(snap));
      this.last = { key, layout };
      // a failed layout is not cached
      layout.catch(() => {
        if (this.last?.layout === layout) this.last = null;
      });
    }
    const { positions, ms } = await this.last.layout;
    return {
      nodes: snap.actors,
      edges: snap.relationships,
      positions,
      bounded: !whole,
      truncated: snap.truncated,
      totalActors: counts.actors,
      totalRelationships: counts.relationships,
      layoutMs: ms,
    };
  }
}
