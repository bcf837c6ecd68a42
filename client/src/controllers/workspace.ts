/**
 * The investigation workspace's behaviour: steps go to the store (so the URL holds them and a
 * shared link replays them), the redo stack stays here, and each expansion's neighbours are asked
 * of the API once (`neighbourhood`, depth 1) and cached; when one arrives the view is redrawn.
 */
import { ApiError } from '../api/client.js';
import type { NexusApi } from '../api/queries.js';
import type { Confidence, Network } from '../api/types.js';
import type { ViewState } from '../model/url.js';
import { backTo, expansionKey, push, redo, replay, undo, type History, type WorkspaceStep } from '../model/workspace.js';
import type { Store } from '../state/store.js';

type Expand = Extract<WorkspaceStep, { op: 'expand' }>;

export interface ExpandOptions {
  types: string[];
  minConfidence: Confidence | null;
  years: { from: number; to: number } | null;
}

export class WorkspaceController {
  private redoStack: WorkspaceStep[] = [];
  private readonly neighbours = new Map<string, string[]>();
  private readonly truncated = new Set<string>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly d: { api: NexusApi; store: Store; onNeighbours?: (id: string, network: Network) => void; onFetched: () => void; onError: (message: string) => void }) {}

  history(): History {
    return { steps: this.d.store.get().ws ?? [], redo: this.redoStack };
  }

  private apply(h: History, extra: Partial<ViewState> = {}): void {
    this.redoStack = h.redo;
    this.d.store.update({ ws: h.steps.length ? h.steps : null, focus: null, ...extra });
  }

  start(ids: readonly string[]): void {
    if (ids.length) this.apply({ steps: [{ op: 'seed', ids: [...new Set(ids)] }], redo: [] });
  }

  expand(id: string, o: ExpandOptions): void {
    const h = this.history();
    const steps = h.steps.length ? h : { steps: [{ op: 'seed' as const, ids: [id] }], redo: [] };
    this.apply(push(steps, { op: 'expand', id, types: [...o.types], minConfidence: o.minConfidence, years: o.years }));
  }

  hide(id: string): void {
    const sel = this.d.store.get().selected;
    this.apply(push(this.history(), { op: 'hide', id }), sel === `a:${id}` ? { selected: null } : {});
  }

  collapse(id: string): void {
    this.apply(push(this.history(), { op: 'collapse', id }));
  }

  undo(): void {
    if (this.history().steps.length > 0) this.apply(undo(this.history()));
  }

  redo(): void {
    if (this.canRedo) this.apply(redo(this.history()));
  }

  backTo(n: number): void {
    this.apply(backTo(this.history(), n));
  }

  leave(): void {
    if (this.d.store.get().ws) this.apply({ steps: [], redo: [] });
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** The workspace's actors for these steps (expansions not fetched yet are asked for now). */
  actors(steps: readonly WorkspaceStep[]): Set<string> {
    return replay(steps, (step) => {
      const key = expansionKey(step);
      const known = this.neighbours.get(key);
      if (known) return known;
      this.fetch(key, step);
      return null;
    }).actors;
  }

  /** Expansions of these steps that brought more neighbours than one expansion takes. */
  truncatedIn(steps: readonly WorkspaceStep[]): WorkspaceStep[] {
    return steps.filter((s) => s.op === 'expand' && this.truncated.has(expansionKey(s)));
  }

  /** Resolves once every expansion asked for so far has its answer (for tests). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending.values());
  }

  private fetch(key: string, step: Expand): void {
    if (this.pending.has(key)) return;
    const p = this.d.api
      .neighbours(step.id, { types: step.types, minConfidence: step.minConfidence, years: step.years })
      .then(
        (r) => {
          this.d.onNeighbours?.(step.id, r.network);
          this.neighbours.set(key, r.ids);
          if (r.truncated) this.truncated.add(key);
        },
        (err: unknown) => {
          this.neighbours.set(key, []);
          this.d.onError(err instanceof ApiError ? err.userMessage : 'Could not expand the actor.');
        },
      )
      .finally(() => {
        this.pending.delete(key);
        this.d.onFetched();
      });
    this.pending.set(key, p);
  }
}
