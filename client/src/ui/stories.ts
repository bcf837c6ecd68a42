/**
 * The Stories menu (header) and the story caption (over the graph): choosing a story sets its view
 * through the store (so the URL holds it), and the caption stays while the story's view does.
 */
import type { ViewState } from '../model/url.js';
import { STORIES, storyById, type Story } from '../model/stories.js';
import { clear, h } from './dom.js';

export interface StoriesDeps {
  /** Starts a story (sets its view and runs its sequence). */
  onChoose: (story: Story) => void;
  /** Ends the active story (keeps the view, drops the caption). */
  onEnd: () => void;
}

export class StoriesMenu {
  private readonly button: HTMLButtonElement;
  private readonly menu: HTMLElement;
  private readonly caption: HTMLElement;
  private shown: string | null = null;

  constructor(mount: HTMLElement, captionRoot: HTMLElement, private readonly deps: StoriesDeps) {
    this.button = h('button', { type: 'button', id: 'btn-stories', 'aria-expanded': 'false', 'aria-controls': 'stories-menu', title: 'Guided stories for teaching' }, 'Stories ▾');
    this.menu = h(
      'div',
      { id: 'stories-menu', class: 'stories-menu', hidden: true, role: 'group', 'aria-label': 'Stories' },
      STORIES.map((story) => {
        const b = h('button', { type: 'button', 'data-story': story.id }, h('span', { class: 'story-title' }, story.title), h('span', { class: 'story-caption' }, story.caption));
        b.addEventListener('click', () => {
          this.close();
          this.button.focus();
          deps.onChoose(story);
        });
        return b;
      }),
    );
    this.button.addEventListener('click', () => (this.menu.hidden ? this.open() : this.close()));
    this.menu.addEventListener('keydown', (e) => {
      const items = [...this.menu.querySelectorAll('button')];
      const i = items.indexOf(document.activeElement as HTMLButtonElement);
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close();
        this.button.focus();
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
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
    this.caption = captionRoot;
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

  /** The caption of one step: what changes in it (built by the app from the data). */
  setStep(text: string | null): void {
    const el = this.caption.querySelector('#story-step');
    if (el) el.textContent = text ?? '';
  }

  /** Shows the caption of the active story (or hides it). */
  render(state: ViewState): void {
    const story = storyById(state.story);
    for (const b of this.menu.querySelectorAll<HTMLButtonElement>('button[data-story]')) b.setAttribute('aria-current', String(b.dataset['story'] === story?.id));
    if ((story?.id ?? null) === this.shown) return;
    this.shown = story?.id ?? null;
    clear(this.caption);
    this.caption.hidden = story === null;
    if (!story) return;
    const end = h('button', { type: 'button', id: 'btn-story-end', 'aria-label': `End the story “${story.title}”` }, 'End story');
    end.addEventListener('click', () => this.deps.onEnd());
    const again = story.sequence ? h('button', { type: 'button', id: 'btn-story-replay' }, '↻ Replay') : null;
    again?.addEventListener('click', () => this.deps.onChoose(story));
    this.caption.append(
      h('div', { class: 'story-text' }, h('strong', {}, story.title), h('span', { id: 'story-caption-text' }, story.caption), h('span', { id: 'story-step', class: 'story-step', 'aria-live': 'polite' })),
      h('div', { class: 'story-actions' }, again, end),
    );
  }
}
