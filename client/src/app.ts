/**
 * The app: fetches the vocabulary, the timeline and the union network, lays the graph out once,
 * wires the panels to the store, and turns each state change into graph intents (show a year,
 * compare, highlight a path, select) — no layout ever runs again after the first.
 */
import { UNION_LIMIT, type NexusApi } from './api/queries.js';
import { ApiError } from './api/client.js';
import type { PathQuery, PathResult, StateCapacityTable } from './api/types.js';
import { GraphView } from './graph/view.js';
import { CAPACITY_COLOURS } from './model/colours.js';
import { changeClasses, diffYears, fromApiDiff } from './model/diff.js';
import { buildGraphModel, type GraphModel } from './model/elements.js';
import { capacityByRegion, exportSubgraph } from './model/export.js';
import { buildLegend } from './model/legend.js';
import { countOf } from './model/text.js';
import { encodeViewState, type ViewState } from './model/url.js';
import { endStoryIfLeft, storyById, storyYears, type Story } from './model/stories.js';
import { countriesOf, visibleSubgraph, yearSpan, type TimeSelection, type Visible } from './model/visibility.js';
import { shareLink, stateFromLocation, Store, syncUrl } from './state/store.js';
import { Autocomplete } from './ui/autocomplete.js';
import { DetailsPanel } from './ui/details.js';
import { byId, clear, downloadDataUrl, downloadText, h } from './ui/dom.js';
import { FilterPanel } from './ui/filters.js';
import { renderCapacity, renderLegend } from './ui/legend.js';
import { PathFinder } from './ui/pathfinder.js';
import type { StatusOverlay } from './ui/status.js';
import { Timebar } from './ui/timebar.js';
import { installKeyboard } from './ui/keyboard.js';
import { StoriesMenu } from './ui/stories.js';

/** What the end-to-end tests read (window.__nexus). */
export interface DebugHook {
  ready: boolean;
  state(): ViewState;
  shown(): { nodes: string[]; edges: string[] };
  rendered(): { nodes: number; edges: number };
  pathIds(): { nodes: string[]; edges: string[] };
  /** Where an actor is drawn and the graph's size (for "a shared selection is centred"). */
  placement(id: string): { x: number; y: number; width: number; height: number } | null;
  /** Whether these actors' drawn labels lie inside the graph's viewport. */
  labelsInside(ids: string[]): boolean;
  /** Actors whose labels are drawn. */
  labelled(): string[];
  playing(): boolean;
  lastShowMs: number;
  layoutMs: number;
  pathsLoaded: number;
}

declare global {
  interface Window {
    __nexus?: DebugHook;
  }
}

export function timeSelection(s: ViewState, fallbackYear: number): TimeSelection {
  const year = s.year ?? fallbackYear;
  if (s.mode === 'all') return { kind: 'all' };
  if (s.mode === 'window') return { kind: 'window', from: Math.min(s.from ?? year, year), to: Math.max(s.from ?? year, year) };
  return { kind: 'year', year };
}

export async function startApp(api: NexusApi, status: StatusOverlay): Promise<void> {
  const [vocab, timeline, union] = await Promise.all([api.vocabulary(), api.timeline(), api.network({ limit: UNION_LIMIT })]);
  const model: GraphModel = buildGraphModel(union, vocab.relationshipTypes);
  const span = (() => {
    if (timeline.minYear !== null && timeline.maxYear !== null) return { min: timeline.minYear, max: timeline.maxYear };
    return yearSpan(model) ?? { min: new Date().getFullYear(), max: new Date().getFullYear() };
  })();
  const names = new Map(model.nodes.map((n) => [n.data.id, n.data.label]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const stageOrder = new Map(vocab.relationshipTypes.filter((t) => t.isStage).map((t) => [t.type as string, t.stageOrder ?? 0]));
  const typeLabel = new Map(vocab.relationshipTypes.map((t) => [t.type as string, t.label]));
  const capLabel = new Map(vocab.capacityTypes.map((c) => [c.capacity as string, c.label]));

  const initial = stateFromLocation();
  if (initial.year === null || initial.year < span.min || initial.year > span.max) initial.year = span.max;
  const store = new Store(initial, endStoryIfLeft);
  let selectedOnGraph = false;

  for (const id of ['search-panel', 'path-panel', 'filter-panel', 'timebar', 'legend', 'capacity-panel', 'stories-mount', 'story-caption']) clear(byId(id));
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
  const { layoutMs } = graph.load(model);
  if (union.truncated) status.toast('The network is larger than the explorer loads; some relationships are missing.', 6000);

  const hook: DebugHook = {
    ready: false,
    state: () => store.get(),
    shown: () => {
      const v = graph.shown();
      return { nodes: [...v.nodes].sort(), edges: [...v.edges].sort() };
    },
    rendered: () => graph.renderedCounts(),
    pathIds: () => graph.pathIds(),
    placement: (id) => graph.renderedPlacement(id),
    labelsInside: (ids) => graph.labelsInside(ids),
    labelled: () => graph.labelledIds().sort(),
    playing: () => timebar.playing,
    lastShowMs: 0,
    layoutMs,
    pathsLoaded: 0,
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
      store.update({ selected: `a:${a.id}` });
      graph.focus(a.id);
    },
  });
  byId('search-panel').append(h('h2', {}, 'Search'), search.root);
  const timebar = new Timebar(byId('timebar'), store, span.min, span.max, timeline);
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
  const details = new DetailsPanel(byId('details'), {
    api,
    select,
    stageOrder: (s) => stageOrder.get(s) ?? 0,
    stageLabel: (s) => typeLabel.get(s) ?? s,
    span,
  });
  renderLegend(byId('legend'), buildLegend(vocab));

  // stories: a preset view (through the store, so the URL holds it) and a sequence of years
  let storyTimer: ReturnType<typeof setTimeout> | null = null;
  const stopStory = () => {
    if (storyTimer !== null) clearTimeout(storyTimer);
    storyTimer = null;
    timebar.pause();
  };
  /** The actors a story shows over all its years, to frame them once (nothing moves while it plays). */
  const storyFrame = (story: Story): string[] => {
    const ids = new Set<string>();
    const st = story.state;
    for (const year of storyYears(story)) for (const id of visibleSubgraph(model, { kind: 'year', year }, st.filters, st.focus).nodes) ids.add(id);
    return [...ids];
  };
  const startStory = (story: Story) => {
    stopStory();
    store.update({ ...story.state, path: null });
    const frame = storyFrame(story);
    if (frame.length > 0) graph.fitTo(frame);
    const seq = story.sequence;
    if (seq?.kind === 'play') timebar.play(seq.to);
    else if (seq?.kind === 'steps') {
      const years = [...seq.years];
      const next = () => {
        const year = years.shift();
        if (year === undefined || store.get().story !== story.id) {
          storyTimer = null;
          return;
        }
        store.update({ year });
        storyTimer = years.length > 0 ? setTimeout(next, 4000) : null;
      };
      storyTimer = setTimeout(next, 4000);
    }
  };
  const stories = new StoriesMenu(byId('stories-mount'), byId('story-caption'), {
    onChoose: startStory,
    onEnd: () => {
      stopStory();
      store.update({ story: null });
    },
  });

  // reactions
  let diffSeq = 0;
  const applyCompare = (s: ViewState) => {
    if (s.mode !== 'compare') {
      graph.setChangeClasses(null);
      return;
    }
    const from = s.from ?? span.min;
    const to = s.year ?? span.max;
    const seq = ++diffSeq;
    graph.setChangeClasses(changeClasses(diffYears(model, from, to, { datedOnly: s.filters.datedOnly })));
    if (s.filters.datedOnly) return; // the API's diff has no datedOnly: the local one is exact
    api
      .diff(from, to)
      .then((d) => {
        if (seq === diffSeq) graph.setChangeClasses(changeClasses(fromApiDiff(d, (st) => (st === null ? null : (stageOrder.get(st) ?? null)))));
      })
      .catch(() => undefined); // the local diff stays
  };

  const capacityCache = new Map<string, Promise<StateCapacityTable>>();
  let capSeq = 0;
  const applyCapacity = (sel: TimeSelection) => {
    const period = sel.kind === 'year' ? { from: sel.year, to: sel.year } : sel.kind === 'window' ? { from: sel.from, to: sel.to } : { from: span.min, to: span.max };
    const label = period.from === period.to ? String(period.from) : `${period.from}–${period.to}`;
    const key = `${period.from}-${period.to}`;
    const seq = ++capSeq;
    let pending = capacityCache.get(key);
    if (!pending) {
      pending = api.stateCapacity(period);
      capacityCache.set(key, pending);
      pending.catch(() => capacityCache.delete(key));
    }
    const root = byId('capacity-panel');
    pending
      .then((table) => {
        if (seq !== capSeq) return;
        graph.setCapacity(capacityByRegion(table.ratings, sel));
        renderCapacity(root, label, table.ratings, CAPACITY_COLOURS, (c) => capLabel.get(c) ?? c, (id) => select(`a:${id}`));
      })
      .catch((err: unknown) => {
        if (seq !== capSeq) return;
        renderCapacity(root, label, null, CAPACITY_COLOURS, (c) => c, () => undefined, err instanceof ApiError ? err.userMessage : 'Could not load capacity ratings.');
      });
  };

  const applyView = (s: ViewState, animate: boolean) => {
    let visible: Visible;
    const fallback = span.max;
    if (s.mode === 'compare') {
      const a = visibleSubgraph(model, { kind: 'year', year: s.from ?? span.min }, s.filters, s.focus);
      const b = visibleSubgraph(model, { kind: 'year', year: s.year ?? fallback }, s.filters, s.focus);
      visible = { nodes: new Set([...a.nodes, ...b.nodes]), edges: new Set([...a.edges, ...b.edges]) };
    } else {
      visible = visibleSubgraph(model, timeSelection(s, fallback), s.filters, s.focus);
    }
    const result = graph.show(visible, { animate });
    hook.lastShowMs = result.ms;
    applyCompare(s);
    const sel = timeSelection(s, fallback);
    applyCapacity(sel);
    const when = s.mode === 'all' ? 'all years' : s.mode === 'window' ? `${(sel as { from: number }).from}–${(sel as { to: number }).to}` : s.mode === 'compare' ? `${s.from ?? span.min} → ${s.year}` : `in ${s.year}`;
    const statsEl = byId('stats');
    statsEl.textContent = `${countOf(visible.nodes.size, 'actor')} · ${countOf(visible.edges.size, 'relationship')} ${when}${s.filters.datedOnly ? ' · dated only' : ''}${s.focus ? ` · ego network of ${nameOf(s.focus.id)}` : ''}`;
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
    const timeChanged = !prev || prev.mode !== s.mode || prev.year !== s.year || prev.from !== s.from || prev.to !== s.to;
    const viewChanged = timeChanged || !prev || prev.filters !== s.filters || JSON.stringify(prev.focus) !== JSON.stringify(s.focus);
    if (viewChanged) {
      applyView(s, prev !== null);
      if (pathResult) showPath(activePath); // keep the path on top of the new view
    }
    if (!prev || prev.selected !== s.selected) {
      graph.select(s.selected ? { kind: s.selected.startsWith('a:') ? 'actor' : 'relationship', id: s.selected.slice(2) } : null);
      // a relationship picked elsewhere (details, path list): frame its two actors, not the dense centre
      if (prev && s.selected?.startsWith('r:') && !selectedOnGraph) graph.frameRelationship(s.selected.slice(2));
      void details.show(s.selected);
    }
    const pathChanged = !prev || JSON.stringify(prev.path) !== JSON.stringify(s.path);
    const datedChanged = !!prev && prev.filters.datedOnly !== s.filters.datedOnly;
    if (pathChanged || (timeChanged && s.path?.useTime) || (datedChanged && s.path)) void runPath(s);
    stories.render(s);
  };
  store.subscribe((s, prev) => render(s, prev));
  graph.resize(); // the panels around the graph are built now: its container has its final size
  render(store.get(), null);
  graph.fit(false);
  // a shared link: frame the active story, or centre on the selected actor or relationship
  const first = store.get();
  const openingStory = storyById(first.story);
  if (openingStory) graph.fitTo(storyFrame(openingStory));
  else if (first.selected?.startsWith('r:')) graph.frameRelationship(first.selected.slice(2), false);
  else if (first.selected) graph.centreOn(first.selected.slice(2), 1, false);
  syncUrl(store);

  // header tools
  const viewName = () => {
    const s = store.get();
    return s.mode === 'all' ? 'all-years' : s.mode === 'year' ? String(s.year) : `${s.from}-${s.year}`;
  };
  byId('btn-fit').addEventListener('click', () => graph.fit());
  byId('btn-zoom-in').addEventListener('click', () => graph.zoomBy(1.25));
  byId('btn-zoom-out').addEventListener('click', () => graph.zoomBy(0.8));
  byId('btn-png').addEventListener('click', () => downloadDataUrl(graph.exportPng(), `nexus-${viewName()}.png`));
  byId('btn-json').addEventListener('click', () =>
    downloadText(JSON.stringify(exportSubgraph(model, graph.shown(), encodeViewState(store.get())), null, 2), `nexus-${viewName()}.json`),
  );
  byId('btn-link').addEventListener('click', () => {
    const link = shareLink(store);
    if (!navigator.clipboard) {
      status.toast(link, 8000);
      return;
    }
    navigator.clipboard.writeText(link).then(
      () => status.toast('Link copied'),
      () => status.toast(link, 8000),
    );
  });
  // the export and share tools work only once the data is loaded (they start disabled in the page)
  for (const id of ['btn-png', 'btn-json', 'btn-link']) byId<HTMLButtonElement>(id).disabled = false;
  installKeyboard({ timebar, graph, store, searchInput: search.input });
  window.addEventListener('resize', () => graph.resize());
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => graph.resize()).observe(graphEl);
  hook.ready = true;
  graphEl.dataset['state'] = 'ready';
}
