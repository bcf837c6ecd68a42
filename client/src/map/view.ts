/**
 * The map view: Central Asia's country borders (Natural Earth via world-atlas) drawn as SVG, each
 * placed region a symbol in the colour of its state-capacity class for the period under the time
 * bar, the documented routes as lines, a legend, and a side list of the selected place's actors and
 * of what is not placed. A click on a place selects its region actor; the graph's selection is
 * marked. Styles are attributes, so an exported SVG or PNG looks as drawn.
 */
import { geoBounds, geoCentroid, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import type { Capacity } from '../api/types.js';
import { CAPACITY_COLOURS } from '../model/colours.js';
import { capacityClass, inFrame, MAP_FRAME, mapProjection, placeLabel, type PlaceMark, type RouteLine } from '../model/map.js';
import { clear, h, svgEl as el } from '../ui/dom.js';

const FONT = 'system-ui, sans-serif';

export type Country = Feature<Geometry, { name: string }>;

export interface MapViewDeps {
  onSelect: (sel: string) => void;
  capacityLabel: (c: Capacity) => string;
  nameOf: (id: string) => string;
  onExport: (kind: 'svg' | 'png') => void;
}

export interface MapContent {
  periodLabel: string;
  marks: PlaceMark[];
  routes: RouteLine[];
  actorsAt: Map<string, string[]>;
  notPlaced: { actor: string; name: string; reason: string }[];
}

/** Countries whose bounds reach into the frame (the rest are never drawn). */
export function countriesInFrame(countries: readonly Country[]): Country[] {
  return countries.filter((c) => {
    const [[w, s], [e, n]] = geoBounds(c);
    return e >= MAP_FRAME.west - 2 && w <= MAP_FRAME.east + 2 && n >= MAP_FRAME.south - 2 && s <= MAP_FRAME.north + 2;
  });
}

export class MapView {
  readonly svg: SVGSVGElement;
  private readonly side: HTMLElement;
  private readonly title: HTMLElement;
  private content: MapContent | null = null;
  private selected: string | null = null;

  constructor(
    root: HTMLElement,
    private readonly countries: readonly Country[],
    private readonly deps: MapViewDeps,
  ) {
    this.title = h('span', { class: 'tl-title', id: 'map-title' }, 'Map');
    const svgBtn = h('button', { type: 'button', id: 'btn-map-svg', title: 'Download the map as SVG' }, 'SVG');
    const pngBtn = h('button', { type: 'button', id: 'btn-map-png', title: 'Download the map as PNG' }, 'PNG');
    svgBtn.addEventListener('click', () => deps.onExport('svg'));
    pngBtn.addEventListener('click', () => deps.onExport('png'));
    const credit = h('span', { class: 'muted small map-credit' }, 'Borders: Natural Earth 1:50m (world-atlas 2.0.2) · places: Natural Earth Admin 1 label points (seed/gazetteer.json)');
    this.svg = el('svg', { id: 'map-svg', role: 'img', 'aria-label': 'Map of Central Asia with state capacity by region' });
    this.side = h('div', { class: 'map-side', id: 'map-side' });
    root.append(h('div', { class: 'tl-head' }, this.title, credit, svgBtn, pngBtn), h('div', { class: 'map-body' }, h('div', { class: 'map-canvas' }, this.svg), this.side));
  }

  setContent(content: MapContent): void {
    this.content = content;
    this.draw();
  }

  showSelection(sel: string | null): void {
    if (sel === this.selected) return;
    this.selected = sel;
    this.draw();
  }

  /** The places marked now: the selected region, or the places where the selected actor operates. */
  markedPlaces(): string[] {
    const id = this.selected?.startsWith('a:') ? this.selected.slice(2) : null;
    if (!id || !this.content) return [];
    const own = this.content.marks.some((m) => m.actor === id) || this.content.routes.some((r) => r.actor === id) ? [id] : [];
    const where = [...this.content.actorsAt].filter(([, actors]) => actors.includes(id)).map(([place]) => place);
    return [...new Set([...own, ...where])].sort();
  }

  draw(): void {
    const c = this.content;
    const box = this.svg.getBoundingClientRect();
    const width = Math.max(320, Math.round(box.width));
    const height = Math.max(200, Math.round(box.height));
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.svg.setAttribute('width', String(width));
    this.svg.setAttribute('height', String(height));
    clear(this.svg);
    const legend = this.legendItems(width);
    const projection = mapProjection(width, height - legend.height);
    const path = geoPath(projection);
    this.svg.append(el('rect', { x: 0, y: 0, width, height, fill: '#e8f0f7' }));
    const land = el('g', { id: 'map-countries' });
    for (const country of this.countries) land.append(el('path', { d: path(country) ?? '', fill: '#f6f4ee', stroke: '#8f98a3', 'stroke-width': 0.7, 'data-country': country.properties.name }));
    this.svg.append(land);
    this.drawCountryNames(projection, width, height);
    if (!c) return;
    this.title.textContent = `Map · state capacity ${c.periodLabel}`;
    const marked = new Set(this.markedPlaces());
    for (const r of c.routes) {
      const d = path({ type: 'LineString', coordinates: r.coordinates }) ?? '';
      const line = el('path', { d, fill: 'none', stroke: marked.has(r.actor) ? '#111' : '#3b4a5e', 'stroke-width': marked.has(r.actor) ? 4 : 2.5, 'stroke-dasharray': '7 4', class: 'map-route', 'data-actor': r.actor, cursor: 'pointer' }, el('title', {}, `${this.deps.nameOf(r.actor)}: “${r.quote}”`));
      line.addEventListener('click', () => this.deps.onSelect(`a:${r.actor}`));
      this.svg.append(line);
    }
    const taken: Box[] = [];
    const points = c.marks.filter((m) => inFrame(m.lon, m.lat)).map((m) => ({ m, xy: projection([m.lon, m.lat]) ?? [0, 0] }));
    for (const { xy } of points) taken.push({ x1: xy[0] - 8, y1: xy[1] - 8, x2: xy[0] + 8, y2: xy[1] + 8 });
    const labels = el('g', { 'pointer-events': 'none', id: 'map-labels' });
    for (const { m, xy } of points) this.drawPlace(m, xy, marked.has(m.actor), taken, labels, width, height);
    this.svg.append(labels);
    this.drawLegend(legend, width, height);
    this.drawSide(c, marked);
  }

  private drawPlace(m: PlaceMark, [x, y]: [number, number], marked: boolean, taken: Box[], labels: SVGGElement, width: number, height: number): void {
    const [first, second] = m.capacity;
    const fill = first ? CAPACITY_COLOURS[first] : '#ffffff';
    const g = el('g', { class: 'map-place', 'data-actor': m.actor, 'data-capacity': capacityClass(m.capacity), cursor: 'pointer', tabindex: 0, role: 'button', 'aria-label': `${m.name}: ${m.capacity.length ? m.capacity.map(this.deps.capacityLabel).join(' and ') : 'no capacity rating for the period'}` });
    if (marked) g.append(el('circle', { cx: x, cy: y, r: 12, fill: 'none', stroke: '#111', 'stroke-width': 2.5, class: 'map-marked' }));
    if (second) g.append(el('circle', { cx: x, cy: y, r: 9, fill: CAPACITY_COLOURS[second], stroke: '#fff', 'stroke-width': 1 }));
    g.append(el('circle', { cx: x, cy: y, r: second ? 5.5 : 7, fill, stroke: first ? '#1d2430' : '#6b7480', 'stroke-width': 1.2 }));
    const text = placeLabel(m.name);
    const w = text.length * 6.2 + 4;
    const spots: Box[] = [
      { x1: x + 10, y1: y - 7, x2: x + 10 + w, y2: y + 7 },
      { x1: x - 10 - w, y1: y - 7, x2: x - 10, y2: y + 7 },
      { x1: x - w / 2, y1: y - 24, x2: x + w / 2, y2: y - 10 },
      { x1: x - w / 2, y1: y + 10, x2: x + w / 2, y2: y + 24 },
    ];
    spots.push({ x1: x + 7, y1: y - 21, x2: x + 7 + w, y2: y - 7 }, { x1: x + 7, y1: y + 7, x2: x + 7 + w, y2: y + 21 }, { x1: x - 7 - w, y1: y - 21, x2: x - 7, y2: y - 7 }, { x1: x - 7 - w, y1: y + 7, x2: x - 7, y2: y + 21 });
    const inside = spots.filter((b) => b.x1 >= 0 && b.x2 <= width && b.y1 >= 0 && b.y2 <= height);
    // the first free spot, else the one that covers the fewest circles and labels
    const clashes = (b: Box) => taken.filter((t) => overlaps(t, b)).length;
    const spot = inside.find((b) => clashes(b) === 0) ?? [...(inside.length ? inside : spots)].sort((a, b) => clashes(a) - clashes(b))[0]!;
    taken.push(spot);
    labels.append(el('text', { x: spot.x1 + 2, y: spot.y2 - 3, 'font-family': FONT, 'font-size': 11, 'font-weight': marked ? 700 : 500, fill: '#1d2430', stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' }, text));
    g.append(el('title', {}, `${m.name} — ${m.capacity.length ? m.capacity.map(this.deps.capacityLabel).join(' / ') : 'no rating for the period'}\n${m.cite}${m.note ? `\n${m.note}` : ''}`));
    g.addEventListener('click', () => this.deps.onSelect(`a:${m.actor}`));
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') this.deps.onSelect(`a:${m.actor}`);
    });
    this.svg.append(g);
  }

  private drawCountryNames(projection: GeoProjection, width: number, height: number): void {
    const g = el('g', { 'pointer-events': 'none' });
    const path = geoPath(projection);
    for (const country of this.countries) {
      if (path.area(country) < 4000) continue; // no names on slivers (disputed glaciers, enclaves)
      const xy = projection(geoCentroid(country));
      if (!xy || xy[0] < 30 || xy[0] > width - 30 || xy[1] < 14 || xy[1] > height - 10) continue;
      g.append(el('text', { x: xy[0], y: xy[1], 'text-anchor': 'middle', 'font-family': FONT, 'font-size': 10, 'letter-spacing': 1, fill: '#8a929c', stroke: '#f6f4ee', 'stroke-width': 3, 'paint-order': 'stroke' }, country.properties.name.toUpperCase()));
    }
    this.svg.append(g);
  }

  /** The legend's entries (the capacity classes, "no rating", the route line) laid out in rows across the width. */
  private legendItems(width: number): Legend {
    const items: Legend['items'] = [];
    const add = (label: string, mark: (x: number, y: number) => SVGElement) => items.push({ label, mark, x: 0, y: 0 });
    for (const k of Object.keys(CAPACITY_COLOURS) as Capacity[]) add(this.deps.capacityLabel(k), (x, y) => el('circle', { cx: x + 6, cy: y, r: 5.5, fill: CAPACITY_COLOURS[k], stroke: '#1d2430', 'stroke-width': 1.2 }));
    add('No rating', (x, y) => el('circle', { cx: x + 6, cy: y, r: 5.5, fill: '#ffffff', stroke: '#6b7480', 'stroke-width': 1.2 }));
    add('Two classes (centre, ring)', (x, y) => {
      const g = el('g', {});
      g.append(el('circle', { cx: x + 6, cy: y, r: 7.5, fill: CAPACITY_COLOURS.FAILED, stroke: '#fff', 'stroke-width': 1 }), el('circle', { cx: x + 6, cy: y, r: 4.5, fill: CAPACITY_COLOURS.CAPTURED, stroke: '#1d2430', 'stroke-width': 1.2 }));
      return g;
    });
    add('Documented route', (x, y) => el('line', { x1: x, y1: y, x2: x + 16, y2: y, stroke: '#3b4a5e', 'stroke-width': 2.5, 'stroke-dasharray': '7 4' }));
    let x = 8;
    let y = 32;
    for (const item of items) {
      const w = 24 + item.label.length * 6.2 + 10;
      if (x + w > width && x > 8) {
        x = 8;
        y += 16;
      }
      Object.assign(item, { x, y });
      x += w;
    }
    return { items, height: y + 12 };
  }

  /** The legend, a strip along the bottom of the map (so an export carries it). */
  private drawLegend(legend: Legend, width: number, height: number): void {
    const g = el('g', { id: 'map-legend', transform: `translate(0 ${height - legend.height})` });
    g.append(el('rect', { x: 0, y: 0, width, height: legend.height, fill: '#ffffff', stroke: '#c5ccd5' }));
    g.append(el('text', { x: 8, y: 15, 'font-family': FONT, 'font-size': 11, 'font-weight': 700, fill: '#1d2430' }, 'State capacity (Markowitz, Table 2)'));
    for (const item of legend.items) g.append(item.mark(item.x, item.y), el('text', { x: item.x + 20, y: item.y + 4, 'font-family': FONT, 'font-size': 11, fill: '#1d2430' }, item.label));
    this.svg.append(g);
  }

  private drawSide(c: MapContent, marked: Set<string>): void {
    clear(this.side);
    const actorButton = (id: string, label = this.deps.nameOf(id)) => {
      const b = h('button', { type: 'button', class: 'linklike', 'data-id': id }, label);
      b.addEventListener('click', () => this.deps.onSelect(`a:${id}`));
      return b;
    };
    const shownPlaces = marked.size ? [...marked] : [];
    if (!shownPlaces.length) this.side.append(h('p', { class: 'muted small' }, 'Click a place to select its region; selecting an actor marks the places it operates in.'));
    for (const place of shownPlaces) {
      const mark = c.marks.find((m) => m.actor === place);
      const actors = c.actorsAt.get(place) ?? [];
      this.side.append(
        h('h3', {}, this.deps.nameOf(place)),
        h('p', { class: 'small' }, mark ? (mark.capacity.length ? `Capacity ${c.periodLabel}: ${mark.capacity.map(this.deps.capacityLabel).join(' and ')}` : `No capacity rating for ${c.periodLabel}`) : 'Route'),
        actors.length ? h('ul', { class: 'map-actors', 'data-place': place }, ...actors.map((a) => h('li', {}, actorButton(a)))) : h('p', { class: 'muted small' }, 'No actor shown operates or traffics here now.'),
      );
    }
    const busy = [...c.actorsAt].filter(([p]) => !marked.has(p)).sort((a, b) => b[1].length - a[1].length).slice(0, 6);
    const beyond = c.marks.filter((m) => !inFrame(m.lon, m.lat));
    if (beyond.length) this.side.append(h('h3', {}, 'Beyond the frame'), h('ul', { class: 'map-actors', id: 'map-beyond' }, ...beyond.map((m) => h('li', { 'data-actor': m.actor, 'data-capacity': capacityClass(m.capacity) }, actorButton(m.actor, m.name)))));
    if (busy.length) this.side.append(h('h3', {}, 'Actors at places'), h('ul', { class: 'map-actors' }, ...busy.map(([p, a]) => h('li', {}, actorButton(p), ` · ${a.length}`))));
    this.side.append(
      h('details', { id: 'map-not-placed' }, h('summary', {}, `Not placed (${c.notPlaced.length})`), h('ul', { class: 'small' }, ...c.notPlaced.map((n) => h('li', { 'data-actor': n.actor, title: n.reason }, `${n.name} — ${n.reason}`)))),
    );
  }
}

interface Legend {
  items: { label: string; mark: (x: number, y: number) => SVGElement; x: number; y: number }[];
  height: number;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}
