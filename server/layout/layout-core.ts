/**
 * Re-laying out the visible subgraph (part of the graph module), runnable in a worker or on the
 * page: headless Cytoscape runs fcose on just this part (a fresh seeded layout, pinned actors
 * fixed where they are), then model/separate.ts removes overlaps (node and label boxes) and links
 * through unrelated actors.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { LAYOUT_SEED, withSeededMathRandom } from './random.js';
import { separate, type Box, type Violations } from './separate.js';

cytoscape.use(fcose);

export interface LayoutRequest {
  nodes: Array<{ id: string; x: number; y: number; w: number; h: number; pinned: boolean }>;
  edges: Array<{ id: string; source: string; target: string }>;
  /**
   * 'part' (default): a visible subgraph — a hub's links get longer so its neighbours have room.
   * 'whole': a whole network's overview — uniform link lengths, compact enough that the
   * best-connected actors' labels are readable when it is framed.
   */
  spread?: 'part' | 'whole';
}

const SPREAD = {
  part: {
    idealEdgeLength: (edge: cytoscape.EdgeSingular) => Math.min(300, 80 + 4 * Math.max(edge.source().degree(false), edge.target().degree(false))),
    nodeRepulsion: 30000,
    nodeSeparation: 100,
    numIter: 1500,
  },
  whole: { idealEdgeLength: () => 110, nodeRepulsion: 25000, nodeSeparation: 90, numIter: 1000 },
} as const;

export interface LayoutAnswer {
  positions: Record<string, { x: number; y: number }>;
  left: Violations;
  ms: number;
}

export function computeLayout(req: LayoutRequest): LayoutAnswer {
  const t0 = performance.now();
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...req.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.w, h: n.h }, position: { x: n.x, y: n.y } })),
      ...req.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
    ],
  });
  const fixed = req.nodes.filter((n) => n.pinned).map((n) => ({ nodeId: n.id, position: { x: n.x, y: n.y } }));
  const spreadName = req.spread ?? 'part';
  const spread = SPREAD[spreadName];
  withSeededMathRandom(LAYOUT_SEED, () => {
    if (req.nodes.length > 1) {
      cy.layout({
        name: 'fcose',
        quality: 'default',
        // a fresh (seeded) layout of this part; pinned actors are fixed where they are
        randomize: true,
        animate: false,
        fit: false,
        nodeDimensionsIncludeLabels: false,
        idealEdgeLength: spread.idealEdgeLength,
        nodeRepulsion: () => spread.nodeRepulsion,
        nodeSeparation: spread.nodeSeparation,
        numIter: spread.numIter,
        packComponents: true,
        tile: true,
        ...(fixed.length ? { fixedNodeConstraint: fixed } : {}),
      } as unknown as cytoscape.LayoutOptions).run();
    }
  });
  const boxes: Box[] = req.nodes.map((n) => {
    const p = n.pinned ? { x: n.x, y: n.y } : cy.getElementById(n.id).position();
    return { id: n.id, x: p.x, y: p.y, hw: n.w / 2, hh: n.h / 2, pinned: n.pinned };
  });
  // a whole network's overview: overlaps only (links through actors are fixed where a part is re-laid out)
  const left = separate(boxes, spreadName === 'whole' ? [] : req.edges, 200);
  cy.destroy();
  return { positions: Object.fromEntries(boxes.map((b) => [b.id, { x: b.x, y: b.y }])), left, ms: performance.now() - t0 };
}
