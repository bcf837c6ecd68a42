/**
 * The path finder panel: two actors by autocomplete, the options (mode, k, max hops, types and
 * stages, the time bar's year/window, time-respecting with an optional maximum gap, links that do
 * not connect actors, minimum confidence, excluded actors), and the results listed hop by hop with
 * type, validity, the hop's date when time-respecting, confidence and citations.
 */
import type { ActorCore, Confidence, ContinuumStage, PathMode, PathResult, RelationshipType, Vocabulary } from '../api/types.js';
import { DEFAULT_PATH, PATH_LIMITS, type PathState, type ViewState } from '../model/url.js';
import type { Store } from '../state/store.js';
import { Autocomplete } from './autocomplete.js';
import { citationList, clear, confidenceSelect, h } from './dom.js';

export interface PathFinderDeps {
  search: (text: string) => Promise<ActorCore[]>;
  nameOf: (id: string) => string;
  onShowPath: (index: number) => void;
  onSelectRelationship: (id: string) => void;
}

export class PathFinder {
  private readonly from: Autocomplete;
  private readonly to: Autocomplete;
  private readonly exclude: Autocomplete;
  private readonly excludeChips: HTMLElement;
  private excluded: string[] = [];
  private readonly mode: HTMLSelectElement;
  private readonly k: HTMLInputElement;
  private readonly hops: HTMLInputElement;
  private readonly types: HTMLSelectElement;
  private readonly stages: HTMLInputElement[];
  private readonly conf: HTMLSelectElement;
  private readonly useTime: HTMLInputElement;
  private readonly ordered: HTMLInputElement;
  private readonly gap: HTMLInputElement;
  private readonly nonConnecting: HTMLInputElement;
  private readonly results: HTMLElement;
  private lastKey = '';

  constructor(root: HTMLElement, private readonly store: Store, vocab: Vocabulary, private readonly deps: PathFinderDeps) {
    const nonConnectingLabels = vocab.relationshipTypes.filter((t) => !t.connects).map((t) => t.label).join(', ');
    this.from = new Autocomplete({ id: 'path-from', label: 'From actor', search: deps.search, onPick: () => undefined, keepValue: true });
    this.to = new Autocomplete({ id: 'path-to', label: 'To actor', search: deps.search, onPick: () => undefined, keepValue: true });
    this.exclude = new Autocomplete({
      id: 'path-exclude',
      label: 'Exclude actors',
      placeholder: 'Add an actor to avoid…',
      search: deps.search,
      onPick: (a) => {
        if (!this.excluded.includes(a.id)) this.excluded.push(a.id);
        this.renderChips();
      },
    });
    this.excludeChips = h('div', { class: 'chips' });
    this.mode = h(
      'select',
      { id: 'path-mode' },
      h('option', { value: 'SHORTEST' }, 'Shortest'),
      h('option', { value: 'K_SHORTEST' }, 'k shortest'),
      h('option', { value: 'ALL_SIMPLE' }, 'All simple paths'),
    );
    this.k = h('input', { type: 'number', id: 'path-k', min: 1, max: PATH_LIMITS.k, value: DEFAULT_PATH.k, class: 'num' });
    this.hops = h('input', { type: 'number', id: 'path-hops', min: 1, max: PATH_LIMITS.maxHops, value: DEFAULT_PATH.maxHops, class: 'num' });
    const stageTypes = vocab.relationshipTypes.filter((t) => t.isStage).sort((a, b) => (a.stageOrder ?? 0) - (b.stageOrder ?? 0));
    this.stages = stageTypes.map((t) => h('input', { type: 'checkbox', value: t.type, 'aria-label': `Stage ${t.label}` }));
    this.types = h(
      'select',
      { id: 'path-types', multiple: true, size: 4, 'aria-label': 'Relationship types (none selected = all)' },
      vocab.relationshipTypes.filter((t) => !t.isStage).map((t) => h('option', { value: t.type }, t.label)),
    );
    this.conf = confidenceSelect('path-conf', 'Any confidence', vocab.confidenceGrades);
    this.useTime = h('input', { type: 'checkbox', id: 'path-time' });
    this.ordered = h('input', { type: 'checkbox', id: 'path-ordered' });
    this.gap = h('input', { type: 'number', id: 'path-gap', min: 0, max: PATH_LIMITS.maxGap, placeholder: 'any', class: 'num', 'aria-label': 'Most years between hops (time-respecting)' });
    this.nonConnecting = h('input', { type: 'checkbox', id: 'path-nonconnecting' });
    this.ordered.addEventListener('change', () => this.syncGap());
    this.syncGap();
    this.results = h('div', { class: 'paths', id: 'path-results', 'aria-live': 'polite' });
    const find = h('button', { type: 'button', class: 'primary', id: 'btn-find-path' }, 'Find paths');
    const clearBtn = h('button', { type: 'button', id: 'btn-clear-path' }, 'Clear');
    const swap = h('button', { type: 'button', 'aria-label': 'Swap from and to', title: 'Swap' }, '⇅');
    // k only means something for "k shortest"
    this.mode.addEventListener('change', () => this.syncK());
    this.syncK();
    find.addEventListener('click', () => this.submit());
    clearBtn.addEventListener('click', () => this.store.update({ path: null }));
    swap.addEventListener('click', () => {
      const a = this.from.value ? { id: this.from.value, name: this.from.input.value } : null;
      const b = this.to.value ? { id: this.to.value, name: this.to.input.value } : null;
      this.from.set(b);
      this.to.set(a);
    });
    for (const input of [this.from.input, this.to.input]) {
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && this.from.value && this.to.value) this.submit();
      });
    }

    root.append(
      h('h2', {}, 'Path finder'),
      this.from.root,
      this.to.root,
      h('div', { class: 'row' }, swap, find, clearBtn),
      h(
        'details',
        { class: 'path-options' },
        h('summary', {}, 'Options'),
        h('div', { class: 'opt-row' }, h('label', { for: 'path-mode' }, 'Mode'), this.mode, h('label', { for: 'path-k', title: 'Number of paths (k shortest mode)' }, 'k'), this.k),
        h('div', { class: 'opt-row' }, h('label', { for: 'path-hops', title: `At most ${PATH_LIMITS.maxHops}` }, 'Max hops'), this.hops),
        h('div', { class: 'opt-row' }, h('label', { for: 'path-conf' }, 'Confidence'), this.conf),
        h('div', { class: 'field' }, 'Stages (none = all)', h('div', { class: 'checks' }, this.stages.map((c, i) => h('label', {}, c, stageTypes[i]?.label ?? '')))),
        h('div', { class: 'field' }, h('label', { for: 'path-types' }, 'Other types (none = all; Ctrl-click for several)'), this.types),
        h('div', { class: 'row' }, this.useTime, h('label', { for: 'path-time' }, 'Only at the time bar’s year / window')),
        h('div', { class: 'row' }, this.ordered, h('label', { for: 'path-ordered', title: 'There must be times t1 ≤ t2 ≤ … with each inside its hop’s validity' }, 'Time-respecting (hops in time order)')),
        h('div', { class: 'opt-row' }, h('label', { for: 'path-gap' }, 'at most'), this.gap, h('label', { for: 'path-gap' }, 'years between hops')),
        h('div', { class: 'row' }, this.nonConnecting, h('label', { for: 'path-nonconnecting', title: `${nonConnectingLabels} do not connect actors; by default paths leave them out` }, 'Also walk shared places and listings')),
        this.exclude.root,
        this.excludeChips,
      ),
      this.results,
    );
  }

  private syncGap(): void {
    this.gap.disabled = !this.ordered.checked;
  }

  private syncK(): void {
    this.k.disabled = this.mode.value !== 'K_SHORTEST';
  }

  private renderChips(): void {
    clear(this.excludeChips);
    for (const id of this.excluded) {
      const remove = h('button', { type: 'button', 'aria-label': `Stop excluding ${this.deps.nameOf(id)}` }, '×');
      remove.addEventListener('click', () => {
        this.excluded = this.excluded.filter((x) => x !== id);
        this.renderChips();
      });
      this.excludeChips.append(h('span', { class: 'chip' }, this.deps.nameOf(id), remove));
    }
  }

  private submit(): void {
    if (!this.from.value || !this.to.value) {
      this.showMessage('Pick two actors from the suggestions first.');
      return;
    }
    const path: PathState = {
      from: this.from.value,
      to: this.to.value,
      mode: this.mode.value as PathMode,
      k: Math.max(1, Math.min(PATH_LIMITS.k, Number(this.k.value) || DEFAULT_PATH.k)),
      maxHops: Math.max(1, Math.min(PATH_LIMITS.maxHops, Number(this.hops.value) || DEFAULT_PATH.maxHops)),
      types: [...this.types.selectedOptions].map((o) => o.value as RelationshipType),
      stages: this.stages.filter((c) => c.checked).map((c) => c.value as ContinuumStage),
      useTime: this.useTime.checked,
      timeRespecting: this.ordered.checked,
      maxGap: this.ordered.checked && this.gap.value !== '' ? Math.max(0, Math.min(PATH_LIMITS.maxGap, Math.round(Number(this.gap.value)))) : null,
      includeNonConnecting: this.nonConnecting.checked,
      minConfidence: (this.conf.value || null) as Confidence | null,
      exclude: [...this.excluded],
    };
    this.store.update({ path });
  }

  /** Reflects the state's path query into the controls (e.g. from a shared link). */
  render(state: ViewState): void {
    const p = state.path;
    const key = JSON.stringify(p);
    if (key === this.lastKey) return;
    this.lastKey = key;
    if (!p) {
      clear(this.results);
      return;
    }
    this.from.set({ id: p.from, name: this.deps.nameOf(p.from) });
    this.to.set({ id: p.to, name: this.deps.nameOf(p.to) });
    this.mode.value = p.mode;
    this.syncK();
    this.k.value = String(p.k);
    this.hops.value = String(p.maxHops);
    for (const o of this.types.options) o.selected = p.types.includes(o.value as RelationshipType);
    for (const c of this.stages) c.checked = p.stages.includes(c.value as ContinuumStage);
    this.conf.value = p.minConfidence ?? '';
    this.useTime.checked = p.useTime;
    this.ordered.checked = p.timeRespecting;
    this.gap.value = p.maxGap === null ? '' : String(p.maxGap);
    this.syncGap();
    this.nonConnecting.checked = p.includeNonConnecting;
    this.excluded = [...p.exclude];
    this.renderChips();
  }

  showMessage(text: string, error = false): void {
    clear(this.results);
    this.results.append(h('p', { class: error ? 'error' : 'muted' }, text));
  }

  showResult(result: PathResult, active: number): void {
    clear(this.results);
    if (result.paths.length === 0) {
      this.showMessage('No path matches these options.');
      return;
    }
    const note = result.truncated ? ` (stopped early: ${result.truncatedBy === 'TIME' ? 'time budget' : 'result limit'})` : '';
    this.results.append(h('p', { class: 'small muted' }, `${result.paths.length} path${result.paths.length > 1 ? 's' : ''}${note}`));
    result.paths.forEach((path, i) => {
      const head = h('button', { type: 'button', 'aria-pressed': i === active ? 'true' : 'false' }, `Path ${i + 1}: ${path.length} hop${path.length === 1 ? '' : 's'}`);
      head.addEventListener('click', () => this.deps.onShowPath(i));
      const hops = h(
        'ol',
        { class: 'hops' },
        path.hops.map((hop) => {
          const r = hop.relationship;
          const open = h('button', { type: 'button', class: 'linklike rel' }, r.typeLabel);
          open.addEventListener('click', () => this.deps.onSelectRelationship(r.id));
          return h(
            'li',
            { class: 'hop', 'data-rel': r.id },
            h('div', {}, hop.from.name, ' — ', open, r.directed ? (r.source.id === hop.from.id ? ' → ' : ' ← ') : ' — ', hop.to.name),
            h('div', { class: 'muted' }, `valid ${r.validity.label}`, hop.date ? h('span', { class: 'hop-date' }, ` · taken ${hop.date}`) : null, h('span', { class: `badge ${r.confidence}` }, r.confidence.toLowerCase()), hop.alternatives.length ? ` +${hop.alternatives.length} alternative${hop.alternatives.length > 1 ? 's' : ''}` : ''),
            citationList(r.citations),
          );
        }),
      );
      this.results.append(h('div', { class: `path${i === active ? ' active' : ''}`, 'data-index': i }, head, i === active ? hops : null));
    });
  }
}
