/**
 * End-to-end: the analytics panel answers for the time bar's year exactly what the API answers —
 * the centrality ranking's rows and values, the brokers (the IMU among them in 2001, with its
 * crime–terror pairs), the communities — and sizing and colouring the graph by them (screenshots).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifact, hasChromium } from './browser.js';
import { useHarness } from './harness.js';

describe.skipIf(!hasChromium)('analytics (headless Chromium)', () => {
  const { open, api } = useHarness();
  const settled = (page: Page) => page.evaluate(() => window.__nexus!.analyticsSettled());

  it('ranks, brokers and communities for the year equal the API’s; sizing and colouring change the graph', { timeout: 90_000 }, async () => {
    const page = await open('?y=2001');
    await settled(page);
    const { centrality } = await api<{ centrality: { scores: Array<{ actor: { id: string }; betweenness: number }> } }>('{ centrality(at: 2001, limit: 15) { scores { actor { id } betweenness } } }');
    const rows = await page.locator('#centrality-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-id'), tr.lastElementChild!.textContent]));
    expect(rows).toEqual(centrality.scores.map((s) => [s.actor.id, s.betweenness.toFixed(1)]));

    // size the actors by betweenness: the top actor is drawn bigger than before
    const halfWidth = (id: string) => page.evaluate((x) => window.__nexus!.geometry().nodes.find((n) => n.id === x)!.hw, id);
    const top = centrality.scores[0]!.actor.id;
    const before = await halfWidth(top);
    await page.locator('#analytics-size').check();
    await settled(page);
    await expect.poll(() => halfWidth(top)).toBeGreaterThan(before);

    // the selected actor's rank over the years: one point per year it has a tie, as the API says
    await page.locator('#centrality-table tr[data-id="imu"] button').click();
    await settled(page);
    const { rankOverTime } = await api<{ rankOverTime: { years: Array<{ year: number; rank: number | null }> } }>('{ rankOverTime(actorId: "imu", fromYear: 1991, toYear: 2016) { years { year rank } } }');
    const min = Number(await page.locator('#year-slider').getAttribute('min'));
    const expected = rankOverTime.years.filter((y) => y.rank !== null && y.year >= min).map((y) => [String(y.year), String(y.rank)]);
    const points = await page.locator('#rank-chart circle').evaluateAll((cs) => cs.map((c) => [c.getAttribute('data-year'), c.getAttribute('data-rank')]));
    expect(min).toBe(1991);
    expect(points).toEqual(expected);
    await page.screenshot({ path: artifact('analytics-rank-imu.png') });

    // the IMU's stage with each counterpart: the trafficking networks' bars are the pair's dyad periods, the IJU a splinter mark
    await page.locator('#analytics-tab-trajectories').click();
    await settled(page);
    const { dyad } = await api<{ dyad: { periods: Array<{ stage: string; fromYear: number; toYear: number }> } }>('{ dyad(a: "imu", b: "drug-trafficking-networks-central-asia") { periods { stage fromYear toYear } } }');
    const bars = await page.locator('#trajectories [data-id="drug-trafficking-networks-central-asia"] .stage-period').evaluateAll((ds) => ds.map((d) => [d.getAttribute('data-stage'), Number(d.getAttribute('data-from')), Number(d.getAttribute('data-to'))]));
    expect(bars).toEqual(dyad.periods.map((p) => [p.stage, p.fromYear, p.toYear]));
    expect(await page.locator('#trajectories [data-id="iju"] .lineage-mark').getAttribute('data-type')).toBe('Splinter of');
    await page.screenshot({ path: artifact('analytics-stages-imu.png') });

    // brokers: the IMU brokers crime–terror pairs in 2001, as the API says
    await page.locator('#analytics-tab-brokers').click();
    await settled(page);
    const { brokers } = await api<{ brokers: { brokers: Array<{ actor: { id: string }; crimeTerror: number }> } }>('{ brokers(at: 2001, limit: 15) { brokers { actor { id } crimeTerror } } }');
    expect(await page.locator('#broker-list details').evaluateAll((ds) => ds.map((d) => d.getAttribute('data-id')))).toEqual(brokers.brokers.map((b) => b.actor.id));
    const imu = brokers.brokers.find((b) => b.actor.id === 'imu')!;
    expect(imu.crimeTerror).toBeGreaterThan(0);
    const imuRow = page.locator('#broker-list details[data-id="imu"]');
    await imuRow.locator('summary').click();
    expect(await imuRow.locator('summary').textContent()).toContain(`crime–terror ${imu.crimeTerror}`);
    expect(await imuRow.locator('.broker-pairs li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifact('analytics-brokers-2001.png') });

    // communities: the list equals the API's, and colouring marks the actors
    await page.locator('#analytics-tab-communities').click();
    await settled(page);
    const { communities } = await api<{ communities: { communities: Array<{ size: number }> } }>('{ communities(at: 2001) { communities { size } } }');
    expect(await page.locator('#community-list li').count()).toBe(communities.communities.length);
    await page.locator('#analytics-colour').check();
    await settled(page);
    await page.screenshot({ path: artifact('analytics-communities-2001.png') });
    await page.close();
  });

  it('the summary charts draw a bar per year with the API’s counts, and the capacity heat map the API’s ratings (screenshot)', { timeout: 90_000 }, async () => {
    const page = await open('?y=2001');
    await page.locator('#btn-charts').click();
    await page.evaluate(() => window.__nexus!.chartsSettled());
    const drawn = (await page.evaluate(() => window.__nexus!.chartsData()))!;
    const min = Number(await page.locator('#year-slider').getAttribute('min'));
    const max = Number(await page.locator('#year-slider').getAttribute('max'));
    const { yearCounts } = await api<{ yearCounts: { years: Array<{ year: number; byType: Array<{ type: string; count: number }>; events: number }> } }>('query($f: Int!, $t: Int!) { yearCounts(fromYear: $f, toYear: $t) { years { year events byType { type count } } } }', { f: min, t: max });
    expect(drawn.years).toEqual(yearCounts.years.map((y) => String(y.year)));
    expect(drawn.years).toHaveLength(max - min + 1);
    const count = (y: (typeof yearCounts.years)[number], type: string) => y.byType.find((t) => t.type === type)?.count ?? 0;
    expect(drawn.datasets.slice(0, 4).map((d) => d.data)).toEqual(['NO_RELATIONSHIP', 'OPERATIONAL', 'ALLIANCE', 'CONVERGENCE'].map((t) => yearCounts.years.map((y) => count(y, t))));
    expect(drawn.events).toEqual(yearCounts.years.map((y) => y.events));
    // the other types: each year's bars add up to the year's relationships that are not stages
    const stageTypes = ['NO_RELATIONSHIP', 'OPERATIONAL', 'ALLIANCE', 'CONVERGENCE'];
    expect(drawn.years.map((_, i) => drawn.types.reduce((n, t) => n + t.data[i]!, 0))).toEqual(yearCounts.years.map((y) => y.byType.filter((t) => !stageTypes.includes(t.type)).reduce((n, t) => n + t.count, 0)));
    const { stateCapacity } = await api<{ stateCapacity: { ratings: Array<{ region: { id: string }; capacity: string[] }> } }>('query($p: YearWindow) { stateCapacity(period: $p) { ratings { region { id } capacity } } }', { p: { from: 1953, to: max } });
    const regions = new Set(stateCapacity.ratings.map((r) => r.region.id));
    expect(new Set(drawn.heat.map((r) => r.region))).toEqual(regions);
    for (const row of drawn.heat) {
      const rated = new Set(stateCapacity.ratings.filter((r) => r.region.id === row.region).flatMap((r) => r.capacity));
      for (const cell of row.cells.filter(Boolean)) for (const c of cell.split('+')) expect(rated.has(c)).toBe(true);
    }
    await page.screenshot({ path: artifact('charts-summary.png') });

    // the files: the stages chart as vector SVG (one filled bar per non-zero count of the stages
    // shown, the legend's labels as text), the heat map as SVG (a cell per rating) and as PNG
    const download = async (button: string, name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
      expect(file.suggestedFilename()).toBe(name);
      await file.saveAs(artifact(name));
      return readFileSync(artifact(name));
    };
    const stagesSvg = (await download('#charts-mount figure:nth-of-type(1) .chart-svg', 'nexus-stages-per-year.svg')).toString('utf8');
    expect(stagesSvg.startsWith('<svg')).toBe(true);
    // each filled path: its colour and height; per dataset a legend box, and a bar per year when shown
    const filled = [...stagesSvg.matchAll(/<path fill="(#[0-9a-f]{6})"[^>]* d="([^"]+)"/g)].map(([, fill, d]) => {
      const ys = [...d!.matchAll(/[ML] ([-\d.]+) ([-\d.]+)/g)].map((m) => Number(m[2]));
      return { fill: fill!, height: Math.max(...ys) - Math.min(...ys) };
    });
    const byFill = new Map<string, typeof filled>();
    for (const f of filled) byFill.set(f.fill, [...(byFill.get(f.fill) ?? []), f]);
    const shownStages = drawn.datasets.slice(0, 4);
    expect([...byFill.values()].map((fs) => fs.length).sort((a, b) => a - b)).toEqual([1, ...shownStages.map(() => drawn.years.length + 1)]);
    const tallBars = filled.filter((f) => f.height > 0.01 && byFill.get(f.fill)!.length > 1).length - shownStages.length;
    expect(tallBars).toBe(shownStages.reduce((n, d) => n + d.data.filter((v) => v > 0).length, 0));
    for (const d of drawn.datasets) expect(stagesSvg).toContain(`>${d.label}</text>`);
    const heatSvg = (await download('#charts-mount figure.heat .chart-svg', 'nexus-state-capacity.svg')).toString('utf8');
    const rated = drawn.heat.flatMap((r) => r.cells.filter(Boolean));
    expect(heatSvg.match(/data-capacity="[A-Z+]+"/g)).toHaveLength(rated.length);
    const heatPng = await download('#charts-mount figure.heat .chart-png', 'nexus-state-capacity.png');
    expect(heatPng.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(heatPng.readUInt32BE(16)).toBeGreaterThan(400); // width from the IHDR chunk

    await page.locator('#charts-close').click();
    await page.waitForFunction(() => (document.getElementById('charts-mount') as HTMLElement).hidden);
    await page.close();
  });
});
