/**
 * Actor search with autocomplete (an ARIA combobox): debounced API search, arrow keys to move,
 * Enter to pick, Escape to close. Used by the search box, the path finder and the exclusions.
 */
import type { ActorCore } from '../api/types.js';
import { ApiError } from '../api/client.js';
import { clear, h } from './dom.js';

export interface AutocompleteOptions {
  id: string;
  label: string;
  placeholder?: string;
  search: (text: string) => Promise<ActorCore[]>;
  onPick: (actor: ActorCore) => void;
  /** Keep the picked name in the box (path endpoints) or clear it (search, exclusions). */
  keepValue?: boolean;
}

let counter = 0;

export class Autocomplete {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private results: ActorCore[] = [];
  private active = -1;
  /** False until the user moves through the list: the first suggestion is then only a default for Enter. */
  private navigated = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;
  /** The picked actor's id (when keepValue). */
  value: string | null = null;

  constructor(private readonly options: AutocompleteOptions) {
    const listId = `ac-list-${++counter}`;
    this.input = h('input', {
      id: options.id,
      type: 'search',
      role: 'combobox',
      autocomplete: 'off',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      placeholder: options.placeholder ?? 'Type a name…',
    });
    this.list = h('ul', { id: listId, role: 'listbox', hidden: true, 'aria-label': `${options.label} suggestions` });
    this.root = h('div', { class: 'field' }, h('label', { for: options.id }, options.label), h('div', { class: 'ac' }, this.input, this.list));
    this.input.addEventListener('input', () => {
      this.value = null;
      this.schedule();
    });
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  /** Sets the box to an actor without searching. */
  set(actor: { id: string; name: string } | null): void {
    this.value = actor?.id ?? null;
    this.input.value = actor?.name ?? '';
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    const text = this.input.value.trim();
    if (text.length === 0) {
      this.close();
      return;
    }
    this.timer = setTimeout(() => void this.run(text), 160);
  }

  private async run(text: string): Promise<void> {
    const seq = ++this.seq;
    try {
      const results = await this.options.search(text);
      if (seq !== this.seq) return;
      this.results = results;
      this.active = results.length > 0 ? 0 : -1;
      this.navigated = false;
      this.render();
    } catch (err) {
      if (seq !== this.seq) return;
      this.results = [];
      this.render(err instanceof ApiError ? err.userMessage : 'Search failed.');
    }
  }

  private render(message?: string): void {
    clear(this.list);
    if (message || this.results.length === 0) {
      this.list.append(h('li', { class: 'muted', 'aria-disabled': 'true' }, message ?? 'No actor matches.'));
    }
    this.results.forEach((actor, i) => {
      const li = h(
        'li',
        { id: `${this.list.id}-${i}`, role: 'option', 'aria-selected': i === this.active ? 'true' : 'false', 'data-id': actor.id },
        h('span', {}, actor.name),
        h('span', { class: 'kind' }, actor.kindLabel),
      );
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        this.pick(i);
      });
      this.list.append(li);
    });
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (this.results.length === 0) return;
      e.preventDefault();
      const delta = e.key === 'ArrowDown' ? 1 : -1;
      // the first ↓ lands on the first suggestion (highlighted only as Enter's default until then)
      if (!this.navigated && delta === 1) this.active = 0;
      else this.active = (this.active + delta + this.results.length) % this.results.length;
      this.navigated = true;
      this.render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.active >= 0 && !this.list.hidden) this.pick(this.active);
      else if (this.input.value.trim()) void this.run(this.input.value.trim()).then(() => this.results.length === 1 && this.pick(0));
    } else if (e.key === 'Escape') {
      this.close();
    }
  }

  private pick(i: number): void {
    const actor = this.results[i];
    if (!actor) return;
    this.close();
    if (this.options.keepValue) this.set(actor);
    else this.input.value = '';
    this.options.onPick(actor);
  }

  close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
