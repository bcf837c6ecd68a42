/**
 * End-to-end: the investigation workspace grows from a seed exactly as the API's `neighbourhood`
 * answers, steps undo and redo, a shared link replays the same workspace, and hiding takes an
 * actor out. Compared with the API throughout.
 */
import { describe, expect, it } from 'vitest';
import { artifact, hasChromium } from './browser.js';
import { useHarness } from './harness.js';
import type { Page } from 'playwright-core';

describe.skipIf(!hasChromium)('workspace (headless Chromium)', () => {
  const { open, api, url } = useHarness();

  const neighbours = async (id: string, types: string[] | null = null) =>
    (await api<{ neighbourhood: { nodes: Array<{ id: string }> } }>('query($id: ID!, $types: [RelationshipType!]) { neighbourhood(id: $id, depth: 1, types: $types, limit: 300) { nodes { id } } }', { id, types })).neighbourhood.nodes.map((n) => n.id);
  const linksAmong = async (ids: Set<string>) =>
    (await api<{ network: { edges: Array<{ id: string; source: { id: string }; target: { id: string } }> } }>('{ network(limit: 5000) { edges { id source { id } target { id } } } }')).network.edges
      .filter((e) => ids.has(e.source.id) && ids.has(e.target.id))
      .map((e) => e.id)
      .sort();
  const shown = (page: Page) => page.evaluate(() => window.__nexus!.shown());
  const settled = (page: Page) => page.evaluate(() => window.__nexus!.workspaceSettled());
  const pick = async (page: Page, text: string, id: string) => {
    await page.locator('#search-input').fill(text);
    await page.locator(`[role="option"][data-id="${id}"]`).click();
    await page.waitForFunction((sel) => window.__nexus!.state().selected === sel, `a:${id}`);
  };

  it('grows from the IMU in three steps exactly as neighbourhood answers; undo, redo, back to a step, hide; a shared link replays it', { timeout: 120_000 }, async () => {
    const page = await open('?mode=all');
    await pick(page, 'Islamic Movement of Uzbekistan', 'imu');
    await page.locator('#ws-start').click();
    await page.waitForFunction(() => window.__nexus!.shown().nodes.length === 1);
    expect((await shown(page)).nodes).toEqual(['imu']);

    // step 2: expand the IMU through every connecting link (E)
    await page.locator('#graph').focus();
    await page.keyboard.press('e');
    await settled(page);
    const afterImu = new Set(await neighbours('imu'));
    expect((await shown(page)).nodes).toEqual([...afterImu].sort());
    expect((await shown(page)).edges).toEqual(await linksAmong(afterImu));

    // step 3: expand the Taliban through alliances only
    await pick(page, 'Taliban', 'taliban');
    await page.locator('#ws-type').selectOption('ALLIANCE');
    await page.locator('#ws-expand').click();
    await settled(page);
    const afterTaliban = new Set([...afterImu, ...(await neighbours('taliban', ['ALLIANCE']))]);
    expect(afterTaliban.size).toBeGreaterThan(afterImu.size);
    expect((await shown(page)).nodes).toEqual([...afterTaliban].sort());
    expect(await page.locator('#ws-steps li').allTextContents()).toEqual(['Start: Islamic Movement of Uzbekistan', 'Expand Islamic Movement of Uzbekistan', 'Expand Taliban (alliance)']);
    await page.evaluate(() => window.__nexus!.layoutSettled()); // re-laid out and framed
    await page.screenshot({ path: artifact('workspace-imu-three-steps.png') });

    // a shared link replays the same workspace
    const link = await page.evaluate(() => window.location.search);
    expect(link).toContain('ws=');
    const shared = await open(link);
    await settled(shared);
    expect((await shown(shared)).nodes).toEqual([...afterTaliban].sort());
    await shared.close();

    // undo, redo, back to the first step
    await page.locator('#ws-undo').click();
    await page.waitForFunction((n) => window.__nexus!.shown().nodes.length === n, afterImu.size);
    await page.locator('#ws-redo').click();
    await page.waitForFunction((n) => window.__nexus!.shown().nodes.length === n, afterTaliban.size);
    await page.locator('#ws-steps li button').first().click();
    await page.waitForFunction(() => window.__nexus!.shown().nodes.length === 1);
    await page.locator('#ws-redo').click();
    await page.waitForFunction((n) => window.__nexus!.shown().nodes.length === n, afterImu.size);

    // hide the selected actor (H)
    await pick(page, 'Taliban', 'taliban');
    await page.locator('#graph').focus();
    await page.keyboard.press('h');
    await page.waitForFunction(() => !window.__nexus!.shown().nodes.includes('taliban'));
    expect((await shown(page)).nodes).toEqual([...afterImu].filter((id) => id !== 'taliban').sort());

    // leave: the whole network again
    await page.locator('#ws-leave').click();
    await page.waitForFunction(() => window.__nexus!.state().ws === null);
    expect((await shown(page)).nodes.length).toBeGreaterThan(afterTaliban.size);
    expect(url()).toMatch(/^http/);
    await page.close();
  });

  it('a link naming an unknown actor in a step says so and replays the rest', async () => {
    const page = await open('?mode=all&ws=s!imu,ghost~e!nobody!!!');
    await page.locator('#notices').waitFor();
    const text = await page.locator('#notices').textContent();
    expect(text).toContain('ws: no actor has the id “ghost” — left out of the start');
    expect(text).toContain('ws: no actor has the id “nobody” — that step is left out');
    expect((await shown(page)).nodes).toEqual(['imu']);
    await page.close();
  });
});
