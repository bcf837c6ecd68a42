/**
 * A small line chart of an actor's rank over the years (SVG, no library): rank 1 at the top, a
 * point per year the actor has a tie, a gap where it has none; year ticks at the ends and decades.
 */
import type { RankOverTimeAnswer } from '../api/analytics.js';
import { tickYears } from '../model/ticks.js';
import { h, svgEl as el } from '../ui/dom.js';

const W = 280;
const H = 120;
const PAD = { left: 28, right: 8, top: 8, bottom: 18 };

export function rankChart(a: RankOverTimeAnswer, measureLabel: string): HTMLElement {
  const years = a.years;
  const first = years[0]?.year ?? 0;
  const last = years.at(-1)?.year ?? first;
  const worst = Math.max(1, ...years.map((y) => y.rank ?? 0));
  const x = (year: number) => PAD.left + ((year - first) / Math.max(1, last - first)) * (W - PAD.left - PAD.right);
  const y = (rank: number) => PAD.top + ((rank - 1) / Math.max(1, worst - 1)) * (H - PAD.top - PAD.bottom);
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': `Rank of ${a.actor.name} by ${measureLabel}, ${first}–${last}`, id: 'rank-chart' }) as SVGSVGElement;
  svg.append(el('line', { x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right, y2: H - PAD.bottom, stroke: '#9aa3b5' }));
  svg.append(el('text', { x: PAD.left - 4, y: y(1) + 4, 'text-anchor': 'end', 'font-size': 10 }, '1'));
  if (worst > 1) svg.append(el('text', { x: PAD.left - 4, y: y(worst) + 4, 'text-anchor': 'end', 'font-size': 10 }, String(worst)));
  for (const t of tickYears(first, last)) svg.append(el('text', { x: x(t), y: H - 4, 'text-anchor': 'middle', 'font-size': 10 }, String(t)));
  // one polyline per run of years with a rank
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) svg.append(el('polyline', { points: run.join(' '), fill: 'none', stroke: '#0072b2', 'stroke-width': 2 }));
    run = [];
  };
  for (const p of years) {
    if (p.rank === null) {
      flush();
      continue;
    }
    run.push(`${x(p.year)},${y(p.rank)}`);
    const dot = el('circle', { cx: x(p.year), cy: y(p.rank), r: 2.5, fill: '#0072b2', 'data-year': p.year, 'data-rank': p.rank });
    dot.append(el('title', {}, `${p.year}: rank ${p.rank} of ${p.actorCount}`));
    svg.append(dot);
  }
  flush();
  return h('figure', { class: 'rank-chart' }, svg, h('figcaption', { class: 'muted' }, `Rank of ${a.actor.name} by ${measureLabel.toLowerCase()}, ${first}–${last}${a.stoppedEarly ? ' (the time budget ran out: later years missing)' : ''}.`));
}
