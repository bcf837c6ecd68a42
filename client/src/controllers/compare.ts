/**
 * Compare mode: colours the graph by what changed between the two years (a local diff at once, then
 * the API's) and lists the API's diff as text in the Changes panel. Stale answers are dropped.
 */
import { ApiError } from '../api/client.js';
import type { NexusApi } from '../api/queries.js';
import type { GraphView } from '../graph/view.js';
import { changeClasses, diffYears, fromApiDiff } from '../model/diff.js';
import type { GraphModel } from '../model/elements.js';
import type { ViewState } from '../model/url.js';
import type { ChangesPanel } from '../ui/changes.js';

export class CompareController {
  private seq = 0;
  private lastKey = '';
  private readonly stageOfEdge: (id: string) => number | null;

  constructor(
    private readonly deps: { api: NexusApi; graph: GraphView; model: GraphModel; panel: ChangesPanel; stageOrder: (stage: string) => number; span: { min: number; max: number } },
  ) {
    const stages = new Map(deps.model.edges.map((e) => [e.data.id, e.data.stage < 0 ? null : e.data.stage]));
    this.stageOfEdge = (id) => stages.get(id) ?? null;
  }

  apply(s: ViewState): void {
    const { graph, api, panel } = this.deps;
    if (s.mode !== 'compare') {
      this.lastKey = '';
      graph.setChangeClasses(null);
      panel.hide();
      return;
    }
    const from = s.from ?? this.deps.span.min;
    const to = s.year ?? this.deps.span.max;
    const f = s.filters;
    const key = JSON.stringify([from, to, f.types, f.minConfidence, f.datedOnly]);
    graph.setChangeClasses(changeClasses(diffYears(this.deps.model, from, to, { datedOnly: f.datedOnly }), this.stageOfEdge));
    if (key === this.lastKey) return;
    this.lastKey = key;
    const seq = ++this.seq;
    panel.loading(from, to);
    api
      .diff(from, to, { datedOnly: f.datedOnly, types: f.types, ...(f.minConfidence ? { minConfidence: f.minConfidence } : {}) })
      .then((d) => {
        if (seq !== this.seq) return;
        panel.show(d);
        graph.setChangeClasses(changeClasses(fromApiDiff(d, this.deps.stageOrder), this.stageOfEdge));
      })
      .catch((err: unknown) => {
        if (seq !== this.seq) return;
        this.lastKey = '';
        panel.error(err instanceof ApiError ? err.userMessage : 'Could not load the changes.');
      });
  }
}
