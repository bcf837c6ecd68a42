/**
 * End-to-end: the view's exports say what they show — the PNG and SVG carry a title with the year,
 * the counts, every active filter and a legend of what is drawn (the SVG draws exactly the visible
 * actors and relationships); the JSON carries every claim's quote and document and the link that
 * rebuilds the view.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { artifact, hasChromium } from './browser.js';
import { useHarness } from './harness.js';

describe.skipIf(!hasChromium)('exports of the view (headless Chromium)', () => {
  const { open, api, networkAt } = useHarness();
  const VIEW = '?y=2001&kinds=TERRORIST_GROUP,CRIMINAL_GROUP,TRAFFICKING_NETWORK&dated=1';

  async function download(page: Awaited<ReturnType<typeof open>>, button: string, name: string): Promise<Buffer> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
    const path = artifact(name);
    await file.saveAs(path);
    return readFileSync(path);
  }

  it('the SVG draws exactly the visible actors and relationships, framed with title, filters and legend', async () => {
    const page = await open(VIEW);
    const shown = await page.evaluate(() => window.__nexus!.shown());
    const svg = (await download(page, '#btn-svg', 'export-2001.svg')).toString('utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const group = (name: string) => svg.split(`<g class="${name}">`)[1]!.split('</g>')[0]!;
    expect(group('nodes').match(/<(circle|polygon|rect) /g)).toHaveLength(shown.nodes.length);
    expect(group('edges').match(/<(line|path) /g)).toHaveLength(shown.edges.length);
    const frame = group('frame');
    expect(frame).toContain('Nexus Explorer — 2001');
    expect(frame).toContain(`${shown.nodes.length} actors · ${shown.edges.length} relationships in 2001`);
    expect(frame).toContain('Actor kinds: Terrorist group, Criminal group, Trafficking network');
    expect(frame).toContain('Dated links only');
    expect(frame).toContain('>Actors<');
    expect(frame).toContain('>Terrorist group<');
    expect(frame).not.toContain('>State<');
    expect(frame).toContain('kinds=TERRORIST_GROUP');
    await page.close();
  });

  it('the PNG is the framed figure: wider than the graph alone, with the legend painted', async () => {
    const page = await open(VIEW);
    const png = await download(page, '#btn-png', 'export-framed-2001.png');
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(2 * (900 + 230 + 3 * 16));
    expect(height).toBeGreaterThan(2 * 400);
    await page.close();
  });

  it('the JSON carries every visible relationship with the API’s claims, the documents cited, and the link', async () => {
    const page = await open(VIEW);
    const doc = JSON.parse((await download(page, '#btn-json', 'export-2001.json')).toString('utf8')) as {
      url: string; caption: { filters: string[] };
      edges: Array<{ id: string; claims: Array<{ quote: string; source: string; location: string | null }> }>;
      nodes: Array<{ id: string }>; sources: Array<{ id: string; title: string }>;
    };
    const expected = await networkAt(2001, { datedOnly: true });
    const shown = await page.evaluate(() => window.__nexus!.shown());
    expect(doc.edges.map((e) => e.id).sort()).toEqual(shown.edges);
    expect(doc.nodes.map((n) => n.id).sort()).toEqual(shown.nodes);
    expect(shown.edges.every((id) => expected.edges.includes(id))).toBe(true);
    type Claims = { relationshipsById: Array<{ id: string; claims: Array<{ citation: { quote: string; location: string | null; source: { id: string } } }> }> };
    const { relationshipsById } = await api<Claims>('query($ids: [ID!]!) { relationshipsById(ids: $ids) { id claims { citation { quote location source { id } } } } }', { ids: doc.edges.map((e) => e.id) });
    expect(doc.edges.map((e) => e.claims.map((c) => [c.quote, c.source, c.location]))).toEqual(relationshipsById.map((r) => r.claims.map((c) => [c.citation.quote, c.citation.source.id, c.citation.location])));
    const cited = new Set(doc.edges.flatMap((e) => e.claims.map((c) => c.source)));
    expect(doc.sources.map((s) => s.id).sort()).toEqual([...cited].sort());
    expect(doc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?/);
    expect(doc.url).toContain('dated=1');
    expect(doc.caption.filters).toContain('Dated links only (stated or passage-dated)');
    await page.close();
  });
});
