/**
 * End-to-end: the built explorer in headless Chromium against the real app (in-process, sourced
 * dataset). Every check compares the UI with the API's own answer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { artifact, hasChromium, inCI, skipReason } from './browser.js';
import { useHarness } from './harness.js';
import { tickStep } from '../../client/src/model/ticks.js';
import { defaultViewState, encodeViewState } from '../../client/src/model/url.js';
import { stepView, storyById } from '../../client/src/model/stories.js';

if (!hasChromium && !inCI) console.warn(`[e2e] ${skipReason}`);

describe('browser availability', () => {
  it.runIf(inCI)('has Chromium in CI (browser tests must run there)', () => {
    expect(hasChromium, skipReason).toBe(true);
  });
});

describe.skipIf(!hasChromium)('explorer (headless Chromium)', () => {
  const harness = useHarness();
  const { api, networkAt, open, settle } = harness;
  const server = {
    get url() {
      return harness.url();
    },
  };

  it('renders as many nodes and edges for a year as network(at) returns', async () => {
    const page = await open('?y=2001');
    await settle(page);
    const expected = await networkAt(2001);
    const shown = await page.evaluate(() => window.__nexus!.shown());
    expect(shown.nodes).toEqual(expected.nodes);
    expect(shown.edges).toEqual(expected.edges);
    expect(await page.evaluate(() => window.__nexus!.rendered())).toEqual({ nodes: expected.nodes.length, edges: expected.edges.length });
    expect(await page.locator('#stats').textContent()).toContain(`${expected.nodes.length} actors`);
    await page.screenshot({ path: artifact('explorer-2001.png') });
    await page.close();
  });

  it('moving the slider changes the visible edges exactly as network says', async () => {
    const page = await open('?y=1998');
    const slider = page.locator('#year-slider');
    await slider.focus();
    let previous = await networkAt(1998);
    let changed = 0;
    for (const year of [1999, 2000, 2001]) {
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((y) => window.__nexus!.state().year === y, year);
      await settle(page);
      const expected = await networkAt(year);
      const shown = await page.evaluate(() => window.__nexus!.shown());
      expect(shown.edges).toEqual(expected.edges);
      expect(shown.nodes).toEqual(expected.nodes);
      expect((await page.evaluate(() => window.__nexus!.rendered())).edges).toBe(expected.edges.length);
      if (JSON.stringify(expected.edges) !== JSON.stringify(previous.edges)) changed++;
      previous = expected;
    }
    expect(changed).toBeGreaterThan(0);
    expect(page.url()).toContain('y=2001');
    await page.close();
  });

  it('a path query lists its hops and highlights them', async () => {
    const page = await open('?y=2001');
    for (const [id, text] of [['#path-from', 'Islamic Movement of Uzbekistan'], ['#path-to', 'D-Company']] as const) {
      await page.locator(id).fill(text);
      await page.locator(`${id} ~ ul [role=option]`).first().waitFor();
      // Enter alone takes the first suggestion; a first ↓ lands on that same first suggestion
      if (id === '#path-to') await page.locator(id).press('ArrowDown');
      await page.locator(id).press('Enter');
    }
    await page.locator('#btn-find-path').click();
    await page.locator('#path-results .hop').first().waitFor();
    const expected = await api<{ paths: { paths: { actors: { id: string }[]; hops: { relationship: { id: string } }[] }[] } }>(
      'query { paths(from: "imu", to: "d-company", limit: 25) { paths { actors { id } hops { relationship { id } } } } }',
    );
    const first = expected.paths.paths[0]!;
    expect(await page.locator('#path-results .path').count()).toBe(expected.paths.paths.length);
    const hopRels = await page.locator('#path-results .path.active .hop').evaluateAll((els) => els.map((e) => e.getAttribute('data-rel')));
    expect(hopRels).toEqual(first.hops.map((h) => h.relationship.id));
    const highlighted = await page.evaluate(() => window.__nexus!.pathIds());
    expect(highlighted.edges.sort()).toEqual(first.hops.map((h) => h.relationship.id).sort());
    expect(highlighted.nodes.sort()).toEqual(first.actors.map((a) => a.id).sort());
    expect(page.url()).toContain('pf=imu');
    await page.screenshot({ path: artifact('explorer-path.png') });
    await page.close();
  });

  it('opening a citation shows its quote', async () => {
    const page = await open('?y=2001&sel=a%3Aimu');
    const data = await api<{ actor: { citations: { quote: string }[] } }>('query { actor(id: "imu") { citations { quote } } }');
    const citation = page.locator('#details .citations > .citation').first();
    await citation.waitFor();
    const quote = citation.locator('blockquote');
    expect(await quote.isVisible()).toBe(false);
    await citation.locator('summary').click();
    await expect.poll(() => quote.isVisible()).toBe(true);
    expect(await quote.textContent()).toBe(`“${data.actor.citations[0]!.quote}”`);
    await page.screenshot({ path: artifact('explorer-citation.png') });
    await page.close();
  });

  it('reloading a shared URL gives the same view', async () => {
    const page = await open('?y=2003');
    await page.locator('input[data-filter="kind"][value="TERRORIST_GROUP"]').check();
    await page.locator('input[data-filter="kind"][value="CRIMINAL_GROUP"]').check();
    await page.locator('#search-input').fill('Islamic Movement of Uzbekistan');
    await page.locator('#search-input ~ ul [role=option]').first().waitFor();
    await page.locator('#search-input').press('Enter');
    await page.locator('#time-mode').selectOption('window');
    await page.waitForFunction(() => window.__nexus!.state().selected === 'a:imu');
    await page.waitForTimeout(300); // URL sync is debounced
    const link = page.url();
    const before = await page.evaluate(() => ({ state: window.__nexus!.state(), shown: window.__nexus!.shown() }));
    expect(before.shown.nodes.length).toBeGreaterThan(0);
    const again = await open(link.slice(server.url.length + 1));
    const after = await again.evaluate(() => ({ state: window.__nexus!.state(), shown: window.__nexus!.shown() }));
    expect(after).toEqual(before);
    await again.reload();
    await again.waitForFunction(() => window.__nexus?.ready === true);
    expect(await again.evaluate(() => window.__nexus!.shown())).toEqual(before.shown);
    await page.close();
    await again.close();
  });

  it('"Dated links only" shows exactly network(at, datedOnly: true), in the URL and for paths', async () => {
    const page = await open('?y=1999&pf=imu&pt=d-company');
    await page.waitForFunction(() => window.__nexus!.pathsLoaded > 0);
    const all = await networkAt(1999);
    await page.locator('#filter-dated').check();
    await page.waitForFunction(() => window.__nexus!.state().filters.datedOnly);
    await settle(page);
    const expected = await networkAt(1999, { datedOnly: true });
    expect(expected.edges.length).toBeLessThan(all.edges.length); // the toggle does hide something
    const shown = await page.evaluate(() => window.__nexus!.shown());
    expect(shown.edges).toEqual(expected.edges);
    expect(shown.nodes).toEqual(expected.nodes);
    expect(await page.evaluate(() => window.__nexus!.rendered())).toEqual({ nodes: expected.nodes.length, edges: expected.edges.length });
    // the path is searched again with datedOnly
    await page.waitForFunction(() => window.__nexus!.pathsLoaded > 1);
    const paths = await api<{ paths: { paths: { hops: { relationship: { id: string } }[] }[] } }>(
      'query { paths(from: "imu", to: "d-company", datedOnly: true, limit: 25) { paths { hops { relationship { id } } } } }',
    );
    const hopRels = await page.locator('#path-results .path.active .hop').evaluateAll((els) => els.map((e) => e.getAttribute('data-rel')));
    expect(hopRels).toEqual((paths.paths.paths[0]?.hops ?? []).map((h) => h.relationship.id));
    await page.waitForTimeout(300); // URL sync is debounced
    expect(page.url()).toContain('dated=1');
    const again = await open(page.url().slice(server.url.length + 1));
    await settle(again);
    expect(await again.locator('#filter-dated').isChecked()).toBe(true);
    expect((await again.evaluate(() => window.__nexus!.shown())).edges).toEqual(expected.edges);
    await page.close();
    await again.close();
  });

  it('a shared link with a selection centres the graph on it; a story link opens at its step (screenshot)', async () => {
    const page = await open('?y=2001&sel=a%3Ataliban');
    await page.waitForTimeout(400);
    const p = await page.evaluate(() => window.__nexus!.placement('taliban'));
    expect(p).not.toBeNull();
    expect(Math.abs(p!.x - p!.width / 2)).toBeLessThan(4);
    expect(Math.abs(p!.y - p!.height / 2)).toBeLessThan(4);
    await page.close();

    const story = page.context().browser()!;
    const imu = await (await story.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const qs = encodeViewState({ ...defaultViewState(), ...stepView(storyById('imu-hybrid')!, 4) });
    await imu.goto(`${server.url}/?${qs}`);
    await imu.waitForFunction(() => window.__nexus?.ready === true, null, { timeout: 30_000 });
    await imu.waitForFunction(() => window.__nexus!.storyEdges().includes('imu-attacks-batken'));
    expect(await imu.evaluate(() => window.__nexus!.state())).toMatchObject({ story: 'imu-hybrid', storyStep: 4, year: 1999 });
    const placement = await imu.evaluate(() => window.__nexus!.placement('imu'));
    expect(placement!.x).toBeGreaterThan(0);
    expect(placement!.x).toBeLessThan(placement!.width);
    await imu.screenshot({ path: artifact('story-link-imu-hybrid-4.png') });
    await imu.close();
  });

  it('exports a non-empty PNG', async () => {
    const page = await open('?y=2001');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#btn-png').click()]);
    const file = artifact('export-2001.png');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(5_000);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(download.suggestedFilename()).toBe('nexus-2001.png');
    await page.close();
  });

  it('shows an error with Retry when the API is down, and recovers', async () => {
    const page = await harness.browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.route('**/graphql', (route) => route.abort());
    await page.goto(`${server.url}/?y=2001`);
    await page.locator('#btn-retry').waitFor();
    expect(await page.locator('#status .error').textContent()).toContain('cannot be reached');
    // nothing to export or share yet
    for (const id of ['#btn-png', '#btn-json', '#btn-link']) expect(await page.locator(id).isDisabled(), id).toBe(true);
    await page.screenshot({ path: artifact('explorer-api-down.png') });
    await page.unroute('**/graphql');
    await page.locator('#btn-retry').click();
    await page.waitForFunction(() => window.__nexus?.ready === true);
    expect((await page.evaluate(() => window.__nexus!.shown())).nodes).toEqual((await networkAt(2001)).nodes);
    for (const id of ['#btn-png', '#btn-json', '#btn-link']) expect(await page.locator(id).isEnabled(), id).toBe(true);
    await page.close();
  });

  it('time-bar year labels sit on the slider’s scale (an event mark lines up with its year)', async () => {
    const page = await open('?y=2001');
    const geo = await page.evaluate(() => {
      const centre = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.left + r.width / 2;
      };
      const ticks = [...document.querySelectorAll('.tb-tick')].map((t) => ({ year: Number(t.getAttribute('data-year')), x: centre(t) }));
      const marks = [...document.querySelectorAll('.tb-event')].map((m) => ({ year: Number(m.getAttribute('data-year')), x: centre(m) }));
      const slider = document.getElementById('year-slider')!.getBoundingClientRect();
      return { ticks, marks, slider: { left: slider.left, right: slider.right }, min: Number((document.getElementById('year-slider') as HTMLInputElement).min), max: Number((document.getElementById('year-slider') as HTMLInputElement).max) };
    });
    const first = geo.ticks[0]!;
    const last = geo.ticks[geo.ticks.length - 1]!;
    expect(first.year).toBe(geo.min);
    expect(last.year).toBe(geo.max);
    // the ends sit over the thumb's centre at min and max (half a thumb in from the track's ends)
    expect(first.x - geo.slider.left).toBeGreaterThan(4);
    expect(first.x - geo.slider.left).toBeLessThan(12);
    expect(geo.slider.right - last.x).toBeGreaterThan(4);
    expect(geo.slider.right - last.x).toBeLessThan(12);
    const xOf = (year: number) => first.x + ((year - first.year) / (last.year - first.year)) * (last.x - first.x);
    for (const t of geo.ticks) {
      expect(Math.abs(t.x - xOf(t.year)), String(t.year)).toBeLessThan(1.5);
      if (t.year !== first.year && t.year !== last.year) expect(t.year % tickStep(last.year - first.year), String(t.year)).toBe(0);
    }
    for (const m of geo.marks) expect(Math.abs(m.x - xOf(m.year)), `event ${m.year}`).toBeLessThan(1.5);
    // no two labels overlap
    const boxes = await page.locator('.tb-tick').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ l: r.left, r: r.right })));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.l).toBeGreaterThan(boxes[i - 1]!.r);
    await page.close();
  });

  it('header counts are pluralised; Copy link announces "Link copied" in a live region', async () => {
    const context = await harness.browser().newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    await page.goto(`${server.url}/?y=2001&focus=imu&types=ALLIANCE&kinds=STATE`);
    await page.waitForFunction(() => window.__nexus?.ready === true);
    const stats = (await page.locator('#stats').textContent())!;
    expect(stats).not.toMatch(/\b1 (actors|relationships)\b/);
    const n = await page.evaluate(() => window.__nexus!.shown());
    expect(stats).toContain(n.edges.length === 1 ? '1 relationship ' : `${n.edges.length} relationships`);
    await page.locator('#btn-link').click();
    const toast = page.locator('#toast');
    await expect.poll(() => toast.textContent()).toBe('Link copied');
    expect(await toast.getAttribute('aria-live')).toBe('polite');
    expect(await toast.getAttribute('role')).toBe('status');
    await context.close();
  });

  it('path finder: max hops is the API’s 6, and k stays on the mode’s line', async () => {
    const page = await open('?y=2001');
    await page.locator('summary', { hasText: 'Options' }).click();
    expect(await page.locator('#path-hops').getAttribute('max')).toBe('6');
    await page.locator('#path-mode').selectOption('K_SHORTEST');
    const top = async (sel: string) => (await page.locator(sel).boundingBox())!.y;
    expect(Math.abs((await top('#path-k')) - (await top('#path-mode')))).toBeLessThan(6);
    expect(await page.locator('#path-k').isEnabled()).toBe(true);
    await page.close();
  });

  it('a selected relationship is framed with both actors labelled inside the view; details say how each end is known (screenshots)', async () => {
    const page = await open('');
    await page.waitForTimeout(500);
    const labelled = await page.evaluate(() => window.__nexus!.labelled());
    expect(labelled.length).toBeGreaterThan(3); // the hubs are labelled at the default view
    await page.screenshot({ path: artifact('explorer-default.png') });
    await page.close();

    const data = await api<{ network: { edges: { id: string; dated: boolean; interval: { label: string }; validity: { label: string; fromBasis: string; toBasis: string }; source: { id: string }; target: { id: string } }[] } }>(
      'query { network(at: 2001, limit: 2500) { edges { id dated interval { label } validity { label fromBasis toBasis } source { id } target { id } } } }',
    );
    const rel = data.network.edges.find((e) => e.source.id === 'imu' && e.target.id === 'taliban') ?? data.network.edges[0]!;
    const sel = await open(`?y=2001&sel=r%3A${rel.id}`);
    await sel.locator('#details-title').waitFor();
    await sel.waitForTimeout(400);
    const ends = [rel.source.id, rel.target.id];
    const shownLabels = await sel.evaluate(() => window.__nexus!.labelled());
    for (const id of ends) expect(shownLabels).toContain(id);
    expect(await sel.evaluate((ids) => window.__nexus!.labelsInside(ids), ends)).toBe(true);
    expect(await sel.locator('#details-validity').textContent()).toContain(rel.validity.label);
    await sel.screenshot({ path: artifact('explorer-selected-relationship.png') });
    await sel.close();

    const weak = data.network.edges.find((e) => !e.dated && e.validity.fromBasis === 'LIFESPAN');
    expect(weak).toBeDefined();
    const page2 = await open(`?y=2001&sel=r%3A${weak!.id}`);
    await page2.locator('#details-validity').waitFor();
    expect(await page2.locator('#details-interval').textContent()).toContain('no claim dates it');
    expect(await page2.locator('#details-validity').textContent()).toMatch(/bounded by the actors’ lifespans/);
    await page2.close();
  });

  it('with few actors on screen labels are not shortened and stay inside the view', async () => {
    const page = await open('?y=2001&focus=imu&types=ALLIANCE,CONVERGENCE');
    await page.evaluate(() => window.__nexus!.layoutSettled()); // a focused link is laid out for itself
    const shown = await page.evaluate(() => window.__nexus!.shown());
    expect(shown.nodes.length).toBeLessThanOrEqual(40);
    expect(await page.evaluate((ids) => window.__nexus!.labelsInside(ids), shown.nodes)).toBe(true);
    await page.screenshot({ path: artifact('explorer-few.png') });
    await page.close();
  });
});
