/**
 * Compare mode's list of changes: what was added, what ended and which pairs changed stage between
 * the two years, as the API's diff says, each with its years and a quote. Clicking a row selects
 * its relationship on the graph.
 */
import type { ContinuumStage, Diff } from '../api/types.js';
import { changeRows, type ChangeKind } from '../model/changes.js';
import { countOf } from '../model/text.js';
import { clear, h } from './dom.js';

const HEADINGS: Record<ChangeKind, string> = { changed: 'Changed stage', added: 'Added', ended: 'Ended' };

export class ChangesPanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly deps: { stageLabel: (s: ContinuumStage) => string; select: (sel: string) => void },
  ) {
    root.hidden = true;
  }

  hide(): void {
    this.root.hidden = true;
    clear(this.root);
  }

  loading(from: number, to: number): void {
    this.root.hidden = false;
    clear(this.root);
    this.root.append(h('h2', {}, `Changes ${from} → ${to}`), h('p', { class: 'muted' }, 'Loading…'));
  }

  error(message: string): void {
    clear(this.root);
    this.root.append(h('h2', {}, 'Changes'), h('p', { class: 'error' }, message));
  }

  show(diff: Diff): void {
    this.root.hidden = false;
    clear(this.root);
    const rows = changeRows(diff, this.deps.stageLabel);
    const summary = `${countOf(diff.changedStage.length, 'pair')} changed stage, ${countOf(diff.added.length, 'relationship')} added, ${diff.ended.length} ended`;
    this.root.append(h('h2', {}, `Changes ${diff.fromYear} → ${diff.toYear}`), h('p', { class: 'small muted', id: 'changes-summary' }, summary));
    if (diff.truncated) this.root.append(h('p', { class: 'small error' }, 'More relationships changed than the list holds; narrow the filters.'));
    for (const kind of ['changed', 'added', 'ended'] as const) {
      const own = rows.filter((r) => r.kind === kind);
      if (own.length === 0) continue;
      this.root.append(
        h('h4', {}, `${HEADINGS[kind]} (${own.length})`),
        h(
          'ol',
          { class: `changes-list ${kind}`, 'data-kind': kind },
          own.map((r) => {
            const btn = h('button', { type: 'button', class: 'linklike', 'data-rels': r.relationshipIds.join(' ') }, r.text);
            btn.addEventListener('click', () => {
              const first = r.relationshipIds[0];
              if (first) this.deps.select(`r:${first}`);
            });
            return h(
              'li',
              { class: 'change', 'data-rels': r.relationshipIds.join(' ') },
              btn,
              h('span', { class: 'muted small' }, ` ${r.years}`),
              r.quote ? h('blockquote', { class: 'quote small' }, `“${r.quote}”`, r.document ? h('span', { class: 'muted' }, ` — ${r.document}`) : null) : null,
            );
          }),
        ),
      );
    }
    if (rows.length === 0) this.root.append(h('p', { class: 'muted' }, 'Nothing changes between these years under the current filters.'));
  }
}
