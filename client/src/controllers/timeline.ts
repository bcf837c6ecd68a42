/**
 * Keeps the timeline view in step with the explorer: its lanes follow the filters and focus (over
 * all years, so they stay put while the year plays), its cursor follows the time bar and its
 * highlight the selection; brushing and clicking in it write to the store.
 */
import type { TimelineEvent } from '../api/types.js';
import type { GraphModel } from '../model/elements.js';
import type { ViewState } from '../model/url.js';
import { visibleSubgraph } from '../model/visibility.js';
import type { Store } from '../state/store.js';
import { buildLanes } from '../timeline/lanes.js';
import { TimelineView } from '../timeline/view.js';

export class TimelineController {
  private view: TimelineView | null = null;
  private lanesKey = '';

  constructor(
    private readonly deps: { mount: HTMLElement; store: Store; model: GraphModel; events: readonly TimelineEvent[]; range: () => { min: number; max: number } },
  ) {}

  render(s: ViewState): void {
    const { mount, store, model } = this.deps;
    mount.hidden = !s.timeline;
    if (!s.timeline) return;
    if (!this.view) {
      this.view = new TimelineView(mount, {
        onYear: (year) => store.update({ year, mode: store.get().mode === 'all' ? 'year' : store.get().mode }),
        onWindow: (from, to) => store.update({ mode: 'window', from, year: to }),
        onSelect: (sel) => store.update({ selected: sel }),
      });
    }
    const range = this.deps.range();
    const key = JSON.stringify([s.filters, s.focus, range]);
    if (key !== this.lanesKey) {
      this.lanesKey = key;
      const edges = visibleSubgraph(model, { kind: 'all' }, s.filters, s.focus).edges;
      this.view.setLanes(buildLanes(model, edges, this.deps.events, range), range);
    }
    const year = s.year ?? range.max;
    const from = s.from ?? year;
    this.view.showCursor(
      s.mode === 'all' ? { kind: 'all', from: range.min, to: range.max } : s.mode === 'window' ? { kind: 'window', from: Math.min(from, year), to: Math.max(from, year) } : { kind: 'year', from: year, to: year },
    );
    this.view.showSelection(s.selected);
  }

  resize(): void {
    this.view?.resize();
  }
}
