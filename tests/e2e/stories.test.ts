/**
 * End-to-end: each story plays in headless Chromium from its first step to its end and back (the
 * → / ← keys one way, the buttons the other); every step shows its counter, caption and quotes,
 * its highlighted relationships are drawn (and are in what the time bar shows), and the URL holds
 * the step, so a shared link opens there. A screenshot of each story's key step.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { STORIES, type Story } from '../../client/src/model/stories.js';
import { artifact, hasChromium, inCI, skipReason } from './browser.js';
import { useHarness } from './harness.js';

if (!hasChromium && !inCI) console.warn(`[e2e] ${skipReason}`);

/** The step each story's screenshot shows (1-based): the turn the story is about. */
const KEY_STEP: Record<string, number> = { 'imu-hybrid': 5, 'tajikistan-capacity': 3, 'southern-kyrgyzstan': 3 };

/** The document label after each quote, as the API names the source (authors and year, else its title). */
let labels = new Map<string, string>();

async function expectStep(page: Page, story: Story, n: number): Promise<void> {
  const step = story.steps[n - 1]!;
  const want = [...step.relationships].sort();
  await page.waitForFunction(
    ({ counter, edges }) => {
      const hook = window.__nexus!;
      const drawn = hook.storyEdges().sort();
      return document.querySelector('#story-counter')?.textContent === counter && JSON.stringify(drawn) === JSON.stringify(edges);
    },
    { counter: `${n} / ${story.steps.length}`, edges: want },
    { timeout: 15_000 },
  );
  expect(await page.locator('#story-step-caption').textContent()).toBe(step.caption);
  const quotes = await page.locator('#story-quotes li').allTextContents();
  expect(quotes).toHaveLength(step.citations.length);
  step.citations.forEach((c, i) => {
    expect(quotes[i]).toContain(c.quote);
    expect(quotes[i]).toContain(` — ${labels.get(c.source)}`);
  });
  // the highlighted links are among what the time bar's year or window draws
  const shown = new Set((await page.evaluate(() => window.__nexus!.shown())).edges);
  for (const id of want) expect(shown.has(id), `${story.id} step ${n}: ${id} drawn`).toBe(true);
  const state = await page.evaluate(() => window.__nexus!.state());
  expect(state.storyStep).toBe(n);
  if (step.window) expect(state).toMatchObject({ mode: 'window', from: step.window.from, year: step.window.to });
  else expect(state).toMatchObject({ mode: 'year', year: step.year });
  await page.waitForFunction((n) => new URLSearchParams(window.location.search).get('step') === String(n), n);
  // the step's actors are framed in the graph below the story bar (none hidden under it or off screen)
  await page.waitForFunction(
    (ids) => {
      const bar = document.querySelector<HTMLElement>('#story-caption')!;
      const below = bar.offsetTop + bar.offsetHeight;
      return ids.every((id) => {
        const p = window.__nexus!.placement(id);
        return p !== null && p.y - 10 > below && p.y < p.height && p.x > 0 && p.x < p.width;
      });
    },
    step.focus,
    { timeout: 5_000 },
  );
}

describe('browser availability', () => {
  it.runIf(inCI)('has Chromium in CI (browser tests must run there)', () => {
    expect(hasChromium, skipReason).toBe(true);
  });
});

describe.skipIf(!hasChromium)('stories (headless Chromium)', () => {
  const harness = useHarness();
  const { open, settle, api } = harness;

  beforeAll(async () => {
    const { sources } = await api<{ sources: Array<{ id: string; title: string; authors: string[]; year: number | null }> }>('{ sources { id title authors year } }');
    labels = new Map(sources.map((s) => [s.id, s.authors.length > 0 ? `${s.authors.join(' & ')}${s.year !== null ? ` (${s.year})` : ''}` : s.title]));
  });

  for (const story of STORIES) {
    it(`“${story.title}” plays to its end and back, each step captioned, quoted and highlighted`, async () => {
      const page = await open('?y=2010');
      await settle(page);
      await page.locator('#btn-stories').click();
      await page.locator(`[data-story="${story.id}"]`).click();
      await expectStep(page, story, 1);
      expect(await page.locator('#btn-story-prev').isDisabled()).toBe(true);
      const total = story.steps.length;
      for (let n = 2; n <= total; n++) {
        await page.keyboard.press('ArrowRight');
        await expectStep(page, story, n);
        if (n === KEY_STEP[story.id]) await page.screenshot({ path: artifact(`story-${story.id}-${n}.png`) });
      }
      expect(await page.locator('#btn-story-next').isDisabled()).toBe(true);
      await page.keyboard.press('ArrowRight'); // past the end: stays
      await expectStep(page, story, total);
      for (let n = total - 1; n >= 1; n--) {
        await page.locator('#btn-story-prev').click();
        await expectStep(page, story, n);
      }
      await page.locator('#btn-story-end').click();
      await page.waitForFunction(() => window.__nexus!.state().story === null && window.__nexus!.storyEdges().length === 0);
      expect(await page.locator('#story-caption').isHidden()).toBe(true);
      await page.close();
    }, 180_000);
  }

  it('a shared link opens the story at its step; ←/→ go on from there', async () => {
    const story = STORIES[0]!;
    const page = await open(`?story=${story.id}&step=4`);
    await expectStep(page, story, 4);
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, story, 3);
    await page.close();
  }, 60_000);

  it('an editor copies the current view as a step JSON with a caption', async () => {
    const page = await open('?mode=window&from=1997&y=2001&sel=r%3Aimu-alliance-taliban');
    await settle(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('#btn-stories').click();
    await page.locator('#story-new-caption').fill('The IMU and the Taliban, 1997–2001.');
    await page.locator('#btn-story-save-step').click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('imu-alliance-taliban'));
    const step = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as unknown;
    expect(step).toEqual({ window: { from: 1997, to: 2001 }, focus: ['imu', 'taliban'], relationships: ['imu-alliance-taliban'], caption: 'The IMU and the Taliban, 1997–2001.', citations: [] });
    await page.close();
  }, 60_000);
});
