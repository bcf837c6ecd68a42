/**
 * Exported figures of the view: the PNG paints the frame (title, counts, filters, legend, link and
 * date; laid out by model/figure.ts) around Cytoscape's image of the graph; the SVG is the same
 * frame around the graph as vector shapes.
 */
import { figureSvg, shapeSvg, type Drawing, type FigureLayout, type Primitive } from '../model/figure.js';

const DASH: Record<'solid' | 'dashed' | 'dotted', number[]> = { solid: [], dashed: [6, 4], dotted: [2, 3] };

function paint(ctx: CanvasRenderingContext2D, q: Primitive): void {
  if (q.t === 'text') {
    ctx.font = `${q.bold ? '700 ' : ''}${q.size}px system-ui, sans-serif`;
    ctx.fillStyle = q.colour ?? '#1d2330';
    ctx.fillText(q.text, q.x, q.y);
  } else if (q.t === 'line') {
    ctx.save();
    ctx.strokeStyle = q.colour;
    ctx.lineWidth = q.width;
    ctx.globalAlpha = q.opacity ?? 1;
    ctx.setLineDash(DASH[q.dash]);
    ctx.beginPath();
    ctx.moveTo(q.x1, q.y1);
    ctx.lineTo(q.x2, q.y2);
    ctx.stroke();
    ctx.restore();
  } else {
    // legend markers: drawn through the same SVG shapes as the vector export
    const img = shapeImages.get(`${q.shape}|${q.colour}|${q.size}`);
    if (img) ctx.drawImage(img, q.x - q.size / 2 - 1, q.y - q.size / 2 - 1);
  }
}

const shapeImages = new Map<string, HTMLImageElement>();

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('could not draw the figure'));
    img.src = src;
  });
}

/** A PNG data URL of the framed figure; `graphPng` is Cytoscape's image of the graph. */
export async function framedPng(layout: FigureLayout, graphPng: string, scale = 2): Promise<string> {
  for (const q of layout.primitives) {
    if (q.t !== 'shape') continue;
    const key = `${q.shape}|${q.colour}|${q.size}`;
    if (shapeImages.has(key)) continue;
    const s = q.size + 2;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}">${shapeSvg(q.shape, s / 2, s / 2, q.size, q.colour)}</svg>`;
    shapeImages.set(key, await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`));
  }
  const graph = await loadImage(graphPng);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(layout.width * scale);
  canvas.height = Math.round(layout.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  const g = layout.graph;
  const fit = Math.min(g.w / graph.width, g.h / graph.height);
  const w = graph.width * fit;
  const h = graph.height * fit;
  ctx.drawImage(graph, g.x + (g.w - w) / 2, g.y + (g.h - h) / 2, w, h);
  ctx.strokeStyle = '#dde1e7';
  ctx.lineWidth = 1;
  ctx.strokeRect(g.x, g.y, g.w, g.h);
  for (const q of layout.primitives) paint(ctx, q);
  return canvas.toDataURL('image/png');
}

export function framedSvg(layout: FigureLayout, drawing: Drawing): string {
  return figureSvg(layout, drawing);
}
