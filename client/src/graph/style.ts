/**
 * The Cytoscape stylesheet as plain data (no Cytoscape import): kinds → shape and colour,
 * relationship types and continuum stages → colour and width, confidence → line style,
 * and the classes the view toggles (hidden, entering/leaving, highlight, path, compare, capacity).
 */
import type { ActorKind, Capacity, Confidence, RelationshipType } from '../api/types.js';
import { LABEL_FONT_PX, NODE_SIZE } from '../../../server/layout/boxes.js';
import { ENCODING_RULES } from './encodings.js';
import { LABEL_SIDES, type LabelSide } from '../model/labels.js';
import { CAPACITY_COLOURS, CHANGE_COLOURS, CONFIDENCE_LINES, KIND_STYLES, STAGE_COLOURS, STAGE_WIDTHS, typeColour, PARTLY_DATED_OPACITY, UNDATED_OPACITY, UNDATED_WIDTH_FACTOR } from '../model/colours.js';

/** How a label sits on each side of its node: alignment and margin (model px). Below is the default. */
export const LABEL_ALIGN: Readonly<Record<LabelSide, { valign: 'top' | 'center' | 'bottom'; halign: 'left' | 'center' | 'right'; x: number; y: number }>> = {
  bottom: { valign: 'bottom', halign: 'center', x: 0, y: 3 },
  top: { valign: 'top', halign: 'center', x: 0, y: -3 },
  right: { valign: 'center', halign: 'right', x: 3, y: 0 },
  left: { valign: 'center', halign: 'left', x: -3, y: 0 },
  'bottom-right': { valign: 'bottom', halign: 'right', x: 3, y: 3 },
  'bottom-left': { valign: 'bottom', halign: 'left', x: -3, y: 3 },
  'top-right': { valign: 'top', halign: 'right', x: 3, y: -3 },
  'top-left': { valign: 'top', halign: 'left', x: -3, y: -3 },
};

export interface StyleRule {
  selector: string;
  style: Record<string, string | number | number[]>;
}

export const TRANSITION_MS = 220;

/** Node size by degree, as server/layout/boxes.ts plans for it. */
const DIAMETER = `mapData(degree, 0, ${NODE_SIZE.degreeMax}, ${NODE_SIZE.min}, ${NODE_SIZE.max})`;

export function buildStylesheet(relationshipTypes: readonly RelationshipType[]): StyleRule[] {
  const rules: StyleRule[] = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': LABEL_FONT_PX,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        color: '#1d2330',
        'text-valign': LABEL_ALIGN.bottom.valign,
        'text-margin-y': LABEL_ALIGN.bottom.y,
        // labels are never shortened: the view draws a whole label or none (graph/labelling.ts)
        'text-wrap': 'none',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        // big graphs only: the view's label placement (no overlaps) decides for the others
        'min-zoomed-font-size': 7,
        width: DIAMETER,
        height: DIAMETER,
        'border-width': 1.5,
        'border-color': '#ffffff',
        'background-color': '#888888',
        'transition-property': 'opacity',
        'transition-duration': TRANSITION_MS,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#8a8a8a',
        'curve-style': 'bezier',
        'target-arrow-shape': 'none',
        'arrow-scale': 0.8,
        opacity: 0.85,
        'transition-property': 'opacity',
        'transition-duration': TRANSITION_MS,
      },
    },
    { selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle' } },
  ];
  for (const [kind, s] of Object.entries(KIND_STYLES) as [ActorKind, (typeof KIND_STYLES)[ActorKind]][]) {
    rules.push({ selector: `node[kind = "${kind}"]`, style: { shape: s.shape, 'background-color': s.colour } });
  }
  for (const type of relationshipTypes) {
    const c = typeColour(type, null);
    rules.push({ selector: `edge[type = "${type}"]`, style: { 'line-color': c, 'target-arrow-color': c } });
  }
  STAGE_COLOURS.forEach((colour, order) => {
    rules.push({
      selector: `edge[stage = ${order}]`,
      style: { 'line-color': colour, 'target-arrow-color': colour, width: STAGE_WIDTHS[order] ?? 2 },
    });
  });
  for (const [grade, s] of Object.entries(CONFIDENCE_LINES) as [Confidence, (typeof CONFIDENCE_LINES)[Confidence]][]) {
    const style: Record<string, string | number | number[]> = { 'line-style': s.line, opacity: s.opacity };
    if (s.line === 'dashed') style['line-dash-pattern'] = [6, 4];
    rules.push({ selector: `edge[confidence = "${grade}"]`, style });
  }
  // weakly dated relationships (no document dates them: bounded only by lifespans or the documents'
  // periods): lighter and thinner, keeping the stage order of widths; one dated end: a little lighter
  rules.push({ selector: 'edge.partly-dated', style: { opacity: PARTLY_DATED_OPACITY } });
  rules.push({ selector: 'edge.undated', style: { opacity: UNDATED_OPACITY, width: 1 } });
  STAGE_WIDTHS.forEach((w, order) => {
    rules.push({ selector: `edge.undated[stage = ${order}]`, style: { width: Math.max(1, w * UNDATED_WIDTH_FACTOR) } });
  });
  rules.push({ selector: 'edge.undated[confidence = "DISPUTED"]', style: { opacity: UNDATED_OPACITY * 0.75 } });
  // analytics: size by a centrality score, colour by community (capacity and the selection still win)
  rules.push(...(ENCODING_RULES as StyleRule[]));
  for (const [cap, colour] of Object.entries(CAPACITY_COLOURS) as [Capacity, string][]) {
    rules.push({ selector: `node.cap-${cap}`, style: { 'background-color': colour, 'border-color': '#1d2330', 'border-width': 2 } });
  }
  rules.push(
    { selector: 'node.cap-multi', style: { 'border-style': 'double', 'border-width': 4 } },
    // time transitions: elements enter from and leave to transparent, then are removed from rendering
    { selector: '.entering, .leaving', style: { opacity: 0 } },
    { selector: '.hidden', style: { display: 'none' } },
    // hover neighbourhood and selection
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.2 } },
    // the hubs' labels are boosted when zoomed out (readable at the default view), normal when zoomed in
    { selector: 'node.big', style: { 'font-size': 18, 'font-weight': 'bold', 'z-index': 5 } },
    { selector: 'node.big.zfar', style: { 'font-size': 24 } },
    { selector: 'node.big.zin', style: { 'font-size': 12 } },
    { selector: 'node.hl, node:selected, node.path, node.big, node.sel-end', style: { 'min-zoomed-font-size': 0 } },
    // few actors on screen, or the ones that matter: full labels, never shortened
    { selector: 'node.hl', style: { 'border-color': '#1d2330', 'border-width': 2.5, 'font-weight': 'bold', 'z-index': 20 } },
    { selector: 'edge.hl', style: { opacity: 1, 'z-index': 20 } },
    { selector: 'node:selected', style: { 'border-color': '#111111', 'border-width': 4, 'overlay-opacity': 0, 'font-weight': 'bold' } },
    // path highlight
    { selector: 'node.path', style: { 'border-color': '#ff1f5b', 'border-width': 4, 'z-index': 30, 'font-weight': 'bold', opacity: 1 } },
    { selector: 'node.path-end', style: { width: 28, height: 28 } },
    { selector: 'edge.path', style: { 'line-color': '#ff1f5b', 'target-arrow-color': '#ff1f5b', width: 5, opacity: 1, 'z-index': 30 } },
    { selector: '.path-muted', style: { opacity: 0.15, 'text-opacity': 0.3 } },
    // compare mode
    { selector: 'edge.added', style: { 'line-color': CHANGE_COLOURS.added, 'target-arrow-color': CHANGE_COLOURS.added, width: 4, opacity: 1 } },
    { selector: 'edge.ended', style: { 'line-color': CHANGE_COLOURS.ended, 'target-arrow-color': CHANGE_COLOURS.ended, width: 3, 'line-style': 'dashed', opacity: 0.9 } },
    { selector: 'edge.changed', style: { 'line-color': CHANGE_COLOURS.changed, 'target-arrow-color': CHANGE_COLOURS.changed, width: 5, opacity: 1 } },
    { selector: 'edge.unchanged', style: { opacity: 0.25 } },
    // a selected relationship: on top, wide and dark with a yellow halo; its actors marked, the rest faded
    {
      selector: 'edge:selected',
      style: {
        width: 6,
        'line-color': '#111111',
        'target-arrow-color': '#111111',
        'line-style': 'solid',
        opacity: 1,
        'z-index': 999,
        'overlay-opacity': 0,
        'underlay-color': '#f0e442',
        'underlay-opacity': 0.9,
        'underlay-padding': 5,
      },
    },
    { selector: 'node.sel-end', style: { 'border-color': '#111111', 'border-width': 3, 'font-weight': 'bold', 'z-index': 40, opacity: 1 } },
    { selector: '.sel-muted', style: { opacity: 0.18 } },
    // an actor dragged into place: it keeps it through re-layouts (double-click unpins)
    { selector: 'node.pinned', style: { 'outline-width': 2, 'outline-color': '#1d2330', 'outline-style': 'dashed', 'outline-offset': 3 } },
    // viewport-performance mode for big graphs
    { selector: '.nolabel', style: { label: '' } },
    // labels that would overlap a more important one, or on faded elements (the view's placement pass); last, so it wins
    { selector: 'node.lbl-off', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    // the side graph/labelling.ts found free (below is the default)
    ...LABEL_SIDES.filter((s) => s !== 'bottom').map((s) => ({ selector: `node.lbl-${s}`, style: { 'text-valign': LABEL_ALIGN[s].valign, 'text-halign': LABEL_ALIGN[s].halign, 'text-margin-x': LABEL_ALIGN[s].x, 'text-margin-y': LABEL_ALIGN[s].y } })),
    { selector: 'node.lbl-forced', style: { 'min-zoomed-font-size': 0 } },
    { selector: 'node.sel-nb', style: { 'z-index': 15 } },
  );
  return rules;
}
