/**
 * End-to-end: the table view lists exactly what the graph shows, shares the selection with it both
 * ways, and its CSV export carries the API's claims — every quote verbatim, with its document.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../client/src/model/csv.js';
import { artifact, hasChromium } from './browser.js';
import { useHarness } from './harness.js';

describe.skipIf(!hasChromium)('table view (headless Chromium)', () => {
  const { open, api, networkAt } = useHarness();

  it('its rows are the relationships and actors the graph shows in that year', async () => {
    const page = await open('?y=1999&tab=1');
    await page.locator('#table-relationships').waitFor();
    const expected = await networkAt(1999);
    const rows = async () => page.evaluate(() => window.__nexus!.tableRows());
    expect((await rows())!.ids.sort()).toEqual(expected.edges);
    expect(await page.locator('#table-relationships tbody tr[data-sel]').count()).toBe(expected.edges.length);
    await page.locator('#table-tab-actors').click();
    await page.locator('#table-actors').waitFor();
    expect((await rows())!.ids.sort()).toEqual(expected.nodes);
    expect(await page.evaluate(() => window.__nexus!.shown().nodes)).toEqual(expected.nodes);
    // the year moves: the rows follow
    await page.locator('#year-slider').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.__nexus!.state().year === 2000);
    const next = await networkAt(2000);
    await page.waitForFunction((n) => window.__nexus!.tableRows()!.ids.length === n, next.nodes.length);
    expect((await rows())!.ids.sort()).toEqual(next.nodes);
    await page.close();
  });

  it('a row click selects on the graph, a search pick marks its row, and a row opens to its quotes', async () => {
    const page = await open('?y=2001&tab=1');
    const firstRow = page.locator('#table-relationships tbody tr[data-sel]').first();
    const sel = await firstRow.getAttribute('data-sel');
    await firstRow.locator('td').nth(1).click();
    await page.waitForFunction((s) => window.__nexus!.state().selected === s, sel);
    await page.locator('#details-title').waitFor();
    await page.locator('#search-input').fill('Islamic Movement of Uzbekistan');
    await page.locator('[role="option"][data-id="imu"]').click();
    await page.waitForFunction(() => window.__nexus!.state().selected === 'a:imu');
    await page.locator('#table-actors tr.selected[data-sel="a:imu"]').waitFor();
    await page.locator('#table-tab-relationships').click();
    await page.locator('#table-filter').fill('Islamic Movement of Uzbekistan alliance');
    const row = page.locator('#table-relationships tbody tr[data-sel]').first();
    const relId = (await row.getAttribute('data-sel'))!.slice(2);
    await row.locator('.claims-toggle').click();
    const quotes = page.locator(`tr.claims-row[data-for="${relId}"] blockquote.quote`);
    await quotes.first().waitFor({ state: 'attached' }); // inside each citation's closed <details>
    const { relationship } = await api<{ relationship: { claims: Array<{ citation: { quote: string } }> } }>('query($id: ID!) { relationship(id: $id) { claims { citation { quote } } } }', { id: relId });
    expect(await quotes.allTextContents()).toEqual(relationship.claims.map((c) => `“${c.citation.quote}”`));
    await page.screenshot({ path: artifact('table-view.png') });
    await page.close();
  });

  it('the relationships CSV has one row per claim with the API’s quotes and documents', async () => {
    const page = await open('?y=2001&tab=1');
    await page.locator('#table-filter').fill('Islamic Movement of Uzbekistan');
    const ids = (await page.evaluate(() => window.__nexus!.tableRows()))!.ids;
    expect(ids.length).toBeGreaterThan(3);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#btn-table-csv').click()]);
    expect(download.suggestedFilename()).toBe('nexus-2001-relationships.csv');
    const file = artifact('table-export.csv');
    await download.saveAs(file);
    const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
    const col = (name: string) => header!.indexOf(name);
    type Claims = { relationshipsById: Array<{ id: string; claims: Array<{ citation: { quote: string; location: string | null; source: { id: string } } }> }> };
    const { relationshipsById } = await api<Claims>('query($ids: [ID!]!) { relationshipsById(ids: $ids) { id claims { citation { quote location source { id } } } } }', { ids });
    const expected = relationshipsById.flatMap((r) => r.claims.map((c) => [r.id, c.citation.quote, c.citation.source.id, c.citation.location ?? '']));
    expect(rows.map((r) => [r[col('relationship_id')], r[col('quote')], r[col('source_document_id')], r[col('location')]])).toEqual(expected);
    await page.close();
  });
});
