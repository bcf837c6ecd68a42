/**
 * Label placement and framing, pure (no Cytoscape): which node labels to draw so that none overlap
 * (a greedy pass, best-connected first, the selection and path always), and the zoom and pan that
 * frame a set of nodes with their labels inside the viewport.
 */

/** Below this rendered font size (px) a label is not drawn (unless forced). */
export const MIN_LABEL_PX = 7;
/** Up to this many actors on screen, labels are drawn in full; above it long labels are shortened. */
export const FULL_LABELS_UP_TO = 40;
/** Average glyph width as a share of the font size (system sans-serif, mixed case). */
const GLYPH = 0.6;

export function estimateLabelWidth(text: string, fontPx: number): number {
  return text.length * fontPx * GLYPH;
}

export interface LabelCandidate {
  id: string;
  /** Rendered position of the node's centre and its rendered height (the label sits below). */
  x: number;
  y: number;
  nodeHeight: number;
  text: string;
  /** Rendered font size in px. */
  fontPx: number;
  /** Higher first. */
  priority: number;
  /** Always drawn (selection, path, hover): placed first, never dropped. */
  forced: boolean;
  /** Rendered maximum width when labels are shortened (ellipsis), or null for the full label. */
  maxWidthPx: number | null;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function labelBox(c: LabelCandidate): Box {
  const full = estimateLabelWidth(c.text, c.fontPx);
  const w = c.maxWidthPx === null ? full : Math.min(full, c.maxWidthPx);
  const top = c.y + c.nodeHeight / 2 + 2;
  return { x1: c.x - w / 2 - 3, x2: c.x + w / 2 + 3, y1: top, y2: top + c.fontPx * 1.3 + 2 };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * Greedy placement: forced labels first, then by priority (ties by id, so it is deterministic);
 * a label is drawn only if it is big enough to read and overlaps no label already drawn.
 * Returns the ids whose labels are drawn.
 */
export function placeLabels(candidates: readonly LabelCandidate[], minPx = MIN_LABEL_PX): Set<string> {
  const order = [...candidates].sort((a, b) => Number(b.forced) - Number(a.forced) || b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const placed: Box[] = [];
  const shown = new Set<string>();
  for (const c of order) {
    if (c.text.length === 0) continue;
    if (!c.forced && c.fontPx < minPx) continue;
    const box = labelBox(c);
    if (!c.forced && placed.some((p) => overlaps(p, box))) continue;
    placed.push(box);
    shown.add(c.id);
  }
  return shown;
}

export interface FrameItem {
  /** Model position of the node's centre, its model width/height, and its label's model size. */
  x: number;
  y: number;
  width: number;
  height: number;
  labelWidth: number;
  labelHeight: number;
}

/**
 * The zoom and pan that fit every item — node and the label under it — inside a w×h viewport with
 * `pad` px to spare on each side, zoom clamped to [minZoom, maxZoom].
 */
export function frameViewport(
  items: readonly FrameItem[],
  view: { width: number; height: number },
  pad: number,
  zoomLimits: { min: number; max: number },
): { zoom: number; pan: { x: number; y: number } } | null {
  if (items.length === 0) return null;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const it of items) {
    const half = Math.max(it.width, it.labelWidth) / 2;
    x1 = Math.min(x1, it.x - half);
    x2 = Math.max(x2, it.x + half);
    y1 = Math.min(y1, it.y - it.height / 2);
    y2 = Math.max(y2, it.y + it.height / 2 + it.labelHeight);
  }
  const w = Math.max(1, x2 - x1);
  const h = Math.max(1, y2 - y1);
  const zoom = Math.max(zoomLimits.min, Math.min(zoomLimits.max, (view.width - 2 * pad) / w, (view.height - 2 * pad) / h));
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  return { zoom, pan: { x: view.width / 2 - cx * zoom, y: view.height / 2 - cy * zoom } };
}
