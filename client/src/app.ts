/**
 * The app: fetches the vocabulary, the timeline and the union network, lays the graph out once,
 * wires the panels, the timeline view and the controllers to the store, and turns each state
 * change into graph intents (show a year, compare, highlight a path, select) — no layout ever runs
 * again after the first.
 */
import type { NexusApi } from './api/queries.js';
import { ApiError } from './api/client.js';
import type { Network, PathQuery, PathResult } from './api/types.js';
import { GraphView } from './graph/view.js';
import { Arranger } from './graph/arrange.js';
import { CapacityController } from './controllers/capacity.js';
import { AnalyticsController } from './controllers/analytics.js';
import { AnalyticsApi } from './api/analytics.js';
import { ChartsController } from './controllers/charts.js';
import { RecordingController } from './controllers/recording.js';
import { CompareController } from './controllers/compare.js';
import { StoryController } from './controllers/stories.js';
import { TimelineController } from './controllers/timeline.js';
import { TableController } from './controllers/table.js';
import { MapController } from './controllers/map.js';
import { ExportController } from './controllers/exports.js';
import { whenShown } from './model/export.js';
import { WorkspaceController } from './controllers/workspace.js';
import { WorkspacePanel } from './ui/workspace.js';
import { denseStart } from './model/density.js';
import { buildGraphModel, growModel, type GraphModel } from './model/elements.js';
import { buildLegend } from './model/legend.js';
import { countOf } from './model/text.js';
import type { ViewState } from './model/url.js';
import { actorIdsIn, checkViewState, knownValuesOf } from './model/url-check.js';
import { endStoryIfLeft, sourceLabel } from './model/stories.js';
import { countriesOf, EMPTY_FILTERS, visibleSubgraph, workspaceSubgraph, yearSpan, type TimeSelection, type Visible } from './model/visibility.js';
import { stateFromLocation, Store, syncUrl } from './state/store.js';
import { Autocomplete } from './ui/autocomplete.js';
import { ChangesPanel } from './ui/changes.js';
import { DetailsPanel } from './ui/details.js';
import { EditingController } from './controllers/editing.js';
import type { GraphqlClient } from './api/client.js';
import type { TokenStore } from './state/session.js';
import { byId, clear, h } from './ui/dom.js';
import { FilterPanel } from './ui/filters.js';
import { renderLegend } from './ui/legend.js';
import { PathFinder } from './ui/pathfinder.js';
import type { StatusOverlay } from './ui/status.js';
import { Timebar } from './ui/timebar.js';
import { installKeyboard } from './ui/keyboard.js';
import { StoriesMenu } from './ui/stories.js';
import { NoticeBar } from './ui/notices.js';
import { wireHeaderTools } from './ui/header-tools.js';
import type { DebugHook } from './debug-hook.js';

/** At most this many actors of a shared link are looked up when the opening view lacks them. */
const MAX_LINKED_LOOKUPS = 20;

export function timeSelection(s: ViewState, fallbackYear: number): TimeSelection {
  const year = s.year ?? fallbackYear;
  if (s.mode === 'all') return { kind: 'all' };
  if (s.mode === 'window') return { kind: 'window', from: Math.min(s.from ?? year, year), to: Math.max(s.from ?? year, year) };
  return { kind: 'year', year };
}

/** What editing needs: the transport that sends the token, and where the token is kept. */
export interface EditingSetup {
  gql: GraphqlClient;
  tokens: TokenStore;
}

export async function startApp(api: NexusApi, status: StatusOverlay, editingSetup?: EditingSetup): Promise<void> {
  const [vocab, timeline, union] = await Promise.all([api.vocabulary(), api.timeline(), api.overview()]);
  performance.mark('nexus:data');
  const model: GraphModel = buildGraphModel(union, vocab.relationshipTypes);
  performance.mark('nexus:model');
  const span = (() => {
    if (timeline.minYear !== null && timeline.maxYear !== null) return { min: timeline.minYear, max: timeline.maxYear };
    return yearSpan(model) ?? { min: new Date().getFullYear(), max: new Date().getFullYear() };
  })();
  const names = new Map(model.nodes.map((n) => [n.data.id, n.data.label]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const stageOrder = new Map(vocab.relationshipTypes.filter((t) => t.isStage).map((t) => [t.type as string, t.stageOrder ?? 0]));
  const typeLabel = new Map(vocab.relationshipTypes.map((t) => [t.type as string, t.label]));
  const capLabel = new Map(vocab.capacityTypes.map((c) => [c.capacity as string, c.label]));
  const dense = denseStart(model, span);

  /** Actors and links the model lacks join it (and the names the panels show). */
  const learn = (network: Pick<Network, 'nodes' | 'edges'>) => {
    const added = growModel(model, network, vocab.relationshipTypes);
    for (const n of added.nodes) names.set(n.data.id, n.data.label);
    return added;
  };
  // a shared link on a bounded view names actors the page has not loaded: ask for them first
  const linked = stateFromLocation();
  if (union.bounded) {
    const missing = actorIdsIn(linked).filter((id) => !names.has(id)).slice(0, MAX_LINKED_LOOKUPS);
    const found = await Promise.all(missing.map((id) => api.actor(id).catch(() => null)));
    learn({ nodes: found.filter((a) => a !== null), edges: [] });
  }
  // a shared link: what the data does not know is named in a notice and dropped
  const checked = checkViewState(linked, window.location.search, knownValuesOf(model, vocab, span));
  const initial = checked.state;
  if (initial.year === null) initial.year = span.max;
  const notices = new NoticeBar(byId('notices'));
  notices.show('Part of this link was left out:', checked.notices);
  const store = new Store(initial, endStoryIfLeft);
  let selectedOnGraph = false;

  for (const id of ['search-panel', 'path-panel', 'filter-panel', 'timebar', 'legend', 'capacity-panel', 'changes-panel', 'stories-mount', 'story-caption', 'timeline-mount', 'table-mount', 'map-mount', 'workspace-panel']) clear(byId(id));
  const graphEl = byId('graph');
  const graph = new GraphView(graphEl, {
    relationshipTypes: vocab.relationshipTypes.map((t) => t.type),
    onSelect: (sel) => {
      // picked on the graph: already in view, so the viewport stays put
      selectedOnGraph = true;
      try {
        store.update({ selected: sel ? `${sel.kind === 'actor' ? 'a' : 'r'}:${sel.id}` : null });
      } finally {
        selectedOnGraph = false;
      }
    },
  });
  // laid out on the server (once, cached): the page draws without a layout of its own
  const { layoutMs } = graph.load(model, new Map(union.positions.map((p) => [p.id, { x: p.x, y: p.y }])));
  performance.mark('nexus:loaded');
  const arranger = new Arranger(graph);
  /** Actors and links the model lacks (a search result, an expansion's neighbours on a bounded view) join it and the graph. */
  const grow = (network: Pick<Network, 'nodes' | 'edges'>, near: string | null) => {
    const added = learn(network);
    if (added.nodes.length || added.edges.length) graph.grow(added, near, (id) => model.nodes.find((n) => n.data.id === id)?.data.degree ?? 0);
  };
  if (union.bounded) {
    notices.add(
      `This dataset holds ${countOf(union.totalActors, 'actor')} and ${countOf(union.totalRelationships, 'relationship')}: the view opens on the ${countOf(union.nodes.length, 'best-connected actor')}.`,
      ['Search for an actor, or select one and expand it (E), to reach the others.'],
    );
  } else if (union.truncated) status.toast('The network is larger than the explorer loads; some relationships are missing.', 6000);

  const hook: DebugHook = {
    ready: false,
    state: () => store.get(),
    shown: () => {
      const v = graph.shown();
      return { nodes: [...v.nodes].sort(), edges: [...v.edges].sort() };
    },
    rendered: () => graph.renderedCounts(),
    pathIds: () => graph.pathIds(),
    storyEdges: () => graph.storyEdgeIds(),
    placement: (id) => graph.renderedPlacement(id),
    labelsInside: (ids) => graph.labelsInside(ids),
    labelled: () => graph.labelledIds().sort(),
    labelBoxes: () => graph.labelBoxes(),
    playing: () => timebar.playing,
    tableRows: () => tableView.rowIds(),
    mapShown: () => mapView.shown(),
    csvExported: () => tableView.lastExport,
    exported: () => exports.last,
    workspaceSettled: () => workspace.settled(),
    layoutSettled: () => arranger.last,
    analyticsSettled: () => analytics.last,
    chartsSettled: () => charts.last,
    chartsData: () => charts.data(),
    recorded: () => recording.last,
    geometry: () => arranger.geometry(),
    pinned: () => arranger.pinnedIds(),
    lastShowMs: 0,
    layoutMs,
    pathsLoaded: 0,
    shownByYear: {},
  };
  window.__nexus = hook;

  // panels
  const select = (sel: string | null) => store.update({ selected: sel });
  const search = new Autocomplete({
    id: 'search-input',
    label: 'Search actors',
    placeholder: 'Name or alias, e.g. IMU',
    search: (text) => api.searchActors(text),
    onPick: (a) => {
      // an actor the opening view does not hold (a big dataset): a workspace starts from it
      if (!names.has(a.id)) {
        grow({ nodes: [a], edges: [] }, null);
        workspace.start([a.id]);
      }
      store.update({ selected: `a:${a.id}` });
      graph.focus(a.id);
    },
  });
  byId('search-panel').append(h('h2', {}, 'Search'), search.root);
  const timebar = new Timebar(byId('timebar'), store, { earliest: span.min, dense, max: span.max }, timeline);
  const filters = new FilterPanel(byId('filter-panel'), store, vocab, countriesOf(model), nameOf);
  let pathResult: PathResult | null = null;
  let activePath = 0;
  const showPath = (i: number) => {
    activePath = i;
    const p = pathResult?.paths[i];
    if (!pathResult || !p) return;
    graph.highlightPath(
      p.actors.map((a) => a.id),
      p.hops.map((hop) => hop.relationship.id),
    );
    graph.fitTo(p.actors.map((a) => a.id));
    pathFinder.showResult(pathResult, i);
  };
  const pathFinder = new PathFinder(byId('path-panel'), store, vocab, {
    search: (text) => api.searchActors(text),
    nameOf,
    onShowPath: showPath,
    onSelectRelationship: (id) => select(`r:${id}`),
  });
  const shownYears = (): { from: number; to: number } | null => {
    const t = timeSelection(store.get(), span.max);
    return t.kind === 'all' ? null : t.kind === 'year' ? { from: t.year, to: t.year } : { from: t.from, to: t.to };
  };
  const editing = editingSetup
    ? new EditingController({ ...editingSetup, vocab, tokenRoot: byId('editor-panel'), reshow: (sel) => (sel === store.get().selected ? void details.show(sel) : select(sel)), toast: (m) => status.toast(m, 6000) })
    : null;
  const details: DetailsPanel = new DetailsPanel(byId('details'), {
    api,
    decorate: editing ? (sel, record, body) => editing.decorate(sel, record, body) : undefined,
    select,
    stageOrder: (s) => stageOrder.get(s) ?? 0,
    stageLabel: (s) => typeLabel.get(s) ?? s,
    span: { min: dense, max: span.max },
    shownYears,
    goToYear: (year) => store.update({ year, mode: store.get().mode === 'all' || store.get().mode === 'window' ? 'year' : store.get().mode }),
  });
  const legend = buildLegend(vocab);
  renderLegend(byId('legend'), legend);
  const changesPanel = new ChangesPanel(byId('changes-panel'), { stageLabel: (st) => typeLabel.get(st) ?? st, select });
  const compare = new CompareController({ api, graph, model, panel: changesPanel, stageOrder: (st) => stageOrder.get(st) ?? 0, span });
  const analyticsApi = new AnalyticsApi(api.gql);
  const analytics = new AnalyticsController({ api: analyticsApi, graph, root: byId('analytics-panel'), years: { from: dense, to: span.max }, nameOf, select });
  const charts = new ChartsController({
    api,
    analytics: analyticsApi,
    mount: byId('charts-mount'),
    button: byId('btn-charts'),
    years: () => ({ from: timebar.min, to: timebar.max }),
    span,
    datedOnly: () => store.get().filters.datedOnly,
    types: vocab.relationshipTypes,
    capacityLabel: (c) => capLabel.get(c) ?? c,
    onError: (m) => status.toast(m, 6000),
  });
  const mapView = new MapController({ mount: byId('map-mount'), button: byId('btn-map'), store, model, nameOf, capacityLabel: (c) => capLabel.get(c) ?? c, fileName: () => exports.fileName(), onError: (m) => status.toast(m, 6000) });
  const capacity = new CapacityController({ api, graph, root: byId('capacity-panel'), span, capacityLabel: (c) => capLabel.get(c) ?? c, select, onRatings: (label, byRegion) => mapView.setCapacity(label, byRegion) });
  const tableView = new TableController({ mount: byId('table-mount'), store, api, model, nameOf, fileName: () => exports.fileName(), onError: (m) => status.toast(m, 6000) });
  const workspace = new WorkspaceController({ api, store, onNeighbours: (id, network) => grow(network, id), onFetched: () => refreshView(), onError: (m) => status.toast(m, 6000) });
  const workspacePanel = new WorkspacePanel(byId('workspace-panel'), vocab, {
    workspace,
    nameOf,
    typeLabel: (t) => typeLabel.get(t) ?? t,
    shownYears,
    topActors: () => [...model.nodes].sort((a, b) => b.data.degree - a.data.degree || a.data.id.localeCompare(b.data.id)).slice(0, 10).map((n) => n.data.id),
    pathActors: () => pathResult?.paths[activePath]?.actors.map((a) => a.id) ?? null,
    counts: () => (store.get().ws && currentVisible ? { inWorkspace: workspace.actors(store.get().ws ?? []).size, shown: currentVisible.nodes.size } : null),
  });
  const timelineView = new TimelineController({ mount: byId('timeline-mount'), store, model, events: timeline.years.flatMap((y) => y.events), range: () => ({ min: timebar.min, max: timebar.max }) });

  // stories: each step sets its view through the store (so the URL holds story and step); the controller highlights it
  const storyBar = byId('story-caption');
  const storyController = new StoryController({ store, graph, model, toast: (m) => status.toast(m, 6000), barHeight: () => (storyBar.hidden ? 0 : storyBar.offsetTop + storyBar.offsetHeight) });
  const stories = new StoriesMenu(byId('stories-mount'), byId('story-caption'), {
    onChoose: (story) => storyController.start(story),
    onStep: (delta) => storyController.step(delta),
    onEnd: () => storyController.end(),
    onSaveStep: (caption) => storyController.saveStep(caption),
    source: (id) => {
      const doc = vocab.sources.find((d) => d.id === id);
      return { label: sourceLabel(doc, id), title: doc?.title ?? id };
    },
  });

  performance.mark('nexus:panels');
  // reactions
  let currentVisible: Visible | null = null;
  const applyView = (s: ViewState, animate: boolean) => {
    let visible: Visible;
    const fallback = span.max;
    const ws = s.ws ? workspace.actors(s.ws) : null;
    const subgraph = (t: TimeSelection) => (ws ? workspaceSubgraph(model, t, s.filters, ws) : visibleSubgraph(model, t, s.filters, s.focus));
    if (s.mode === 'compare') {
      const a = subgraph({ kind: 'year', year: s.from ?? span.min });
      const b = subgraph({ kind: 'year', year: s.year ?? fallback });
      visible = { nodes: new Set([...a.nodes, ...b.nodes]), edges: new Set([...a.edges, ...b.edges]) };
    } else {
      visible = subgraph(timeSelection(s, fallback));
    }
    currentVisible = visible;
    // a result view (a workspace, an ego network, filters): every actor labelled when there are few
    graph.setLabelAll(ws !== null || s.focus !== null || JSON.stringify(s.filters) !== JSON.stringify(EMPTY_FILTERS));
    const result = graph.show(visible, { animate });
    hook.lastShowMs = result.ms;
    if (s.mode === 'year' && s.year !== null) hook.shownByYear[s.year] = { nodes: [...visible.nodes].sort(), edges: [...visible.edges].sort() };
    compare.apply(s);
    const sel: TimeSelection = timeSelection(s, fallback);
    capacity.apply(sel);
    analytics.apply(sel, s.filters.datedOnly, whenShown(s, span.min));
    const when = s.mode === 'year' ? `in ${whenShown(s, span.min)}` : whenShown(s, span.min);
    const statsEl = byId('stats');
    statsEl.textContent = `${countOf(visible.nodes.size, 'actor')} · ${countOf(visible.edges.size, 'relationship')} ${when}${s.filters.datedOnly ? ' · dated only' : ''}${s.focus ? ` · ego network of ${nameOf(s.focus.id)}` : ''}${ws ? ` · workspace of ${countOf(ws.size, 'actor')}` : ''}`;
    statsEl.title = statsEl.textContent;
    graphEl.dataset['year'] = String(s.year ?? '');
    graphEl.dataset['nodes'] = String(visible.nodes.size);
    graphEl.dataset['edges'] = String(visible.edges.size);
  };

  let pathSeq = 0;
  const runPath = async (s: ViewState) => {
    const seq = ++pathSeq;
    const p = s.path;
    if (!p) {
      pathResult = null;
      graph.clearPath();
      pathFinder.render(s);
      return;
    }
    pathFinder.showMessage('Searching…');
    const query: PathQuery = { from: p.from, to: p.to, mode: p.mode, k: p.k, maxHops: p.maxHops, timeRespecting: p.timeRespecting, limit: 25 };
    if (p.timeRespecting && p.maxGap !== null) query.maxGap = p.maxGap;
    if (p.includeNonConnecting) query.includeNonConnecting = true;
    if (p.types.length || p.stages.length) query.types = [...p.types, ...p.stages];
    if (p.minConfidence) query.minConfidence = p.minConfidence;
    if (p.exclude.length) query.excludeActors = p.exclude;
    if (s.filters.datedOnly) query.datedOnly = true;
    if (p.useTime) {
      const t = timeSelection(s, span.max);
      if (t.kind === 'year') query.at = t.year;
      else if (t.kind === 'window') query.window = { from: t.from, to: t.to };
    }
    try {
      const result = await api.paths(query);
      if (seq !== pathSeq) return;
      pathResult = result;
      hook.pathsLoaded++;
      if (result.paths.length === 0) {
        graph.clearPath();
        pathFinder.showResult(result, 0);
      } else showPath(0);
    } catch (err) {
      if (seq !== pathSeq) return;
      graph.clearPath();
      pathFinder.showMessage(err instanceof ApiError ? err.userMessage : 'Path search failed.', true);
    }
  };

  const render = (s: ViewState, prev: ViewState | null) => {
    timebar.render(s);
    filters.render(s);
    pathFinder.render(s);
    workspacePanel.render(s);
    const timeChanged = !prev || prev.mode !== s.mode || prev.year !== s.year || prev.from !== s.from || prev.to !== s.to;
    const viewChanged = timeChanged || !prev || prev.filters !== s.filters || JSON.stringify(prev.focus) !== JSON.stringify(s.focus) || prev.ws !== s.ws;
    if (viewChanged) {
      applyView(s, prev !== null);
      // the picture changed (not only the year): lay out what is visible again, keeping pinned actors
      if (prev && (prev.ws !== s.ws || prev.filters !== s.filters || JSON.stringify(prev.focus) !== JSON.stringify(s.focus)) && !pathResult) void arranger.relayout();
      if (pathResult) showPath(activePath); // keep the path on top of the new view
    }
    if (!prev || prev.selected !== s.selected) {
      graph.select(s.selected ? { kind: s.selected.startsWith('a:') ? 'actor' : 'relationship', id: s.selected.slice(2) } : null);
      // a relationship picked elsewhere (details, path list): frame its two actors, not the dense centre
      if (prev && s.selected?.startsWith('r:') && !selectedOnGraph) graph.frameRelationship(s.selected.slice(2));
      void details.show(s.selected);
      analytics.selectActor(s.selected?.startsWith('a:') ? s.selected.slice(2) : null);
    }
    const pathChanged = !prev || JSON.stringify(prev.path) !== JSON.stringify(s.path);
    const datedChanged = !!prev && prev.filters.datedOnly !== s.filters.datedOnly;
    if (pathChanged || (timeChanged && s.path?.useTime) || (datedChanged && s.path)) void runPath(s);
    stories.render(s);
    storyController.render(s);
    byId('btn-timeline').setAttribute('aria-pressed', String(s.timeline));
    byId('btn-table').setAttribute('aria-pressed', String(s.table));
    byId('main-centre').classList.toggle('with-timeline', s.timeline || s.table || s.map);
    byId('main-centre').classList.toggle('with-map', s.map);
    timelineView.render(s);
    tableView.render(s, currentVisible);
    mapView.render(s, currentVisible);
    if (!prev || prev.timeline !== s.timeline || prev.table !== s.table || prev.map !== s.map) graph.resize();
  };
  store.subscribe((s, prev) => render(s, prev));
  // an expansion's neighbours arrived: redraw the view with them
  const refreshView = () => {
    const s = store.get();
    applyView(s, true);
    if (pathResult) showPath(activePath);
    else if (s.ws) void arranger.relayout();
    tableView.render(s, currentVisible);
    workspacePanel.render(s);
  };
  graph.resize(); // the panels around the graph are built now: its container has its final size
  render(store.get(), null);
  performance.mark('nexus:rendered');
  graph.fit(false);
  // a link to part of the network (a workspace, a focus, filters): lay that part out for itself
  const opening = store.get();
  if (opening.ws || opening.focus || JSON.stringify(opening.filters) !== JSON.stringify(EMPTY_FILTERS)) void arranger.relayout();
  // a shared link: frame the active story, or centre on the selected actor or relationship
  const first = store.get();
  if (storyController.open()) storyController.resume();
  else if (first.selected?.startsWith('r:')) graph.frameRelationship(first.selected.slice(2), false);
  else if (first.selected) graph.centreOn(first.selected.slice(2), 1, false);
  syncUrl(store);

  // header tools
  const exports = new ExportController({ api, store, graph, model, vocab, legend, nameOf, earliest: span.min, onError: (m) => status.toast(m, 6000) });
  wireHeaderTools({ graph, store, status, exports, relayout: () => void arranger.relayout() });
  const recording = new RecordingController({ graph, store, range: () => ({ min: timebar.min, max: timebar.max }), fileName: () => exports.fileName(), onError: (m) => status.toast(m, 6000) });
  installKeyboard({
    timebar,
    graph,
    store,
    searchInput: search.input,
    actorsShown: () => [...graph.shown().nodes].sort((a, b) => nameOf(a).localeCompare(nameOf(b))),
    relayout: () => void arranger.relayout(),
    workspace: { expand: () => workspacePanel.expandSelected(), hide: (id) => workspace.hide(id), undo: () => workspace.undo(), redo: () => workspace.redo() },
    story: { open: () => storyController.open(), step: (delta) => storyController.step(delta) },
  });
  window.addEventListener('resize', () => {
    graph.resize();
    timelineView.resize();
    mapView.resize();
  });
  if (typeof ResizeObserver !== 'undefined') {
    new ResizeObserver(() => graph.resize()).observe(graphEl);
    new ResizeObserver(() => timelineView.resize()).observe(byId('timeline-mount'));
  }
  performance.mark('nexus:ready');
  hook.ready = true;
  graphEl.dataset['state'] = 'ready';
}
