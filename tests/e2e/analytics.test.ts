/**
 * End-to-end: the analytics panel answers for the time bar's year exactly what the API answers —
 * the centrality ranking's rows and values, the brokers (the IMU among them in 2001, with its
 * crime–terror pairs), the communities — and sizing and colouring the graph by them (screenshots).
 */
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
    await page.locator('#charts-close').click();
    await page.waitForFunction(() => (document.getElementById('charts-mount') as HTMLElement).hidden);
    await page.close();
  });
});
