/**
 * The timeline view beside the graph: actor lanes over their lifespans, stage bars and
 * relationship marks at their dates, events on the lanes, the time bar's year or window as a
 * cursor. Brushing a period sets the graph's window; clicking a lane, bar or mark selects it in
 * the graph, and the graph's selection is highlighted here. Plain SVG, no library.
 */
import { stageColour } from '../model/colours.js';
import { tickYears } from '../model/ticks.js';
import { h, svgEl as svg } from '../ui/dom.js';
import type { Lane } from './lanes.js';

const LABEL_W = 190;
const ROW_H = 6;
const LANE_PAD = 5;
const AXIS_H = 18;

export interface TimelineCallbacks {
  /** A click on an empty spot: show that year. */
  onYear(year: number): void;
  /** A brushed period: show that window. */
  onWindow(from: number, to: number): void;
  onSelect(sel: string | null): void;
}

export interface TimeCursor {
  kind: 'year' | 'window' | 'all';
  from: number;
  to: number;
}

export class TimelineView {
  readonly root: HTMLElement;
  private readonly body: HTMLElement;
  private readonly axis: SVGSVGElement;
  private plot: SVGSVGElement;
  private lanes: Lane[] = [];
  private range = { min: 0, max: 0 };
  private width = 600;
  private cursor: TimeCursor = { kind: 'all', from: 0, to: 0 };
  private selected: string | null = null;
  private laneTop = new Map<string, number>();

  constructor(mount: HTMLElement, private readonly cb: TimelineCallbacks) {
    this.axis = svg('svg', { class: 'tl-axis', height: AXIS_H, 'aria-hidden': 'true' });
    this.plot = svg('svg', { class: 'tl-plot' });
    this.body = h('div', { class: 'tl-body' });
    this.root = h('section', { id: 'timeline-view', class: 'timeline-view', 'aria-label': 'Timeline: actors over their lifespans, relationships and events by year' }, h('div', { class: 'tl-head' }, h('span', { class: 'tl-title' }, 'Timeline'), h('span', { class: 'tl-hint muted small' }, 'drag across the years to set the graph’s window; click a lane or a bar to select it')), this.axis, this.body);
    mount.append(this.root);
    this.installBrush();
  }

  private x(year: number): number {
    const span = Math.max(1, this.range.max - this.range.min + 1);
    return LABEL_W + ((year - this.range.min) / span) * (this.width - LABEL_W - 8);
  }

  private yearAt(px: number): number {
    const span = Math.max(1, this.range.max - this.range.min + 1);
    const y = this.range.min + Math.floor(((px - LABEL_W) / (this.width - LABEL_W - 8)) * span);
    return Math.max(this.range.min, Math.min(this.range.max, y));
  }

  /** Draw the lanes (when the filters change); the cursor and selection are kept. */
  setLanes(lanes: Lane[], range: { min: number; max: number }): void {
    this.lanes = lanes;
    this.range = range;
    this.draw();
  }

  resize(): void {
    const w = this.body.clientWidth;
    if (w > 0 && Math.abs(w - this.width) > 2) {
      this.width = w;
      this.draw();
    }
  }

  private draw(): void {
    this.width = Math.max(this.body.clientWidth || this.width, LABEL_W + 120);
    // axis
    this.axis.replaceChildren();
    this.axis.setAttribute('width', String(this.width));
    for (const y of tickYears(this.range.min, this.range.max)) {
      const x = this.x(y) + (this.x(y + 1) - this.x(y)) / 2;
      this.axis.append(svg('line', { x1: x, x2: x, y1: AXIS_H - 4, y2: AXIS_H, class: 'tl-tick' }), svg('text', { x, y: AXIS_H - 6, class: 'tl-tick-label', 'text-anchor': 'middle' }, String(y)));
    }
    // lanes
    const plot = svg('svg', { class: 'tl-plot', width: this.width, role: 'list' });
    this.laneTop.clear();
    let top = 0;
    for (const lane of this.lanes) {
      const height = LANE_PAD * 2 + lane.rows * ROW_H;
      this.laneTop.set(lane.id, top);
      const g = svg('g', { class: 'tl-lane', 'data-actor': lane.id, role: 'listitem', transform: `translate(0,${top})` });
      g.append(svg('rect', { class: 'tl-lane-bg', x: 0, y: 0, width: this.width, height }));
      const label = svg('text', { class: 'tl-label', x: 6, y: height / 2 + 4, 'data-select': `a:${lane.id}`, tabindex: 0, role: 'button', 'aria-label': `${lane.label}: ${lane.fromYear}–${lane.toYear}` }, lane.label.length > 30 ? `${lane.label.slice(0, 29)}…` : lane.label);
      label.append(svg('title', {}, `${lane.label} (${lane.fromYear}–${lane.toYear}${lane.uncertain ? ', contested' : ''})`));
      g.append(label);
      const x0 = this.x(lane.fromYear);
      const x1 = this.x(lane.toYear + 1);
      g.append(svg('line', { class: `tl-life${lane.dated.from && lane.dated.to ? '' : ' weak'}`, x1: x0, x2: x1, y1: height / 2, y2: height / 2 }));
      if (lane.dated.from) g.append(svg('line', { class: 'tl-life-end', x1: x0, x2: x0, y1: 2, y2: height - 2 }));
      if (lane.dated.to) g.append(svg('line', { class: 'tl-life-end', x1: x1, x2: x1, y1: 2, y2: height - 2 }));
      for (const b of lane.bars) {
        const bar = svg('rect', {
          class: `tl-bar ${b.dating}`,
          x: this.x(b.fromYear),
          y: LANE_PAD + b.row * ROW_H,
          width: Math.max(2, this.x(b.toYear + 1) - this.x(b.fromYear)),
          height: ROW_H - 1,
          fill: stageColour(b.stage),
          'data-rel': b.relationshipId,
          'data-select': `r:${b.relationshipId}`,
          'data-stage': b.stage,
          'data-from': b.fromYear,
          'data-to': b.toYear,
          'data-partner': b.partner,
        });
        bar.append(svg('title', {}, `${lane.label} – ${b.partner}: ${['no relationship', 'operational', 'alliance', 'convergence'][b.stage] ?? ''} ${b.fromYear}–${b.toYear}${b.dating === 'dated' ? '' : ' (weakly dated)'}`));
        g.append(bar);
      }
      for (const m of lane.marks) {
        const mark = svg('circle', { class: 'tl-mark', cx: this.x(m.year) + 2, cy: height / 2, r: 2.2, 'data-rel': m.relationshipId, 'data-select': `r:${m.relationshipId}` });
        mark.append(svg('title', {}, `${m.year}: ${m.label.toLowerCase()} ${m.partner}`));
        g.append(mark);
      }
      for (const e of lane.events) {
        const cx = this.x(e.year) + 3;
        const ev = svg('path', { class: 'tl-event', d: `M${cx},${height / 2 - 4} l4,4 l-4,4 l-4,-4 z`, 'data-event': e.id });
        ev.append(svg('title', {}, `${e.year}: ${e.title}`));
        g.append(ev);
      }
      plot.append(g);
      top += height;
    }
    plot.setAttribute('height', String(Math.max(top, 20)));
    plot.prepend(svg('rect', { class: 'tl-cursor', x: 0, y: 0, width: 0, height: Math.max(top, 20) }));
    plot.append(svg('rect', { class: 'tl-brush', x: 0, y: 0, width: 0, height: Math.max(top, 20) }));
    this.plot.replaceWith(plot);
    this.plot = plot;
    if (!this.plot.isConnected) this.body.append(plot);
    this.showCursor(this.cursor);
    this.showSelection(this.selected);
  }

  showCursor(c: TimeCursor): void {
    this.cursor = c;
    const rect = this.plot.querySelector<SVGRectElement>('.tl-cursor');
    if (!rect) return;
    if (c.kind === 'all') {
      rect.setAttribute('width', '0');
      return;
    }
    rect.setAttribute('x', String(this.x(c.from)));
    rect.setAttribute('width', String(Math.max(2, this.x(c.to + 1) - this.x(c.from))));
  }

  /** Highlight the selected actor's lane or relationship's bars, and bring it into view. */
  showSelection(sel: string | null): void {
    this.selected = sel;
    for (const el of this.plot.querySelectorAll('.selected')) el.classList.remove('selected');
    if (!sel) return;
    const id = sel.slice(2);
    if (sel.startsWith('a:')) {
      const lane = this.plot.querySelector(`.tl-lane[data-actor="${CSS.escape(id)}"]`);
      lane?.classList.add('selected');
      const top = this.laneTop.get(id);
      if (top !== undefined && (top < this.body.scrollTop || top > this.body.scrollTop + this.body.clientHeight - 20)) this.body.scrollTop = Math.max(0, top - 20);
    } else {
      const marks = this.plot.querySelectorAll(`[data-rel="${CSS.escape(id)}"]`);
      marks.forEach((m) => m.classList.add('selected'));
      const lane = marks[0]?.closest('.tl-lane') as SVGGElement | null | undefined;
      const top = lane ? this.laneTop.get(lane.dataset['actor'] ?? '') : undefined;
      if (top !== undefined && (top < this.body.scrollTop || top > this.body.scrollTop + this.body.clientHeight - 20)) this.body.scrollTop = Math.max(0, top - 20);
    }
  }

  private installBrush(): void {
    let start: number | null = null;
    let moved = false;
    const localX = (e: MouseEvent) => e.clientX - this.plot.getBoundingClientRect().left;
    this.body.addEventListener('mousedown', (e) => {
      const target = e.target as Element;
      if (target.closest('[data-select]') || localX(e) < LABEL_W) return;
      start = this.yearAt(localX(e));
      moved = false;
      e.preventDefault();
    });
    window.addEventListener('mousemove', (e) => {
      if (start === null) return;
      const y = this.yearAt(localX(e));
      if (y !== start) moved = true;
      const brush = this.plot.querySelector('.tl-brush');
      const lo = Math.min(start, y);
      const hi = Math.max(start, y);
      brush?.setAttribute('x', String(this.x(lo)));
      brush?.setAttribute('width', String(this.x(hi + 1) - this.x(lo)));
    });
    window.addEventListener('mouseup', (e) => {
      if (start === null) return;
      const end = this.yearAt(localX(e));
      this.plot.querySelector('.tl-brush')?.setAttribute('width', '0');
      const s = start;
      start = null;
      if (moved && end !== s) this.cb.onWindow(Math.min(s, end), Math.max(s, end));
      else this.cb.onYear(s);
    });
    const pick = (e: Event) => {
      const el = (e.target as Element).closest('[data-select]');
      if (el) this.cb.onSelect(el.getAttribute('data-select'));
    };
    this.body.addEventListener('click', pick);
    this.body.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        pick(e);
      }
    });
  }
}
