import { describe, expect, it } from 'vitest';
import { Scratch } from '../../server/store/embedded/scratch.js';

describe('embedded scratch arrays', () => {
  it('never lends one array to two questions at once, and lends it back clean', () => {
    const s = new Scratch(5, 7);
    const a = s.perActor(-1);
    const b = s.perActor(-1);
    expect(a).not.toBe(b);
    a[2] = 4;
    s.give(a);
    const again = s.perActor(-1);
    expect(again).toBe(a);
    expect([...again]).toEqual([-1, -1, -1, -1, -1]);
    const marks = s.relationshipMarks();
    expect(marks).toHaveLength(7);
    marks[6] = 1;
    s.give(marks, b, again);
    expect([...s.relationshipMarks()]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(s.actorMarks()).toHaveLength(5);
  });

  it('ignores arrays it did not lend and arrays given back twice', () => {
    const s = new Scratch(3, 3);
    const a = s.actorMarks();
    s.give(a, a, new Uint8Array(3));
    expect(s.actorMarks()).toBe(a);
    expect(s.actorMarks()).not.toBe(a);
  });
});
