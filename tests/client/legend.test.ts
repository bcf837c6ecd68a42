import { describe, expect, it } from 'vitest';
import { CONFIDENCE_LINES, KIND_STYLES, STAGE_COLOURS } from '../../client/src/model/colours.js';
import { buildLegend } from '../../client/src/model/legend.js';
import { ACTOR_KINDS, CONFIDENCE_GRADES, RELATIONSHIP_TYPES } from '../../server/domain/vocabulary.js';
import { vocabulary } from './fixtures.js';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('legend', () => {
  const legend = buildLegend(vocabulary);

  it('orders the continuum weakest → strongest from relationshipTypes', () => {
    expect(legend.stages.map((s) => s.type)).toEqual(['NO_RELATIONSHIP', 'OPERATIONAL', 'ALLIANCE', 'CONVERGENCE']);
    expect(legend.stages.map((s) => s.label)).toEqual(['No relationship', 'Operational', 'Alliance', 'Convergence']);
    expect(legend.types.map((t) => t.type)).toEqual(['LEADS', 'OPERATES_IN', 'COMBATS']);
  });

  it('uses an ordered scale: darker and wider as the stage strengthens', () => {
    const lum = legend.stages.map((s) => luminance(s.colour));
    for (let i = 1; i < lum.length; i++) expect(lum[i]!).toBeLessThan(lum[i - 1]!);
    const widths = legend.stages.map((s) => s.width);
    expect([...widths].sort((a, b) => a - b)).toEqual(widths);
    expect(new Set(STAGE_COLOURS).size).toBe(4);
  });

  it('draws alleged dashed and disputed dotted and lighter, surest first', () => {
    expect(legend.confidence.map((c) => [c.grade, c.line])).toEqual([['STATED', 'solid'], ['REPORTED', 'solid'], ['ALLEGED', 'dashed'], ['DISPUTED', 'dotted']]);
    expect(CONFIDENCE_LINES.DISPUTED.opacity).toBeLessThan(CONFIDENCE_LINES.STATED.opacity);
  });

  it('has a shape and colour for every actor kind and capacity', () => {
    expect(legend.kinds.map((k) => k.label)).toEqual(vocabulary.actorKinds.map((k) => k.label));
    expect(legend.capacity.map((c) => c.capacity)).toEqual(['HEGEMONIC', 'CAPTURED', 'DEGRADED', 'FAILED']);
  });

  it('draws weakly dated links lighter and thinner, one dated end in between, and lists the dating bases', () => {
    const [dated, partly, weak] = legend.dating;
    expect([dated?.key, partly?.key, weak?.key]).toEqual(['dated', 'partly', 'undated']);
    expect(weak?.label).toMatch(/weakly dated/i);
    expect(weak!.opacity).toBeLessThan(partly!.opacity);
    expect(partly!.opacity).toBeLessThan(dated!.opacity);
    expect(weak!.width).toBeLessThan(dated!.width);
    expect(legend.bases.map((b) => [b.basis, b.dated])).toEqual([['STATED', true], ['PASSAGE', true], ['LIFESPAN', false], ['ATTESTED', false], ['SOURCE_PERIOD', false]]);
  });

  it('covers the whole shared vocabulary', () => {
    expect(Object.keys(KIND_STYLES).sort()).toEqual(ACTOR_KINDS.map((k) => k.toUpperCase()).sort());
    expect(Object.keys(CONFIDENCE_LINES).sort()).toEqual(CONFIDENCE_GRADES.map((k) => k.toUpperCase()).sort());
    expect(RELATIONSHIP_TYPES.length).toBeGreaterThan(4);
  });
});
