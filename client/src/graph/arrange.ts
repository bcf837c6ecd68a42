/**
 * Arranging the visible subgraph (part of the graph module): re-layout on request or after the
 * picture changes (computed in a worker, then animated; pinned actors stay), and drag to pin — a
 * dragged actor keeps its place through later re-layouts until unpinned (double-click, or "unpin
 * all"). Only what is visible moves; the rest keeps the positions the mental map relies on.
 */
import type cytoscape from 'cytoscape';
import type { GraphView } from './view.js';
import type { LayoutAnswer, LayoutRequest } from '../../../server/layout/layout-core.js';
import { fontOf, labelWidthOf } from './labelling.js';
import { actorBox } from '../../../server/layout/boxes.js';

const ANIMATE_MS = 450;

export class Arranger {
  private readonly pinned = new Set<string>();
  private worker: Worker | null = null;
  private seq = 0;
  private readonly waiting = new Map<number, (a: LayoutAnswer | Error) => void>();
  /** Resolves when the last re-layout has finished moving the actors (for tests). */
  last: Promise<LayoutAnswer | null> = Promise.resolve(null);

  constructor(private readonly graph: GraphView, private readonly onPinsChanged: (pinned: ReadonlySet<string>) => void = () => {}) {
    const cy = graph.cy;
    cy.on('dragfree', 'node', (e) => this.pin((e.target as cytoscape.NodeSingular).id()));
    cy.on('dbltap', 'node', (e) => this.unpin((e.target as cytoscape.NodeSingular).id()));
  }

  pinnedIds(): string[] {
    return [...this.pinned].sort();
  }

  pin(id: string): void {
    this.pinned.add(id);
    this.graph.cy.getElementById(id).addClass('pinned');
    this.onPinsChanged(this.pinned);
  }

  unpin(id: string): void {
    this.pinned.delete(id);
    this.graph.cy.getElementById(id).removeClass('pinned');
    this.onPinsChanged(this.pinned);
  }

  unpinAll(): void {
    for (const id of [...this.pinned]) this.unpin(id);
  }

  /** The visible actors' boxes and the visible links' ends, in model coordinates (for tests). */
  geometry(): { nodes: Array<{ id: string; x: number; y: number; hw: number; hh: number; pinned: boolean }>; edges: Array<{ source: string; target: string }> } {
    const { nodes, edges } = this.graph.shown();
    const cy = this.graph.cy;
    return {
      nodes: [...nodes].map((id) => {
        const n = cy.getElementById(id);
        return { id, x: n.position('x'), y: n.position('y'), hw: n.width() / 2, hh: n.height() / 2, pinned: this.pinned.has(id) };
      }),
      edges: [...edges].map((id) => ({ source: String(cy.getElementById(id).data('source')), target: String(cy.getElementById(id).data('target')) })),
    };
  }

  /** Lays out the visible actors again; resolves when they have moved (and the view is framed). */
  relayout(): Promise<LayoutAnswer | null> {
    const { nodes, edges } = this.graph.shown();
    const cy = this.graph.cy;
    const req: LayoutRequest = {
      nodes: [...nodes].sort().map((id) => {
        const n = cy.getElementById(id);
        const p = n.position();
        // room for the label under the node too, so names do not land on one another
        const { w, h } = actorBox(n.width(), { width: labelWidthOf(n) }, fontOf(n));
        return { id, x: p.x, y: p.y, w, h, pinned: this.pinned.has(id) };
      }),
      edges: [...edges].sort().map((id) => {
        const e = cy.getElementById(id);
        return { id, source: String(e.data('source')), target: String(e.data('target')) };
      }),
    };
    this.last = this.compute(req).then((answer) => this.move(answer));
    return this.last;
  }

  private async compute(req: LayoutRequest): Promise<LayoutAnswer> {
    if (typeof Worker === 'undefined') return (await import('../../../server/layout/layout-core.js')).computeLayout(req);
    this.worker ??= this.startWorker();
    const seq = ++this.seq;
    const answer = await new Promise<LayoutAnswer | Error>((resolve) => {
      this.waiting.set(seq, resolve);
      this.worker?.postMessage({ seq, req });
    });
    if (answer instanceof Error) throw answer;
    return answer;
  }

  private startWorker(): Worker {
    const w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<{ seq: number; answer?: LayoutAnswer; error?: string }>) => {
      const done = this.waiting.get(e.data.seq);
      this.waiting.delete(e.data.seq);
      done?.(e.data.answer ?? new Error(e.data.error ?? 'layout failed'));
    };
    return w;
  }

  private move(answer: LayoutAnswer): Promise<LayoutAnswer | null> {
    // a later request superseded this one: its answer will move the actors
    if (this.waiting.size > 0) return Promise.resolve(null);
    const cy = this.graph.cy;
    const ids = Object.keys(answer.positions);
    return new Promise((resolve) => {
      if (ids.length === 0) {
        resolve(answer);
        return;
      }
      let pending = ids.length;
      const finish = () => {
        pending -= 1;
        if (pending > 0) return;
        this.graph.fitTo(ids, false);
        resolve(answer);
      };
      cy.batch(() => {
        for (const id of ids) {
          const n = cy.getElementById(id);
          n.animation({ position: answer.positions[id], duration: ANIMATE_MS, easing: 'ease-in-out-cubic' } as unknown as cytoscape.SingularAnimationOptionsPos).play().promise('completed').then(finish, finish);
        }
      });
    });
  }
}
