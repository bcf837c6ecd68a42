/**
 * The app state store: the view state (the part that lives in the URL) behind a tiny
 * subscribe/update API, with URL sync (replaceState, so the address bar is always a shareable link).
 */
import { decodeViewState, encodeViewState, type ViewState } from '../model/url.js';

export type Listener = (state: ViewState, previous: ViewState) => void;

export class Store {
  private state: ViewState;
  private readonly listeners = new Set<Listener>();

  /** `normalise` runs on every new state (e.g. to end a story the view has left). */
  constructor(initial: ViewState, private readonly normalise: (s: ViewState) => ViewState = (s) => s) {
    this.state = normalise(initial);
  }

  get(): ViewState {
    return this.state;
  }

  /** Applies a change; listeners run synchronously with the new and previous states. */
  update(change: Partial<ViewState> | ((s: ViewState) => Partial<ViewState>)): void {
    const previous = this.state;
    const patch = typeof change === 'function' ? change(previous) : change;
    this.state = this.normalise({ ...previous, ...patch });
    for (const l of this.listeners) l(this.state, previous);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Reads the initial state from the address bar. */
export function stateFromLocation(loc: Pick<Location, 'search'> = window.location): ViewState {
  return decodeViewState(loc.search);
}

/** Keeps the address bar in step with the store (debounced so playing does not flood history). */
export function syncUrl(store: Store, delayMs = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const qs = encodeViewState(store.get());
    const url = `${window.location.pathname}${qs ? `?${qs}` : ''}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(null, '', url);
  };
  write();
  return store.subscribe(() => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
}

/** The current shareable link. */
export function shareLink(store: Store): string {
  const qs = encodeViewState(store.get());
  return `${window.location.origin}${window.location.pathname}${qs ? `?${qs}` : ''}`;
}
