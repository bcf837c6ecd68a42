/**
 * Analytic encodings of the graph (part of the graph module): actors sized by a centrality score
 * (normalised to the highest) and coloured by community; clearing either restores the style.
 */
import type cytoscape from 'cytoscape';
import { COMMUNITY_COLOURS } from '../model/colours.js';

/** Style rules for the encodings (added to the stylesheet). */
export const ENCODING_RULES = [
  { selector: 'node.scored', style: { width: 'mapData(score, 0, 1, 12, 64)', height: 'mapData(score, 0, 1, 12, 64)' } },
  ...COMMUNITY_COLOURS.map((colour, i) => ({ selector: `node.community-${i}`, style: { 'background-color': colour } })),
];

const COMMUNITY_CLASSES = COMMUNITY_COLOURS.map((_, i) => `community-${i}`).join(' ');

export function applyScores(cy: cytoscape.Core, scores: ReadonlyMap<string, number> | null): void {
  const max = scores ? Math.max(0, ...scores.values()) : 0;
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const s = scores?.get(n.id());
      n.data('score', s === undefined || max === 0 ? 0 : s / max);
      n.toggleClass('scored', scores !== null);
    });
  });
}

export function applyCommunities(cy: cytoscape.Core, communities: ReadonlyMap<string, number> | null): void {
  cy.batch(() => {
    cy.nodes().removeClass(COMMUNITY_CLASSES);
    if (!communities) return;
    cy.nodes().forEach((n) => {
      const c = communities.get(n.id());
      if (c !== undefined) n.addClass(`community-${Math.min(c, COMMUNITY_COLOURS.length - 1)}`);
    });
  });
}
