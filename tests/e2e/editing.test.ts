/**
 * End-to-end: an editor edits an actor in the explorer. Without a token the save is refused with
 * the API's message; a bad quote is shown next to the quote field; with an editor token the change
 * is saved, the details show it, and the record's history says who changed what.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/tokens.js';
import { artifact, hasChromium } from './browser.js';
import { useHarness } from './harness.js';

const tokensFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'nexus-e2e-tokens-')), 'tokens.json');
const { token } = await createToken(tokensFile, 'erin', 'editor');
const { token: viewerToken } = await createToken(tokensFile, 'vera', 'viewer');

describe.skipIf(!hasChromium)('editing in the explorer (headless Chromium)', () => {
  const { open, api } = useHarness({ access: { tokensFile, readRequiresToken: false } });

  it('refuses an edit without a token, names a bad field, then saves with an editor token and shows the change and its history', async () => {
    const page = await open('?sel=a:imu');
    await page.locator('#details-title').getByText('Islamic Movement of Uzbekistan').waitFor();
    await page.locator('#details-history').getByText('No edits').waitFor();
    await expect.poll(() => page.locator('#token-status').textContent()).toMatch(/^No token/);

    const form = page.locator('#form-edit-actor');
    await page.locator('summary', { hasText: 'Edit this actor' }).click();
    const description = 'Founded in Kabul in 1998 (edited in the explorer).';
    await form.locator('[name="changes.description"]').fill(description);
    await form.locator('[name="evidence.source"]').fill('cornell-narcotics-imu');
    await form.locator('[name="evidence.quote"]').fill('formally founded the IMU in Kabul in 1998');
    await form.locator('[name="evidence.confidence"]').selectOption('STATED');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.locator('.form-error').textContent()).toMatch(/^updateActor needs an editor token/);

    await page.locator('#token-input').fill(token);
    await page.locator('#token-save').click();
    await expect.poll(() => page.locator('#token-status').textContent()).toBe('Signed in as erin (editor).');

    await form.locator('[name="evidence.quote"]').fill('short');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.locator('[data-error-for="evidence.quote"]').textContent()).toBe('a quote must be a real sentence fragment');
    expect(await form.locator('[name="evidence.quote"]').getAttribute('aria-invalid')).toBe('true');

    await form.locator('[name="evidence.quote"]').fill('formally founded the IMU in Kabul in 1998');
    await form.getByRole('button', { name: 'Save' }).click();
    const history = page.locator('#details-history');
    await history.getByText('History (1)').waitFor();
    await expect.poll(() => page.locator('.details-body').textContent()).toContain(description);
    const text = await history.textContent();
    expect(text).toContain('erin');
    expect(text).toMatch(/updated actor "Islamic Movement of Uzbekistan": description/);
    expect(text).toContain(`description: “`);
    await page.screenshot({ path: artifact('editing-history.png') });

    const stored = await api<{ actor: { description: string }; history: Array<{ by: string }> }>('{ actor(id: "imu") { description } history(recordId: "imu") { by } }');
    expect(stored).toEqual({ actor: { description }, history: [{ by: 'erin' }] });
    expect(await page.evaluate(() => sessionStorage.getItem('nexus.apiToken'))).toBe(token);
    expect(await page.evaluate(() => window.location.href)).not.toContain(token);
    await page.close();
  }, 120_000);
});

describe.skipIf(!hasChromium)('a server whose reads require a token (headless Chromium)', () => {
  const { browser, url } = useHarness({ access: { tokensFile, readRequiresToken: true } });

  it('asks for a token instead of the network, and loads it with a viewer token', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${url()}/?sel=a:imu`);
    await page.getByText('Reading needs a viewer token on this server').waitFor();
    await page.locator('#boot-token').fill(viewerToken);
    await page.locator('#boot-token-use').click();
    await page.waitForFunction(() => window.__nexus?.ready === true, null, { timeout: 30_000 });
    await page.locator('#details-title').getByText('Islamic Movement of Uzbekistan').waitFor();
    await expect.poll(() => page.locator('#token-status').textContent()).toBe('Signed in as vera (viewer).');
    await page.close();
  }, 120_000);
});
