import { describe, expect, it } from 'vitest';
import { separate, violations, type Box, type Segment } from '../../server/layout/separate.js';
import { seededRandom } from '../../server/layout/random.js';

function crowded(seed: number, n: number, m: number): { boxes: Box[]; segments: Segment[] } {
  const r = seededRandom(seed);
  const boxes: Box[] = Array.from({ length: n }, (_, i) => {
    const s = 10 + r() * 20;
    return { id: `n${i}`, x: r() * 400, y: r() * 300, hw: s, hh: s, pinned: i % 10 === 0 };
  });
  const segments: Segment[] = [];
  while (segments.length < m) {
    const a = Math.floor(r() * n);
    const b = Math.floor(r() * n);
    if (a !== b) segments.push({ source: `n${a}`, target: `n${b}` });
  }
  return { boxes, segments };
}

describe('separating a drawing', () => {
  it('finds overlapping boxes and links through an actor they do not join', () => {
    const boxes: Box[] = [
      { id: 'a', x: 0, y: 0, hw: 10, hh: 10, pinned: false },
      { id: 'b', x: 200, y: 0, hw: 10, hh: 10, pinned: false },
      { id: 'c', x: 100, y: 2, hw: 10, hh: 10, pinned: false },
      { id: 'd', x: 105, y: 5, hw: 10, hh: 10, pinned: false },
    ];
    const v = violations(boxes, [{ source: 'a', target: 'b' }]);
    expect(v.overlaps).toEqual([['c', 'd']]);
    expect(v.crossings.map((c) => c.node).sort()).toEqual(['c', 'd']);
  });

  it('fixes a drawing like a force layout’s (short links, a few actors on lines or on one another), never moving a pinned actor', () => {
    // a ring of 12 around a hub, an actor sitting on a spoke, two actors on one spot, one pinned
    const boxes: Box[] = [{ id: 'hub', x: 0, y: 0, hw: 20, hh: 20, pinned: true }];
    const segments: Segment[] = [];
    for (let i = 0; i < 12; i += 1) {
      const a = (2 * Math.PI * i) / 12;
      boxes.push({ id: `r${i}`, x: 150 * Math.cos(a), y: 150 * Math.sin(a), hw: 12, hh: 12, pinned: false });
      segments.push({ source: 'hub', target: `r${i}` });
    }
    boxes.push({ id: 'on-spoke', x: 75, y: 1, hw: 10, hh: 10, pinned: false }, { id: 'twin-a', x: 300, y: 300, hw: 10, hh: 10, pinned: false }, { id: 'twin-b', x: 300, y: 300, hw: 10, hh: 10, pinned: false });
    segments.push({ source: 'twin-a', target: 'r3' });
    const before = violations(boxes, segments);
    expect(before.overlaps).toEqual([['twin-a', 'twin-b']]);
    expect(before.crossings.map((c) => c.node)).toContain('on-spoke');
    expect(separate(boxes, segments)).toEqual({ overlaps: [], crossings: [] });
    expect(boxes[0]).toMatchObject({ x: 0, y: 0 });
  });

  it('on a crowded random drawing removes most problems', () => {
    const { boxes, segments } = crowded(3, 40, 40);
    const before = violations(boxes, segments);
    const after = separate(boxes, segments, 200);
    const problems = (v: typeof before) => v.overlaps.length + v.crossings.length;
    expect(problems(after)).toBeLessThan(problems(before) / 3);
  });
});
