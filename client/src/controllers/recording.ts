/**
 * Recording the time playback for slides: the header's Record menu plays the time bar's window
 * (or its whole scale) year by year into a WebM video or a GIF, with the year and the counts burnt
 * in, downloads it, and puts the view back as it was.
 */
import type { GraphView } from '../graph/view.js';
import { TRANSITION_MS } from '../graph/style.js';
import { recordGif, recordWebm, type RecordingPlan } from '../recording/recorder.js';
import type { Store } from '../state/store.js';
import { byId, h } from '../ui/dom.js';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export interface Recorded {
  type: string;
  bytes: number;
  years: number[];
  frameMs: number;
}

export class RecordingController {
  private busy = false;
  /** The last recording (for tests: its bytes as base64, read in the page). */
  last: Promise<(Recorded & { base64: string }) | null> = Promise.resolve(null);

  constructor(private readonly d: { graph: GraphView; store: Store; range: () => { min: number; max: number }; fileName: () => string; onError: (message: string) => void }) {
    const menu = h('div', { id: 'record-menu', class: 'record-menu', hidden: true, role: 'menu' });
    const speed = h('select', { id: 'record-speed', 'aria-label': 'Seconds per year' }, ...[0.3, 0.6, 1, 2].map((s) => h('option', { value: String(s * 1000), ...(s === 0.6 ? { selected: '' } : {}) }, `${s} s per year`)));
    const webm = h('button', { type: 'button', id: 'btn-record-webm', role: 'menuitem' }, 'Video (WebM)');
    const gif = h('button', { type: 'button', id: 'btn-record-gif', role: 'menuitem' }, 'GIF');
    menu.append(h('p', { class: 'muted' }, 'Plays the time bar’s window (or its whole scale) year by year.'), speed, webm, gif);
    const button = byId('btn-record');
    button.after(menu);
    button.addEventListener('click', () => {
      menu.hidden = !menu.hidden;
      button.setAttribute('aria-expanded', String(!menu.hidden));
    });
    const run = (format: 'webm' | 'gif') => {
      menu.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      this.last = this.record(format, Number(speed.value));
    };
    webm.addEventListener('click', () => run('webm'));
    gif.addEventListener('click', () => run('gif'));
  }

  private async record(format: 'webm' | 'gif', frameMs: number): Promise<(Recorded & { base64: string }) | null> {
    if (this.busy) return null;
    this.busy = true;
    const { store, graph } = this.d;
    const before = store.get();
    const range = this.d.range();
    const from = before.mode === 'window' && before.from !== null ? before.from : range.min;
    const to = before.mode === 'window' && before.year !== null ? before.year : range.max;
    const years = Array.from({ length: Math.max(1, to - from + 1) }, (_, i) => from + i);
    const plan: RecordingPlan = {
      years,
      show: async (year) => {
        store.update({ year, mode: 'year' });
        await nextFrame();
        await new Promise((resolve) => setTimeout(resolve, TRANSITION_MS + 50));
        await nextFrame();
      },
      snapshot: () => graph.exportPng(),
      caption: () => byId('stats').textContent ?? '',
      title: 'Nexus Explorer — the crime–terror nexus in Central Asia',
      frameMs,
      size: format === 'gif' ? { width: 640, height: 400 } : { width: 1280, height: 800 },
    };
    try {
      const blob = format === 'webm' ? await recordWebm(plan) : await recordGif(plan);
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: `${this.d.fileName()}-${from}-${to}.${format}` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { type: blob.type, bytes: blob.size, years, frameMs, base64: btoa(binary) };
    } catch (err) {
      this.d.onError(err instanceof Error ? `Recording failed: ${err.message}` : 'Recording failed.');
      return null;
    } finally {
      store.update({ year: before.year, mode: before.mode, from: before.from });
      this.busy = false;
    }
  }
}
