/**
 * Global keyboard shortcuts: Space play/pause, ←/→ step a year (or a story's steps), / search, F fit, +/− zoom,
 * T timeline, L table, M map, O re-layout, E/H expand/hide the selected actor in the workspace, U/R undo/redo, Esc clear selection and path, ? help; on the focused graph ↓/↑ select the next or
 * previous actor shown (name order). Keys typed into fields are left alone.
 */
import type { GraphView } from '../graph/view.js';
import type { Store } from '../state/store.js';
import { byId } from './dom.js';
import type { Timebar } from './timebar.js';

export interface KeyboardDeps {
  timebar: Timebar;
  graph: GraphView;
  store: Store;
  searchInput: HTMLInputElement;
  /** The actors drawn now, in name order (for stepping through the graph by keyboard). */
  actorsShown: () => string[];
  relayout: () => void;
  /** Workspace steps: expand or hide the selected actor, undo, redo. */
  workspace: { expand: () => void; hide: (id: string) => void; undo: () => void; redo: () => void };
  /** While a story is open, ←/→ step through it instead of the years. */
  story: { open: () => boolean; step: (delta: number) => void };
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return target.type !== 'range' && target.type !== 'checkbox' && target.type !== 'button';
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
}

export function installKeyboard({ timebar, graph, store, searchInput, actorsShown, relayout, workspace, story }: KeyboardDeps): void {
  const help = byId('help');
  const graphEl = byId('graph');
  const helpBtn = byId('btn-help');
  const toggleHelp = (show = help.hidden) => {
    help.hidden = !show;
    helpBtn.setAttribute('aria-expanded', String(show));
    if (show) byId('btn-help-close').focus();
  };
  helpBtn.addEventListener('click', () => toggleHelp());
  help.addEventListener('click', (e) => {
    if (e.target === help) toggleHelp(false); // a click on the dimmed page around the card
  });
  byId('btn-help-close').addEventListener('click', () => {
    toggleHelp(false);
    helpBtn.focus();
  });

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape') {
      if (!help.hidden) toggleHelp(false);
      else if (!isTyping(e.target)) store.update({ selected: null, path: null });
      return;
    }
    if (isTyping(e.target)) return;
    const onSlider = e.target instanceof HTMLInputElement && e.target.type === 'range';
    const onButton = e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement || e.target instanceof HTMLElement && e.target.tagName === 'SUMMARY';
    switch (e.key) {
      case ' ':
        if (onButton) return;
        e.preventDefault();
        timebar.toggle();
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (story.open()) {
          e.preventDefault();
          story.step(e.key === 'ArrowRight' ? 1 : -1);
          break;
        }
        if (onSlider) return; // the slider moves itself
        e.preventDefault();
        timebar.step(e.key === 'ArrowRight' ? 1 : -1);
        break;
      case 'ArrowDown':
      case 'ArrowUp': {
        if (e.target !== graphEl) return;
        e.preventDefault();
        const actors = actorsShown();
        if (actors.length === 0) return;
        const sel = store.get().selected;
        const at = sel?.startsWith('a:') ? actors.indexOf(sel.slice(2)) : -1;
        const next = at === -1 ? (e.key === 'ArrowDown' ? 0 : actors.length - 1) : (at + (e.key === 'ArrowDown' ? 1 : actors.length - 1)) % actors.length;
        const id = actors[next] as string;
        store.update({ selected: `a:${id}` });
        graph.centreOn(id, 1);
        break;
      }
      case '/':
        e.preventDefault();
        searchInput.focus();
        break;
      case 'f':
      case 'F':
        graph.fit();
        break;
      case 't':
      case 'T':
        store.update({ timeline: !store.get().timeline, table: false, map: false });
        break;
      case 'l':
      case 'L':
        store.update({ table: !store.get().table, timeline: false, map: false });
        break;
      case 'm':
      case 'M':
        store.update({ map: !store.get().map, timeline: false, table: false });
        break;
      case '+':
      case '=':
        graph.zoomBy(1.25);
        break;
      case '-':
      case '_':
        graph.zoomBy(0.8);
        break;
      case '?':
        toggleHelp();
        break;
      case 'o':
      case 'O':
        relayout();
        break;
      case 'e':
      case 'E':
        workspace.expand();
        break;
      case 'h':
      case 'H': {
        const sel = store.get().selected;
        if (sel?.startsWith('a:') && store.get().ws) workspace.hide(sel.slice(2));
        break;
      }
      case 'u':
      case 'U':
        if (store.get().ws) workspace.undo();
        break;
      case 'r':
      case 'R':
        workspace.redo();
        break;
      default:
    }
  });
}
