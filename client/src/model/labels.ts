/**
 * Label placement and framing, pure (no Cytoscape): which node labels to draw, and on which side of
 * their node (moved outward when crowded, for the labels that must be drawn), so that none overlaps
 * another label or actor and none is shortened (a greedy pass, the selection, its neighbours and
 * the path always, then best-connected first), and the zoom and pan
 * that frame a set of nodes with their labels inside the viewport.
 */

/** Below this rendered font size (px) a label is not drawn (unless forced). */
export const MIN_LABEL_PX = 7;
/** A result view (focus, filters, workspace) of at most this many actors labels every one of them. */
export const LABEL_ALL_UP_TO = 200;

export interface LabelCandidate {
  id: string;
  /** Rendered position of the node's centre and its rendered size. */
  x: number;
  y: number;
  nodeWidth: number;
  nodeHeight: number;
  /** Rendered width of the whole label (never shortened). */
  widthPx: number;
  /** Rendered font size in px. */
  fontPx: number;
  /** Higher first. */
  priority: number;
  /** Always drawn (selection, its neighbours, path, focus, filter results): placed first, never dropped. */
  forced: boolean;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Where a label sits around its node: below first, then above, right, left, then the four corners. */
export const LABEL_SIDES = ['bottom', 'top', 'right', 'left', 'bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export type LabelSide = (typeof LABEL_SIDES)[number];
/**
 * Room a label takes around its text, as shares of its font size (so it scales with the zoom, as
 * the drawn label does) and such that the planned box holds the label as drawn: the style's 3 px
 * margin from the node less the 2 px background padding and anti-aliasing (a drawn label starts
 * about a pixel inside its node, which is allowed: GAP < 0), and the padding either side.
 */
const GAP = -0.18;
const PAD_X = 0.45;
const PAD_Y = 0.36;

/** How far out a crowded forced label may be moved, in label heights beyond its usual place. */
export const MAX_LABEL_RING = 3;

/** Where a drawn label is: its side, and how many label heights further out than usual (0: beside its node). */
export interface LabelPlace {
  side: LabelSide;
  ring: number;
}

/** The label's rendered height (its box's). */
export function labelHeight(c: LabelCandidate): number {
  return c.fontPx * (1.25 + 2 * PAD_Y);
}

/** The offset (rendered px) that moves a label `ring` label heights outward from its side. */
export function ringOffset(c: LabelCandidate, side: LabelSide, ring: number): { dx: number; dy: number } {
  const step = ring * labelHeight(c);
  const dy = side.startsWith('bottom') ? step : side.startsWith('top') ? -step : 0;
  const dx = side === 'right' ? step : side === 'left' ? -step : 0;
  return { dx, dy };
}

export function labelBox(c: LabelCandidate, side: LabelSide = 'bottom', ring = 0): Box {
  const gap = GAP * c.fontPx;
  const w = c.widthPx + 2 * PAD_X * c.fontPx;
  const h = labelHeight(c);
  const below = c.y + c.nodeHeight / 2 + gap;
  const above = c.y - c.nodeHeight / 2 - gap - h;
  const right = c.x + c.nodeWidth / 2 + gap;
  const left = c.x - c.nodeWidth / 2 - gap - w;
  const { dx, dy } = ringOffset(c, side, ring);
  const at = (x1: number, y1: number): Box => ({ x1: x1 + dx, x2: x1 + dx + w, y1: y1 + dy, y2: y1 + dy + h });
  switch (side) {
    case 'bottom':
      return at(c.x - w / 2, below);
    case 'top':
      return at(c.x - w / 2, above);
    case 'right':
      return at(right, c.y - h / 2);
    case 'left':
      return at(left, c.y - h / 2);
    case 'bottom-right':
      return at(right, below);
    case 'bottom-left':
      return at(left, below);
    case 'top-right':
      return at(right, above);
    case 'top-left':
      return at(left, above);
  }
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * Greedy placement: forced labels first, then by priority (ties by id, so it is deterministic).
 * Each label takes the first place (below, above, right, left, then a corner) where it overlaps no
 * label already drawn and no other actor, else the first side free of labels (a forced label stays
 * below while that is free of labels). A forced label (selection, neighbours, path, result view)
 * with no side free moves outward, one label height at a time up to MAX_LABEL_RING, to the first
 * place free of labels (and of actors, if there is one); only when none is free does it overlap,
 * below its node. Any other label that is too small to read, or finds no side free of labels, is
 * not drawn. Labels are never shortened. Returns the place of each drawn label.
 */
export function placeLabels(candidates: readonly LabelCandidate[], nodes: ReadonlyArray<Box & { id: string }> = [], minPx = MIN_LABEL_PX): Map<string, LabelPlace> {
  const order = [...candidates].sort((a, b) => Number(b.forced) - Number(a.forced) || b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const placed: Box[] = [];
  const shown = new Map<string, LabelPlace>();
  const freeOfLabels = (box: Box) => !placed.some((p) => boxesOverlap(p, box));
  const freeOfNodes = (box: Box, own: string) => !nodes.some((n) => n.id !== own && boxesOverlap(n, box));
  const firstFree = (c: LabelCandidate, ring: number): LabelPlace | undefined => {
    const fits = (s: LabelSide, nodesToo: boolean) => {
      const box = labelBox(c, s, ring);
      return freeOfLabels(box) && (!nodesToo || freeOfNodes(box, c.id));
    };
    const side = LABEL_SIDES.find((s) => fits(s, true)) ?? LABEL_SIDES.find((s) => fits(s, false));
    return side === undefined ? undefined : { side, ring };
  };
  for (const c of order) {
    if (c.widthPx <= 0) continue;
    if (!c.forced && c.fontPx < minPx) continue;
    // a forced label keeps its place below while no label is there (a result view's layout made room
    // for it there), so it does not take a neighbour's place
    let place: LabelPlace | undefined = c.forced && freeOfLabels(labelBox(c, 'bottom')) ? { side: 'bottom', ring: 0 } : undefined;
    place ??= firstFree(c, 0);
    for (let ring = 1; c.forced && place === undefined && ring <= MAX_LABEL_RING; ring += 1) place = firstFree(c, ring);
    if (place === undefined && c.forced) place = { side: 'bottom', ring: 0 };
    if (place === undefined) continue;
    placed.push(labelBox(c, place.side, place.ring));
    shown.set(c.id, place);
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
