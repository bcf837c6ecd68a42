/**
 * The Stories menu (header) and the story bar (over the graph): the menu lists the stories and
 * lets an editor copy the current view as a new step; the bar shows the open story's step — its
 * counter ("2 / 6"), caption and verbatim quotes with their documents — with back, forward and end.
 */
import { stepAt, stepCounter, STORIES, storyById, stepNumber, type Story } from '../model/stories.js';
import type { ViewState } from '../model/url.js';
import { clear, h } from './dom.js';

export interface StoriesDeps {
  /** Opens a story at its first step. */
  onChoose: (story: Story) => void;
  /** Steps forwards (+1) or back (−1). */
  onStep: (delta: number) => void;
  /** Ends the open story (keeps the view). */
  onEnd: () => void;
  /** Copies the current view as a step JSON with this caption. */
  onSaveStep: (caption: string) => void;
  /** A source id's document: its label after a quote, its title on hover. */
  source: (id: string) => { label: string; title: string };
}

export class StoriesMenu {
  private readonly button: HTMLButtonElement;
  private readonly menu: HTMLElement;
  private readonly bar: HTMLElement;
  private shown = '';

  constructor(mount: HTMLElement, barRoot: HTMLElement, private readonly deps: StoriesDeps) {
    this.button = h('button', { type: 'button', id: 'btn-stories', 'aria-expanded': 'false', 'aria-controls': 'stories-menu', title: 'Guided stories for teaching' }, 'Stories ▾');
    const caption = h('input', { type: 'text', id: 'story-new-caption', placeholder: 'Caption of the new step', 'aria-label': 'Caption of the new step' }) as HTMLInputElement;
    const save = h('button', { type: 'button', id: 'btn-story-save-step', title: 'Copy the current view (year or window, focus, selected relationship) as a story step JSON' }, 'Copy view as a step');
    save.addEventListener('click', () => deps.onSaveStep(caption.value));
    this.menu = h(
      'div',
      { id: 'stories-menu', class: 'stories-menu', hidden: true, role: 'group', 'aria-label': 'Stories' },
      ...STORIES.map((story) => {
        const b = h('button', { type: 'button', 'data-story': story.id }, h('span', { class: 'story-title' }, story.title), h('span', { class: 'story-caption' }, `${story.steps.length} steps · ${story.summary}`));
        b.addEventListener('click', () => {
          this.close();
          this.button.focus();
          deps.onChoose(story);
        });
        return b;
      }),
      h('div', { class: 'story-editor' }, h('span', { class: 'story-caption' }, 'Editors: save the current view as a new step'), caption, save),
    );
    this.button.addEventListener('click', () => (this.menu.hidden ? this.open() : this.close()));
    this.menu.addEventListener('keydown', (e) => {
      const items = [...this.menu.querySelectorAll('button')];
      const i = items.indexOf(document.activeElement as HTMLButtonElement);
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close();
        this.button.focus();
      } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && e.target !== caption) {
        e.preventDefault();
        e.stopPropagation();
        const next = items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
        next?.focus();
      }
    });
    document.addEventListener('click', (e) => {
      if (!this.menu.hidden && e.target instanceof Node && !this.menu.contains(e.target) && !this.button.contains(e.target)) this.close();
    });
    mount.append(h('div', { class: 'stories-wrap' }, this.button, this.menu));
    this.bar = barRoot;
  }

  open(): void {
    this.menu.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.menu.querySelector('button')?.focus();
  }

  close(): void {
    this.menu.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
  }

  /** Shows the open story's step in the bar (or hides the bar). */
  render(state: ViewState): void {
    const story = storyById(state.story);
    for (const b of this.menu.querySelectorAll<HTMLButtonElement>('button[data-story]')) b.setAttribute('aria-current', String(b.dataset['story'] === story?.id));
    const n = story ? stepNumber(story, state) : 0;
    const key = story ? `${story.id}#${n}` : '';
    if (key === this.shown) return;
    this.shown = key;
    clear(this.bar);
    this.bar.hidden = story === null;
    if (!story) return;
    const step = stepAt(story, n);
    const button = (id: string, label: string, text: string, disabled: boolean, onClick: () => void) => {
      const b = h('button', { type: 'button', id, 'aria-label': label }, text) as HTMLButtonElement;
      b.disabled = disabled;
      b.addEventListener('click', onClick);
      return b;
    };
    const quotes = h(
      'ul',
      { id: 'story-quotes', class: 'story-quotes' },
      ...step.citations.map((c) => {
        const doc = this.deps.source(c.source);
        return h('li', { 'data-source': c.source }, h('q', {}, c.quote), h('span', { class: 'story-source', title: doc.title }, ` — ${doc.label}`));
      }),
    );
    this.bar.append(
      h(
        'div',
        { class: 'story-text' },
        h('strong', { id: 'story-title' }, story.title),
        h('span', { id: 'story-step-caption', class: 'story-step', 'aria-live': 'polite' }, step.caption),
        quotes,
      ),
      h(
        'div',
        { class: 'story-actions' },
        button('btn-story-prev', 'Previous step (←)', '←', n <= 1, () => this.deps.onStep(-1)),
        h('span', { id: 'story-counter', class: 'story-counter' }, stepCounter(story, n)),
        button('btn-story-next', 'Next step (→)', '→', n >= story.steps.length, () => this.deps.onStep(1)),
        button('btn-story-end', `End the story “${story.title}”`, 'End story', false, () => this.deps.onEnd()),
      ),
    );
  }
}
