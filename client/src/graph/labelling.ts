/**
 * Label placement and framing for the graph view (part of the graph module, so it may use
 * cytoscape): which node labels to draw at the current zoom without overlaps, and the viewport
 * that frames a set of elements with their labels. The geometry itself is pure (model/labels.ts).
 */
import type cytoscape from 'cytoscape';
import { estimateLabelWidth, frameViewport, FULL_LABELS_UP_TO, placeLabels, type FrameItem, type LabelCandidate } from '../model/labels.js';

/** Model font size of a node's label (as styled). */
export function fontOf(n: cytoscape.NodeSingular): number {
  return parseFloat(String(n.style('font-size'))) || 11;
}

/**
 * Draws only labels that are readable at this zoom and do not overlap one another: the selection,
 * the path and the hovered neighbourhood always, then by degree. Long labels are shortened only
 * when many actors are on screen.
 */
export function placeNodeLabels(cy: cytoscape.Core, hubZoom: { far: number; near: number }): void {
  const zoom = cy.zoom();
  const nodes = cy.nodes().not('.hidden, .leaving');
  const dense = nodes.length > FULL_LABELS_UP_TO;
  const candidates: LabelCandidate[] = [];
  cy.startBatch();
  const hubs = cy.nodes('.big');
  hubs.toggleClass('zin', zoom >= hubZoom.near);
  hubs.toggleClass('zfar', zoom < hubZoom.far);
  cy.nodes().toggleClass('fulllabel', !dense);
  cy.endBatch();
  nodes.forEach((n) => {
    const forced = n.selected() || n.hasClass('path') || n.hasClass('hl') || n.hasClass('sel-end');
    const muted = n.hasClass('path-muted') || n.hasClass('faded') || n.hasClass('sel-muted');
    if (muted && !forced) return;
    const p = n.renderedPosition();
    const deg = Number(n.data('degree')) || 0;
    candidates.push({
      id: n.id(),
      x: p.x,
      y: p.y,
      nodeHeight: n.renderedHeight(),
      text: String(n.data('label') ?? ''),
      fontPx: fontOf(n) * zoom,
      priority: deg + (n.hasClass('big') ? 1000 : 0),
      forced,
      maxWidthPx: dense && !forced ? 120 * zoom : null,
    });
  });
  const shown = placeLabels(candidates);
  cy.batch(() => {
    nodes.forEach((n) => {
      n.toggleClass('lbl-off', !shown.has(n.id()));
    });
  });
}

/** The viewport (zoom, pan) framing these elements and their labels with `pad` px to spare. */
export function viewportFraming(
  cy: cytoscape.Core,
  eles: cytoscape.CollectionReturnValue,
  pad: number,
  maxZoom: number,
): { zoom: number; pan: { x: number; y: number } } | null {
  const nodes = eles.nodes().union(eles.edges().connectedNodes()).nodes();
  const few = nodes.length <= FULL_LABELS_UP_TO;
  const items: FrameItem[] = nodes.map((n) => {
    const p = n.position();
    const font = fontOf(n);
    const lw = estimateLabelWidth(String(n.data('label') ?? ''), font);
    return { x: p.x, y: p.y, width: n.width(), height: n.height(), labelWidth: few ? lw : Math.min(lw, 120), labelHeight: font * 1.3 + 4 };
  });
  return frameViewport(items, { width: cy.width(), height: cy.height() }, pad, { min: cy.minZoom(), max: maxZoom });
}
