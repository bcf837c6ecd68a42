/**
 * Label placement and framing for the graph view (part of the graph module, so it may use
 * cytoscape): which node labels to draw at the current zoom, and on which side of the node, so that
 * no two overlap and none is shortened; and the viewport that frames a set of elements with their
 * labels. Label widths are measured with the page's fonts; the geometry itself is pure
 * (model/labels.ts).
 */
import type cytoscape from 'cytoscape';
import { frameViewport, placeLabels, ringOffset, LABEL_SIDES, type FrameItem, type LabelCandidate, type LabelPlace } from '../model/labels.js';
import { LABEL_ALIGN } from './style.js';
import { estimateLabelWidth } from '../../../server/layout/boxes.js';

/** Model font size of a node's label (as styled). */
export function fontOf(n: cytoscape.NodeSingular): number {
  return parseFloat(String(n.style('font-size'))) || 11;
}

let measureCtx: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/** The label's width in model px at its model font, measured with the font it is drawn in. */
export function labelWidthOf(n: cytoscape.NodeSingular): number {
  const text = String(n.data('label') ?? '');
  const size = fontOf(n);
  const font = `${String(n.style('font-weight'))} ${size}px ${String(n.style('font-family'))}`;
  const key = `${font}\u0000${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (measureCtx === undefined) measureCtx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  let w: number;
  if (measureCtx) {
    measureCtx.font = font;
    w = measureCtx.measureText(text).width;
  } else w = estimateLabelWidth(text, size);
  widths.set(key, w);
  return w;
}

const SIDE_CLASSES = LABEL_SIDES.filter((s) => s !== 'bottom').map((s) => `lbl-${s}`);

/** Where the view draws a node's label now: its side and how far it was moved out (null: not drawn). */
export function labelPlaceOf(n: cytoscape.NodeSingular): LabelPlace | null {
  if (n.hasClass('lbl-off')) return null;
  return { side: LABEL_SIDES.find((s) => n.hasClass(`lbl-${s}`)) ?? 'bottom', ring: labelRing(n) };
}

function labelRing(n: cytoscape.NodeSingular): number {
  return Number(n.scratch('_lblRing')) || 0;
}

/**
 * Draws the labels that are readable at this zoom and overlap no other label or actor: the
 * selection, its neighbours, the path, the hovered neighbourhood — and every actor of a small result
 * view (`labelAll`) — always (on a free side when there is one), then by degree.
 */
export function placeNodeLabels(cy: cytoscape.Core, hubZoom: { far: number; near: number }, labelAll: boolean): void {
  const zoom = cy.zoom();
  const nodes = cy.nodes().not('.hidden, .leaving');
  // hubs' labels grow when zoomed out and shrink when zoomed in — not in a result view, where the
  // layout planned room for every label at one size
  cy.startBatch();
  const hubs = cy.nodes('.big');
  hubs.toggleClass('zin', !labelAll && zoom >= hubZoom.near);
  hubs.toggleClass('zfar', !labelAll && zoom < hubZoom.far);
  cy.endBatch();
  const candidates: LabelCandidate[] = [];
  const forcedIds = new Set<string>();
  const boxes: Array<{ id: string; x1: number; y1: number; x2: number; y2: number }> = [];
  nodes.forEach((n) => {
    const p = n.renderedPosition();
    const w = n.renderedWidth();
    const h = n.renderedHeight();
    boxes.push({ id: n.id(), x1: p.x - w / 2, x2: p.x + w / 2, y1: p.y - h / 2, y2: p.y + h / 2 });
    const forced = labelAll || n.selected() || n.hasClass('path') || n.hasClass('hl') || n.hasClass('sel-end') || n.hasClass('sel-nb');
    const muted = n.hasClass('path-muted') || n.hasClass('faded') || n.hasClass('sel-muted');
    if (muted && !forced) return;
    if (forced) forcedIds.add(n.id());
    candidates.push({
      id: n.id(),
      x: p.x,
      y: p.y,
      nodeWidth: w,
      nodeHeight: h,
      widthPx: labelWidthOf(n) * zoom,
      fontPx: fontOf(n) * zoom,
      priority: (Number(n.data('degree')) || 0) + (n.hasClass('big') ? 1000 : 0),
      forced,
    });
  });
  const shown = placeLabels(candidates, boxes);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  cy.batch(() => {
    nodes.forEach((n) => {
      const place: LabelPlace | undefined = shown.get(n.id());
      n.toggleClass('lbl-off', place === undefined);
      n.toggleClass('lbl-forced', place !== undefined && forcedIds.has(n.id()));
      for (const c of SIDE_CLASSES) n.toggleClass(c, place !== undefined && c === `lbl-${place.side}`);
      // a crowded forced label moved outward: its side's margin plus the move, in model px
      if (place && place.ring > 0) {
        const { dx, dy } = ringOffset(byId.get(n.id())!, place.side, place.ring);
        n.style({ 'text-margin-x': LABEL_ALIGN[place.side].x + dx / zoom, 'text-margin-y': LABEL_ALIGN[place.side].y + dy / zoom });
      } else if (labelRing(n) > 0) n.removeStyle('text-margin-x text-margin-y');
      n.scratch('_lblRing', place?.ring ?? 0);
    });
  });
}

/** The viewport (zoom, pan) framing these elements and their (whole) labels with `pad` px to spare. */
export function viewportFraming(
  cy: cytoscape.Core,
  eles: cytoscape.CollectionReturnValue,
  pad: number,
  maxZoom: number,
  /** Pixels at the top covered by something drawn over the graph (a story bar): frame below them. */
  insetTop = 0,
): { zoom: number; pan: { x: number; y: number } } | null {
  const nodes = eles.nodes().union(eles.edges().connectedNodes()).nodes();
  const items: FrameItem[] = nodes.map((n) => {
    const p = n.position();
    return { x: p.x, y: p.y, width: n.width(), height: n.height(), labelWidth: labelWidthOf(n), labelHeight: fontOf(n) * 1.3 + 4 };
  });
  const top = Math.max(0, Math.min(insetTop, cy.height() / 2));
  const v = frameViewport(items, { width: cy.width(), height: cy.height() - top }, pad, { min: cy.minZoom(), max: maxZoom });
  return v && top > 0 ? { zoom: v.zoom, pan: { x: v.pan.x, y: v.pan.y + top } } : v;
}

/** The drawn labels' boxes as Cytoscape measures them (model coordinates). */
export function drawnLabelBoxes(cy: cytoscape.Core): Array<{ id: string; x1: number; y1: number; x2: number; y2: number }> {
  return cy
    .nodes()
    .not('.hidden, .leaving, .lbl-off')
    .map((n) => {
      const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as cytoscape.BoundingBoxOptions);
      return { id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
    });
}
