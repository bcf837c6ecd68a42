/**
 * The time bar: a year slider over the years the data spans with dated events marked on it,
 * play/pause, speed, step by year, and the modes (one year, a from–to window, compare two years,
 * all years). It writes to the store; the app reacts.
 */
import type { Timeline } from '../api/types.js';
import type { TimeMode, ViewState } from '../model/url.js';
import type { Store } from '../state/store.js';
import { CHANGE_COLOURS } from '../model/colours.js';
import { tickYears, yearFraction } from '../model/ticks.js';
import { h } from './dom.js';

const SPEEDS: { label: string; ms: number }[] = [
  { label: '0.5×', ms: 1600 },
  { label: '1×', ms: 900 },
  { label: '2×', ms: 450 },
  { label: '4×', ms: 220 },
];

export class Timebar {
  private readonly slider: HTMLInputElement;
  private readonly fromSlider: HTMLInputElement;
  private readonly yearLabel: HTMLElement;
  private readonly playBtn: HTMLButtonElement;
  private readonly modeSelect: HTMLSelectElement;
  private readonly speedSelect: HTMLSelectElement;
  private readonly compareKey: HTMLElement;
  private timer: ReturnType<typeof setInterval> | null = null;
  private until: number;

  constructor(
    root: HTMLElement,
    private readonly store: Store,
    readonly min: number,
    readonly max: number,
    timeline: Timeline,
  ) {
    this.until = max;
    this.slider = h('input', { type: 'range', id: 'year-slider', min, max, step: 1, value: max, 'aria-label': 'Year' });
    this.fromSlider = h('input', { type: 'range', id: 'from-slider', class: 'from', min, max, step: 1, value: min, 'aria-label': 'From year', hidden: true });
    this.yearLabel = h('output', { class: 'tb-year', id: 'year-label', for: 'year-slider', 'aria-live': 'polite' });
    this.playBtn = h('button', { type: 'button', id: 'btn-play', 'aria-label': 'Play', title: 'Play / pause (Space)' }, '▶');
    const back = h('button', { type: 'button', id: 'btn-prev', 'aria-label': 'Previous year', title: 'Previous year (←)' }, '◀|');
    const fwd = h('button', { type: 'button', id: 'btn-next', 'aria-label': 'Next year', title: 'Next year (→)' }, '|▶');
    this.speedSelect = h('select', { id: 'speed', 'aria-label': 'Playback speed' }, SPEEDS.map((s, i) => h('option', { value: i, selected: i === 1 }, s.label)));
    this.modeSelect = h(
      'select',
      { id: 'time-mode', 'aria-label': 'Time mode' },
      h('option', { value: 'year' }, 'One year'),
      h('option', { value: 'window' }, 'Window (from–to)'),
      h('option', { value: 'compare' }, 'Compare two years'),
      h('option', { value: 'all' }, 'All years'),
    );
    this.compareKey = h(
      'div',
      { class: 'compare-key', hidden: true },
      h('span', {}, h('span', { class: 'swatch', style: `background:${CHANGE_COLOURS.added}` }), 'added'),
      h('span', {}, h('span', { class: 'swatch dashed', style: `border-color:${CHANGE_COLOURS.ended}` }), 'ended (dashed)'),
      h('span', {}, h('span', { class: 'swatch', style: `background:${CHANGE_COLOURS.changed}` }), 'changed stage'),
    );

    const events = h('div', { class: 'tb-events', 'aria-label': 'Dated events' });
    for (const y of timeline.years) {
      if (y.events.length === 0 || y.year < min || y.year > max) continue;
      const title = `${y.year}: ${y.events.map((e) => e.title).join('; ')}`;
      const marker = h('button', {
        type: 'button',
        class: `tb-event${y.events.length > 1 ? ' many' : ''}`,
        style: `left:${yearFraction(y.year, min, max) * 100}%`,
        title,
        'aria-label': `${y.events.length} event${y.events.length > 1 ? 's' : ''} in ${title}`,
        'data-year': y.year,
      });
      marker.addEventListener('click', () => this.store.update({ year: y.year, mode: this.store.get().mode === 'all' ? 'year' : this.store.get().mode }));
      events.append(marker);
    }
    // year labels on the same linear scale as the thumb and the event marks (inset like them)
    const ticks = h('div', { class: 'tb-ticks', 'aria-hidden': 'true' });
    for (const y of tickYears(min, max)) ticks.append(h('span', { class: 'tb-tick', 'data-year': y, style: `left:${yearFraction(y, min, max) * 100}%` }, String(y)));

    root.append(
      h('div', { class: 'tb-controls' }, back, this.playBtn, fwd, this.speedSelect),
      h('div', { class: 'tb-track' }, events, this.slider, this.fromSlider, ticks),
      h('div', { class: 'tb-side' }, this.yearLabel, this.modeSelect, this.compareKey),
    );

    this.slider.addEventListener('input', () => this.store.update({ year: Number(this.slider.value) }));
    this.fromSlider.addEventListener('input', () => this.store.update({ from: Number(this.fromSlider.value) }));
    back.addEventListener('click', () => this.step(-1));
    fwd.addEventListener('click', () => this.step(1));
    this.playBtn.addEventListener('click', () => this.toggle());
    this.speedSelect.addEventListener('change', () => {
      if (this.timer !== null) {
        const until = this.until;
        this.pause();
        this.play(until);
      }
    });
    this.modeSelect.addEventListener('change', () => this.setMode(this.modeSelect.value as TimeMode));
  }

  private setMode(mode: TimeMode): void {
    const s = this.store.get();
    const year = s.year ?? this.max;
    const from = s.from ?? Math.max(this.min, year - 5);
    this.store.update({ mode, year, from: mode === 'window' || mode === 'compare' ? from : s.from });
  }

  /** Reflects the state into the controls. */
  render(state: ViewState): void {
    const year = state.year ?? this.max;
    if (Number(this.slider.value) !== year) this.slider.value = String(year);
    this.modeSelect.value = state.mode;
    const ranged = state.mode === 'window' || state.mode === 'compare';
    this.fromSlider.hidden = !ranged;
    this.fromSlider.setAttribute('aria-label', state.mode === 'compare' ? 'Compare from year' : 'Window from year');
    if (ranged && state.from !== null && Number(this.fromSlider.value) !== state.from) this.fromSlider.value = String(state.from);
    this.slider.disabled = state.mode === 'all';
    this.compareKey.hidden = state.mode !== 'compare';
    const from = state.from ?? this.min;
    this.yearLabel.textContent =
      state.mode === 'all'
        ? 'All years'
        : state.mode === 'window'
          ? `${Math.min(from, year)}–${Math.max(from, year)}`
          : state.mode === 'compare'
            ? `${from} → ${year}`
            : String(year);
  }

  step(delta: number): void {
    const s = this.store.get();
    const year = Math.max(this.min, Math.min(this.max, (s.year ?? this.max) + delta));
    if (year !== s.year) this.store.update({ year, mode: s.mode === 'all' ? 'year' : s.mode });
  }

  toggle(): void {
    if (this.timer === null) this.play();
    else this.pause();
  }

  /** Plays year by year and stops at `until` (default: the last year). */
  play(until: number = this.max): void {
    if (this.timer !== null) return;
    const stop = Math.max(this.min, Math.min(this.max, until));
    this.until = stop;
    const s = this.store.get();
    if ((s.year ?? this.max) >= stop) this.store.update({ year: this.min, mode: s.mode === 'all' ? 'year' : s.mode });
    const ms = SPEEDS[Number(this.speedSelect.value)]?.ms ?? 900;
    this.timer = setInterval(() => {
      if ((this.store.get().year ?? this.max) >= stop) this.pause();
      else this.step(1);
    }, ms);
    this.playBtn.textContent = '❚❚';
    this.playBtn.setAttribute('aria-label', 'Pause');
  }

  pause(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.playBtn.textContent = '▶';
    this.playBtn.setAttribute('aria-label', 'Play');
  }

  get playing(): boolean {
    return this.timer !== null;
  }
}
