/**
 * The notice bar over the graph: what a shared link asked for that the data does not have (each
 * dropped value named), until the reader closes it.
 */
import { clear, h } from './dom.js';

export class NoticeBar {
  constructor(private readonly root: HTMLElement) {}

  show(title: string, lines: readonly string[]): void {
    clear(this.root);
    if (lines.length === 0) {
      this.root.hidden = true;
      return;
    }
    const close = h('button', { type: 'button', id: 'btn-notices-close', 'aria-label': 'Close the notice' }, '×');
    close.addEventListener('click', () => this.show(title, []));
    this.root.append(h('div', { class: 'notices-head' }, h('strong', {}, title), close), h('ul', {}, lines.map((l) => h('li', {}, l))));
    this.root.hidden = false;
  }
}
