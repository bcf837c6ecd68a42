/**
 * End-to-end: the map view shows each placed region in the capacity class the API rates it for
 * the year under the time bar, follows the time bar, shares the selection with the graph both
 * ways, and loads nothing from outside the explorer's own origin.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inFrame } from '../../client/src/model/map.js';
import { gazetteerSchema } from '../../server/domain/gazetteer.js';
import { artifact, hasChromium } from './browser.js';
import { useHarness } from './harness.js';

const gazetteer = gazetteerSchema.parse(JSON.parse(readFileSync(new URL('../../seed/gazetteer.json', import.meta.url), 'utf8')));
const drawn = gazetteer.places.filter((p) => inFrame(p.lon, p.lat));

type Ratings = { stateCapacity: { ratings: Array<{ region: { id: string }; period: { fromYear: number | null; toYear: number | null }; capacity: string[] }> } };

describe.skipIf(!hasChromium)('map view (headless Chromium)', () => {
  const { open, api, url } = useHarness();

  /** The API's rating of a region for one year: exactly one Markowitz period covers it. */
  const ratedIn = async (region: string, year: number) => {
    const data = await api<Ratings>('query($p: YearWindow) { stateCapacity(period: $p) { ratings { region { id } period { fromYear toYear } capacity } } }', { p: { from: year, to: year } });
    const mine = data.stateCapacity.ratings.filter((r) => r.region.id === region);
    expect(mine).toHaveLength(1);
    return mine[0]!.capacity.join(' ');
  };

  it('shows Osh and GBAO in the class the API rates them for 1995, 2007 and 2012, with nothing fetched from outside', async () => {
    const requests: string[] = [];
    const origin = new URL(url()).origin;
    for (const year of [1995, 2007, 2012]) {
      const page = await open(`?y=${year}&map=1`);
      // every request of a whole load, the map's borders included, is recorded
      page.on('request', (r) => requests.push(r.url()));
      await page.reload();
      await page.waitForFunction(() => window.__nexus?.ready === true);
      await page.waitForFunction((y) => window.__nexus!.mapShown()?.title === `Map · state capacity ${y}`, year, { timeout: 20_000 });
      const shown = (await page.evaluate(() => window.__nexus!.mapShown()))!;
      for (const region of ['osh', 'gbao']) {
        const expected = await ratedIn(region, year);
        expect({ year, region, shown: shown.places[region] }).toEqual({ year, region, shown: expected });
        expect(await page.locator(`#map-svg .map-place[data-actor="${region}"]`).getAttribute('data-capacity')).toBe(expected);
      }
      // the borders are drawn, with the countries of the region among them
      expect(await page.locator('#map-countries path[data-country="Tajikistan"]').count()).toBe(1);
      // every placed region of the frame is drawn; the others are listed beside it
      expect(await page.locator('#map-svg .map-place').count()).toBe(drawn.length);
      expect(await page.locator('#map-beyond li').count()).toBe(gazetteer.places.length - drawn.length);
      expect(await page.locator('#map-svg .map-route[data-actor="dushanbe-osh-route"]').count()).toBe(1);
      await page.screenshot({ path: artifact(`map-capacity-${year}.png`) });
      await page.close();
    }
    expect(requests.some((u) => u.includes('countries-50m'))).toBe(true);
    const outside = [...new Set(requests)].filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
  });

  it('a click on a place selects its region on the graph; a region picked elsewhere is marked on the map', async () => {
    const page = await open('?y=2000&map=1');
    await page.locator('#map-svg .map-place[data-actor="osh"]').waitFor();
    await page.locator('#map-svg .map-place[data-actor="osh"] circle').last().click();
    await page.waitForFunction(() => window.__nexus!.state().selected === 'a:osh');
    await page.locator('#details-title').waitFor();
    expect(await page.locator('#details-title').textContent()).toContain('Osh');
    expect((await page.evaluate(() => window.__nexus!.mapShown()))!.marked).toContain('osh');
    await page.locator('#search-input').fill('Gorno-Badakhshan');
    await page.locator('[role="option"][data-id="gbao"]').click();
    await page.waitForFunction(() => window.__nexus!.state().selected === 'a:gbao');
    await page.waitForFunction(() => window.__nexus!.mapShown()!.marked.includes('gbao'));
    expect(await page.locator('#map-svg .map-place[data-actor="gbao"] .map-marked').count()).toBe(1);
    expect(await page.locator('#map-svg .map-place[data-actor="osh"] .map-marked').count()).toBe(0);
    // the map exports as SVG (with its places and legend) and as PNG
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#btn-map-svg').click()]);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('data-actor="gbao"');
    expect(svg).toContain('State capacity (Markowitz, Table 2)');
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#btn-map-png').click()]);
    const png = readFileSync((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
    // the Map button closes the map and gives the graph its room back
    await page.locator('#btn-map').click();
    await page.waitForFunction(() => window.__nexus!.state().map === false);
    expect(await page.locator('#map-mount').isHidden()).toBe(true);
    // M opens it again, in the timeline's place
    await page.locator('#btn-timeline').click();
    await page.waitForFunction(() => window.__nexus!.state().timeline === true);
    await page.locator('#graph').focus();
    await page.keyboard.press('m');
    await page.waitForFunction(() => window.__nexus!.state().map === true && window.__nexus!.state().timeline === false);
    await page.locator('#map-mount').waitFor({ state: 'visible' });
    await page.close();
  });
});
