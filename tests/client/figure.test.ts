import { describe, expect, it } from 'vitest';
import { exportCaption } from '../../client/src/model/export.js';
import { figureLegend, figureSvg, layoutFigure, wrap, type Drawing, type DrawnNode } from '../../client/src/model/figure.js';
import { buildLegend } from '../../client/src/model/legend.js';
import { decodeViewState } from '../../client/src/model/url.js';
import { vocabulary } from './fixtures.js';

const labels = { kind: (k: string) => k.toLowerCase(), type: (t: string) => t.toLowerCase(), grade: (g: string) => g.charAt(0) + g.slice(1).toLowerCase(), actor: (id: string) => id.toUpperCase() };
const visible = { nodes: new Set(['a', 'b']), edges: new Set(['r']) };

describe('export caption', () => {
  it('names the time, the counts and every active filter', () => {
    const s = decodeViewState('?y=1999&kinds=STATE&conf=REPORTED&countries=Tajikistan&dated=1&focus=imu&depth=2');
    expect(exportCaption(s, visible, '1999', labels)).toEqual({
      title: 'Nexus Explorer — 1999',
      counts: '2 actors · 1 relationship in 1999',
      filters: ['Actor kinds: state', 'Grade: at least reported', 'Countries: Tajikistan', 'Dated links only (stated or passage-dated)', 'Ego network of IMU, 2 hops'],
    });
    expect(exportCaption(decodeViewState('?mode=all'), visible, 'all years', labels).counts).toBe('2 actors · 1 relationship over all years');
  });
});

describe('figure', () => {
  const drawing: Drawing = {
    nodes: [
      { id: 'a', x: 0, y: 0, size: 20, colour: '#d55e00', shape: 'triangle', label: 'A & Co', kind: 'TERRORIST_GROUP' },
      { id: 'b', x: 100, y: 50, size: 20, colour: '#aa0000', shape: 'diamond', label: null, kind: 'CRIMINAL_GROUP' },
    ],
    edges: [
      { x1: 0, y1: 0, x2: 100, y2: 50, colour: '#2a7', width: 3, dash: 'solid', opacity: 1, type: 'ALLIANCE', confidence: 'STATED' },
      { x1: 100, y1: 50, x2: 0, y2: 0, colour: '#e9a', width: 2, dash: 'dashed', opacity: 0.5, type: 'LEADS', confidence: 'ALLEGED' },
    ],
    box: { x: -10, y: -10, w: 120, h: 70 },
  };

  it('has a legend of only what is drawn', () => {
    const sections = figureLegend(buildLegend(vocabulary), drawing);
    const rows = Object.fromEntries(sections.map((s) => [s.section, s.rows.map((r) => r.label)]));
    expect(Object.keys(rows)).toEqual(['Crime–terror continuum', 'Other relationships', 'Actors', 'Grade']);
    expect(rows['Crime–terror continuum']).toHaveLength(1);
    expect(rows['Actors']).toHaveLength(2);
    expect(rows['Grade']).toHaveLength(2);
  });

  it('writes an SVG with every actor, relationship (parallel ones bowed apart), escaped labels and the frame', () => {
    const caption = { title: 'Nexus Explorer — 2001', counts: '2 actors · 2 relationships in 2001', filters: [] };
    const layout = layoutFigure(caption, figureLegend(buildLegend(vocabulary), drawing), 'http://x/?y=2001', 600, 400);
    expect(layout.width).toBe(600 + 230 + 48);
    const svg = figureSvg(layout, drawing);
    expect(svg.match(/<path d="M/g)).toHaveLength(2);
    expect(svg).toContain('>A &amp; Co<');
    expect(svg).toContain('No filters: every actor kind, relationship type and grade');
    expect(svg).toContain('stroke-dasharray="6 4"');
  });

  it('draws each label on the side the view draws it (moved out as far), below the actor when the view did not say', () => {
    const caption = { title: 'T', counts: 'c', filters: [] };
    const layout = layoutFigure(caption, figureLegend(buildLegend(vocabulary), drawing), 'http://x/', 600, 400);
    const textAt = (d: Drawing) => {
      const m = /<text x="([-\d.]+)" y="([-\d.]+)" font-size="11" text-anchor="(\w+)"[^>]*>A &amp; Co</.exec(figureSvg(layout, d))!;
      return { x: Number(m[1]), y: Number(m[2]), anchor: m[3] };
    };
    const placed = (labelPlace: DrawnNode['labelPlace']) => ({ ...drawing, nodes: drawing.nodes.map((n) => (n.id === 'a' ? { ...n, labelPlace } : n)) });
    const below = textAt(drawing);
    expect(textAt(placed({ side: 'bottom', ring: 0 }))).toEqual(below);
    const above = textAt(placed({ side: 'top', ring: 0 }));
    expect([above.x, above.anchor]).toEqual([below.x, 'middle']);
    expect(above.y).toBeLessThan(below.y - 15);
    const right = textAt(placed({ side: 'right', ring: 0 }));
    expect(right.anchor).toBe('start');
    expect(right.x).toBeGreaterThan(below.x);
    expect(textAt(placed({ side: 'bottom', ring: 2 })).y).toBeCloseTo(below.y + 30, 1);
  });

  it('wraps long lines at spaces', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });
});
