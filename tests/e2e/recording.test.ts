/**
 * End-to-end: recording the time playback for slides — a WebM video that a browser plays for the
 * expected duration (frames held 0.3 s a year), and a GIF that decodes to one frame a year, both of
 * the time bar's window; the view is put back afterwards.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from './browser.js';
import { useHarness } from './harness.js';

describe.skipIf(!hasChromium)('recording the playback (headless Chromium)', () => {
  const { open, browser } = useHarness();
  const record = async (page: Page, button: string) => {
    await page.locator('#btn-record').click();
    await page.locator('#record-speed').selectOption('300');
    await page.locator(button).click();
    return (await page.evaluate(() => window.__nexus!.recorded()))!;
  };

  it('records the window 1999–2001 as a playable WebM of about 0.9 s and as a three-frame GIF', { timeout: 120_000 }, async () => {
    const page = await open('?mode=window&from=1999&y=2001');
    const webm = await record(page, '#btn-record-webm');
    expect(webm.type).toBe('video/webm');
    expect(webm.years).toEqual([1999, 2000, 2001]);
    expect(webm.bytes).toBeGreaterThan(1000);
    // an EBML header (WebM is Matroska), and a duration the browser measures when it plays it
    expect(Buffer.from(webm.base64, 'base64').subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    // played in a blank page (the explorer's content security policy allows no media)
    const player = await browser().newPage();
    const seconds = await player.evaluate(async (b64) => {
      const video = document.createElement('video');
      video.muted = true;
      video.src = `data:video/webm;base64,${b64}`;
      await new Promise((resolve, reject) => {
        video.onloadedmetadata = resolve;
        video.onerror = () => reject(new Error('the video does not load'));
      });
      // MediaRecorder files carry no duration: seeking far makes the browser find the end
      if (!Number.isFinite(video.duration)) {
        await new Promise((resolve) => {
          video.ondurationchange = () => Number.isFinite(video.duration) && resolve(null);
          video.currentTime = 1e6;
        });
      }
      return video.duration;
    }, webm.base64);
    await player.close();
    expect(seconds).toBeGreaterThan(0.6);
    expect(seconds).toBeLessThan(3);
    // the view is as it was
    expect(await page.evaluate(() => window.__nexus!.state().mode)).toBe('window');

    const gif = await record(page, '#btn-record-gif');
    expect(gif.type).toBe('image/gif');
    expect(Buffer.from(gif.base64, 'base64').subarray(0, 6).toString('latin1')).toBe('GIF89a');
    const frames = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const decoder = new ImageDecoder({ data: bytes, type: 'image/gif' });
      await decoder.tracks.ready;
      await decoder.completed;
      const first = await decoder.decode({ frameIndex: 0 });
      return { count: decoder.tracks.selectedTrack!.frameCount, width: first.image.displayWidth, height: first.image.displayHeight };
    }, gif.base64);
    expect(frames).toEqual({ count: 3, width: 640, height: 400 });
    await page.close();
  });
});
