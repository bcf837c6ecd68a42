/**
 * The summary charts as files: a Chart.js chart drawn again into an SVG scene graph (svgcanvas,
 * bundled) so the SVG is vector — bars, axes, ticks and legend as elements and text — with the
 * datasets the reader has turned on; the state-capacity heat map as an SVG grid with its legend,
 * and as a PNG drawn from that SVG.
 */
import { BasicPlatform, Chart, type ChartConfiguration } from 'chart.js';
import { Context } from 'svgcanvas';
import type { HeatMap } from '../model/charts.js';
import type { Capacity } from '../api/types.js';
import { CAPACITY_COLOURS } from '../model/colours.js';
import { svgEl } from '../ui/dom.js';

/** `config` drawn at `width` × `height` into SVG, with only the datasets `visible` says are on. */
export function chartSvg(config: ChartConfiguration<'bar'>, width: number, height: number, visible: (index: number) => boolean): string {
  const ctx = new Context({ width, height });
  // Chart.js's platform for non-DOM canvases asks the "canvas" for its context: the context is both.
  Object.assign(ctx, { canvas: ctx, getContext: () => ctx });
  const datasets = config.data.datasets.map((d, i) => ({ ...d, hidden: !visible(i) }));
  const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, {
    ...config,
    data: { ...config.data, datasets },
    options: { ...config.options, animation: false, responsive: false, devicePixelRatio: 1, events: [] },
    platform: BasicPlatform,
  });
  try {
    return withXmlns(ctx.getSerializedSvg(true));
  } finally {
    chart.destroy();
  }
}

const CELL = { w: 92, h: 26, top: 40 };
const FONT = '12px sans-serif';

let measure: CanvasRenderingContext2D | null = null;

/** Text widths in the page's own fonts, so no name or title is cut. */
function textWidth(s: string, font = FONT): number {
  const ctx = (measure ??= document.createElement('canvas').getContext('2d')!);
  ctx.font = font;
  return Math.ceil(ctx.measureText(s).width);
}

/** The heat map region × period as SVG: a title, a header row, a cell per rating, a legend. */
export function heatMapSvg(heat: HeatMap, title: string, capacityLabel: (c: Capacity) => string): string {
  const head = Math.max(80, ...heat.regions.map((r) => textWidth(r.name))) + 12;
  const width = Math.max(head + heat.periods.length * CELL.w + 10, textWidth(title, 'bold 14px sans-serif') + 12);
  const legendY = CELL.top + (heat.regions.length + 1) * CELL.h + 16;
  const height = legendY + 24;
  const text = (x: number, y: number, s: string, attrs: Record<string, string | number> = {}) => svgEl('text', { x, y, 'font-size': 12, 'font-family': 'sans-serif', fill: '#222', ...attrs }, s);
  const svg = svgEl('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}` });
  svg.append(svgEl('rect', { x: 0, y: 0, width, height, fill: '#fff' }), text(4, 20, title, { 'font-size': 14, 'font-weight': 'bold' }));
  heat.periods.forEach((p, i) => svg.append(text(head + i * CELL.w + 4, CELL.top + CELL.h - 8, p, { 'font-weight': 'bold' })));
  heat.regions.forEach((r, row) => {
    const y = CELL.top + (row + 1) * CELL.h;
    const cells = svgEl('g', { class: 'region', 'data-id': r.id });
    cells.append(text(4, y + CELL.h - 8, r.name));
    r.cells.forEach((c, i) => {
      const x = head + i * CELL.w;
      const label = c ? c.map(capacityLabel).join(' / ') : '—';
      cells.append(
        svgEl('rect', { x, y, width: CELL.w - 2, height: CELL.h - 2, fill: c ? CAPACITY_COLOURS[c[0]!] : '#f2f2f2', 'data-capacity': c ? c.join('+') : '' }),
        text(x + 4, y + CELL.h - 9, label, { fill: c ? '#fff' : '#666', 'font-size': 11 }),
      );
    });
    svg.append(cells);
  });
  let x = 4;
  for (const c of Object.keys(CAPACITY_COLOURS) as Capacity[]) {
    svg.append(svgEl('rect', { x, y: legendY, width: 12, height: 12, fill: CAPACITY_COLOURS[c] }), text(x + 16, legendY + 11, capacityLabel(c)));
    x += 32 + textWidth(capacityLabel(c));
  }
  return new XMLSerializer().serializeToString(svg);
}

/** An SVG drawn onto a white canvas of its own size, as a PNG data URL. */
export async function svgToPng(svg: string): Promise<string> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0);
  return canvas.toDataURL('image/png');
}

/** svgcanvas leaves the namespace out when serialising in some browsers; a file needs it. */
function withXmlns(svg: string): string {
  return svg.includes('xmlns="http://www.w3.org/2000/svg"') ? svg : svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
}
