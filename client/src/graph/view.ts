/**
 * The graph view: with elements.ts, layout.ts and labelling.ts, the ONLY module that imports cytoscape and
 * cytoscape-fcose. It takes the union of every element with the positions the server laid it out
 * at (or lays it out once itself: deterministic, seeded fcose), and afterwards only
 * shows/hides and restyles in batches — positions never move when the year changes. It exposes
 * intent-level methods (show, highlightPath, focus, exportPng, fit) to the rest of the app.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Capacity, RelationshipType } from '../api/types.js';
import type { ChangeClass } from '../model/diff.js';
import type { GraphModel } from '../model/elements.js';
import type { Visible } from '../model/visibility.js';
import { buildStylesheet, TRANSITION_MS } from './style.js';
import { drawnLabelBoxes, placeNodeLabels, viewportFraming } from './labelling.js';
import { LABEL_ALL_UP_TO } from '../model/labels.js';
import { addGrown, addUnion, type Grown } from './elements.js';
import { applyCommunities, applyScores } from './encodings.js';

cytoscape.use(fcose);

export type Selection = { kind: 'actor'; id: string } | { kind: 'relationship'; id: string } | null;

export interface GraphViewOptions {
  relationshipTypes: readonly RelationshipType[];
  onSelect?: (sel: Selection) => void;
  /** Above this many elements: no transitions, and edges/labels hidden while the viewport moves. */
  largeThreshold?: number;
}

export interface ShowResult {
  ms: number;
  entered: number;
  left: number;
}

export class GraphView {
  readonly cy: cytoscape.Core;
  private visible: Visible = { nodes: new Set(), edges: new Set() };
  private leaveTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly large: number;
  private hoverEnabled = true;
  private labelFrame: number | null = null;
  /** Zooms at which the hubs' labels change size (style.ts `.big.zfar`, `.big`, `.big.zin`): about 9–12 px on screen. */
  private static readonly HUB_ZOOM = { far: 0.55, near: 0.9 };
  lastLayoutMs = 0;
  private labelAll = false;

  constructor(container: HTMLElement, private readonly options: GraphViewOptions) {
    this.large = options.largeThreshold ?? 1500;
    this.cy = cytoscape({
      container,
      style: buildStylesheet(options.relationshipTypes) as unknown as cytoscape.StylesheetJson,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    this.cy.on('tap', 'node', (e) => options.onSelect?.({ kind: 'actor', id: (e.target as cytoscape.NodeSingular).id() }));
    this.cy.on('tap', 'edge', (e) => options.onSelect?.({ kind: 'relationship', id: (e.target as cytoscape.EdgeSingular).id() }));
    this.cy.on('tap', (e) => {
      if (e.target === this.cy) options.onSelect?.(null);
    });
    // when the container changes size (panels around it settle, the window is resized), keep what is
    // in the middle of the view in the middle (Cytoscape alone keeps the top-left corner)
    let size = { w: this.cy.width(), h: this.cy.height() };
    this.cy.on('resize', () => {
      const next = { w: this.cy.width(), h: this.cy.height() };
      if (size.w > 0 && size.h > 0 && (next.w !== size.w || next.h !== size.h)) this.cy.panBy({ x: (next.w - size.w) / 2, y: (next.h - size.h) / 2 });
      size = next;
    });
    this.cy.on('mouseover', 'node', (e) => this.hoverHighlight(e.target as cytoscape.NodeSingular));
    this.cy.on('mouseout', 'node', () => this.clearHover());
    // labels: re-placed (no overlaps) whenever the viewport moves, at most once per frame
    this.cy.on('viewport resize', () => this.scheduleLabels());
  }

  /** Re-runs the label placement on the next frame. */
  private scheduleLabels(): void {
    if (this.labelFrame !== null) return;
    const run = () => {
      this.labelFrame = null;
      this.placeLabels();
    };
    this.labelFrame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : (setTimeout(run, 16) as unknown as number);
  }

  /**
   * Draws only labels that are readable at this zoom and do not overlap one another (see
   * labelling.ts). Skipped for big graphs (labels hide while the viewport moves).
   */
  placeLabels(): void {
    if (this.cy.elements().length > this.large) return;
    placeNodeLabels(this.cy, GraphView.HUB_ZOOM, this.labelAll && this.visible.nodes.size <= LABEL_ALL_UP_TO);
  }

  /** A result view (focus, filters, workspace): label every visible actor when there are few. */
  setLabelAll(on: boolean): void {
    if (this.labelAll === on) return;
    this.labelAll = on;
    // one label size from now on, so a re-layout plans room for the labels as they will be drawn
    if (on) this.cy.nodes('.big').removeClass('zfar zin');
    this.scheduleLabels();
  }

  /** Zoom and pan so these nodes (and edges' ends) fit with their labels, `pad` px to spare. */
  private frame(eles: cytoscape.CollectionReturnValue, pad: number, maxZoom: number, animate: boolean, insetTop = 0): void {
    const v = viewportFraming(this.cy, eles, pad, maxZoom, insetTop);
    if (!v) return;
    if (animate) this.cy.animate({ zoom: v.zoom, pan: v.pan }, { duration: 300, complete: () => this.scheduleLabels() });
    else {
      this.cy.viewport(v);
      this.placeLabels();
    }
  }

  /**
   * Replaces the elements, hidden until shown. With positions (laid out on the server) nothing is
   * laid out here; without them the one seeded layout runs first. The caller frames the view.
   */
  load(model: GraphModel, positions?: ReadonlyMap<string, { x: number; y: number }>): { layoutMs: number } {
    this.lastLayoutMs = addUnion(this.cy, model, positions, model.nodes.length + model.edges.length > this.large);
    this.visible = { nodes: new Set(), edges: new Set() };
    return { layoutMs: this.lastLayoutMs };
  }

  /**
   * Adds actors and links the model gained (hidden until shown): new actors around `near` (the
   * actor they were reached from) or the view's centre, so a re-layout can arrange them; actors
   * whose degree changed are resized.
   */
  grow(added: Grown, near: string | null, degreeOf: (id: string) => number): void {
    addGrown(this.cy, added, near, degreeOf);
  }

  /** A collection from an array of elements (Cytoscape accepts it; the typings do not say so). */
  private collect(list: readonly (cytoscape.CollectionReturnValue | cytoscape.SingularElementReturnValue)[]): cytoscape.CollectionReturnValue {
    return this.cy.collection(list as unknown as cytoscape.CollectionArgument);
  }

  /** Positions after layout, to cache. */
  positions(): Map<string, { x: number; y: number }> {
    const out = new Map<string, { x: number; y: number }>();
    this.cy.nodes().forEach((n) => {
      const p = n.position();
      out.set(n.id(), { x: p.x, y: p.y });
    });
    return out;
  }

  /**
   * Shows exactly `next` (node and edge ids): a batched show/hide with a short fade, no layout.
   * Returns the synchronous time spent, for the benchmark.
   */
  show(next: Visible, opts: { animate?: boolean } = {}): ShowResult {
    const t0 = performance.now();
    const cy = this.cy;
    const animate = (opts.animate ?? true) && cy.elements().length <= this.large;
    const prev = this.visible;
    const enteredList: cytoscape.SingularElementReturnValue[] = [];
    const leftList: cytoscape.SingularElementReturnValue[] = [];
    const byId = (id: string) => cy.getElementById(id);
    for (const id of next.nodes) if (!prev.nodes.has(id)) enteredList.push(byId(id));
    for (const id of next.edges) if (!prev.edges.has(id)) enteredList.push(byId(id));
    for (const id of prev.nodes) if (!next.nodes.has(id)) leftList.push(byId(id));
    for (const id of prev.edges) if (!next.edges.has(id)) leftList.push(byId(id));
    const entered = this.collect(enteredList);
    const left = this.collect(leftList);
    if (this.leaveTimer !== null) {
      clearTimeout(this.leaveTimer);
      this.leaveTimer = null;
      const pending = cy.elements('.leaving');
      cy.batch(() => pending.removeClass('leaving').addClass('hidden'));
    }
    cy.batch(() => {
      if (animate) {
        entered.removeClass('hidden leaving').addClass('entering');
        left.addClass('leaving');
      } else {
        entered.removeClass('hidden leaving entering');
        left.addClass('hidden').removeClass('leaving entering');
      }
    });
    if (animate) {
      requestAnimationFrame(() => cy.batch(() => entered.removeClass('entering')));
      if (left.nonempty()) {
        this.leaveTimer = setTimeout(() => {
          this.leaveTimer = null;
          cy.batch(() => cy.elements('.leaving').removeClass('leaving').addClass('hidden'));
        }, TRANSITION_MS);
      }
    }
    this.visible = { nodes: new Set(next.nodes), edges: new Set(next.edges) };
    this.scheduleLabels();
    return { ms: performance.now() - t0, entered: entered.length, left: left.length };
  }

  /** The logically visible ids (what the current view shows). */
  shown(): Visible {
    return { nodes: new Set(this.visible.nodes), edges: new Set(this.visible.edges) };
  }

  /** Counts of rendered elements (not hidden, not leaving), for tests. */
  renderedCounts(): { nodes: number; edges: number } {
    return {
      nodes: this.cy.nodes().not('.hidden, .leaving').length,
      edges: this.cy.edges().not('.hidden, .leaving').length,
    };
  }

  /** Compare-mode classes per relationship id; null clears. */
  setChangeClasses(classes: ReadonlyMap<string, ChangeClass> | null): void {
    this.cy.batch(() => {
      this.cy.edges().removeClass('added ended changed unchanged');
      if (!classes) return;
      this.cy.edges().forEach((e) => {
        e.addClass(classes.get(e.id()) ?? 'unchanged');
      });
    });
  }

  highlightPath(nodeIds: readonly string[], edgeIds: readonly string[]): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('path path-end path-muted');
      if (nodeIds.length === 0) return;
      const nodes = this.collect(nodeIds.map((id) => cy.getElementById(id)).filter((n) => n.nonempty()));
      const edges = this.collect(edgeIds.map((id) => cy.getElementById(id)).filter((e) => e.nonempty()));
      const path = nodes.union(edges);
      // path elements are always shown, even outside the current year
      path.removeClass('hidden leaving entering').addClass('path');
      cy.getElementById(nodeIds[0] ?? '').addClass('path-end');
      cy.getElementById(nodeIds[nodeIds.length - 1] ?? '').addClass('path-end');
      cy.elements().not(path).addClass('path-muted');
    });
    this.scheduleLabels();
  }

  /** A story step: its actors and relationships drawn on top (as a path is), everything else muted. */
  highlightStory(nodeIds: readonly string[], edgeIds: readonly string[]): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('path path-end path-muted story-edge');
      const nodes = this.collect(nodeIds.map((id) => cy.getElementById(id)).filter((n) => n.nonempty()));
      const edges = this.collect(edgeIds.map((id) => cy.getElementById(id)).filter((e) => e.nonempty()));
      const shown = nodes.union(edges);
      shown.removeClass('hidden leaving entering').addClass('path');
      edges.addClass('story-edge');
      cy.elements().not(shown).addClass('path-muted');
    });
    this.scheduleLabels();
  }

  clearPath(): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('path path-end path-muted story-edge');
      // re-hide path elements that are not in the current view
      cy.nodes().forEach((n) => {
        if (!this.visible.nodes.has(n.id())) n.addClass('hidden');
      });
      cy.edges().forEach((e) => {
        if (!this.visible.edges.has(e.id())) e.addClass('hidden');
      });
    });
    this.scheduleLabels();
  }

  /** The story step's relationships as drawn now (highlighted and not hidden). */
  storyEdgeIds(): string[] {
    return this.cy.edges('.story-edge').not('.hidden, .leaving').map((e) => e.id());
  }

  /** Ids of the elements currently drawn as a path. */
  pathIds(): { nodes: string[]; edges: string[] } {
    return { nodes: this.cy.nodes('.path').map((n) => n.id()), edges: this.cy.edges('.path').map((e) => e.id()) };
  }

  /**
   * Selects an element. A selected relationship is drawn on top, wide and dark with a halo, its two
   * actors labelled, and everything else faded.
   */
  select(sel: Selection): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().unselect();
      cy.elements().removeClass('sel-muted sel-end sel-nb');
      if (!sel) return;
      const el = cy.getElementById(sel.id);
      if (el.empty()) return;
      el.select();
      // an actor's neighbours in view are always labelled with it
      if (el.isNode()) el.neighborhood('node').addClass('sel-nb');
      if (el.isEdge()) {
        const ends = el.connectedNodes();
        ends.addClass('sel-end');
        cy.elements().not(el).not(ends).addClass('sel-muted');
      }
    });
    this.scheduleLabels();
  }

  /** Frames a relationship's two actors (with their labels), not zooming in past 1.5. */
  frameRelationship(id: string, animate = true): void {
    const el = this.cy.getElementById(id);
    if (el.empty() || !el.isEdge()) return;
    this.frame(el.union(el.connectedNodes()), 80, 1.5, animate);
  }

  /** Centres the view on an element without changing layout. */
  focus(id: string): void {
    const el = this.cy.getElementById(id);
    if (el.empty()) return;
    this.cy.animate({ center: { eles: el }, zoom: Math.max(this.cy.zoom(), 1.2) }, { duration: 300 });
  }

  /** Pans (no layout change) so the element is in the middle, zooming in to at least `minZoom`. */
  centreOn(id: string, minZoom = 1, animate = true): void {
    const el = this.cy.getElementById(id);
    if (el.empty()) return;
    const zoom = Math.min(this.cy.maxZoom(), Math.max(this.cy.zoom(), minZoom));
    // the node's own position (its bounding box would include the label below it)
    const bb = el.boundingBox();
    const p = el.isNode() ? (el as cytoscape.NodeSingular).position() : { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
    const pan = { x: this.cy.width() / 2 - p.x * zoom, y: this.cy.height() / 2 - p.y * zoom };
    if (animate) this.cy.animate({ pan, zoom }, { duration: 300 });
    else this.cy.viewport({ zoom, pan });
  }

  /** Where an element is drawn in the container (px), and the container size; null if unknown. */
  renderedPlacement(id: string): { x: number; y: number; width: number; height: number } | null {
    const el = this.cy.getElementById(id);
    if (el.empty() || !el.isNode()) return null;
    const p = (el as cytoscape.NodeSingular).renderedPosition();
    return { x: p.x, y: p.y, width: this.cy.width(), height: this.cy.height() };
  }

  /** Region id → rated capacities for the period under the slider. */
  setCapacity(byRegion: ReadonlyMap<string, Capacity[]>): void {
    const caps = ['HEGEMONIC', 'CAPTURED', 'DEGRADED', 'FAILED'].map((c) => `cap-${c}`).join(' ');
    this.cy.batch(() => {
      this.cy.nodes().removeClass(`${caps} cap-multi`);
      for (const [id, list] of byRegion) {
        const node = this.cy.getElementById(id);
        if (node.empty() || list.length === 0) continue;
        node.addClass(`cap-${list[0]}`);
        if (list.length > 1) node.addClass('cap-multi');
      }
    });
  }

  /** Fits the shown elements, their labels inside the viewport. */
  fit(animate = true): void {
    const shown = this.cy.elements().not('.hidden');
    const eles = shown.nonempty() ? shown : this.cy.elements();
    this.frame(eles, 30, this.cy.maxZoom(), animate);
  }

  /** Animates the viewport to frame these elements (e.g. a path) with their labels, keeping a sensible zoom. */
  /** Frames these elements; `insetTop` pixels at the top are left free (for a bar drawn over the graph). */
  fitTo(ids: readonly string[], animate = true, insetTop = 0): void {
    const eles = this.collect(ids.map((id) => this.cy.getElementById(id)).filter((e) => e.nonempty()));
    if (eles.empty()) return;
    this.frame(eles, 40, 1.2, animate, insetTop);
  }

  /** Whether every drawn label of these nodes lies inside the viewport (for tests). */
  labelsInside(ids: readonly string[]): boolean {
    const ext = this.cy.extent();
    return ids.every((id) => {
      const n = this.cy.getElementById(id);
      if (n.empty() || n.hasClass('lbl-off') || n.hasClass('hidden')) return true;
      const bb = n.boundingBox({ includeLabels: true, includeOverlays: false });
      return bb.x1 >= ext.x1 - 0.5 && bb.x2 <= ext.x2 + 0.5 && bb.y1 >= ext.y1 - 0.5 && bb.y2 <= ext.y2 + 0.5;
    });
  }

  /** Ids of the nodes whose labels are drawn (for tests). */
  /** Actors sized by a score (null: by degree again). */
  setScores(scores: ReadonlyMap<string, number> | null): void {
    applyScores(this.cy, scores);
  }

  /** Actors coloured by community (null: by kind again). */
  setCommunities(communities: ReadonlyMap<string, number> | null): void {
    applyCommunities(this.cy, communities);
  }

  /** The drawn labels' boxes as Cytoscape measures them (model coordinates), for tests. */
  labelBoxes(): Array<{ id: string; x1: number; y1: number; x2: number; y2: number }> {
    return drawnLabelBoxes(this.cy);
  }

  labelledIds(): string[] {
    return this.cy.nodes().not('.hidden, .leaving, .lbl-off').map((n) => n.id());
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  panBy(dx: number, dy: number): void {
    this.cy.panBy({ x: dx, y: dy });
  }

  exportPng(): string {
    return this.cy.png({ full: true, scale: 2, bg: '#ffffff' });
  }

  private hoverHighlight(node: cytoscape.NodeSingular): void {
    if (!this.hoverEnabled || this.cy.elements().length > this.large) return;
    const hood = node.closedNeighborhood().not('.hidden');
    this.cy.batch(() => {
      this.cy.elements().not(hood).addClass('faded');
      hood.addClass('hl');
    });
    this.scheduleLabels();
  }

  private clearHover(): void {
    this.cy.batch(() => this.cy.elements().removeClass('faded hl'));
    this.scheduleLabels();
  }

  setHover(enabled: boolean): void {
    this.hoverEnabled = enabled;
    if (!enabled) this.clearHover();
  }

  /** Follows the container's size (the view also keeps its middle in the middle: see the constructor). */
  resize(): void {
    this.cy.resize();
  }

  destroy(): void {
    if (this.leaveTimer !== null) clearTimeout(this.leaveTimer);
    if (this.labelFrame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(this.labelFrame);
    this.cy.destroy();
  }
}
