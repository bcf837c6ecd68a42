/**
 * Global keyboard shortcuts: Space play/pause, ←/→ step a year, / search, F fit, +/− zoom,
 * Esc clear selection and path, ? help. Keys typed into fields are left alone.
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
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return target.type !== 'range' && target.type !== 'checkbox' && target.type !== 'button';
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
}

export function installKeyboard({ timebar, graph, store, searchInput }: KeyboardDeps): void {
  const help = byId('help');
  const helpBtn = byId('btn-help');
  const toggleHelp = (show = help.hidden) => {
    help.hidden = !show;
    helpBtn.setAttribute('aria-expanded', String(show));
    if (show) byId('btn-help-close').focus();
  };
  helpBtn.addEventListener('click', () => toggleHelp());
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
        if (onSlider) return; // the slider moves itself
        e.preventDefault();
        timebar.step(e.key === 'ArrowRight' ? 1 : -1);
        break;
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
        store.update({ timeline: !store.get().timeline });
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
      default:
    }
  });
}
