/**
 * The summary charts' behaviour: opening them asks the API for the year counts of the time bar's
 * years (with "dated links only" as set) and the state-capacity ratings of the whole span, then
 * draws them; the header button and Close toggle them.
 */
import { ApiError } from '../api/client.js';
import type { AnalyticsApi } from '../api/analytics.js';
import type { NexusApi } from '../api/queries.js';
import type { Capacity, RelationshipTypeInfo } from '../api/types.js';
import { ChartsView } from '../charts/view.js';
import { capacityHeatMap, stageSeries, typeSeries } from '../model/charts.js';

export class ChartsController {
  private readonly view: ChartsView;
  private open = false;
  /** Resolves when the charts asked for last are drawn (for tests). */
  last: Promise<void> = Promise.resolve();

  constructor(
    private readonly d: {
      api: NexusApi;
      analytics: AnalyticsApi;
      mount: HTMLElement;
      button: HTMLElement;
      years: () => { from: number; to: number };
      span: { min: number; max: number };
      datedOnly: () => boolean;
      types: readonly RelationshipTypeInfo[];
      capacityLabel: (c: Capacity) => string;
      onError: (message: string) => void;
    },
  ) {
    this.view = new ChartsView(d.mount, () => this.toggle());
    d.button.addEventListener('click', () => this.toggle());
  }

  data(): ReturnType<ChartsView['data']> {
    return this.view.data();
  }

  toggle(): void {
    this.open = !this.open;
    this.d.button.setAttribute('aria-pressed', String(this.open));
    if (!this.open) {
      this.view.close();
      return;
    }
    const years = this.d.years();
    const stages = this.d.types.filter((t) => t.isStage).sort((a, b) => (a.stageOrder ?? 0) - (b.stageOrder ?? 0)).map((t) => ({ type: t.type, label: t.label }));
    this.last = Promise.all([this.d.analytics.yearCounts(years, this.d.datedOnly()), this.d.api.stateCapacity({ from: this.d.span.min, to: this.d.span.max })])
      .then(([counts, capacity]) => {
        if (!this.open) return;
        this.view.show(`Summary · ${years.from}–${years.to}${this.d.datedOnly() ? ' · dated links only' : ''}`, stageSeries(counts, stages), typeSeries(counts, stages, (t) => this.d.types.find((x) => x.type === t)?.label ?? t), capacityHeatMap(capacity.ratings), this.d.capacityLabel);
      })
      .catch((err: unknown) => {
        this.d.onError(err instanceof ApiError ? err.userMessage : 'Could not draw the charts.');
        this.open = false;
        this.d.button.setAttribute('aria-pressed', 'false');
      });
  }
}
