/**
 * Putting the model's elements into Cytoscape (part of the graph module): the union of every year
 * at the positions the server laid it out at (or laid out here once, seeded, when none are given),
 * and later the actors and links a big dataset's view grows by — all hidden until shown.
 */
import type cytoscape from 'cytoscape';
import type { GraphModel } from '../model/elements.js';
import { runSeededLayout, tuneForSize } from './layout.js';

export interface Grown {
  nodes: GraphModel['nodes'];
  edges: GraphModel['edges'];
  /** Actors whose degree changed (resized). */
  regrown: string[];
}

/** Replaces every element with the model's; returns how long a layout on the page took (0 when placed). */
export function addUnion(cy: cytoscape.Core, model: GraphModel, positions: ReadonlyMap<string, { x: number; y: number }> | undefined, large: boolean): number {
  const placed = positions !== undefined && positions.size > 0;
  // placed: born hidden, so each element's style is worked out once, not again when it is hidden
  const hide = (classes: string | undefined) => (placed ? `${classes ?? ''} hidden` : (classes ?? ''));
  cy.startBatch();
  cy.elements().remove();
  cy.add([
    ...model.nodes.map((n, i) => ({
      group: 'nodes' as const,
      data: { ...n.data },
      classes: hide(n.classes),
      // a spread-out start (a circle) until the layout runs, so no two nodes coincide
      position: positions?.get(n.data.id) ?? n.position ?? { x: 400 * Math.cos(i), y: 400 * Math.sin(i) + i * 0.01 },
    })),
    ...model.edges.map((e) => ({ group: 'edges' as const, data: { ...e.data }, classes: hide(e.classes) })),
  ]);
  cy.endBatch();
  tuneForSize(cy, large);
  const t0 = performance.now();
  if (!placed) {
    runSeededLayout(cy, model.nodes.length);
    cy.batch(() => cy.elements().addClass('hidden'));
  }
  return performance.now() - t0;
}

/** Adds grown elements: new actors on a circle around `near` (or the view's centre), for a re-layout to arrange. */
export function addGrown(cy: cytoscape.Core, added: Grown, near: string | null, degreeOf: (id: string) => number): void {
  const from = near ? cy.getElementById(near) : null;
  const centre = from && from.nonempty() ? from.position() : { x: (cy.width() / 2 - cy.pan().x) / cy.zoom(), y: (cy.height() / 2 - cy.pan().y) / cy.zoom() };
  const count = Math.max(1, added.nodes.length);
  cy.batch(() => {
    cy.add([
      ...added.nodes.map((n, i) => ({
        group: 'nodes' as const,
        data: { ...n.data },
        classes: `${n.classes ?? ''} hidden`,
        position: { x: centre.x + 120 * Math.cos((2 * Math.PI * i) / count), y: centre.y + 120 * Math.sin((2 * Math.PI * i) / count) },
      })),
      ...added.edges.map((e) => ({ group: 'edges' as const, data: { ...e.data }, classes: `${e.classes ?? ''} hidden` })),
    ]);
    for (const id of added.regrown) cy.getElementById(id).data('degree', degreeOf(id));
  });
}
