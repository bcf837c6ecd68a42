/**
 * End-to-end: an editor imports the MMP sample in the explorer. A viewer token is refused with
 * the API's message and nothing is written; with an editor token the dry run lists every row
 * (added, and the duplicate row skipped with why), Apply writes them, and after the reload the
 * search finds a new actor and the graph shows it when selected.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/tokens.js';
import { ROOT } from '../helpers/cli.js';
import { artifact, hasChromium } from './browser.js';
import { useHarness } from './harness.js';

const SAMPLE = path.join(ROOT, 'tests/fixtures/exchange/mmp-sample.csv');
const tokensFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'nexus-e2e-import-')), 'tokens.json');
const { token } = await createToken(tokensFile, 'erin', 'editor');
const { token: viewerToken } = await createToken(tokensFile, 'vera', 'viewer');

describe.skipIf(!hasChromium)('importing in the explorer (headless Chromium)', () => {
  const { open, api } = useHarness({ access: { tokensFile, readRequiresToken: false } });

  it('refuses a viewer, then an editor dry-runs the MMP sample, applies it, and finds a new actor', async () => {
    const actorsBefore = (await api<{ actors: { totalCount: number } }>('{ actors(first: 1) { totalCount } }')).actors.totalCount;
    const page = await open();
    await page.locator('#import-block summary').click();
    await page.locator('#import-file').setInputFiles(SAMPLE);
    await expect.poll(() => page.locator('#import-format').inputValue()).toBe('mmp');

    await page.locator('#token-input').fill(viewerToken);
    await page.locator('#token-save').click();
    await expect.poll(() => page.locator('#token-status').textContent()).toBe('Signed in as vera (viewer).');
    await page.locator('#import-dry-run').click();
    await expect.poll(() => page.locator('#import-error').textContent()).toMatch(/importing needs the editor role; the token "vera" is a viewer/);
    expect(await page.locator('#import-apply').isDisabled()).toBe(true);

    await page.locator('#token-input').fill(token);
    await page.locator('#token-save').click();
    await expect.poll(() => page.locator('#token-status').textContent()).toBe('Signed in as erin (editor).');
    await page.locator('#import-dry-run').click();
    await expect.poll(() => page.locator('#import-status').textContent()).toBe('Dry run: 11 to add, 0 to update, 0 unchanged, 1 skipped. Nothing was written.');
    const rows = page.locator('#import-report tbody tr');
    const texts = await rows.allTextContents();
    expect(texts).toContain('mmp-sample.csv line 2 (unique_id 1)addedrelationship "mmp-901-alliance-mmp-902"not in the store');
    expect(texts.find((t) => t.startsWith('mmp-sample.csv line 7 (unique_id 6)skipped'))).toMatch(/duplicate of mmp-sample.csv line 3/);
    expect(texts.length).toBeGreaterThanOrEqual(12);
    expect((await api<{ actors: { totalCount: number } }>('{ actors(first: 1) { totalCount } }')).actors.totalCount).toBe(actorsBefore);
    await page.screenshot({ path: artifact('import-dry-run.png') });

    await page.locator('#import-apply').click();
    await expect.poll(() => page.locator('#import-status').textContent()).toMatch(/^Imported: 11 record\(s\) written/);
    expect((await api<{ actors: { totalCount: number } }>('{ actors(first: 1) { totalCount } }')).actors.totalCount).toBe(actorsBefore + 5);
    const history = await api<{ history: Array<{ by: string; operation: string }> }>('{ history(recordId: "mmp-901") { by operation } }');
    expect(history.history).toEqual([{ by: 'erin', operation: 'IMPORT' }]);

    await page.locator('#import-reload').click();
    await page.waitForFunction(() => window.__nexus?.ready === true, null, { timeout: 30_000 });
    await page.locator('#search-input').fill('Sample Group A');
    await page.locator('#search-input ~ ul [role=option]', { hasText: 'Sample Group A' }).first().waitFor();
    await page.locator('#search-input').press('Enter');
    await page.waitForFunction(() => window.__nexus!.state().selected === 'a:mmp-901');
    await page.locator('#details-title').getByText('Sample Group A').waitFor();
    await page.close();
  }, 120_000);
});
