/**
 * The sizes layouts plan for, shared by the server's overview layout and the explorer: an actor's
 * drawn diameter by its degree (the explorer's node style maps degree the same way) and the
 * estimated width of its label, so actors and their names get room without a browser.
 */

/** Node diameter in model px: degree 0 → min, degree ≥ degreeMax → max, linear between. */
export const NODE_SIZE = { degreeMax: 30, min: 16, max: 42 } as const;
/** The label font size in model px (the explorer's default node style). */
export const LABEL_FONT_PX = 11;
/** Average glyph width as a share of the font size (system sans-serif, mixed case). */
const GLYPH = 0.6;

export function nodeDiameter(degree: number): number {
  const t = Math.max(0, Math.min(1, degree / NODE_SIZE.degreeMax));
  return NODE_SIZE.min + t * (NODE_SIZE.max - NODE_SIZE.min);
}

export function estimateLabelWidth(text: string, fontPx: number): number {
  return text.length * fontPx * GLYPH;
}

/**
 * The box an actor needs in a layout: the node, and its label under it (room above too, for
 * symmetry). The label's width is measured where fonts are known (the explorer), else estimated.
 */
export function actorBox(diameter: number, label: string | { width: number }, fontPx: number = LABEL_FONT_PX): { w: number; h: number } {
  const labelWidth = typeof label === 'string' ? estimateLabelWidth(label, fontPx) : label.width;
  return { w: Math.max(diameter, labelWidth + 8), h: diameter + 2 * (fontPx * 1.3 + 6) };
}
