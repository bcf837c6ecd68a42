/**
 * The notice bar over the graph: what a shared link asked for that the data does not have (each
 * dropped value named), and what the opening view leaves out of a big dataset — until the reader
 * closes it.
 */
import { clear, h } from './dom.js';

export class NoticeBar {
  constructor(private readonly root: HTMLElement) {}

  /** Replaces what the bar says (nothing: the bar hides). */
  show(title: string, lines: readonly string[]): void {
    clear(this.root);
    this.root.hidden = true;
    this.add(title, lines);
  }

  /** Adds a notice below the ones shown (nothing to say: no change). */
  add(title: string, lines: readonly string[]): void {
    if (lines.length === 0) return;
    if (this.root.hidden || !this.root.firstChild) {
      clear(this.root);
      const close = h('button', { type: 'button', id: 'btn-notices-close', 'aria-label': 'Close the notice' }, '×');
      close.addEventListener('click', () => this.show('', []));
      this.root.append(close);
    }
    this.root.append(h('div', { class: 'notices-head' }, h('strong', {}, title)), h('ul', {}, lines.map((l) => h('li', {}, l))));
    this.root.hidden = false;
  }
}
