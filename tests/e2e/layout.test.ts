/**
 * End-to-end: re-laying out what is visible separates every pair of visible actors (no overlapping
 * node boxes) and no link passes through an actor it does not join, in a workspace grown from the
 * IMU and in a filtered view; a dragged actor is pinned and keeps its place through a re-layout.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { violations } from '../../server/layout/separate.js';
import { artifact, hasChromium } from './browser.js';
import { useHarness } from './harness.js';

describe.skipIf(!hasChromium)('layout of the visible subgraph (headless Chromium)', () => {
  const { open } = useHarness();
  const problems = async (page: Page) => {
    const g = await page.evaluate(() => window.__nexus!.geometry());
    return { count: g.nodes.length, ...violations(g.nodes, g.edges) };
  };

  it('a workspace grown from the IMU is laid out with no overlaps and no link through an unrelated actor', { timeout: 90_000 }, async () => {
    const page = await open('?mode=all&ws=s!imu~e!imu!ALLIANCE,CONVERGENCE,OPERATIONAL!!');
    await page.evaluate(() => window.__nexus!.workspaceSettled());
    await page.waitForFunction(() => window.__nexus!.shown().nodes.length > 5);
    await page.evaluate(() => window.__nexus!.layoutSettled());
    const p = await problems(page);
    expect(p.count).toBeGreaterThan(5);
    expect(p.overlaps).toEqual([]);
    expect(p.crossings).toEqual([]);
    await page.screenshot({ path: artifact('layout-workspace-imu.png') });
    await page.close();
  });

  it('the whole network of a year, re-laid out on request, has no overlapping actors', { timeout: 90_000 }, async () => {
    const page = await open('?y=2001');
    await page.locator('#btn-relayout').click();
    await page.evaluate(() => window.__nexus!.layoutSettled());
    const p = await problems(page);
    expect(p.count).toBeGreaterThan(150);
    expect(p.overlaps).toEqual([]);
    await page.close();
  });

  it('after filtering (Tajikistan, continuum stages only) the few actors left are laid out and framed', { timeout: 90_000 }, async () => {
    const page = await open('?mode=all&types=NO_RELATIONSHIP,OPERATIONAL,ALLIANCE,CONVERGENCE');
    await page.evaluate(() => window.__nexus!.layoutSettled());
    await page.locator('#filter-countries').selectOption('Tajikistan');
    await page.waitForFunction(() => window.__nexus!.state().filters.countries.length === 1);
    await page.evaluate(() => window.__nexus!.layoutSettled());
    const p = await problems(page);
    expect(p.overlaps).toEqual([]);
    expect(p.crossings).toEqual([]);
    // framed: the actors fill the view instead of sitting at the edge of an empty canvas
    const shown = (await page.evaluate(() => window.__nexus!.shown())).nodes;
    expect(shown.length).toBeGreaterThan(1);
    const spots = await page.evaluate((ids) => ids.map((id) => window.__nexus!.placement(id)!), shown);
    const xs = spots.map((p) => p.x);
    const ys = spots.map((p) => p.y);
    const { width, height } = spots[0]!;
    expect(Math.max(...xs) - Math.min(...xs) > width / 3 || Math.max(...ys) - Math.min(...ys) > height / 3).toBe(true);
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(width);
    await page.screenshot({ path: artifact('layout-filtered-tajikistan.png') });
    await page.close();
  });

  it('a dragged actor is pinned and keeps its place through a re-layout', { timeout: 90_000 }, async () => {
    const page = await open('?mode=all&ws=s!imu~e!imu!ALLIANCE!!');
    await page.evaluate(() => window.__nexus!.workspaceSettled());
    await page.evaluate(() => window.__nexus!.layoutSettled());
    const before = await page.evaluate(() => window.__nexus!.placement('imu'));
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + before!.x, box.y + before!.y);
    await page.mouse.down();
    await page.mouse.move(box.x + before!.x + 60, box.y + before!.y + 40, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction(() => window.__nexus!.pinned().includes('imu'));
    const pinnedAt = (await page.evaluate(() => window.__nexus!.geometry())).nodes.find((n) => n.id === 'imu')!;
    await page.locator('#btn-relayout').click();
    await page.evaluate(() => window.__nexus!.layoutSettled());
    const after = (await page.evaluate(() => window.__nexus!.geometry())).nodes.find((n) => n.id === 'imu')!;
    expect([after.x, after.y]).toEqual([pinnedAt.x, pinnedAt.y]);
    await page.close();
  });
});
