/**
 * The gazetteer (seed/gazetteer.json): valid against its schema, every placed region citing the
 * Natural Earth Admin 1 feature its coordinate comes from, every region and route of the dataset
 * either placed, drawn or listed as not placed, and each drawn route's waypoints named by its
 * document's quote.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gazetteerSchema } from '../../server/domain/gazetteer.js';
import { loadSeedDir } from '../../server/dataset/load.js';

const raw: unknown = JSON.parse(readFileSync(new URL('../../seed/gazetteer.json', import.meta.url), 'utf8'));

describe('gazetteer', () => {
  const gazetteer = gazetteerSchema.parse(raw);

  it('places every region at a cited Natural Earth Admin 1 feature, inside the map’s part of the world', () => {
    expect(gazetteer.places.length).toBeGreaterThan(20);
    for (const p of gazetteer.places) {
      expect(p.source.cite, p.actor).toContain(`feature ${p.source.feature} (${p.source.adm1Code})`);
      expect(p.lon, p.actor).toBeGreaterThan(20);
      expect(p.lon, p.actor).toBeLessThan(100);
      expect(p.lat, p.actor).toBeGreaterThan(20);
      expect(p.lat, p.actor).toBeLessThan(60);
    }
  });

  it('lists every region and route of the dataset exactly once, and nothing else', async () => {
    const ds = await loadSeedDir();
    const expected = ds.actors.filter((a) => a.kind === 'region' || a.kind === 'route').map((a) => a.id).sort();
    const listed = [...gazetteer.places.map((p) => p.actor), ...gazetteer.routes.map((r) => r.actor), ...gazetteer.notPlaced.map((n) => n.actor)].sort();
    expect(listed).toEqual(expected);
    const kind = new Map(ds.actors.map((a) => [a.id, a.kind]));
    for (const p of gazetteer.places) expect(kind.get(p.actor), p.actor).toBe('region');
    for (const r of gazetteer.routes) expect(kind.get(r.actor), r.actor).toBe('route');
  });

  it('draws a route only through waypoints its cited quote names, from a citation the actor carries', async () => {
    const ds = await loadSeedDir();
    const names = new Map(gazetteer.places.map((p) => [p.actor, p.name]));
    for (const r of gazetteer.routes) {
      const actor = ds.actors.find((a) => a.id === r.actor)!;
      expect(actor.citations.map((c) => c.quote)).toContain(r.citation.quote);
      for (const w of r.waypoints) expect(r.citation.quote, `${r.actor} via ${w}`).toContain(names.get(w));
    }
  });

  it('rejects a route through a place that is not placed, and a region listed twice', () => {
    const first = gazetteer.places[0]!;
    const bad = { ...gazetteer, routes: [{ ...gazetteer.routes[0]!, waypoints: ['dushanbe', 'khorog'] }], notPlaced: [...gazetteer.notPlaced, { actor: first.actor, name: first.name, reason: 'twice' }] };
    const result = gazetteerSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain('routes.0.waypoints.1: waypoint khorog is not a placed region');
    expect(messages).toContain(`notPlaced.${gazetteer.notPlaced.length}.actor: ${first.actor} is listed twice`);
  });
});
