/**
 * Visual encodings, pure data: the colour-blind-safe continuum scale (viridis steps, ordered by
 * lightness and reinforced by width), Okabe–Ito colours for the other relationship types,
 * a shape and colour per actor kind, and the state-capacity colours.
 */
import type { ActorKind, Capacity, Confidence, RelationshipType } from '../api/types.js';

/** Continuum stage order 0..3 → colour (viridis, light to dark: weak to strong). */
export const STAGE_COLOURS: readonly string[] = ['#a5db36', '#35b779', '#2a788e', '#46327e'];
/** Continuum stage order 0..3 → edge width in px (a second, colour-free cue). */
export const STAGE_WIDTHS: readonly number[] = [1.5, 2.5, 3.5, 5];

export function stageColour(order: number): string {
  return STAGE_COLOURS[Math.max(0, Math.min(STAGE_COLOURS.length - 1, order))] ?? '#888888';
}

/** Non-stage relationship types, grouped so the palette stays small (Okabe–Ito). */
const TYPE_COLOURS: Partial<Record<RelationshipType, string>> = {
  SPLINTER_OF: '#7f7f7f',
  SUCCESSOR_OF: '#7f7f7f',
  MEMBER_OF: '#9a9a9a',
  LEADS: '#9a9a9a',
  PART_OF: '#b3b3b3',
  COLLUSION: '#cc79a7',
  SUPPORTS: '#e69f00',
  FUNDS: '#e69f00',
  ASSISTS: '#56b4e9',
  COOPERATES_WITH: '#56b4e9',
  RIVALRY: '#d55e00',
  COMBATS: '#d55e00',
  ATTACKS: '#b0413e',
  THREATENS: '#d98c8a',
  OPERATES_IN: '#a6896b',
  TRAFFICS_THROUGH: '#8c6d31',
  DESIGNATED_BY: '#404040',
};

export function typeColour(type: RelationshipType, stageOrder: number | null): string {
  if (stageOrder !== null) return stageColour(stageOrder);
  return TYPE_COLOURS[type] ?? '#8a8a8a';
}

export function typeWidth(stageOrder: number | null): number {
  return stageOrder === null ? 1.5 : (STAGE_WIDTHS[stageOrder] ?? 2);
}

export type NodeShape =
  | 'ellipse'
  | 'triangle'
  | 'round-triangle'
  | 'rectangle'
  | 'round-rectangle'
  | 'diamond'
  | 'round-diamond'
  | 'pentagon'
  | 'hexagon'
  | 'octagon'
  | 'star'
  | 'vee'
  | 'tag'
  | 'barrel';

export interface KindStyle {
  shape: NodeShape;
  colour: string;
}

/** Violent groups warm, crime purple, state side blue, people grey, places green/brown. */
export const KIND_STYLES: Readonly<Record<ActorKind, KindStyle>> = {
  TERRORIST_GROUP: { shape: 'triangle', colour: '#d55e00' },
  INSURGENT_GROUP: { shape: 'round-triangle', colour: '#e69f00' },
  EXTREMIST_MOVEMENT: { shape: 'vee', colour: '#f0a35e' },
  POLITICAL_PARTY: { shape: 'tag', colour: '#d4b483' },
  CRIMINAL_GROUP: { shape: 'diamond', colour: '#8e44ad' },
  TRAFFICKING_NETWORK: { shape: 'round-diamond', colour: '#cc79a7' },
  STATE: { shape: 'octagon', colour: '#0072b2' },
  STATE_AGENCY: { shape: 'round-rectangle', colour: '#3d8fd1' },
  MILITARY_FORCE: { shape: 'pentagon', colour: '#1f4e79' },
  OFFICIAL: { shape: 'star', colour: '#56b4e9' },
  PERSON: { shape: 'ellipse', colour: '#8a8a8a' },
  INTERNATIONAL_ORGANISATION: { shape: 'hexagon', colour: '#009e73' },
  REGION: { shape: 'barrel', colour: '#6b8e23' },
  ROUTE: { shape: 'rectangle', colour: '#a6896b' },
};

export function kindStyle(kind: ActorKind): KindStyle {
  return KIND_STYLES[kind] ?? { shape: 'ellipse', colour: '#888888' };
}

/** Line style per confidence: alleged dashed, disputed dotted and lighter. */
export const CONFIDENCE_LINES: Readonly<Record<Confidence, { line: 'solid' | 'dashed' | 'dotted'; opacity: number }>> = {
  STATED: { line: 'solid', opacity: 0.95 },
  REPORTED: { line: 'solid', opacity: 0.8 },
  ALLEGED: { line: 'dashed', opacity: 0.75 },
  DISPUTED: { line: 'dotted', opacity: 0.45 },
};

export const CAPACITY_COLOURS: Readonly<Record<Capacity, string>> = {
  HEGEMONIC: '#0072b2',
  CAPTURED: '#cc79a7',
  DEGRADED: '#e69f00',
  FAILED: '#d55e00',
};

/**
 * Compare-mode classes → colour and the colour's name (for captions), Okabe–Ito: blue, vermillion
 * (drawn dashed as well) and reddish purple stay apart under the common colour-vision deficiencies,
 * and differ in lightness too.
 */
export const CHANGE_KEY = {
  added: { colour: '#0072b2', name: 'blue' },
  ended: { colour: '#d55e00', name: 'vermillion dashed' },
  changed: { colour: '#cc79a7', name: 'purple' },
} as const;
export const CHANGE_COLOURS = { added: CHANGE_KEY.added.colour, ended: CHANGE_KEY.ended.colour, changed: CHANGE_KEY.changed.colour } as const;

/** "blue = added, vermillion dashed = ended, purple = stage changed": the compare key in words. */
export function changeKeyText(): string {
  return `${CHANGE_KEY.added.name} = added, ${CHANGE_KEY.ended.name} = ended, ${CHANGE_KEY.changed.name} = stage changed`;
}

/** Undated relationships (no known start or end, so shown at every year): lighter and thinner. */
export const UNDATED_OPACITY = 0.4;
/** A relationship with one dated end and one bounded only by lifespans or periods. */
export const PARTLY_DATED_OPACITY = 0.7;
export const UNDATED_WIDTH_FACTOR = 0.5;

/** Community colours (Okabe–Ito, then four more distinct hues); communities past the twelfth share the last, grey. */
export const COMMUNITY_COLOURS: readonly string[] = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#000000', '#8c564b', '#9edae5', '#bcbd22', '#7f7f7f'];
