/**
 * The details panel: for an actor — kind, aliases, lifespan with how each end is known (contested
 * readings kept), description, relationships grouped by type, its chronology of dated claims,
 * citations; for a relationship — type, when it is valid and why, grade, how many documents
 * assert it, each document's claim, the pair's stage history and the pair's chronology. A
 * selection that is not valid at the time on the time bar says so and offers to go to a year.
 */
import type { NexusApi } from '../api/queries.js';
import { ApiError } from '../api/client.js';
import type { ActorFull, Dyad, RelationshipFull } from '../api/types.js';
import { chronology } from '../model/chronology.js';
import { countOf } from '../model/text.js';
import { chronologyList, claimList, lifespanEnd, stageHistory, validityWords } from './evidence.js';
import { citationList, clear, h } from './dom.js';

export interface DetailsDeps {
  api: NexusApi;
  select: (sel: string | null) => void;
  stageOrder: (stage: string) => number;
  stageLabel: (stage: string) => string;
  span: { min: number; max: number };
  /** The years on the time bar now (null: all years). */
  shownYears: () => { from: number; to: number } | null;
  goToYear: (year: number) => void;
  /** Adds to a shown record's details (its history and the editor's forms). */
  decorate?: (sel: string, record: ActorFull | RelationshipFull, body: HTMLElement) => void;
}

export class DetailsPanel {
  private seq = 0;

  constructor(private readonly root: HTMLElement, private readonly deps: DetailsDeps) {
    this.empty();
  }

  empty(): void {
    clear(this.root);
    this.root.append(h('h2', {}, 'Details'), h('p', { class: 'muted' }, 'Select an actor or a relationship on the graph or the timeline, or search for an actor.'));
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
        if (seq === this.seq) this.decorated(sel, actor);
      } else {
        const rel = await this.deps.api.relationship(id);
        const dyad = await this.deps.api.dyad(rel.source.id, rel.target.id).catch(() => null);
        if (seq === this.seq) this.renderRelationship(rel, dyad);
        if (seq === this.seq) this.decorated(sel, rel);
      }
    } catch (err) {
      if (seq !== this.seq) return;
      clear(this.root);
      const retry = h('button', { type: 'button' }, 'Retry');
      retry.addEventListener('click', () => void this.show(sel));
      this.root.append(h('h2', {}, 'Details'), h('p', { class: 'error' }, err instanceof ApiError ? err.userMessage : 'Could not load the details.'), retry);
    }
  }

  private decorated(sel: string, record: ActorFull | RelationshipFull): void {
    const body = this.root.querySelector<HTMLElement>('.details-body');
    if (body) this.deps.decorate?.(sel, record, body);
  }

  /** When the selection is not valid in the years on the time bar: say so, and offer a year where it is. */
  private notShown(what: string, fromYear: number, toYear: number): HTMLElement | null {
    const shown = this.deps.shownYears();
    if (!shown || (fromYear <= shown.to && toYear >= shown.from)) return null;
    const target = toYear < shown.from ? toYear : fromYear;
    const go = h('button', { type: 'button', id: 'details-go-year' }, `Go to ${target}`);
    go.addEventListener('click', () => this.deps.goToYear(target));
    const when = shown.from === shown.to ? `in ${shown.from}` : `in ${shown.from}–${shown.to}`;
    return h('p', { class: 'notice', id: 'details-not-shown', role: 'status' }, `This ${what} is not on the graph ${when}: it is valid ${fromYear === toYear ? `in ${fromYear}` : `${fromYear}–${toYear}`}. `, go);
  }

  private renderActor(a: ActorFull): void {
    clear(this.root);
    const groups = new Map<string, ActorFull['relationships']>();
    for (const r of a.relationships) {
      const list = groups.get(r.typeLabel);
      if (list) list.push(r);
      else groups.set(r.typeLabel, [r]);
    }
    const entries = chronology(a.relationships, a.id);
    this.root.append(
      h(
        'div',
        { class: 'details-body' },
        h('h2', {}, 'Actor'),
        h('h3', { id: 'details-title' }, a.name),
        this.notShown('actor', a.active.fromYear ?? this.deps.span.min, a.active.toYear ?? this.deps.span.max),
        h(
          'dl',
          { class: 'details' },
          h('dt', {}, 'Kind'),
          h('dd', {}, a.kindLabel),
          a.aliases.length ? [h('dt', {}, 'Aliases'), h('dd', {}, a.aliases.join(', '))] : null,
          h('dt', {}, 'Lifespan'),
          h('dd', { id: 'details-lifespan' }, h('div', {}, a.lifespan.label), lifespanEnd(a.lifespan.from, 'start'), lifespanEnd(a.lifespan.to, 'end')),
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
                return h('li', {}, btn, h('span', { class: 'muted' }, ` ${r.validity.label}${r.dated ? '' : ' (weakly dated)'}`), h('span', { class: `badge ${r.confidence}` }, r.confidence.toLowerCase()), r.corroboration > 1 ? h('span', { class: 'badge', title: 'documents asserting it' }, `×${r.corroboration}`) : null);
              }),
            ),
          ),
        ),
        h('h4', {}, `Chronology (${countOf(entries.length, 'dated claim')})`),
        chronologyList(entries, (s) => this.deps.select(s)),
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
    const documents = new Set(r.claims.map((c) => c.citation.source.id)).size;
    this.root.append(
      h(
        'div',
        { class: 'details-body' },
        h('h2', {}, 'Relationship'),
        h('h3', { id: 'details-title' }, actorLink(r.source), r.directed ? ` ${r.typeLabel.toLowerCase()} ` : ` — ${r.typeLabel.toLowerCase()} — `, actorLink(r.target)),
        this.notShown('relationship', r.validity.fromYear, r.validity.toYear),
        h(
          'dl',
          { class: 'details' },
          h('dt', {}, 'Type'),
          h('dd', {}, r.typeLabel, r.stage ? h('span', { class: 'badge' }, 'continuum stage') : null),
          h('dt', {}, 'Valid'),
          h('dd', { id: 'details-validity' }, validityWords(r.validity)),
          h('dt', {}, 'Dated'),
          h('dd', { id: 'details-interval' }, r.dated ? `${r.interval.label} by its claims` : 'no claim dates it', r.datesDisagree ? h('div', { class: 'small notice-inline' }, 'The documents give different dates (each claim below keeps its own).') : null),
          h('dt', {}, 'Grade'),
          h('dd', {}, h('span', { class: `badge ${r.confidence}` }, r.confidence.toLowerCase()), h('span', { class: 'muted small' }, ' (its surest claim)')),
          h('dt', {}, 'Sources'),
          h('dd', { id: 'details-corroboration' }, `asserted by ${countOf(documents, 'document')}`),
        ),
        r.description ? h('p', {}, r.description) : null,
        r.stageNote ? h('p', { class: 'small muted' }, r.stageNote) : null,
        dyad ? stageHistory(dyad, this.deps.span, this.deps.stageOrder, this.deps.stageLabel) : null,
        h('h4', {}, `Claims (${r.claims.length})`),
        claimList(r.claims),
        dyad && dyad.relationships.length > 1
          ? [h('h4', {}, `Chronology of the pair (${dyad.a.name} – ${dyad.b.name})`), chronologyList(chronology(dyad.relationships), (s) => this.deps.select(s))]
          : null,
      ),
    );
  }
}
