/**
 * The filter panel: actor kinds, relationship types and continuum stages, minimum confidence,
 * countries, dated links only, and the ego-network focus on one actor (depth 1–3). Writes to the store.
 */
import type { ActorKind, Confidence, RelationshipType, Vocabulary } from '../api/types.js';
import type { ViewState } from '../model/url.js';
import { EMPTY_FILTERS } from '../model/visibility.js';
import type { Store } from '../state/store.js';
import { confidenceSelect, h } from './dom.js';

export class FilterPanel {
  private readonly kindBoxes: HTMLInputElement[];
  private readonly typeBoxes: HTMLInputElement[];
  private readonly conf: HTMLSelectElement;
  private readonly dated: HTMLInputElement;
  private readonly countries: HTMLSelectElement;
  private readonly depth: HTMLSelectElement;
  private readonly focusLabel: HTMLElement;
  private readonly focusBtn: HTMLButtonElement;
  private readonly unfocusBtn: HTMLButtonElement;

  constructor(root: HTMLElement, private readonly store: Store, vocab: Vocabulary, countryList: readonly string[], private readonly nameOf: (id: string) => string) {
    this.kindBoxes = vocab.actorKinds.map((k) => h('input', { type: 'checkbox', value: k.kind, 'data-filter': 'kind' }));
    const types = [...vocab.relationshipTypes].sort((a, b) => Number(b.isStage) - Number(a.isStage) || (a.stageOrder ?? 0) - (b.stageOrder ?? 0));
    this.typeBoxes = types.map((t) => h('input', { type: 'checkbox', value: t.type, 'data-filter': 'type' }));
    this.conf = confidenceSelect('filter-conf', 'Any', vocab.confidenceGrades);
    this.dated = h('input', { type: 'checkbox', id: 'filter-dated' });
    this.countries = h('select', { id: 'filter-countries', multiple: true, size: 4 }, countryList.map((c) => h('option', { value: c }, c)));
    this.depth = h('select', { id: 'focus-depth', 'aria-label': 'Focus depth' }, [1, 2, 3].map((d) => h('option', { value: d }, `${d} hop${d > 1 ? 's' : ''}`)));
    this.focusLabel = h('span', { class: 'small' });
    this.focusBtn = h('button', { type: 'button', id: 'btn-focus' }, 'Focus on selected actor');
    this.unfocusBtn = h('button', { type: 'button', id: 'btn-unfocus' }, 'Show all');
    const reset = h('button', { type: 'button', id: 'btn-reset-filters' }, 'Reset filters');

    const apply = () => this.apply();
    for (const b of [...this.kindBoxes, ...this.typeBoxes]) b.addEventListener('change', apply);
    this.conf.addEventListener('change', apply);
    this.dated.addEventListener('change', apply);
    this.countries.addEventListener('change', apply);
    this.depth.addEventListener('change', () => {
      const f = this.store.get().focus;
      if (f) this.store.update({ focus: { id: f.id, depth: Number(this.depth.value) } });
    });
    this.focusBtn.addEventListener('click', () => {
      const sel = this.store.get().selected;
      if (sel?.startsWith('a:')) this.store.update({ focus: { id: sel.slice(2), depth: Number(this.depth.value) } });
    });
    this.unfocusBtn.addEventListener('click', () => this.store.update({ focus: null }));
    reset.addEventListener('click', () => this.store.update({ filters: { ...EMPTY_FILTERS } }));

    root.append(
      h('h2', {}, 'Filters'),
      h(
        'div',
        { class: 'row dated-row' },
        this.dated,
        h('label', { for: 'filter-dated', title: 'Hide the relationships no document dates: their years are only bounded by their actors’ lifespans or by the period their documents describe (“as reported”)' }, 'Dated links only (hide weakly dated)'),
      ),
      h('div', { class: 'field' }, 'Ego network', h('div', { class: 'row' }, this.focusBtn, this.depth), h('div', { class: 'row' }, this.focusLabel, this.unfocusBtn)),
      h(
        'details',
        { open: true },
        h('summary', {}, 'Actor kinds (none = all)'),
        h('div', { class: 'checks' }, this.kindBoxes.map((b, i) => h('label', {}, b, vocab.actorKinds[i]?.label ?? ''))),
      ),
      h(
        'details',
        {},
        h('summary', {}, 'Relationship types and stages (none = all)'),
        h('div', { class: 'checks' }, this.typeBoxes.map((b, i) => h('label', {}, b, types[i]?.label ?? ''))),
      ),
      h('div', { class: 'row' }, h('label', { for: 'filter-conf' }, 'Confidence'), this.conf),
      h('div', { class: 'field' }, h('label', { for: 'filter-countries' }, 'Countries (Ctrl-click for several)'), this.countries),
      h('div', { class: 'row' }, reset),
    );
  }

  private apply(): void {
    this.store.update({
      filters: {
        kinds: this.kindBoxes.filter((b) => b.checked).map((b) => b.value as ActorKind),
        types: this.typeBoxes.filter((b) => b.checked).map((b) => b.value as RelationshipType),
        minConfidence: (this.conf.value || null) as Confidence | null,
        countries: [...this.countries.selectedOptions].map((o) => o.value),
        datedOnly: this.dated.checked,
      },
    });
  }

  render(state: ViewState): void {
    const f = state.filters;
    for (const b of this.kindBoxes) b.checked = f.kinds.includes(b.value as ActorKind);
    for (const b of this.typeBoxes) b.checked = f.types.includes(b.value as RelationshipType);
    this.conf.value = f.minConfidence ?? '';
    this.dated.checked = f.datedOnly;
    for (const o of this.countries.options) o.selected = f.countries.includes(o.value);
    this.focusBtn.disabled = !state.selected?.startsWith('a:');
    this.unfocusBtn.disabled = state.focus === null;
    if (state.focus) this.depth.value = String(state.focus.depth);
    this.focusLabel.textContent = state.focus ? `Focused on ${this.nameOf(state.focus.id)}` : 'No focus';
  }
}
