/**
 * The summary charts (Chart.js, bundled — no CDN): relationships valid each year by continuum
 * stage, events per year, and the state-capacity heat map region × period; each exports as PNG
 * and as SVG (charts/export.ts). Opened over the graph from the header (Charts), closed with Esc
 * or Close.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Title, Tooltip, type ChartConfiguration } from 'chart.js';
import type { HeatMap, StageSeries, typeSeries } from '../model/charts.js';

type TypeSeries = ReturnType<typeof typeSeries>;
import { CAPACITY_COLOURS, COMMUNITY_COLOURS as TYPE_COLOURS, STAGE_COLOURS } from '../model/colours.js';
import { clear, downloadDataUrl, downloadText, h } from '../ui/dom.js';
import { chartSvg, heatMapSvg, svgToPng } from './export.js';
import type { Capacity } from '../api/types.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title, Tooltip);

const OTHER_COLOUR = '#b9bfcb';
/** Every chart's size in CSS px, on the page and in its SVG. */
const CHART_SIZE = { width: 560, height: 240 };

export class ChartsView {
  private charts: Chart[] = [];

  constructor(private readonly root: HTMLElement, private readonly onClose: () => void) {}

  close(): void {
    for (const c of this.charts) c.destroy();
    this.charts = [];
    clear(this.root);
    this.root.hidden = true;
  }

  /** What the charts draw (for tests): bar values per dataset, and the heat map's cells. */
  data(): { years: string[]; datasets: Array<{ label: string; data: number[] }>; types: Array<{ label: string; data: number[] }>; events: number[]; heat: Array<{ region: string; cells: string[] }> } | null {
    const [stages, types, events] = this.charts;
    if (!stages || !types || !events) return null;
    const heat = [...this.root.querySelectorAll<HTMLTableRowElement>('#capacity-heat tbody tr')].map((tr) => ({ region: tr.dataset['id'] ?? '', cells: [...tr.querySelectorAll('td')].map((td) => td.dataset['capacity'] ?? '') }));
    return {
      years: (stages.data.labels ?? []).map(String),
      datasets: stages.data.datasets.map((d) => ({ label: String(d.label), data: d.data as number[] })),
      types: types.data.datasets.map((d) => ({ label: String(d.label), data: d.data as number[] })),
      events: events.data.datasets[0]?.data as number[],
      heat,
    };
  }

  show(title: string, series: StageSeries, types: TypeSeries, heat: HeatMap, capacityLabel: (c: Capacity) => string): void {
    this.close();
    this.root.hidden = false;
    const close = h('button', { type: 'button', id: 'charts-close' }, 'Close');
    close.addEventListener('click', () => this.onClose());
    const canvas = (id: string) => h('canvas', { id, width: CHART_SIZE.width, height: CHART_SIZE.height, role: 'img' });
    const stagesCanvas = canvas('chart-stages');
    const eventsCanvas = canvas('chart-events');
    const typesCanvas = canvas('chart-types');
    typesCanvas.setAttribute('aria-label', 'Other relationships valid each year, by type');
    stagesCanvas.setAttribute('aria-label', 'Relationships valid each year, by continuum stage');
    eventsCanvas.setAttribute('aria-label', 'Dated events per year');
    const configs = chartConfigs(series, types);
    const chartFiles = (i: number, name: string) =>
      fileButtons(name, () => this.charts[i]!.canvas.toDataURL('image/png'), () => chartSvg(configs[i]!, CHART_SIZE.width, CHART_SIZE.height, (d) => this.charts[i]!.isDatasetVisible(d)));
    const heatTitle = 'State capacity by region and period, as the documents rate it (Markowitz, Table 2)';
    const heatSvg = () => heatMapSvg(heat, heatTitle, capacityLabel);
    this.root.append(
      h('div', { class: 'charts-head' }, h('h2', {}, title), close),
      h('div', { class: 'charts-grid' },
        h('figure', {}, stagesCanvas, h('figcaption', {}, 'Relationships valid each year, by continuum stage ', ...chartFiles(0, 'nexus-stages-per-year'))),
        h('figure', {}, typesCanvas, h('figcaption', {}, 'The other relationships valid each year, by type ', ...chartFiles(1, 'nexus-types-per-year'))),
        h('figure', {}, eventsCanvas, h('figcaption', {}, 'Dated events per year ', ...chartFiles(2, 'nexus-events-per-year'))),
        h('figure', { class: 'heat' }, heatTable(heat, capacityLabel), h('figcaption', {}, `${heatTitle} `, ...fileButtons('nexus-state-capacity', () => svgToPng(heatSvg()), heatSvg))),
      ),
    );
    this.charts.push(...[stagesCanvas, typesCanvas, eventsCanvas].map((c, i) => new Chart(c, configs[i]!)));
  }
}

/** A PNG and an SVG download button for one figure (`name` without extension). */
function fileButtons(name: string, png: () => string | Promise<string>, svg: () => string): HTMLButtonElement[] {
  const button = (label: string, cls: string, save: () => void | Promise<void>) => {
    const b = h('button', { type: 'button', class: cls, title: `Download as ${label}` }, label);
    b.addEventListener('click', () => void save());
    return b;
  };
  return [
    button('PNG', 'chart-png', async () => downloadDataUrl(await png(), `${name}.png`)),
    button('SVG', 'chart-svg', () => downloadText(svg(), `${name}.svg`, 'image/svg+xml')),
  ];
}

function chartConfigs(series: StageSeries, types: TypeSeries): Array<ChartConfiguration<'bar'>> {
  const common = { animation: false as const, responsive: false, plugins: { legend: { position: 'bottom' as const } }, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } };
  return [
    {
      type: 'bar',
      data: { labels: series.years, // the other types outnumber the stages many times over: off until the reader turns them on in the legend
      datasets: series.series.map((s, i) => ({ label: s.label, data: s.data, hidden: s.type === null, backgroundColor: s.type === null ? OTHER_COLOUR : (STAGE_COLOURS[i] ?? OTHER_COLOUR) })) },
      options: common,
    },
    {
      type: 'bar',
      data: { labels: series.years, datasets: types.map((t, i) => ({ label: t.label, data: t.data, backgroundColor: TYPE_COLOURS[i] ?? OTHER_COLOUR })) },
      options: common,
    },
    {
      type: 'bar',
      data: { labels: series.years, datasets: [{ label: 'Events', data: series.events, backgroundColor: '#d55e00' }] },
      options: { ...common, plugins: { legend: { display: false } } },
    },
  ];
}

function heatTable(heat: HeatMap, capacityLabel: (c: Capacity) => string): HTMLTableElement {
  return h(
    'table',
    { id: 'capacity-heat', class: 'heat-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Region'), ...heat.periods.map((p) => h('th', {}, p)))),
    h(
      'tbody',
      {},
      ...heat.regions.map((r) =>
        h(
          'tr',
          { 'data-id': r.id },
          h('th', {}, r.name),
          ...r.cells.map((c) =>
            h('td', { 'data-capacity': c ? c.join('+') : '', style: c ? `background:${CAPACITY_COLOURS[c[0]!]}` : '', title: c ? c.map(capacityLabel).join(' and ') : 'not rated' }, c ? c.map(capacityLabel).join(' / ') : '—'),
          ),
        ),
      ),
    ),
  ) as HTMLTableElement;
}
