/**
 * Pure helpers behind the explorer's QA fixes: time-bar ticks on the slider's scale, label placement
 * and framing, plurals, the stated interval vs validity, the compare key, and the path limits.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PATH_HOPS as MAX_HOPS } from '../../server/store/port.js';
import { CHANGE_COLOURS, CHANGE_KEY, changeKeyText } from '../../client/src/model/colours.js';
import { boxesOverlap, frameViewport, labelBox, placeLabels, type LabelCandidate } from '../../client/src/model/labels.js';
import { countOf, intervalWording } from '../../client/src/model/text.js';
import { tickYears, yearFraction } from '../../client/src/model/ticks.js';
import { decodeViewState, PATH_LIMITS } from '../../client/src/model/url.js';

describe('time-bar ticks', () => {
  it('labels the ends and the round decades, on the slider’s linear scale', () => {
    expect(tickYears(1953, 2016)).toEqual([1953, 1960, 1970, 1980, 1990, 2000, 2010, 2016]);
    expect(yearFraction(1979, 1953, 2016)).toBeCloseTo(26 / 63);
    expect(yearFraction(1953, 1953, 2016)).toBe(0);
    expect(yearFraction(2016, 1953, 2016)).toBe(1);
  });
  it('leaves out a round year too close to an end (labels would overlap)', () => {
    expect(tickYears(1951, 2019)).toEqual([1951, 1960, 1970, 1980, 1990, 2000, 2010, 2019]);
    expect(tickYears(1949, 2011)).toEqual([1949, 1960, 1970, 1980, 1990, 2000, 2011]);
    expect(tickYears(2000, 2000)).toEqual([2000]);
    expect(tickYears(1990, 2000)).toEqual([1990, 1992, 1994, 1996, 1998, 2000]);
  });
});

describe('label placement', () => {
  const cand = (id: string, x: number, y: number, priority: number, extra: Partial<LabelCandidate> = {}): LabelCandidate => ({
    id, x, y, nodeWidth: 10, nodeHeight: 10, widthPx: 100, fontPx: 11, priority, forced: false, ...extra,
  });
  const node = (id: string, x: number, y: number) => ({ id, x1: x - 5, x2: x + 5, y1: y - 5, y2: y + 5 });
  it('never draws two overlapping labels: a crowded label moves to a free side, else the better connected wins', () => {
    // b (better connected) takes the side below; a, just beside it, goes above
    const sides = placeLabels([cand('a', 100, 100, 3), cand('b', 110, 104, 9), cand('c', 400, 100, 1)]);
    expect(sides.get('b')?.side).toBe('bottom');
    expect(sides.get('a')?.side).toBe('top');
    expect(sides.get('c')?.side).toBe('bottom');
    // a crowd on one spot: only one label fits on every side of the others
    const crowd = placeLabels([0, 1, 2, 3, 4, 5].map((i) => cand(`n${i}`, 100 + i, 100, i)));
    const boxes = [...crowd].map(([id, place]) => labelBox(cand(id, 100 + Number(id.slice(1)), 100, 0), place.side, place.ring));
    for (let i = 0; i < boxes.length; i += 1) for (let j = i + 1; j < boxes.length; j += 1) expect(boxesOverlap(boxes[i]!, boxes[j]!)).toBe(false);
    expect(crowd.size).toBeLessThan(6);
  });
  it('does not draw a label over another actor unless it must', () => {
    const sides = placeLabels([cand('a', 100, 100, 1)], [node('a', 100, 100), node('x', 100, 125)]);
    expect(sides.get('a')?.side).toBe('top');
  });
  it('moves a crowded forced label outward rather than over another, and never moves one that fits', () => {
    // six forced labels on one spot: each finds a place further out, none overlapping another
    const crowd = [0, 1, 2, 3, 4, 5].map((i) => cand(`n${i}`, 100 + i, 100, i, { forced: true }));
    const placed = placeLabels(crowd);
    expect(placed.size).toBe(6);
    const boxes = crowd.map((c) => labelBox(c, placed.get(c.id)!.side, placed.get(c.id)!.ring));
    for (let i = 0; i < boxes.length; i += 1) for (let j = i + 1; j < boxes.length; j += 1) expect(boxesOverlap(boxes[i]!, boxes[j]!)).toBe(false);
    expect(Math.max(...[...placed.values()].map((p) => p.ring))).toBeGreaterThan(0);
    expect(placeLabels([cand('alone', 0, 0, 1, { forced: true })]).get('alone')).toEqual({ side: 'bottom', ring: 0 });
  });
  it('always draws forced labels (selection, path) and drops unreadably small ones', () => {
    const shown = placeLabels([cand('a', 100, 100, 100), cand('sel', 105, 100, 0, { forced: true }), cand('tiny', 500, 500, 50, { fontPx: 4 })]);
    expect(shown.has('sel')).toBe(true);
    expect(shown.has('tiny')).toBe(false);
  });
  it('a label box holds the whole label (never shortened), on the side it is drawn', () => {
    const c = cand('a', 0, 0, 1, { widthPx: 180 });
    const below = labelBox(c, 'bottom');
    expect(below.x2 - below.x1).toBeGreaterThanOrEqual(180);
    expect(below.y1).toBeGreaterThan(0);
    expect(labelBox(c, 'top').y2).toBeLessThan(0);
    expect(labelBox(c, 'right').x1).toBeGreaterThan(0);
    expect(labelBox(c, 'left').x2).toBeLessThan(0);
  });
  it('frames nodes with their labels inside the viewport', () => {
    const items = [
      { x: 0, y: 0, width: 20, height: 20, labelWidth: 200, labelHeight: 16 },
      { x: 300, y: 100, width: 20, height: 20, labelWidth: 20, labelHeight: 16 },
    ];
    const v = frameViewport(items, { width: 800, height: 600 }, 30, { min: 0.05, max: 4 })!;
    const left = (0 - 100) * v.zoom + v.pan.x;
    const right = (300 + 10) * v.zoom + v.pan.x;
    expect(left).toBeGreaterThanOrEqual(29.9);
    expect(right).toBeLessThanOrEqual(800 - 29.9);
    expect(frameViewport(items, { width: 800, height: 600 }, 30, { min: 0.05, max: 1.5 })!.zoom).toBe(1.5);
  });
});

describe('wording', () => {
  it('pluralises counts', () => {
    expect(countOf(1, 'relationship')).toBe('1 relationship');
    expect(countOf(1, 'actor')).toBe('1 actor');
    expect(countOf(0, 'actor')).toBe('0 actors');
    expect(countOf(2, 'relationship')).toBe('2 relationships');
  });
  it('shows the stated interval and, when it differs, the validity', () => {
    const iv = (fromYear: number | null, toYear: number | null, label: string) => ({ from: null, to: null, fromYear, toYear, label });
    expect(intervalWording(iv(1998, 2001, '1998–2001'), iv(1998, 2001, '1998–2001'))).toEqual({ stated: '1998–2001', validity: null });
    expect(intervalWording(iv(1998, null, 'from 1998'), iv(1998, 2014, '1998–2014'))).toEqual({
      stated: 'from 1998 (stated)',
      validity: 'treated as valid 1998–2014 (bounded by the actors’ active years)',
    });
    expect(intervalWording(iv(null, null, 'undated'), iv(2007, null, 'from 2007')).validity).toBe('treated as valid from 2007 (bounded by the actors’ active years)');
  });
});

describe('compare colours', () => {
  it('are three distinct Okabe–Ito colours, and the key text names them', () => {
    const okabeIto = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#000000'];
    const colours = Object.values(CHANGE_COLOURS);
    expect(new Set(colours).size).toBe(3);
    for (const c of colours) expect(okabeIto).toContain(c);
    const caption = changeKeyText();
    expect(caption).toContain(`${CHANGE_KEY.ended.name} = ended`);
    expect(caption).not.toMatch(/orange|green|red dashed/);
  });
});

describe('path limits', () => {
  it('match the API’s maxHops bound, and links clamp to it', () => {
    expect(PATH_LIMITS.maxHops).toBe(MAX_HOPS);
    expect(decodeViewState('pf=a&pt=b&ph=8').path!.maxHops).toBe(MAX_HOPS);
  });
});
