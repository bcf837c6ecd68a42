/**
 * End-to-end: labels as drawn (Cytoscape's own label boxes) never overlap one another — at the
 * default view, zoomed in and out, in an ego network and with a path shown — and the actors a
 * reader is looking at (the selection and its neighbours, the path, the focus) are always labelled,
 * and in full.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifact, hasChromium } from './browser.js';
import { useHarness } from './harness.js';

type LabelBox = { id: string; x1: number; y1: number; x2: number; y2: number };

describe.skipIf(!hasChromium)('labels (headless Chromium)', () => {
  const { open, api } = useHarness();
  /** The next two frames have run: the view's label placement follows any viewport change within one. */
  const framesRun = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  const overlapping = async (page: Page) => {
    await framesRun(page);
    const boxes: LabelBox[] = await page.evaluate(() => window.__nexus!.labelBoxes());
    const pairs: string[] = [];
    // half a pixel of tolerance for rounding
    const hit = (a: LabelBox, b: LabelBox) => a.x1 < b.x2 - 0.5 && b.x1 < a.x2 - 0.5 && a.y1 < b.y2 - 0.5 && b.y1 < a.y2 - 0.5;
    for (let i = 0; i < boxes.length; i += 1) for (let j = i + 1; j < boxes.length; j += 1) if (hit(boxes[i]!, boxes[j]!)) pairs.push(`${boxes[i]!.id} × ${boxes[j]!.id}`);
    return { pairs, count: boxes.length };
  };
  const labelled = (page: Page) => page.evaluate(() => window.__nexus!.labelled());

  it('at the default view and at every zoom step no two labels overlap; the hubs are labelled', { timeout: 90_000 }, async () => {
    const page = await open('');
    const first = await overlapping(page);
    expect(first.count).toBeGreaterThan(3);
    expect(first.pairs).toEqual([]);
    await page.screenshot({ path: artifact('labels-default.png') });
    for (const button of ['#btn-zoom-in', '#btn-zoom-in', '#btn-zoom-in', '#btn-zoom-out', '#btn-zoom-out', '#btn-zoom-out', '#btn-zoom-out']) {
      await page.locator(button).click();
      expect((await overlapping(page)).pairs).toEqual([]);
    }
    await page.close();
  });

  it('a selected actor and all its neighbours in view are labelled, in full, none on another (crowded ones moved outward)', { timeout: 90_000 }, async () => {
    const page = await open('?y=2001&sel=a:imu');
    const { network } = await api<{ network: { edges: Array<{ source: { id: string }; target: { id: string } }> } }>('{ network(at: 2001, limit: 5000) { edges { source { id } target { id } } } }');
    const neighbours = new Set(network.edges.flatMap((e) => (e.source.id === 'imu' ? [e.target.id] : e.target.id === 'imu' ? [e.source.id] : [])));
    expect(neighbours.size).toBeGreaterThan(5);
    await framesRun(page);
    const shownLabels = new Set(await labelled(page));
    for (const id of ['imu', ...neighbours]) expect(shownLabels.has(id), id).toBe(true);
    // in full: each drawn label is as wide as its whole name
    const boxes = new Map((await page.evaluate(() => window.__nexus!.labelBoxes())).map((b) => [b.id, b.x2 - b.x1]));
    const { actors } = await api<{ actors: { nodes: Array<{ id: string; name: string }> } }>('{ actors(search: "Islamic Movement of Uzbekistan", first: 1) { nodes { id name } } }');
    expect(actors.nodes[0]!.id).toBe('imu');
    expect(boxes.get('imu')!).toBeGreaterThan(actors.nodes[0]!.name.length * 4);
    expect((await overlapping(page)).pairs).toEqual([]);
    // Tajikistan, the densest neighbourhood of 2001, too
    await page.close();
    const tajik = await open('?y=2001&sel=a:tajikistan');
    expect(new Set(await labelled(tajik)).has('tajikistan')).toBe(true);
    await expect.poll(() => tajik.locator('#details').textContent()).toMatch(/Tajikistan/);
    expect((await overlapping(tajik)).pairs).toEqual([]);
    await tajik.screenshot({ path: artifact('labels-selected-tajikistan-2001.png') });
    await tajik.close();
  });

  it('an ego network labels every actor in it, without overlaps', { timeout: 90_000 }, async () => {
    const page = await open('?mode=all&focus=imu');
    await page.evaluate(() => window.__nexus!.layoutSettled());
    const shown = (await page.evaluate(() => window.__nexus!.shown())).nodes;
    expect(shown.length).toBeGreaterThan(3);
    await framesRun(page);
    expect((await labelled(page)).filter((id) => shown.includes(id)).sort()).toEqual(shown);
    expect((await overlapping(page)).pairs).toEqual([]);
    await page.screenshot({ path: artifact('labels-focus-imu.png') });
    await page.close();
  });

  it('a path’s actors are all labelled, without overlaps', { timeout: 90_000 }, async () => {
    const page = await open('?y=2001&pf=imu&pt=tajikistan');
    await page.waitForFunction(() => window.__nexus!.pathIds().nodes.length > 1);
    const path = (await page.evaluate(() => window.__nexus!.pathIds())).nodes;
    await framesRun(page);
    const shownLabels = new Set(await labelled(page));
    for (const id of path) expect(shownLabels.has(id), id).toBe(true);
    expect((await overlapping(page)).pairs).toEqual([]);
    await page.screenshot({ path: artifact('labels-path.png') });
    await page.close();
  });
});
