/**
 * The time bar: a year slider with dated events marked on it, play/pause, speed, step by year, and
 * the modes (one year, a from–to window, compare two years, all years). Its scale opens where the
 * data becomes dense; "Earlier" extends it to the first dated year (and a year before the dense
 * start, from a link or an event, extends it by itself). It writes to the store; the app reacts.
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
  private readonly earlierBtn: HTMLButtonElement;
  private readonly events: HTMLElement;
  private readonly ticks: HTMLElement;
  private start: number;
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
    /** The first dated year, the year the data becomes dense, and the last year. */
    private readonly range: { earliest: number; dense: number; max: number },
    private readonly timeline: Timeline,
  ) {
    const { dense: min, max } = range;
    this.start = min;
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

    this.events = h('div', { class: 'tb-events', 'aria-label': 'Dated events' });
    this.ticks = h('div', { class: 'tb-ticks', 'aria-hidden': 'true' });
    this.earlierBtn = h('button', { type: 'button', id: 'btn-earlier', class: 'tb-earlier', 'aria-pressed': 'false', title: `Extend the scale to ${range.earliest}, the first dated year`, hidden: range.earliest >= min }, `◀ ${range.earliest}`);
    this.earlierBtn.addEventListener('click', () => this.setStart(this.start === range.dense ? range.earliest : range.dense));
    this.drawScale();

    root.append(
      h('div', { class: 'tb-controls' }, back, this.playBtn, fwd, this.speedSelect),
      h('div', { class: 'tb-track' }, this.events, this.slider, this.fromSlider, this.ticks),
      h('div', { class: 'tb-side' }, this.earlierBtn, this.yearLabel, this.modeSelect, this.compareKey),
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

  get min(): number {
    return this.start;
  }

  get max(): number {
    return this.range.max;
  }

  /** Where the scale starts: the dense start, or the first dated year. */
  setStart(start: number): void {
    if (start === this.start) return;
    this.start = start;
    for (const el of [this.slider, this.fromSlider]) el.min = String(start);
    this.earlierBtn.setAttribute('aria-pressed', String(start < this.range.dense));
    this.earlierBtn.textContent = start < this.range.dense ? `${this.range.dense} ▶` : `◀ ${this.range.earliest}`;
    this.earlierBtn.title = start < this.range.dense ? `Start the scale at ${this.range.dense}, where the data becomes dense` : `Extend the scale to ${this.range.earliest}, the first dated year`;
    this.drawScale();
    const s = this.store.get();
    if ((s.year ?? this.max) < start || (s.from !== null && s.from < start)) this.store.update({ year: Math.max(start, s.year ?? start), from: s.from === null ? null : Math.max(start, s.from) });
  }

  /** Event marks and year labels on the slider's linear scale (inset like the thumb). */
  private drawScale(): void {
    const { min, max } = this;
    this.events.replaceChildren();
    for (const y of this.timeline.years) {
      if (y.events.length === 0 || y.year < min || y.year > max) continue;
      const title = `${y.year}: ${y.events.map((e) => e.title).join('; ')}`;
      const marker = h('button', {
        type: 'button',
        class: `tb-event${y.events.length > 1 ? ' many' : ''}`,
        style: `left:${yearFraction(y.year, min, max) * 100}%`,
        title,
        'aria-label': `${y.events.length} event${y.events.length > 1 ? 's' : ''} in ${title}`,
        'data-year': y.year,
        tabindex: -1,
      });
      marker.addEventListener('click', () => this.store.update({ year: y.year, mode: this.store.get().mode === 'all' ? 'year' : this.store.get().mode }));
      this.events.append(marker);
    }
    this.ticks.replaceChildren(...tickYears(min, max).map((y) => h('span', { class: 'tb-tick', 'data-year': y, style: `left:${yearFraction(y, min, max) * 100}%` }, String(y))));
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
    const earliestShown = Math.min(year, state.mode === 'window' || state.mode === 'compare' ? (state.from ?? year) : year);
    if (earliestShown < this.start) this.setStart(this.range.earliest);
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
