/**
 * An exported figure of the view, pure: its frame (title, counts, active filters, a legend of the
 * kinds, stages, types and grades actually drawn, and a footer with the link and the date) laid
 * out as positioned primitives around a box for the graph, and the graph itself as vector shapes.
 * The PNG export paints the frame around Cytoscape's own image; the SVG export writes all of it.
 */
import type { LabelPlace } from './labels.js';
import type { NodeShape } from './colours.js';
import type { ExportCaption } from './export.js';
import type { Legend } from './legend.js';

export interface DrawnNode {
  id: string;
  x: number;
  y: number;
  size: number;
  colour: string;
  shape: NodeShape;
  /** The label when it is drawn in the view, else null. */
  label: string | null;
  /** The side the view draws the label on, and how far it moved it out in a crowd; absent: below. */
  labelPlace?: LabelPlace | null;
  kind: string;
}

export interface DrawnEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  colour: string;
  width: number;
  dash: 'solid' | 'dashed' | 'dotted';
  opacity: number;
  type: string;
  confidence: string;
}

export interface Drawing {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  /** Bounding box of the drawing in its own coordinates. */
  box: { x: number; y: number; w: number; h: number };
}

export type Primitive =
  | { t: 'text'; x: number; y: number; text: string; size: number; bold?: boolean; colour?: string }
  | { t: 'line'; x1: number; y1: number; x2: number; y2: number; colour: string; width: number; dash: 'solid' | 'dashed' | 'dotted'; opacity?: number }
  | { t: 'shape'; x: number; y: number; size: number; shape: NodeShape; colour: string };

export interface FigureLayout {
  width: number;
  height: number;
  graph: { x: number; y: number; w: number; h: number };
  primitives: Primitive[];
}

const PAD = 16;
const LEGEND_W = 230;
const LINE = 17;

/** The legend rows for what the drawing shows (nothing the figure does not contain). */
export function figureLegend(legend: Legend, drawing: Drawing): Array<{ section: string; rows: Array<{ label: string; marker: Primitive }> }> {
  const kinds = new Set(drawing.nodes.map((n) => n.kind));
  const types = new Set(drawing.edges.map((e) => e.type));
  const grades = new Set(drawing.edges.map((e) => e.confidence));
  const line = (colour: string, width: number, dash: 'solid' | 'dashed' | 'dotted' = 'solid'): Primitive => ({ t: 'line', x1: 0, y1: 0, x2: 22, y2: 0, colour, width, dash });
  const sections = [
    { section: 'Crime–terror continuum', rows: legend.stages.filter((s) => types.has(s.type)).map((s) => ({ label: `${s.order}. ${s.label}`, marker: line(s.colour, Math.max(2, s.width)) })) },
    { section: 'Other relationships', rows: legend.types.filter((t) => types.has(t.type)).map((t) => ({ label: t.label, marker: line(t.colour, 2) })) },
    { section: 'Actors', rows: legend.kinds.filter((k) => kinds.has(k.kind)).map((k) => ({ label: k.label, marker: { t: 'shape', x: 0, y: 0, size: 12, shape: k.shape, colour: k.colour } as Primitive })) },
    { section: 'Grade', rows: legend.confidence.filter((c) => grades.has(c.grade)).map((c) => ({ label: c.label, marker: line('#555555', 2, c.line) })) },
  ];
  return sections.filter((s) => s.rows.length > 0);
}

/** Wraps text to lines of at most `max` characters (at spaces). */
export function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** Places the frame around a graph box of the given size (in figure pixels). */
export function layoutFigure(caption: ExportCaption, legendSections: ReturnType<typeof figureLegend>, footer: string, graphW: number, graphH: number): FigureLayout {
  const p: Primitive[] = [];
  let y = PAD + 18;
  p.push({ t: 'text', x: PAD, y, text: caption.title, size: 18, bold: true });
  y += 20;
  p.push({ t: 'text', x: PAD, y, text: caption.counts, size: 13, colour: '#394255' });
  const maxChars = Math.max(40, Math.floor((graphW + LEGEND_W) / 7));
  const filterLines = caption.filters.length ? caption.filters.flatMap((f) => wrap(f, maxChars)) : ['No filters: every actor kind, relationship type and grade'];
  for (const f of filterLines) {
    y += LINE;
    p.push({ t: 'text', x: PAD, y, text: f, size: 12, colour: '#5b6474' });
  }
  const graph = { x: PAD, y: y + 12, w: graphW, h: graphH };
  let ly = graph.y + 4;
  const lx = graph.x + graphW + PAD;
  for (const s of legendSections) {
    ly += LINE;
    p.push({ t: 'text', x: lx, y: ly, text: s.section, size: 12, bold: true });
    for (const r of s.rows) {
      ly += LINE;
      const m = r.marker;
      if (m.t === 'line') p.push({ ...m, x1: lx, y1: ly - 4, x2: lx + 22, y2: ly - 4 });
      else if (m.t === 'shape') p.push({ ...m, x: lx + 11, y: ly - 4 });
      for (const [i, part] of wrap(r.label, 24).entries()) {
        if (i > 0) ly += LINE - 3;
        p.push({ t: 'text', x: lx + 30, y: ly, text: part, size: 12 });
      }
    }
    ly += 6;
  }
  const bottom = Math.max(graph.y + graphH, ly) + PAD;
  const footerLines = wrap(footer, maxChars);
  footerLines.forEach((f, i) => p.push({ t: 'text', x: PAD, y: bottom + 4 + i * LINE, text: f, size: 11, colour: '#5b6474' }));
  return { width: graphW + LEGEND_W + 3 * PAD, height: bottom + footerLines.length * LINE + PAD, graph, primitives: p };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const DASH = { solid: '', dashed: '6 4', dotted: '2 3' } as const;

/** SVG markup of a node shape centred at (x, y). */
export function shapeSvg(shape: NodeShape, x: number, y: number, size: number, colour: string): string {
  const r = size / 2;
  const poly = (n: number, rot: number) =>
    Array.from({ length: n }, (_, i) => {
      const a = rot + (2 * Math.PI * i) / n;
      return `${(x + r * Math.cos(a)).toFixed(1)},${(y + r * Math.sin(a)).toFixed(1)}`;
    }).join(' ');
  const fill = `fill="${esc(colour)}" stroke="#ffffff" stroke-width="1"`;
  if (shape.includes('triangle')) return `<polygon points="${poly(3, -Math.PI / 2)}" ${fill}/>`;
  if (shape.includes('rectangle') || shape === 'tag') return `<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${size.toFixed(1)}" height="${size.toFixed(1)}" ${fill}/>`;
  if (shape.includes('diamond')) return `<polygon points="${poly(4, -Math.PI / 2)}" ${fill}/>`;
  if (shape.includes('pentagon')) return `<polygon points="${poly(5, -Math.PI / 2)}" ${fill}/>`;
  if (shape.includes('hexagon')) return `<polygon points="${poly(6, 0)}" ${fill}/>`;
  if (shape.includes('octagon')) return `<polygon points="${poly(8, Math.PI / 8)}" ${fill}/>`;
  if (shape === 'star') return `<polygon points="${poly(10, -Math.PI / 2)}" ${fill}/>`;
  return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" ${fill}/>`;
}

function primitiveSvg(q: Primitive): string {
  if (q.t === 'text') return `<text x="${q.x}" y="${q.y}" font-size="${q.size}"${q.bold ? ' font-weight="700"' : ''} fill="${q.colour ?? '#1d2330'}">${esc(q.text)}</text>`;
  if (q.t === 'line') return `<line x1="${q.x1}" y1="${q.y1}" x2="${q.x2}" y2="${q.y2}" stroke="${esc(q.colour)}" stroke-width="${q.width}"${q.dash !== 'solid' ? ` stroke-dasharray="${DASH[q.dash]}"` : ''}${q.opacity !== undefined && q.opacity < 1 ? ` stroke-opacity="${q.opacity}"` : ''}/>`;
  return shapeSvg(q.shape, q.x, q.y, q.size, q.colour);
}

/** The whole figure as a standalone SVG document. */
export function figureSvg(layout: FigureLayout, drawing: Drawing): string {
  const { graph } = layout;
  const scale = Math.min(graph.w / Math.max(drawing.box.w, 1), graph.h / Math.max(drawing.box.h, 1));
  const tx = (x: number) => (graph.x + (graph.w - drawing.box.w * scale) / 2 + (x - drawing.box.x) * scale).toFixed(1);
  const ty = (y: number) => (graph.y + (graph.h - drawing.box.h * scale) / 2 + (y - drawing.box.y) * scale).toFixed(1);
  // parallel relationships of a pair bow apart (as on the graph) instead of lying on one another
  const pairKey = (e: DrawnEdge) => [`${e.x1},${e.y1}`, `${e.x2},${e.y2}`].sort().join('|');
  const pairs = new Map<string, number>();
  for (const e of drawing.edges) pairs.set(pairKey(e), (pairs.get(pairKey(e)) ?? 0) + 1);
  const seenInPair = new Map<string, number>();
  const edges = drawing.edges.map((e) => {
    const key = pairKey(e);
    const n = pairs.get(key) ?? 1;
    const i = seenInPair.get(key) ?? 0;
    seenInPair.set(key, i + 1);
    const [x1, y1, x2, y2] = [Number(tx(e.x1)), Number(ty(e.y1)), Number(tx(e.x2)), Number(ty(e.y2))];
    if (n === 1) return primitiveSvg({ t: 'line', x1, y1, x2, y2, colour: e.colour, width: Math.max(0.6, e.width * scale), dash: e.dash, opacity: e.opacity });
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    // the same side for both directions: offsets measured from the pair's canonical orientation
    const flip = `${e.x1},${e.y1}` <= `${e.x2},${e.y2}` ? 1 : -1;
    const bow = (i - (n - 1) / 2) * 18 * flip;
    const cx = (x1 + x2) / 2 + (-(y2 - y1) / len) * bow;
    const cy = (y1 + y2) / 2 + ((x2 - x1) / len) * bow;
    const dash = e.dash !== 'solid' ? ` stroke-dasharray="${DASH[e.dash]}"` : '';
    return `<path d="M${x1} ${y1} Q${cx.toFixed(1)} ${cy.toFixed(1)} ${x2} ${y2}" fill="none" stroke="${esc(e.colour)}" stroke-width="${Math.max(0.6, e.width * scale).toFixed(2)}"${dash}${e.opacity < 1 ? ` stroke-opacity="${e.opacity}"` : ''}/>`;
  });
  const nodes = drawing.nodes.map((n) => shapeSvg(n.shape, Number(tx(n.x)), Number(ty(n.y)), Math.max(4, n.size * scale), n.colour));
  const labels = drawing.nodes
    .filter((n) => n.label)
    // on the side the view draws it (moved out as far, in label heights), 11 px text
    .map((n) => {
      const at = labelPosition(Number(tx(n.x)), Number(ty(n.y)), Math.max(4, n.size * scale) / 2, n.labelPlace ?? { side: 'bottom', ring: 0 });
      return `<text x="${at.x.toFixed(1)}" y="${at.y.toFixed(1)}" font-size="11" text-anchor="${at.anchor}" fill="#1d2330" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(n.label as string)}</text>`;
    });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<rect x="${graph.x}" y="${graph.y}" width="${graph.w}" height="${graph.h}" fill="none" stroke="#dde1e7"/>`,
    `<g class="edges">${edges.join('')}</g>`,
    `<g class="nodes">${nodes.join('')}</g>`,
    `<g class="labels">${labels.join('')}</g>`,
    `<g class="frame">${layout.primitives.map(primitiveSvg).join('')}</g>`,
    '</svg>',
  ].join('\n');
}

/** Text position (baseline) and anchor of an 11 px label on `place` around a node of half size `half` at (x, y). */
export function labelPosition(x: number, y: number, half: number, place: LabelPlace): { x: number; y: number; anchor: 'start' | 'middle' | 'end' } {
  const step = place.ring * 15;
  const { side } = place;
  const vertical = side.startsWith('bottom') ? y + half + 11 + step : side.startsWith('top') ? y - half - 4 - step : y + 4;
  if (side === 'bottom' || side === 'top') return { x, y: vertical, anchor: 'middle' };
  if (side.endsWith('right')) return { x: x + half + 3 + (side === 'right' ? step : 0), y: vertical, anchor: 'start' };
  return { x: x - half - 3 - (side === 'left' ? step : 0), y: vertical, anchor: 'end' };
}
