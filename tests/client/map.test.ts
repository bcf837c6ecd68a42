/**
 * The map's model: the projection frames every placed region inside the drawing and keeps the
 * compass (west left, north up); a region's capacity class for a period follows the Markowitz
 * ratings; routes run through their placed waypoints; the actors at a place are those whose
 * operates-in or traffics-through relationships the graph shows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Capacity, CapacityRating } from '../../client/src/api/types.js';
import { capacityByRegion } from '../../client/src/model/export.js';
import { actorsAtPlaces, capacityClass, inFrame, MAP_FRAME, mapProjection, placeLabel, placeMarks, routeLines } from '../../client/src/model/map.js';
import type { GraphModel } from '../../client/src/model/elements.js';
import { gazetteerSchema } from '../../server/domain/gazetteer.js';
import { loadSeedDir } from '../../server/dataset/load.js';

const gazetteer = gazetteerSchema.parse(JSON.parse(readFileSync(new URL('../../seed/gazetteer.json', import.meta.url), 'utf8')));
const at = (id: string) => gazetteer.places.find((p) => p.actor === id)!;

async function seedRatings(): Promise<CapacityRating[]> {
  const ds = await loadSeedDir();
  const names = new Map(ds.actors.map((a) => [a.id, a.name]));
  const year = (d: string | null | undefined) => (d ? Number(d.slice(0, 4)) : null);
  return ds.capacity.map((c) => ({
    id: c.id,
    region: { id: c.region, name: names.get(c.region) ?? c.region },
    period: { from: c.period.from, to: c.period.to ?? null, fromYear: year(c.period.from), toYear: year(c.period.to), label: '' },
    capacity: c.capacity.map((k) => k.toUpperCase() as Capacity),
    note: '',
    citations: [],
  })) as unknown as CapacityRating[];
}

describe('map projection', () => {
  it('draws every placed region of the frame inside a 900×420 map, west to the left and north up', () => {
    const projection = mapProjection(900, 420);
    // the Caucasus and Xinjiang lie beyond the Central Asian frame (listed beside the map)
    expect(gazetteer.places.filter((p) => !inFrame(p.lon, p.lat)).map((p) => p.actor).sort()).toEqual(['abkhazia', 'chechnya', 'dagestan', 'ingushetia', 'xinjiang', 'yerevan']);
    for (const p of gazetteer.places.filter((q) => inFrame(q.lon, q.lat))) {
      const [x, y] = projection([p.lon, p.lat])!;
      expect(x, p.actor).toBeGreaterThanOrEqual(0);
      expect(x, p.actor).toBeLessThanOrEqual(900);
      expect(y, p.actor).toBeGreaterThanOrEqual(0);
      expect(y, p.actor).toBeLessThanOrEqual(420);
    }
    const [dx, dy] = projection([at('dushanbe').lon, at('dushanbe').lat])!;
    const [ox, oy] = projection([at('osh').lon, at('osh').lat])!;
    expect(dx).toBeLessThan(ox); // Dushanbe lies west of Osh
    expect(dy).toBeGreaterThan(oy); // and south of it
    const back = projection.invert!([dx, dy])!;
    expect(back[0]).toBeCloseTo(at('dushanbe').lon, 6);
    expect(back[1]).toBeCloseTo(at('dushanbe').lat, 6);
  });

  it('fits the frame to the width or the height it is given, inside the margin', () => {
    const { west, east, south, north } = MAP_FRAME;
    const edge: [number, number][] = [];
    for (let t = 0; t <= 1; t += 0.05) edge.push([west + (east - west) * t, south], [west + (east - west) * t, north], [west, south + (north - south) * t], [east, south + (north - south) * t]);
    for (const [w, hgt] of [[1000, 300], [400, 700]] as const) {
      const projection = mapProjection(w, hgt, 10);
      const xy = edge.map((p) => projection(p)!);
      const [x1, x2] = [Math.min(...xy.map((p) => p[0])), Math.max(...xy.map((p) => p[0]))];
      const [y1, y2] = [Math.min(...xy.map((p) => p[1])), Math.max(...xy.map((p) => p[1]))];
      for (const v of [x1, y1]) expect(v).toBeGreaterThanOrEqual(10 - 0.5);
      expect(x2).toBeLessThanOrEqual(w - 10 + 0.5);
      expect(y2).toBeLessThanOrEqual(hgt - 10 + 0.5);
      const fillsWidth = Math.abs(x1 - 10) < 0.5 && Math.abs(x2 - (w - 10)) < 0.5;
      const fillsHeight = Math.abs(y1 - 10) < 0.5 && Math.abs(y2 - (hgt - 10)) < 0.5;
      expect({ w, hgt, fills: fillsWidth || fillsHeight }).toEqual({ w, hgt, fills: true });
    }
  });
});

describe('map labels', () => {
  it('shortens province names, keeps city names', () => {
    expect(placeLabel('Gorno-Badakhshan Autonomous Oblast')).toBe('Gorno-Badakhshan');
    expect(placeLabel('Khatlon Province')).toBe('Khatlon');
    expect(placeLabel('Dushanbe')).toBe('Dushanbe');
  });
});

describe('map capacity classes', () => {
  it('shows the class of the period under the time bar, "none" where a region has no rating', async () => {
    const ratings = await seedRatings();
    const classOf = (year: number, id: string) => capacityClass(placeMarks(gazetteer, capacityByRegion(ratings, { kind: 'year', year })).find((m) => m.actor === id)!.capacity);
    expect(classOf(1995, 'osh')).toBe('DEGRADED');
    expect(classOf(2000, 'osh')).toBe('CAPTURED');
    expect(classOf(2007, 'osh')).toBe('CAPTURED FAILED');
    expect(classOf(1995, 'gbao')).toBe('FAILED');
    expect(classOf(2012, 'gbao')).toBe('DEGRADED');
    expect(classOf(1995, 'talas')).toBe('HEGEMONIC');
    expect(classOf(2007, 'hojand-province')).toBe('CAPTURED');
    expect(classOf(1995, 'khatlon')).toBe('none'); // rated only from 1997
    expect(classOf(2000, 'dushanbe')).toBe('none'); // a city Markowitz does not rate
  });
});

describe('map routes and actors at places', () => {
  it('draws the Dushanbe–Osh route from Dushanbe to Osh', () => {
    const [route] = routeLines(gazetteer);
    expect(route!.actor).toBe('dushanbe-osh-route');
    expect(route!.coordinates).toEqual([
      [at('dushanbe').lon, at('dushanbe').lat],
      [at('osh').lon, at('osh').lat],
    ]);
  });

  it('lists the actors that operate in or traffic through a place, among the relationships shown', () => {
    const edge = (id: string, source: string, type: string, target: string) => ({ data: { id, source, target, type } });
    const model = {
      nodes: [],
      edges: [edge('e1', 'imu', 'OPERATES_IN', 'osh'), edge('e2', 'tajik-dca', 'TRAFFICS_THROUGH', 'osh'), edge('e3', 'imu', 'ALLIANCE', 'taliban'), edge('e4', 'afghan-networks', 'OPERATES_IN', 'osh')],
    } as unknown as GraphModel;
    const places = new Set(['osh', 'dushanbe']);
    const names: Record<string, string> = { imu: 'IMU', 'tajik-dca': 'Drug Control Agency', 'afghan-networks': 'Afghan networks' };
    const nameOf = (id: string) => names[id] ?? id;
    expect(actorsAtPlaces(model, null, places, nameOf)).toEqual(new Map([['osh', ['afghan-networks', 'tajik-dca', 'imu']]]));
    const shown = { nodes: new Set(['imu', 'osh']), edges: new Set(['e1']) };
    expect(actorsAtPlaces(model, shown, places, nameOf)).toEqual(new Map([['osh', ['imu']]]));
  });
});
