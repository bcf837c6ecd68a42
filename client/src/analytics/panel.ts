/**
 * The analytics panel: for the time bar's year or window, the actors ranked by a centrality
 * measure, the brokers between the sides of the nexus (each opening to the pairs it brokers and the
 * two relationships of each), and the communities — with switches that size the graph's actors by
 * the measure and colour them by community. Rows select on the graph.
 */
import type { BrokersAnswer, CentralityAnswer, CommunitiesAnswer, Measure } from '../api/analytics.js';
import { COMMUNITY_COLOURS } from '../model/colours.js';
import { clear, h } from '../ui/dom.js';

export type AnalyticsTab = 'centrality' | 'brokers' | 'communities' | 'trajectories';

export interface PanelCallbacks {
  onTab: (tab: AnalyticsTab) => void;
  onMeasure: (m: Measure) => void;
  onSizeBy: (on: boolean) => void;
  onColour: (on: boolean) => void;
  select: (sel: string) => void;
}

const MEASURES: Array<[Measure, string]> = [
  ['BETWEENNESS', 'Betweenness'],
  ['DEGREE', 'Degree'],
  ['PAGERANK', 'PageRank'],
];
export const measureLabel = (m: Measure): string => MEASURES.find(([x]) => x === m)?.[1] ?? m;
const score = (m: Measure, row: { degree: number; betweenness: number; pagerank: number }) =>
  m === 'DEGREE' ? String(row.degree) : m === 'BETWEENNESS' ? row.betweenness.toFixed(1) : row.pagerank.toFixed(4);
const roleLabel = (r: string) => r.charAt(0) + r.slice(1).toLowerCase();

export class AnalyticsPanel {
  private readonly body = h('div', { class: 'analytics-body', id: 'analytics-body' });
  private readonly heading = h('h2', {}, 'Analytics');
  private readonly tabs = new Map<AnalyticsTab, HTMLButtonElement>();

  constructor(private readonly root: HTMLElement, private readonly cb: PanelCallbacks) {
    clear(root);
    const bar = h('div', { class: 'analytics-tabs', role: 'tablist' });
    for (const [tab, label] of [['centrality', 'Centrality'], ['brokers', 'Brokers'], ['communities', 'Communities'], ['trajectories', 'Stages']] as const) {
      const b = h('button', { type: 'button', role: 'tab', id: `analytics-tab-${tab}`, 'aria-selected': 'false' }, label);
      b.addEventListener('click', () => cb.onTab(tab));
      this.tabs.set(tab, b);
      bar.append(b);
    }
    root.append(this.heading, bar, this.body);
  }

  show(tab: AnalyticsTab, when: string): void {
    this.heading.textContent = `Analytics · ${when}`;
    for (const [t, b] of this.tabs) b.setAttribute('aria-selected', String(t === tab));
  }

  message(text: string): void {
    clear(this.body);
    this.body.append(h('p', { class: 'muted' }, text));
  }

  private note(a: { truncated: boolean; stoppedEarly: boolean }): HTMLElement[] {
    const out: HTMLElement[] = [];
    if (a.stoppedEarly) out.push(h('p', { class: 'notice-inline' }, 'The time budget ran out: the scores cover part of the network.'));
    if (a.truncated) out.push(h('p', { class: 'notice-inline' }, 'The network has more relationships than one analysis reads (the surest 20,000).'));
    return out;
  }

  content(el: HTMLElement): void {
    clear(this.body);
    this.body.append(el);
  }

  centrality(a: CentralityAnswer, sizeBy: boolean, chart: HTMLElement | null = null): void {
    clear(this.body);
    const measure = h('select', { id: 'analytics-measure', 'aria-label': 'Centrality measure' }, ...MEASURES.map(([m, label]) => h('option', { value: m, ...(m === a.measure ? { selected: '' } : {}) }, label)));
    measure.addEventListener('change', () => this.cb.onMeasure(measure.value as Measure));
    const size = h('input', { type: 'checkbox', id: 'analytics-size', ...(sizeBy ? { checked: '' } : {}) });
    size.addEventListener('change', () => this.cb.onSizeBy(size.checked));
    const rows = a.scores.map((s) => {
      const link = h('button', { type: 'button', class: 'linklike' }, s.actor.name);
      link.addEventListener('click', () => this.cb.select(`a:${s.actor.id}`));
      return h('tr', { 'data-id': s.actor.id }, h('td', { class: 'num' }, String(s.rank)), h('td', {}, link), h('td', { class: 'num' }, score(a.measure, s)));
    });
    this.body.append(
      h('div', { class: 'analytics-controls' }, measure, h('label', {}, size, ' Size actors by it')),
      h('table', { class: 'analytics-table', id: 'centrality-table' }, h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'Actor'), h('th', {}, MEASURES.find(([m]) => m === a.measure)![1]))), h('tbody', {}, ...rows)),
      h('p', { class: 'muted' }, `${a.actorCount} actors ranked over the cooperative ties of the period (hostile ties and places left out).${chart ? '' : ' Select an actor for its rank over the years.'}`),
      ...this.note(a),
      ...(chart ? [chart] : []),
    );
  }

  brokers(a: BrokersAnswer): void {
    clear(this.body);
    const rows = a.brokers.map((b) => {
      const main = [...b.roles].sort((x, y) => y.count - x.count)[0];
      const pairs = h(
        'ul',
        { class: 'broker-pairs' },
        ...b.pairs.map((p) => {
          const via = p.via.map((r) => {
            const link = h('button', { type: 'button', class: 'linklike' }, r.typeLabel.toLowerCase());
            link.addEventListener('click', () => this.cb.select(`r:${r.id}`));
            return link;
          });
          return h('li', {}, `${p.from.name} → `, via[0] ?? '', ` → ${b.actor.name} → `, via[1] ?? '', ` → ${p.to.name} (${roleLabel(p.role)})`);
        }),
      );
      const name = h('button', { type: 'button', class: 'linklike' }, b.actor.name);
      name.addEventListener('click', () => this.cb.select(`a:${b.actor.id}`));
      return h(
        'details',
        { class: 'broker', 'data-id': b.actor.id },
        h('summary', {}, name, ` · ${roleLabel(b.side)} · crime–terror ${b.crimeTerror} · state ${b.stateNexus} · all ${b.total}${main ? ` · mostly ${roleLabel(main.role).toLowerCase()}` : ''}`),
        h('p', { class: 'muted' }, b.roles.map((r) => `${roleLabel(r.role)} ${r.count}`).join(' · ')),
        pairs,
      );
    });
    this.body.append(
      h('p', { class: 'muted' }, 'Gould–Fernandez brokerage: an actor is the only step between two others. Crime–terror: a criminal actor at one end, a terrorist or insurgent one at the other; state: a state actor and either side.'),
      h('div', { id: 'broker-list' }, ...rows),
      ...this.note(a),
    );
  }

  communities(a: CommunitiesAnswer, colour: boolean): void {
    clear(this.body);
    const on = h('input', { type: 'checkbox', id: 'analytics-colour', ...(colour ? { checked: '' } : {}) });
    on.addEventListener('change', () => this.cb.onColour(on.checked));
    const items = a.communities.map((c) =>
      h(
        'li',
        { 'data-community': String(c.id) },
        h('span', { class: 'swatch', style: `background:${COMMUNITY_COLOURS[Math.min(c.id, COMMUNITY_COLOURS.length - 1)]}` }),
        `${c.size}: ${c.actors.slice(0, 6).map((x) => x.name).join(', ')}${c.size > 6 ? ', …' : ''}`,
      ),
    );
    this.body.append(
      h('label', {}, on, ' Colour actors by community'),
      h('ul', { class: 'community-list', id: 'community-list' }, ...items),
      h('p', { class: 'muted' }, `Louvain, seeded: modularity ${a.modularity.toFixed(3)}.`),
      ...this.note({ truncated: false, stoppedEarly: a.stoppedEarly }),
    );
  }
}
