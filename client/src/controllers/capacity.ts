/**
 * The state-capacity panel and the region colours on the graph, for the years on the time bar
 * (Markowitz, Table 2), fetched once per period; the map is told each period's classes.
 */
import { ApiError } from '../api/client.js';
import type { NexusApi } from '../api/queries.js';
import type { Capacity, StateCapacityTable } from '../api/types.js';
import type { GraphView } from '../graph/view.js';
import { CAPACITY_COLOURS } from '../model/colours.js';
import { capacityByRegion } from '../model/export.js';
import type { TimeSelection } from '../model/visibility.js';
import { renderCapacity } from '../ui/legend.js';

export class CapacityController {
  private readonly cache = new Map<string, Promise<StateCapacityTable>>();
  private seq = 0;

  constructor(
    private readonly deps: { api: NexusApi; graph: GraphView; root: HTMLElement; span: { min: number; max: number }; capacityLabel: (c: string) => string; select: (sel: string) => void; onRatings?: (periodLabel: string, byRegion: Map<string, Capacity[]>) => void },
  ) {}

  apply(sel: TimeSelection): void {
    const { span } = this.deps;
    const period = sel.kind === 'year' ? { from: sel.year, to: sel.year } : sel.kind === 'window' ? { from: sel.from, to: sel.to } : { from: span.min, to: span.max };
    const label = period.from === period.to ? String(period.from) : `${period.from}–${period.to}`;
    const key = `${period.from}-${period.to}`;
    const seq = ++this.seq;
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.deps.api.stateCapacity(period);
      this.cache.set(key, pending);
      pending.catch(() => this.cache.delete(key));
    }
    pending
      .then((table) => {
        if (seq !== this.seq) return;
        const byRegion = capacityByRegion(table.ratings, sel);
        this.deps.graph.setCapacity(byRegion);
        this.deps.onRatings?.(label, byRegion);
        renderCapacity(this.deps.root, label, table.ratings, CAPACITY_COLOURS, this.deps.capacityLabel, (id) => this.deps.select(`a:${id}`));
      })
      .catch((err: unknown) => {
        if (seq !== this.seq) return;
        renderCapacity(this.deps.root, label, null, CAPACITY_COLOURS, (c) => c, () => undefined, err instanceof ApiError ? err.userMessage : 'Could not load capacity ratings.');
      });
  }
}
