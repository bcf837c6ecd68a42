/**
 * The graph as drawn now, as plain shapes (model/figure.ts Drawing): every visible actor with its
 * position, size, colour, shape and — when the view labels it — its label and where the view draws
 * it (the side it found free, moved outward in a crowd); every visible
 * relationship as a segment with its colour, width, dash and opacity. For the SVG export.
 */
import type cytoscape from 'cytoscape';
import type { NodeShape } from '../model/colours.js';
import type { Drawing } from '../model/figure.js';
import { labelPlaceOf } from './labelling.js';

export function drawingOf(cy: cytoscape.Core): Drawing {
  const shown = (e: { hasClass: (c: string) => boolean }) => !e.hasClass('hidden') && !e.hasClass('leaving');
  const nodes = cy.nodes().filter(shown) as unknown as cytoscape.NodeCollection;
  const edges = cy.edges().filter(shown) as unknown as cytoscape.EdgeCollection;
  const bb = nodes.boundingBox({ includeLabels: true });
  return {
    nodes: nodes.map((n) => ({
      id: n.id(),
      labelPlace: labelPlaceOf(n),
      x: n.position('x'),
      y: n.position('y'),
      size: n.width(),
      colour: String(n.style('background-color')),
      shape: String(n.style('shape')) as NodeShape,
      label: n.hasClass('lbl-off') ? null : String(n.data('label') ?? ''),
      kind: String(n.data('kind')),
    })),
    edges: edges.map((e) => {
      const s = e.source().position();
      const t = e.target().position();
      const style = String(e.style('line-style'));
      return {
        x1: s.x, y1: s.y, x2: t.x, y2: t.y,
        colour: String(e.style('line-color')),
        width: parseFloat(String(e.style('width'))) || 1,
        dash: style === 'dashed' || style === 'dotted' ? style : 'solid',
        opacity: Number(e.style('opacity')) || 1,
        type: String(e.data('type')),
        confidence: String(e.data('confidence')),
      };
    }),
    box: { x: bb.x1, y: bb.y1, w: Math.max(1, bb.w), h: Math.max(1, bb.h) },
  };
}
