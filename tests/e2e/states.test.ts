/**
 * End-to-end: the explorer says what is wrong instead of going quiet — a link naming things the
 * data does not have, a search the API refuses — and can be used from the keyboard: the time
 * slider, search and graph come early in the Tab order, the graph steps through its actors, and
 * the help lists the keys.
 */
import { describe, expect, it } from 'vitest';
import { artifact, hasChromium } from './browser.js';
import { useHarness } from './harness.js';

describe.skipIf(!hasChromium)('explorer states and keyboard (headless Chromium)', () => {
  const { open, api } = useHarness();

  it('a link with an unknown focus and kind names both in a notice and drops them from the address', async () => {
    const page = await open('?y=2001&focus=nobody&kinds=XYZ,TERRORIST_GROUP');
    const notices = page.locator('#notices');
    await notices.waitFor({ state: 'visible' });
    const text = await notices.textContent();
    expect(text).toContain('focus: no actor has the id “nobody”');
    expect(text).toContain('kinds: “XYZ” is not an actor kind');
    await page.waitForFunction(() => !window.location.search.includes('focus=') && window.location.search.includes('kinds=TERRORIST_GROUP'));
    expect(await page.evaluate(() => window.__nexus!.state().filters.kinds)).toEqual(['TERRORIST_GROUP']);
    await page.screenshot({ path: artifact('states-link-notice.png') });
    await page.locator('#btn-notices-close').click();
    await notices.waitFor({ state: 'hidden' });
    await page.close();
  });

  it('an overlong search says it is too long', async () => {
    const page = await open('?y=2001');
    await page.locator('#search-input').fill('x'.repeat(201));
    await page.getByText('The search is too long (at most 200 characters).').waitFor();
    await page.close();
  });

  it('Tab reaches the time slider, then search, then the graph, within the first 25 stops (the panels come after)', async () => {
    const page = await open('?y=2001');
    const order: string[] = [];
    for (let i = 0; i < 25 && !order.includes('graph'); i += 1) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    const at = (id: string) => order.indexOf(id);
    expect(at('year-slider'), order.join(' ')).toBeGreaterThanOrEqual(0);
    expect(at('search-input')).toBeGreaterThan(at('year-slider'));
    expect(at('graph')).toBeGreaterThan(at('search-input'));
    // nothing of the workspace, path finder or filters comes before the graph
    expect(order.slice(0, at('graph')).some((id) => id.startsWith('ws-') || id.startsWith('filter-') || id.startsWith('path-'))).toBe(false);
    await page.close();
  });

  it('on the focused graph ↓ and ↑ select the actors shown in name order', async () => {
    const page = await open('?y=2001');
    const { network } = await api<{ network: { nodes: Array<{ id: string; name: string }> } }>('{ network(at: 2001, limit: 5000) { nodes { id name } } }');
    const byName = [...network.nodes].sort((a, b) => a.name.localeCompare(b.name));
    await page.locator('#graph').focus();
    const selected = () => page.evaluate(() => window.__nexus!.state().selected);
    await page.keyboard.press('ArrowDown');
    expect(await selected()).toBe(`a:${byName[0]!.id}`);
    await page.keyboard.press('ArrowDown');
    expect(await selected()).toBe(`a:${byName[1]!.id}`);
    await page.keyboard.press('ArrowUp');
    expect(await selected()).toBe(`a:${byName[0]!.id}`);
    await page.keyboard.press('ArrowUp');
    expect(await selected()).toBe(`a:${byName.at(-1)!.id}`);
    await page.waitForFunction((name) => document.getElementById('details-title')?.textContent?.trim() === name, byName.at(-1)!.name);
    await page.close();
  });

  it('? opens a styled help that lists every key, Esc closes it', async () => {
    const page = await open('?y=2001');
    await page.keyboard.press('?');
    const help = page.locator('#help');
    await help.waitFor({ state: 'visible' });
    const keys = await help.locator('dt').allTextContents();
    for (const key of ['Space', '←', '↓', '/', 'T', 'F', '+', 'Esc', '?', 'Tab']) expect(keys.join(' ')).toContain(key);
    const card = await page.locator('.help-card').evaluate((el) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return { bg: s.backgroundColor, shadow: s.boxShadow, centre: r.left + r.width / 2 };
    });
    expect(card.bg).toBe('rgb(255, 255, 255)');
    expect(card.shadow).not.toBe('none');
    expect(Math.abs(card.centre - 640)).toBeLessThan(2);
    await page.screenshot({ path: artifact('states-help.png') });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await page.close();
  });
});
