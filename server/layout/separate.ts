/**
 * The last pass of a re-layout, pure: nudges actors so that no two node boxes overlap (with a
 * margin) and no relationship's line passes through an actor it does not join — the two things
 * that make a drawing lie (two actors read as one; a link reads as a two-hop chain). Pinned actors
 * never move. Iterative and bounded; reports what is left if it cannot fix everything.
 */

export interface Box {
  id: string;
  x: number;
  y: number;
  /** Half the node's width and height. */
  hw: number;
  hh: number;
  pinned: boolean;
}

export interface Segment {
  source: string;
  target: string;
}

const MARGIN = 8;
/** The most an actor moves off lines in one round. */
const MAX_STEP = 24;

/** Distance from point p to segment ab, and the closest point's parameter t in [0, 1]. */
function toSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): { d: number; cx: number; cy: number } {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy || 1;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const cx = ax + t * dx;
  const cy = ay + t * dy;
  return { d: Math.hypot(px - cx, py - cy), cx, cy };
}

export interface Violations {
  overlaps: Array<[string, string]>;
  crossings: Array<{ node: string; source: string; target: string }>;
}

/** Pairs of overlapping boxes, and nodes a segment passes through (boxes as circles of their larger half-size). */
export function violations(boxes: readonly Box[], segments: readonly Segment[], margin = MARGIN): Violations {
  const overlaps: Array<[string, string]> = [];
  for (let i = 0; i < boxes.length; i += 1) {
    const a = boxes[i] as Box;
    for (let j = i + 1; j < boxes.length; j += 1) {
      const b = boxes[j] as Box;
      if (Math.abs(a.x - b.x) < a.hw + b.hw + margin && Math.abs(a.y - b.y) < a.hh + b.hh + margin) overlaps.push([a.id, b.id]);
    }
  }
  const at = new Map(boxes.map((b) => [b.id, b]));
  const crossings: Violations['crossings'] = [];
  for (const s of segments) {
    const a = at.get(s.source);
    const b = at.get(s.target);
    if (!a || !b || a === b) continue;
    const minX = Math.min(a.x, b.x);
    const maxX = Math.max(a.x, b.x);
    const minY = Math.min(a.y, b.y);
    const maxY = Math.max(a.y, b.y);
    for (const n of boxes) {
      if (n === a || n === b) continue;
      const r = Math.max(n.hw, n.hh) + margin / 2;
      // outside the segment's bounding box grown by the actor's radius: too far to touch it
      if (n.x < minX - r || n.x > maxX + r || n.y < minY - r || n.y > maxY + r) continue;
      if (toSegment(n.x, n.y, a.x, a.y, b.x, b.y).d < r) crossings.push({ node: n.id, source: s.source, target: s.target });
    }
  }
  return { overlaps, crossings };
}

/** Moves unpinned boxes (in place) until nothing overlaps and no segment crosses a node, or `rounds` run out. */
export function separate(boxes: Box[], segments: readonly Segment[], rounds = 80, margin = MARGIN): Violations {
  const at = new Map(boxes.map((b) => [b.id, b]));
  const move = (b: Box, dx: number, dy: number) => {
    if (b.pinned) return;
    b.x += dx;
    b.y += dy;
  };
  const pushApart = (overlaps: ReadonlyArray<[string, string]>) => {
    for (const [ia, ib] of overlaps) {
      const a = at.get(ia) as Box;
      const b = at.get(ib) as Box;
      const ox = a.hw + b.hw + margin - Math.abs(a.x - b.x);
      const oy = a.hh + b.hh + margin - Math.abs(a.y - b.y);
      // push apart along the axis that needs less (a deterministic side when they coincide)
      const share = a.pinned || b.pinned ? 1 : 0.5;
      if (ox < oy) {
        const dir = a.x < b.x || (a.x === b.x && ia < ib) ? -1 : 1;
        move(a, dir * ox * share + dir, 0);
        move(b, -dir * ox * share - dir, 0);
      } else {
        const dir = a.y < b.y || (a.y === b.y && ia < ib) ? -1 : 1;
        move(a, 0, dir * oy * share + dir);
        move(b, 0, -dir * oy * share - dir);
      }
    }
  };
  for (let round = 0; round < rounds; round += 1) {
    const v = violations(boxes, segments, margin);
    if (v.overlaps.length === 0 && v.crossings.length === 0) return v;
    pushApart(v.overlaps);
    // crossings: each actor moves by the sum of its pushes — off every line it sits on, and away
    // from the lines' nearer ends (near a hub the spokes converge, so sideways alone oscillates)
    const push = new Map<string, { x: number; y: number }>();
    const add = (b: Box, x: number, y: number) => {
      if (b.pinned) return;
      const p = push.get(b.id) ?? { x: 0, y: 0 };
      p.x += x;
      p.y += y;
      push.set(b.id, p);
    };
    for (const c of v.crossings) {
      const n = at.get(c.node) as Box;
      const a = at.get(c.source) as Box;
      const b = at.get(c.target) as Box;
      const { d, cx, cy } = toSegment(n.x, n.y, a.x, a.y, b.x, b.y);
      const need = Math.max(n.hw, n.hh) + margin / 2 - d + 1;
      let ux = n.x - cx;
      let uy = n.y - cy;
      if (Math.hypot(ux, uy) < 1e-6) {
        ux = -(b.y - a.y);
        uy = b.x - a.x;
      }
      const ul = Math.hypot(ux, uy) || 1;
      const near = Math.hypot(n.x - a.x, n.y - a.y) < Math.hypot(n.x - b.x, n.y - b.y) ? a : b;
      const rl = Math.hypot(n.x - near.x, n.y - near.y) || 1;
      const dx = (ux / ul) * need + ((n.x - near.x) / rl) * need * 0.5;
      const dy = (uy / ul) * need + ((n.y - near.y) / rl) * need * 0.5;
      if (!n.pinned) add(n, dx, dy);
      else {
        // a pinned actor stays: move the line's free ends instead
        add(a, -dx, -dy);
        add(b, -dx, -dy);
      }
    }
    // at most a step per round: many lines pushing one actor must not throw it out of the picture
    for (const [id, p] of push) {
      const len = Math.hypot(p.x, p.y);
      const k = len > MAX_STEP ? MAX_STEP / len : 1;
      move(at.get(id) as Box, p.x * k, p.y * k);
    }
  }
  // overlaps last (always solvable): two actors drawn as one is the worse lie
  for (let round = 0; round < rounds; round += 1) {
    const overlaps = violations(boxes, [], margin).overlaps;
    if (overlaps.length === 0) break;
    pushApart(overlaps);
  }
  return violations(boxes, segments, margin);
}
