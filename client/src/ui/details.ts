/**
 * The details panel: for an actor — aliases, kind, active years, description, relationships grouped
 * by type, citations (document + quote); for a relationship — type, interval, confidence, every
 * citation, and the pair's stage history along the continuum as a small timeline.
 */
import type { NexusApi } from '../api/queries.js';
import { ApiError } from '../api/client.js';
import type { ActorFull, Dyad, RelationshipFull } from '../api/types.js';
import { stageColour } from '../model/colours.js';
import { intervalWording } from '../model/text.js';
import { citationList, clear, h } from './dom.js';

export interface DetailsDeps {
  api: NexusApi;
  select: (sel: string | null) => void;
  stageOrder: (stage: string) => number;
  stageLabel: (stage: string) => string;
  span: { min: number; max: number };
}

export class DetailsPanel {
  private seq = 0;

  constructor(private readonly root: HTMLElement, private readonly deps: DetailsDeps) {
    this.empty();
  }

  empty(): void {
    clear(this.root);
    this.root.append(h('h2', {}, 'Details'), h('p', { class: 'muted' }, 'Select an actor or a relationship on the graph, or search for an actor.'));
  }

  async show(sel: string | null): Promise<void> {
    const seq = ++this.seq;
    if (!sel) {
      this.empty();
      return;
    }
    clear(this.root);
    this.root.append(h('h2', {}, 'Details'), h('p', { class: 'muted' }, 'Loading…'));
    try {
      const id = sel.slice(2);
      if (sel.startsWith('a:')) {
        const actor = await this.deps.api.actor(id);
        if (seq === this.seq) this.renderActor(actor);
      } else {
        const rel = await this.deps.api.relationship(id);
        const dyad = await this.deps.api.dyad(rel.source.id, rel.target.id).catch(() => null);
        if (seq === this.seq) this.renderRelationship(rel, dyad);
      }
    } catch (err) {
      if (seq !== this.seq) return;
      clear(this.root);
      const retry = h('button', { type: 'button' }, 'Retry');
      retry.addEventListener('click', () => void this.show(sel));
      this.root.append(h('h2', {}, 'Details'), h('p', { class: 'error' }, err instanceof ApiError ? err.userMessage : 'Could not load the details.'), retry);
    }
  }

  private renderActor(a: ActorFull): void {
    clear(this.root);
    const groups = new Map<string, ActorFull['relationships']>();
    for (const r of a.relationships) {
      const list = groups.get(r.typeLabel);
      if (list) list.push(r);
      else groups.set(r.typeLabel, [r]);
    }
    this.root.append(
      h('div', { class: 'details-body' },
      h('h2', {}, 'Actor'),
      h('h3', { id: 'details-title' }, a.name),
      h(
        'dl',
        { class: 'details' },
        h('dt', {}, 'Kind'),
        h('dd', {}, a.kindLabel),
        a.aliases.length ? [h('dt', {}, 'Aliases'), h('dd', {}, a.aliases.join(', '))] : null,
        h('dt', {}, 'Active'),
        h('dd', {}, a.active?.label ?? 'unknown'),
        a.country ? [h('dt', {}, 'Country'), h('dd', {}, a.country)] : null,
      ),
      a.nameCollision ? h('p', { class: 'small muted' }, `Not to be confused with: ${a.nameCollision}`) : null,
      a.description ? h('p', {}, a.description) : null,
      h('h4', {}, `Relationships (${a.relationships.length})`),
      [...groups.entries()].map(([label, rels]) =>
        h(
          'div',
          { class: 'rel-group' },
          h('strong', { class: 'small' }, label),
          h(
            'ul',
            {},
            rels.map((r) => {
              const other = r.source.id === a.id ? r.target : r.source;
              const arrow = r.directed ? (r.source.id === a.id ? '→ ' : '← ') : '';
              const btn = h('button', { type: 'button', class: 'linklike' }, `${arrow}${other.name}`);
              btn.addEventListener('click', () => this.deps.select(`r:${r.id}`));
              return h('li', {}, btn, h('span', { class: 'muted' }, ` ${r.interval.label}`), h('span', { class: `badge ${r.confidence}` }, r.confidence.toLowerCase()));
            }),
          ),
        ),
      ),
      h('h4', {}, `Citations (${a.citations.length})`),
      citationList(a.citations),
      ),
    );
  }

  private renderRelationship(r: RelationshipFull, dyad: Dyad | null): void {
    clear(this.root);
    const actorLink = (x: { id: string; name: string }) => {
      const b = h('button', { type: 'button', class: 'linklike' }, x.name);
      b.addEventListener('click', () => this.deps.select(`a:${x.id}`));
      return b;
    };
    this.root.append(
      h('div', { class: 'details-body' },
      h('h2', {}, 'Relationship'),
      h('h3', { id: 'details-title' }, actorLink(r.source), r.directed ? ` ${r.typeLabel.toLowerCase()} ` : ` — ${r.typeLabel.toLowerCase()} — `, actorLink(r.target)),
      h(
        'dl',
        { class: 'details' },
        h('dt', {}, 'Type'),
        h('dd', {}, r.typeLabel, r.stage ? h('span', { class: 'badge' }, 'continuum stage') : null),
        h('dt', {}, 'Interval'),
        this.intervalCell(r),
        h('dt', {}, 'Confidence'),
        h('dd', {}, h('span', { class: `badge ${r.confidence}` }, r.confidence.toLowerCase())),
      ),
      r.description ? h('p', {}, r.description) : null,
      r.stageNote ? h('p', { class: 'small muted' }, r.stageNote) : null,
      dyad ? this.stageHistory(dyad) : null,
      h('h4', {}, `Citations (${r.citations.length})`),
      citationList(r.citations),
      ),
    );
  }

  /** The stated interval, and the validity the time bar uses when it differs. */
  private intervalCell(r: RelationshipFull): HTMLElement {
    const w = intervalWording(r.interval, r.validity);
    return h('dd', { id: 'details-interval' }, w.stated, w.validity ? h('div', { class: 'small muted', id: 'details-validity' }, w.validity) : null);
  }

  private stageHistory(d: Dyad): HTMLElement | null {
    if (d.periods.length === 0) return null;
    const { min, max } = this.deps.span;
    const lo = Math.min(min, ...d.periods.map((p) => p.fromYear ?? min));
    const hi = Math.max(max, ...d.periods.map((p) => p.toYear ?? max));
    const periodText = (p: Dyad['periods'][number]) => `${p.fromYear ?? '…'}–${p.toYear ?? '…'}: ${this.deps.stageLabel(p.stage)}`;
    const bar = h('div', { class: 'stage-timeline', role: 'img', 'aria-label': `Stage history of the pair, ${lo}–${hi}: ${d.periods.map(periodText).join('; ')}` });
    let cursor = lo;
    const periods = [...d.periods].sort((a, b) => (a.fromYear ?? lo) - (b.fromYear ?? lo));
    for (const p of periods) {
      const from = Math.max(cursor, p.fromYear ?? lo);
      const to = p.toYear ?? hi;
      if (from > cursor) bar.append(h('div', { style: `flex:${from - cursor};background:#eef0f3` }));
      if (to >= from) {
        // no text inside the segment (a short period would cut it): the list below is the key
        bar.append(
          h('div', { style: `flex:${to - from + 1};background:${stageColour(this.deps.stageOrder(p.stage))}`, title: `${this.deps.stageLabel(p.stage)}: ${p.fromYear ?? '…'}–${p.toYear ?? '…'}` }),
        );
        cursor = to + 1;
      }
    }
    if (cursor <= hi) bar.append(h('div', { style: `flex:${hi - cursor + 1};background:#eef0f3` }));
    return h(
      'div',
      {},
      h('h4', {}, 'Stage history of the pair'),
      bar,
      h('div', { class: 'stage-ends', 'aria-hidden': 'true' }, h('span', {}, String(lo)), h('span', {}, String(hi))),
      h(
        'ul',
        { class: 'stage-periods' },
        periods.map((p) => h('li', {}, h('span', { class: 'swatch', style: `background:${stageColour(this.deps.stageOrder(p.stage))}`, 'aria-hidden': 'true' }), periodText(p))),
      ),
    );
  }
}
