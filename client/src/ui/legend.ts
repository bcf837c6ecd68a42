/**
 * The legend panel (rendered from model/legend.ts, itself built from the API's vocabulary) and the
 * state-capacity panel (regions coloured by capacity in the period under the slider).
 */
import type { CapacityRating } from '../api/types.js';
import type { Legend } from '../model/legend.js';
import { clear, h, svgEl as el } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(width: number, height: number, ...children: SVGElement[]): SVGSVGElement {
  const s = document.createElementNS(SVG, 'svg');
  s.setAttribute('width', String(width));
  s.setAttribute('height', String(height));
  s.setAttribute('aria-hidden', 'true');
  s.append(...children);
  return s;
}

function lineSwatch(colour: string, width: number, dash: 'solid' | 'dashed' | 'dotted' = 'solid', opacity = 1): SVGSVGElement {
  const dasharray = dash === 'dashed' ? '6 4' : dash === 'dotted' ? '1.5 3' : 'none';
  return svg(30, 12, el('line', { x1: 1, y1: 6, x2: 29, y2: 6, stroke: colour, 'stroke-width': width, 'stroke-dasharray': dasharray, 'stroke-linecap': 'round', opacity }));
}

function shapeSwatch(shape: string, colour: string): SVGSVGElement {
  const c = { fill: colour, stroke: '#1d2330', 'stroke-width': 0.8 };
  const poly = (points: string) => el('polygon', { points, ...c });
  switch (shape) {
    case 'triangle':
    case 'round-triangle':
      return svg(16, 16, poly('8,1 15,15 1,15'));
    case 'vee':
      return svg(16, 16, poly('1,1 8,6 15,1 8,15'));
    case 'diamond':
    case 'round-diamond':
      return svg(16, 16, poly('8,1 15,8 8,15 1,8'));
    case 'rectangle':
    case 'round-rectangle':
    case 'tag':
    case 'barrel':
      return svg(16, 16, el('rect', { x: 1.5, y: 3, width: 13, height: 10, rx: shape === 'rectangle' ? 0 : 3, ...c }));
    case 'pentagon':
      return svg(16, 16, poly('8,1 15,6 12.5,15 3.5,15 1,6'));
    case 'hexagon':
      return svg(16, 16, poly('4,1.5 12,1.5 15,8 12,14.5 4,14.5 1,8'));
    case 'octagon':
      return svg(16, 16, poly('5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5'));
    case 'star':
      return svg(16, 16, poly('8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6'));
    default:
      return svg(16, 16, el('circle', { cx: 8, cy: 8, r: 6.5, ...c }));
  }
}

export function renderLegend(root: HTMLElement, legend: Legend): void {
  clear(root);
  const section = (title: string, open: boolean, items: HTMLElement[]) =>
    h('details', { class: 'legend-section', open }, h('summary', {}, title), h('ul', { class: 'legend-list' }, items));
  root.append(
    h('h2', {}, 'Legend'),
    section(
      'Crime–terror continuum (weak → strong)',
      true,
      legend.stages.map((s) => h('li', { title: s.description, 'data-type': s.type }, lineSwatch(s.colour, s.width), `${s.order}. ${s.label}`)),
    ),
    section(
      'Confidence',
      true,
      legend.confidence.map((c) => h('li', { title: c.description }, lineSwatch('#394255', 2, c.line, c.opacity), c.label)),
    ),
    section(
      'Dating',
      true,
      legend.dating.map((d) => h('li', { title: d.description, 'data-dating': d.key }, lineSwatch('#394255', d.width, 'solid', d.opacity), d.label)),
    ),
    section(
      'How a date is known',
      false,
      legend.bases.map((b) => h('li', { title: b.description, 'data-basis': b.basis }, h('span', { class: `basis-dot${b.dated ? ' dated' : ''}`, 'aria-hidden': 'true' }), `${b.label}${b.dated ? '' : ' (weak)'} — `, h('span', { class: 'muted' }, b.description))),
    ),
    section(
      'Actor kinds',
      false,
      legend.kinds.map((k) => h('li', { title: k.description }, shapeSwatch(k.shape, k.colour), k.label)),
    ),
    section(
      'Other relationships',
      false,
      legend.types.map((t) => h('li', { title: t.description, 'data-type': t.type }, lineSwatch(t.colour, 2), `${t.label}${t.directed ? ' (→)' : ''}`)),
    ),
    section(
      'State capacity (regions)',
      false,
      legend.capacity.map((c) => h('li', { title: c.description }, h('span', { class: 'swatch', style: `background:${c.colour}` }), c.label)),
    ),
  );
}

export function renderCapacity(
  root: HTMLElement,
  periodLabel: string,
  ratings: readonly CapacityRating[] | null,
  colours: Readonly<Record<string, string>>,
  labelOf: (capacity: string) => string,
  onSelect: (regionId: string) => void,
  error?: string,
): void {
  clear(root);
  root.append(h('h2', {}, `State capacity · ${periodLabel}`));
  if (error) {
    root.append(h('p', { class: 'small error' }, error));
    return;
  }
  if (ratings === null) {
    root.append(h('p', { class: 'small muted' }, 'Loading…'));
    return;
  }
  if (ratings.length === 0) {
    root.append(h('p', { class: 'small muted' }, 'No region is rated for this period.'));
    return;
  }
  root.append(
    h(
      'table',
      { class: 'cap-table' },
      h(
        'tbody',
        {},
        ratings.map((r) => {
          const name = h('button', { type: 'button', class: 'linklike' }, r.region.name);
          name.addEventListener('click', () => onSelect(r.region.id));
          return h(
            'tr',
            { title: r.note },
            h('td', {}, name),
            h('td', {}, r.capacity.map((c) => h('span', {}, h('span', { class: 'swatch', style: `background:${colours[c] ?? '#888'}` }), `${labelOf(c)} `))),
            h('td', { class: 'muted' }, r.period.label),
          );
        }),
      ),
    ),
  );
}
