/**
 * What the end-to-end tests and benchmarks read of the running explorer (window.__nexus): the
 * state, what is drawn and labelled, and promises for work that finishes later.
 */
import type { Arranger } from './graph/arrange.js';
import type { ViewState } from './model/url.js';

export interface DebugHook {
  ready: boolean;
  state(): ViewState;
  shown(): { nodes: string[]; edges: string[] };
  rendered(): { nodes: number; edges: number };
  pathIds(): { nodes: string[]; edges: string[] };
  /** The open story step's highlighted relationships as drawn. */
  storyEdges(): string[];
  /** Where an actor is drawn and the graph's size (for "a shared selection is centred"). */
  placement(id: string): { x: number; y: number; width: number; height: number } | null;
  /** Whether these actors' drawn labels lie inside the graph's viewport. */
  labelsInside(ids: string[]): boolean;
  /** Actors whose labels are drawn, and their label boxes as drawn (model coordinates). */
  labelled(): string[];
  labelBoxes(): Array<{ id: string; x1: number; y1: number; x2: number; y2: number }>;
  playing(): boolean;
  lastShowMs: number;
  layoutMs: number;
  pathsLoaded: number;
  /** The table view's rows now (its tab, filter and order), and the last CSV export finishing. */
  tableRows(): { kind: 'actors' | 'relationships'; ids: string[] } | null;
  csvExported(): Promise<void>;
  /** The map's title, each placed region's capacity class ("CAPTURED", "none"…) and the marked places. */
  mapShown(): { title: string; places: Record<string, string>; marked: string[] } | null;
  /** The last PNG, SVG or JSON export finishing. */
  exported(): Promise<void>;
  /** Every workspace expansion asked for so far has its answer (and the view is redrawn). */
  workspaceSettled(): Promise<void>;
  /** The last re-layout has moved the actors; the visible boxes and links; the pinned actors. */
  layoutSettled(): Promise<unknown>;
  /** The analytics panel's latest answer is rendered. */
  analyticsSettled(): Promise<void>;
  /** The summary charts asked for last are drawn; what they draw. */
  chartsSettled(): Promise<void>;
  /** The last recording of the playback: its type, size, years, frame length and bytes (base64). */
  recorded(): Promise<{ type: string; bytes: number; years: number[]; frameMs: number; base64: string } | null>;
  chartsData(): { years: string[]; datasets: Array<{ label: string; data: number[] }>; types: Array<{ label: string; data: number[] }>; events: number[]; heat: Array<{ region: string; cells: string[] }> } | null;
  geometry(): ReturnType<Arranger['geometry']>;
  pinned(): string[];
  /** What was drawn for each year shown in year mode (so a test can check a whole playback). */
  shownByYear: Record<number, { nodes: string[]; edges: string[] }>;
}

declare global {
  interface Window {
    __nexus?: DebugHook;
  }
}

