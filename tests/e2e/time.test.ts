/**
 * End-to-end: the explorer of time in headless Chromium, each check compared with the API —
 * playing the time bar draws exactly network(at) for every year; the IMU's drift (alliance before
 * convergence) in the pair's history and in the timeline view; compare mode's list equals diff;
 * a selection not valid at the year says so and offers a year where it is.
 */
import { describe, expect, it } from 'vitest';
import { artifact, hasChromium } from './browser.js';
import { useHarness } from './harness.js';

const IMU_DRUGS = 'drug-trafficking-networks-central-asia-alliance-imu';

describe.skipIf(!hasChromium)('the explorer of time (headless Chromium)', () => {
  const { api, networkAt, open, settle } = useHarness();

  it('playing the time bar draws, year by year, exactly what network(at) returns', async () => {
    const page = await open('?y=2016');
    const min = Number(await page.locator('#year-slider').getAttribute('min'));
    const max = Number(await page.locator('#year-slider').getAttribute('max'));
    expect(min).toBeGreaterThan(1953); // the scale opens where the data becomes dense
    await page.locator('#speed').selectOption('3');
    await page.locator('#btn-play').click();
    await page.waitForFunction((m) => window.__nexus!.state().year === m && !window.__nexus!.playing(), max, { timeout: 120_000 });
    const drawn = await page.evaluate(() => window.__nexus!.shownByYear);
    const distinct = new Set<string>();
    for (let year = min; year <= max; year++) {
      const expected = await networkAt(year);
      expect(drawn[year], `year ${year} was drawn`).toBeDefined();
      expect(drawn[year]!.edges, `edges in ${year}`).toEqual(expected.edges);
      expect(drawn[year]!.nodes, `actors in ${year}`).toEqual(expected.nodes);
      distinct.add(expected.edges.join());
    }
    // the network forms and changes: most years differ, and the first and last share little
    expect(distinct.size).toBeGreaterThan((max - min) / 2);
    const first = new Set(drawn[min]!.edges);
    const last = drawn[max]!.edges;
    const shared = last.filter((id) => first.has(id)).length;
    expect(shared / (first.size + last.length - shared)).toBeLessThan(0.5);
    await page.close();
  });

  it('"Earlier" extends the scale to the first dated year, and a link to an early year opens there', async () => {
    const page = await open('?y=2001');
    const timeline = await api<{ timeline: { minYear: number } }>('{ timeline { minYear } }');
    await page.locator('#btn-earlier').click();
    expect(Number(await page.locator('#year-slider').getAttribute('min'))).toBe(timeline.timeline.minYear);
    await page.close();
    const early = await open(`?y=${timeline.timeline.minYear}`);
    expect(Number(await early.locator('#year-slider').getAttribute('min'))).toBe(timeline.timeline.minYear);
    expect(await early.evaluate(() => window.__nexus!.state().year)).toBe(timeline.timeline.minYear);
    await early.close();
  });

  it('shows the IMU\'s drift: alliance before convergence, in the pair\'s history and in the timeline view (screenshots)', async () => {
    const dyad = await api<{ dyad: { periods: { stage: string; fromYear: number; toYear: number }[] } }>(
      '{ dyad(a: "imu", b: "drug-trafficking-networks-central-asia") { periods { stage fromYear toYear } } }',
    );
    const alliance = dyad.dyad.periods.find((p) => p.stage === 'ALLIANCE')!;
    const convergence = dyad.dyad.periods.find((p) => p.stage === 'CONVERGENCE')!;
    expect(alliance.fromYear).toBeLessThan(convergence.fromYear);
    const page = await open(`?y=1999&tl=1&sel=r%3A${IMU_DRUGS}`);
    await page.locator('.stage-periods li').first().waitFor();
    const listed = await page.locator('.stage-periods li').evaluateAll((els) => els.map((e) => [e.getAttribute('data-stage'), e.textContent]));
    expect(listed.map(([stage]) => stage)).toEqual(dyad.dyad.periods.map((p) => p.stage));
    expect(listed[0]![1]).toContain(`${alliance.fromYear}–${alliance.toYear}`);
    const bars = await page.locator('.tl-lane[data-actor="imu"] .tl-bar[data-partner="Drug trafficking networks in Central Asia"]').evaluateAll((els) =>
      els.map((e) => ({ stage: Number(e.getAttribute('data-stage')), from: Number(e.getAttribute('data-from')), to: Number(e.getAttribute('data-to')) })),
    );
    const barAlliance = bars.find((b) => b.stage === 2)!;
    const barConvergence = bars.find((b) => b.stage === 3)!;
    expect([barAlliance.from, barAlliance.to]).toEqual([alliance.fromYear, alliance.toYear]);
    expect([barConvergence.from, barConvergence.to]).toEqual([convergence.fromYear, convergence.toYear]);
    expect(barAlliance.from).toBeLessThan(barConvergence.from);
    // the selection is highlighted in the timeline too
    expect(await page.locator(`.tl-bar.selected[data-rel="${IMU_DRUGS}"]`).count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifact('time-timeline-imu-drift.png') });
    await page.close();
  });

  it('brushing the timeline sets the graph\'s window; clicking a lane selects the actor', async () => {
    const page = await open('?y=2001&tl=1');
    const lane = page.locator('.tl-lane[data-actor="imu"] .tl-label');
    await lane.scrollIntoViewIfNeeded();
    await lane.click();
    await page.waitForFunction(() => window.__nexus!.state().selected === 'a:imu');
    const body = await page.locator('.tl-body').boundingBox();
    const axis = await page.locator('.tl-axis text').evaluateAll((els) => els.map((e) => ({ year: Number(e.textContent), x: e.getBoundingClientRect().left + e.getBoundingClientRect().width / 2 })));
    const at = (year: number) => {
      const a = axis[0]!;
      const b = axis[axis.length - 1]!;
      return a.x + ((year - a.year) / (b.year - a.year)) * (b.x - a.x);
    };
    const y = body!.y + 10;
    await page.mouse.move(at(1997), y);
    await page.mouse.down();
    await page.mouse.move(at(2000), y, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction(() => window.__nexus!.state().mode === 'window');
    const state = await page.evaluate(() => window.__nexus!.state());
    expect(Math.abs(Math.min(state.from!, state.year!) - 1997)).toBeLessThanOrEqual(1);
    expect(Math.abs(Math.max(state.from!, state.year!) - 2000)).toBeLessThanOrEqual(1);
    await settle(page);
    await page.screenshot({ path: artifact('time-timeline-window.png') });
    await page.close();
  });

  it('compare mode lists the changes as text, exactly as diff says', async () => {
    const page = await open('?mode=compare&from=1998&y=2001');
    await page.locator('#changes-summary').waitFor();
    const diff = await api<{ diff: { added: { id: string }[]; ended: { id: string }[]; changedStage: { after: { id: string }[] }[] } }>(
      '{ diff(fromYear: 1998, toYear: 2001, limit: 300) { added { id } ended { id } changedStage { after { id } } } }',
    );
    const listed = async (kind: string) => page.locator(`.changes-list[data-kind="${kind}"] li`).evaluateAll((els) => els.map((e) => e.getAttribute('data-rels')));
    expect((await listed('added')).sort()).toEqual(diff.diff.added.map((r) => r.id).sort());
    expect((await listed('ended')).sort()).toEqual(diff.diff.ended.map((r) => r.id).sort());
    expect(await listed('changed')).toEqual(diff.diff.changedStage.map((c) => c.after.map((r) => r.id).join(' ')));
    expect(diff.diff.changedStage.length).toBeGreaterThan(0);
    expect(await page.locator('.changes-list[data-kind="changed"] li').first().textContent()).toMatch(/alliance → .*convergence/);
    await page.screenshot({ path: artifact('time-compare-list.png') });
    await page.close();
  });

  it('a selection that is not valid at the year says so and offers to go to a year where it is', async () => {
    const page = await open(`?y=2010&sel=r%3A${IMU_DRUGS}`);
    const notice = page.locator('#details-not-shown');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/not on the graph in 2010: it is valid 1997–1999/);
    await page.locator('#details-go-year').click();
    await page.waitForFunction(() => window.__nexus!.state().year === 1999);
    await settle(page);
    expect((await page.evaluate(() => window.__nexus!.shown())).edges).toContain(IMU_DRUGS);
    await page.close();
  });

  it('draws the network in 1996 and in 2001 (screenshots)', async () => {
    for (const year of [1996, 2001]) {
      const page = await open(`?y=${year}&tl=1`);
      await settle(page);
      expect((await page.evaluate(() => window.__nexus!.shown())).edges).toEqual((await networkAt(year)).edges);
      await page.screenshot({ path: artifact(`time-network-${year}.png`) });
      await page.close();
    }
  });
});
