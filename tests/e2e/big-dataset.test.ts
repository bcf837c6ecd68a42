/**
 * End-to-end on a generated dataset of 100,000 actors and 1,000,000 relationships (bulk-loaded
 * into the embedded store): the page opens on a bounded view of the best-connected actors and says
 * so, every request it makes is within the API's limits (no error, no truncated answer it did not
 * ask for), and growing the picture from one actor brings exactly the neighbours `neighbourhood`
 * returns — actors the page had not loaded among them — and a shared link rebuilds that workspace.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readRecordFile } from '../../server/dataset/records-file.js';
import { EmbeddedStore } from '../../server/store/embedded/adapter.js';
import { OVERVIEW_LIMITS } from '../../server/services/overview.js';
import { writeImportFile } from '../bench/scale/generate.js';
import { gql, startTestServer, type TestServer } from '../helpers/server.js';
import { artifact, hasChromium, launchBrowser } from './browser.js';

const SPEC = { actors: 100_000, relationships: 1_000_000, shape: 'hubs' as const, seed: 7 };

describe.skipIf(!hasChromium)('a 100k-actor dataset (headless Chromium)', () => {
  let dir: string;
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nexus-big-'));
    const file = path.join(dir, 'big.jsonl');
    await writeImportFile(file, SPEC);
    server = await startTestServer({
      buildClient: true,
      openStore: async () => {
        const store = await EmbeddedStore.open({ dataFile: null });
        const { dataset, problems } = await readRecordFile(file);
        expect(problems).toEqual([]);
        await store.bulkLoad(dataset, { recordFile: file });
        return store;
      },
    });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('opens on the best-connected actors within the API limits, and expanding an actor brings exactly its neighbours', { timeout: 240_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const answers: Array<{ status: number; errors: unknown }> = []; // errors: undefined until the body is read
    page.on('response', (res) => {
      if (!res.url().endsWith('/graphql')) return;
      answers.push({ status: res.status(), errors: undefined });
      const i = answers.length - 1;
      void res.json().then(
        (b: { errors?: unknown }) => (answers[i]!.errors = b.errors ?? null),
        () => (answers[i]!.errors = 'unreadable'),
      );
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/?mode=all`);
    await page.waitForFunction(() => window.__nexus?.ready === true, null, { timeout: 180_000 });

    // a bounded view, and the page says so
    const shown = (await page.evaluate(() => window.__nexus!.shown())).nodes;
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThanOrEqual(OVERVIEW_LIMITS.boundedActors);
    await expect.poll(() => page.locator('#notices').textContent()).toContain('100,000 actors');
    await page.screenshot({ path: artifact('big-dataset-opening.png') });

    // grow a workspace from an actor the opening view does not hold: search, start, expand (E)
    const outside = 'a99999';
    expect(shown).not.toContain(outside);
    await page.locator('#search-input').fill('Actor 99999');
    await page.locator(`[role="option"][data-id="${outside}"]`).click();
    await page.waitForFunction((id) => window.__nexus!.shown().nodes.join() === id, outside);
    await page.locator('#graph').focus();
    await page.keyboard.press('e');
    await page.evaluate(() => window.__nexus!.workspaceSettled());
    const { body } = await gql<{ neighbourhood: { nodes: Array<{ id: string }> } }>(server.url, 'query($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 300) { nodes { id } } }', { id: outside });
    const expected = body.data!.neighbourhood.nodes.map((n) => n.id).sort();
    expect(expected.length).toBeGreaterThan(3);
    await page.waitForFunction((n) => window.__nexus!.shown().nodes.length === n, expected.length);
    expect((await page.evaluate(() => window.__nexus!.shown())).nodes).toEqual(expected);
    await page.evaluate(() => window.__nexus!.layoutSettled());
    await page.screenshot({ path: artifact('big-dataset-expanded.png') });

    // a shared link rebuilds the workspace, though its actors are not in the opening view
    const link = await page.evaluate(() => window.location.search);
    const shared = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await shared.goto(`${server.url}/${link}`);
    await shared.waitForFunction(() => window.__nexus?.ready === true, null, { timeout: 180_000 });
    await shared.evaluate(() => window.__nexus!.workspaceSettled());
    await shared.waitForFunction((n) => window.__nexus!.shown().nodes.length === n, expected.length);
    expect((await shared.evaluate(() => window.__nexus!.shown())).nodes).toEqual(expected);
    expect(await shared.locator('#notices').textContent()).not.toContain('left out');
    await shared.close();

    // every request was answered within the limits: no error, no refusal
    await expect.poll(() => answers.every((a) => a.errors !== undefined)).toBe(true);
    expect(answers.map((a) => a.errors).filter((e) => e !== null)).toEqual([]);
    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
