/**
 * The map's model, free of the DOM: the projection that frames Central Asia in a given size, the
 * placed regions with the capacity class each shows for a period, the drawn routes, and the actors
 * that operate in or traffic through each place in what the graph shows.
 */
import { geoConicEqualArea, type GeoProjection } from 'd3-geo';
import type { Capacity } from '../api/types.js';
import type { Gazetteer } from '../../../server/domain/gazetteer.js';
import type { GraphModel } from './elements.js';
import type { Visible } from './visibility.js';

/** The frame: former Soviet Central Asia's south with northern Afghanistan and Pakistan's north-west (lon/lat degrees). */
export const MAP_FRAME = { west: 60, east: 81, south: 30, north: 44.5 } as const;

/** Whether a point lies inside the frame (places outside it are listed, not drawn). */
export function inFrame(lon: number, lat: number): boolean {
  return lon >= MAP_FRAME.west && lon <= MAP_FRAME.east && lat >= MAP_FRAME.south && lat <= MAP_FRAME.north;
}

/** A short label for a place: its name without "Province" or "Autonomous Oblast" ("Gorno-Badakhshan", "Khatlon"). */
export function placeLabel(name: string): string {
  return name.replace(/ (Autonomous Oblast|Province|province|district)$/, '');
}

/** A conic equal-area projection (standard parallels 33° and 43°) fitted to the frame, with a margin. */
export function mapProjection(width: number, height: number, margin = 12): GeoProjection {
  const { west, east, south, north } = MAP_FRAME;
  const ring: [number, number][] = [];
  for (let lon = west; lon <= east; lon += 1) ring.push([lon, south]);
  for (let lon = east; lon >= west; lon -= 1) ring.push([lon, north]);
  ring.push([west, south]);
  const frame = { type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates: ring } };
  return geoConicEqualArea()
    .parallels([33, 43])
    .rotate([-(west + east) / 2, 0])
    .fitExtent(
      [
        [margin, margin],
        [Math.max(margin + 1, width - margin), Math.max(margin + 1, height - margin)],
      ],
      frame,
    );
}

export interface PlaceMark {
  actor: string;
  name: string;
  lon: number;
  lat: number;
  /** The capacity classes the region is rated in for the period, [] when it has no rating then. */
  capacity: Capacity[];
  cite: string;
  note: string | null;
}

/** Every placed region with the classes it shows for the period (from capacityByRegion's answer). */
export function placeMarks(gazetteer: Gazetteer, capacity: ReadonlyMap<string, readonly Capacity[]>): PlaceMark[] {
  return gazetteer.places.map((p) => ({ actor: p.actor, name: p.name, lon: p.lon, lat: p.lat, capacity: [...(capacity.get(p.actor) ?? [])], cite: p.source.cite, note: p.note ?? null }));
}

/** The capacity class a region shows on the map: the period's ratings joined ("CAPTURED FAILED"), or "none". */
export function capacityClass(capacity: readonly Capacity[]): string {
  return capacity.length ? capacity.join(' ') : 'none';
}

export interface RouteLine {
  actor: string;
  coordinates: [number, number][];
  quote: string;
}

export function routeLines(gazetteer: Gazetteer): RouteLine[] {
  const at = new Map(gazetteer.places.map((p) => [p.actor, [p.lon, p.lat] as [number, number]]));
  return gazetteer.routes.map((r) => ({ actor: r.actor, coordinates: r.waypoints.map((w) => at.get(w)!), quote: r.citation.quote }));
}

const PLACE_TYPES = new Set(['OPERATES_IN', 'TRAFFICS_THROUGH']);

/**
 * The actors that operate in or traffic through each placed region (or drawn route), through the
 * relationships the graph shows now (all of them when nothing is shown yet), sorted by name.
 */
export function actorsAtPlaces(model: GraphModel, visible: Visible | null, places: ReadonlySet<string>, nameOf: (id: string) => string): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const e of model.edges) {
    const d = e.data;
    if (!PLACE_TYPES.has(d.type) || !places.has(d.target)) continue;
    if (visible && !visible.edges.has(d.id)) continue;
    let set = out.get(d.target);
    if (!set) out.set(d.target, (set = new Set()));
    set.add(d.source);
  }
  return new Map([...out].map(([place, ids]) => [place, [...ids].sort((a, b) => nameOf(a).localeCompare(nameOf(b)))]));
}
