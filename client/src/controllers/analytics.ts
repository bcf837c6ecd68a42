/**
 * The analytics panel's behaviour: for the time bar's year or window (and "dated links only") it
 * asks the API for the open tab's answer — once per period, tab and measure, the latest request
 * winning — renders it, and sizes or colours the graph's actors when the reader asks.
 */
import { ApiError } from '../api/client.js';
import type { AnalysisScope, AnalyticsApi, Measure } from '../api/analytics.js';
import { AnalyticsPanel, measureLabel, type AnalyticsTab } from '../analytics/panel.js';
import { rankChart } from '../analytics/rank-chart.js';
import { trajectoryRows } from '../analytics/trajectories.js';
import type { GraphView } from '../graph/view.js';
import type { TimeSelection } from '../model/visibility.js';

/** Rows the centrality table shows (the graph is sized by the first SIZED of the ranking). */
const SHOWN = 15;
const SIZED = 500;

export class AnalyticsController {
  private tab: AnalyticsTab = 'centrality';
  private measure: Measure = 'BETWEENNESS';
  private sizeBy = false;
  private colour = false;
  private scope: AnalysisScope = {};
  private when = '';
  private seq = 0;
  private readonly panel: AnalyticsPanel;
  /** Resolves when the latest answer is rendered (for tests). */
  last: Promise<void> = Promise.resolve();

  private selected: string | null = null;

  constructor(private readonly d: { api: AnalyticsApi; graph: GraphView; root: HTMLElement; years: { from: number; to: number }; nameOf: (id: string) => string; select: (sel: string) => void }) {
    const then = <T>(set: (v: T) => void) => (v: T) => {
      set(v);
      this.refresh();
    };
    this.panel = new AnalyticsPanel(d.root, {
      onTab: then((tab: AnalyticsTab) => (this.tab = tab)),
      onMeasure: then((m: Measure) => (this.measure = m)),
      onSizeBy: then((on: boolean) => (this.sizeBy = on)),
      onColour: then((on: boolean) => (this.colour = on)),
      select: d.select,
    });
  }

  apply(sel: TimeSelection, datedOnly: boolean, when: string): void {
    const scope: AnalysisScope = sel.kind === 'year' ? { at: sel.year } : sel.kind === 'window' ? { window: { from: sel.from, to: sel.to } } : {};
    if (datedOnly) scope.datedOnly = true;
    if (JSON.stringify(scope) === JSON.stringify(this.scope) && when === this.when) return;
    this.scope = scope;
    this.when = when;
    this.refresh();
  }

  /** The selected actor (its rank over the years is charted under the ranking). */
  selectActor(id: string | null): void {
    if (id === this.selected) return;
    this.selected = id;
    if (this.tab === 'centrality' || this.tab === 'trajectories') this.refresh();
  }

  private refresh(): void {
    const seq = ++this.seq;
    const { api, graph } = this.d;
    this.panel.show(this.tab, this.when);
    const scope = this.scope;
    const tab = this.tab;
    const current = () => seq === this.seq;
    const work = async () => {
      if (tab === 'centrality' || this.sizeBy) {
        const ranked = this.tab === 'centrality' && this.selected ? api.rankOverTime(this.selected, this.d.years, this.measure, scope.datedOnly ?? false) : null;
        const c = await api.centrality(scope, this.measure, SIZED);
        const over = ranked ? await ranked.catch(() => null) : null;
        if (!current()) return;
        const key = this.measure === 'DEGREE' ? 'degree' : this.measure === 'BETWEENNESS' ? 'betweenness' : 'pagerank';
        graph.setScores(this.sizeBy ? new Map(c.scores.map((s) => [s.actor.id, s[key]])) : null);
        if (tab === 'centrality') this.panel.centrality({ ...c, scores: c.scores.slice(0, SHOWN) }, this.sizeBy, over ? rankChart(over, measureLabel(this.measure)) : null);
      } else graph.setScores(null);
      if (tab === 'communities' || this.colour) {
        const c = await api.communities(scope);
        if (!current()) return;
        graph.setCommunities(this.colour ? new Map(c.communities.flatMap((k) => k.actors.map((a) => [a.id, k.id] as const))) : null);
        if (tab === 'communities') this.panel.communities(c, this.colour);
      } else graph.setCommunities(null);
      if (tab === 'trajectories') {
        if (!this.selected) {
          this.panel.message('Select an actor (a group) to see its stage with each counterpart over the years.');
          return;
        }
        const id = this.selected;
        const rows = await api.stageTrajectories(id, scope.datedOnly ?? false);
        if (current()) this.panel.content(trajectoryRows(this.d.nameOf(id), rows, this.d.years, this.d.select));
      }
      if (tab === 'brokers') {
        const b = await api.brokers(scope);
        if (current()) this.panel.brokers(b);
      }
    };
    this.last = work().catch((err: unknown) => {
      if (current()) this.panel.message(err instanceof ApiError ? err.userMessage : 'Could not compute the analytics.');
    });
  }
}
