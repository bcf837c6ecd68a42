/**
 * Keeps the map view in step with the explorer: opened by the header's Map button (or M), it loads
 * the country borders once (their own chunk, from the page's origin), shows the capacity classes
 * the capacity controller fetched for the period under the time bar, the actors at each place in
 * what the graph shows, and the selection both ways. Exports the map as SVG or PNG.
 */
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Capacity } from '../api/types.js';
import type { Gazetteer } from '../../../server/domain/gazetteer.js';
import gazetteerJson from '../../../seed/gazetteer.json' with { type: 'json' };
import type { GraphModel } from '../model/elements.js';
import { actorsAtPlaces, placeMarks, routeLines } from '../model/map.js';
import type { ViewState } from '../model/url.js';
import type { Visible } from '../model/visibility.js';
import type { Store } from '../state/store.js';
import { countriesInFrame, MapView, type Country } from '../map/view.js';
import { downloadDataUrl, downloadText } from '../ui/dom.js';

const gazetteer = gazetteerJson as unknown as Gazetteer;

export interface MapControllerDeps {
  mount: HTMLElement;
  /** The header's Map button: toggles the map, closing the timeline and the table. */
  button: HTMLElement;
  store: Store;
  model: GraphModel;
  nameOf: (id: string) => string;
  capacityLabel: (c: Capacity) => string;
  fileName: () => string;
  onError: (message: string) => void;
}

export class MapController {
  private view: MapView | null = null;
  private loading: Promise<void> | null = null;
  private capacity: { label: string; byRegion: ReadonlyMap<string, readonly Capacity[]> } | null = null;
  private visible: Visible | null = null;

  constructor(private readonly deps: MapControllerDeps) {
    deps.button.addEventListener('click', () => deps.store.update({ map: !deps.store.get().map, timeline: false, table: false }));
  }

  /** The capacity ratings for the period under the time bar arrived. */
  setCapacity(label: string, byRegion: ReadonlyMap<string, readonly Capacity[]>): void {
    this.capacity = { label, byRegion };
    this.refresh();
  }

  render(s: ViewState, visible: Visible | null): void {
    this.deps.mount.hidden = !s.map;
    this.deps.button.setAttribute('aria-pressed', String(s.map));
    if (!s.map) return;
    if (visible !== this.visible) {
      this.visible = visible;
      this.refresh();
    }
    if (!this.view && !this.loading) this.loading = this.open();
    this.view?.showSelection(s.selected);
  }

  resize(): void {
    if (this.view && !this.deps.mount.hidden) this.view.draw();
  }

  /** What the map shows now: each place's capacity class and the marked places. */
  shown(): { title: string; places: Record<string, string>; marked: string[] } | null {
    if (!this.view) return null;
    const places: Record<string, string> = {};
    for (const g of this.view.svg.querySelectorAll<SVGGElement>('.map-place')) places[g.dataset['actor']!] = g.dataset['capacity']!;
    return { title: document.getElementById('map-title')?.textContent ?? '', places, marked: this.view.markedPlaces() };
  }

  private async open(): Promise<void> {
    const { deps } = this;
    try {
      const world = (await import('world-atlas/countries-50m.json')).default as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
      const { feature } = await import('topojson-client');
      const all = feature(world, world.objects.countries).features as Country[];
      this.view = new MapView(deps.mount, countriesInFrame(all), {
        onSelect: (sel) => deps.store.update({ selected: sel }),
        capacityLabel: deps.capacityLabel,
        nameOf: deps.nameOf,
        onExport: (kind) => void this.export(kind),
      });
      this.view.showSelection(deps.store.get().selected);
      this.refresh();
    } catch {
      deps.onError('The map could not be loaded.');
    } finally {
      this.loading = null;
    }
  }

  private refresh(): void {
    if (!this.view || !this.capacity) return;
    const places = new Set([...gazetteer.places.map((p) => p.actor), ...gazetteer.routes.map((r) => r.actor)]);
    this.view.setContent({
      periodLabel: this.capacity.label,
      marks: placeMarks(gazetteer, this.capacity.byRegion),
      routes: routeLines(gazetteer),
      actorsAt: actorsAtPlaces(this.deps.model, this.visible, places, this.deps.nameOf),
      notPlaced: gazetteer.notPlaced,
    });
  }

  private async export(kind: 'svg' | 'png'): Promise<void> {
    if (!this.view) return;
    const svg = this.view.svg.cloneNode(true) as SVGSVGElement;
    svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    const text = new XMLSerializer().serializeToString(svg);
    const name = `${this.deps.fileName()}-map`;
    if (kind === 'svg') {
      downloadText(text, `${name}.svg`, 'image/svg+xml');
      return;
    }
    try {
      const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      const img = new Image();
      await new Promise<void>((resolve, reject) => {
        img.onload = () => resolve();
        img.onerror = () => reject(new Error('image'));
        img.src = url;
      });
      const canvas = document.createElement('canvas');
      canvas.width = Number(svg.getAttribute('width')) * 2;
      canvas.height = Number(svg.getAttribute('height')) * 2;
      const ctx = canvas.getContext('2d')!;
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0);
      URL.revokeObjectURL(url);
      downloadDataUrl(canvas.toDataURL('image/png'), `${name}.png`);
    } catch {
      this.deps.onError('The map PNG export failed.');
    }
  }
}
