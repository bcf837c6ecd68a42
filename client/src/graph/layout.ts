/**
 * The one layout of the graph view (part of the graph module): deterministic, seeded fcose over
 * every element of every year, and the renderer settings that keep big graphs responsive.
 */
import type cytoscape from 'cytoscape';
import { LAYOUT_SEED, withSeededMathRandom } from '../../../server/layout/random.js';

/** Runs fcose with a fixed seed, so the same data always gets the same positions. */
export function runSeededLayout(cy: cytoscape.Core, nodeCount: number): void {
  withSeededMathRandom(LAYOUT_SEED, () => {
    // quality scales down with size so the first layout stays under a second
    const huge = nodeCount > 500;
    cy.layout({
      name: 'fcose',
      quality: huge ? 'draft' : 'default',
      randomize: true,
      animate: false,
      fit: true,
      padding: 30,
      nodeDimensionsIncludeLabels: false,
      idealEdgeLength: () => 110,
      nodeRepulsion: () => 25000,
      nodeSeparation: 90,
      // fcose runs at least 5 iterations per node; above ~500 nodes the spectral (draft) layout
      // alone keeps the first layout under a second
      numIter: 1000,
      packComponents: true,
      tile: true,
    } as unknown as cytoscape.LayoutOptions).run();
  });
}

/** Big graphs: hide edges and labels while the viewport moves, and draw straight edges. */
export function tuneForSize(cy: cytoscape.Core, large: boolean): void {
  const renderer = cy as unknown as { _private: { renderer?: { hideEdgesOnViewport?: boolean; textureOnViewport?: boolean; hideLabelsOnViewport?: boolean } } };
  const r = renderer._private.renderer;
  if (r) {
    r.hideEdgesOnViewport = large;
    r.hideLabelsOnViewport = large;
    r.textureOnViewport = large;
  }
  // straight "haystack" edges are far cheaper to draw (no arrows at that scale)
  if (large) cy.style().selector('edge').style({ 'curve-style': 'haystack', 'haystack-radius': 0 }).update();
}
