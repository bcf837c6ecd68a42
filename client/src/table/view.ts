/**
 * The table view: the actors or relationships drawn on the graph as sortable, filterable rows.
 * A row selects its actor or relationship (and the graph's selection marks its row); a
 * relationship row opens to show its claims with their quotes, fetched when first opened.
 */
import type { RelationshipFull } from '../api/types.js';
import { ACTOR_COLUMNS, arrange, RELATIONSHIP_COLUMNS, type ActorRow, type Column, type RelationshipRow, type TableKind, type TableQuery } from '../model/table.js';
import { claimList } from '../ui/evidence.js';
import { clear, h } from '../ui/dom.js';

export interface TableDeps {
  onSelect: (sel: string) => void;
  loadClaims: (id: string) => Promise<RelationshipFull>;
  onExportCsv: (kind: TableKind) => void;
}

/** Rows drawn at most (the rest are counted; the filter narrows them). */
const MAX_ROWS = 2000;

export class TableView {
  private query: TableQuery = { kind: 'relationships', filter: '', sortKey: 'source', descending: false };
  private actors: ActorRow[] = [];
  private relationships: RelationshipRow[] = [];
  private selected: string | null = null;
  private readonly open = new Set<string>();
  private readonly body: HTMLElement;
  private readonly tabs: Record<TableKind, HTMLButtonElement>;
  private readonly filterInput: HTMLInputElement;
  private readonly count: HTMLElement;

  constructor(private readonly root: HTMLElement, private readonly deps: TableDeps) {
    this.tabs = {
      actors: h('button', { type: 'button', id: 'table-tab-actors', role: 'tab', 'aria-selected': 'false' }, 'Actors'),
      relationships: h('button', { type: 'button', id: 'table-tab-relationships', role: 'tab', 'aria-selected': 'true' }, 'Relationships'),
    };
    for (const kind of ['actors', 'relationships'] as const) {
      this.tabs[kind].addEventListener('click', () => {
        this.query = { kind, filter: this.query.filter, sortKey: kind === 'actors' ? 'name' : 'source', descending: false };
        this.draw();
      });
    }
    this.filterInput = h('input', { type: 'search', id: 'table-filter', placeholder: 'Filter rows', 'aria-label': 'Filter the table rows' });
    this.filterInput.addEventListener('input', () => {
      this.query = { ...this.query, filter: this.filterInput.value };
      this.draw();
    });
    const csv = h('button', { type: 'button', id: 'btn-table-csv', title: 'Download these rows as CSV (relationships: one row per claim, with its quote)' }, 'CSV');
    csv.addEventListener('click', () => this.deps.onExportCsv(this.query.kind));
    this.count = h('span', { class: 'muted small', id: 'table-count', 'aria-live': 'polite' });
    this.body = h('div', { class: 'table-scroll' });
    root.append(h('div', { class: 'table-head', role: 'tablist' }, this.tabs.actors, this.tabs.relationships, this.filterInput, this.count, csv), this.body);
  }

  get kind(): TableKind {
    return this.query.kind;
  }

  /** The rows shown now (after filter and sort), for exports and tests. */
  rowIds(): string[] {
    return this.query.kind === 'actors' ? arrange(this.actors, ACTOR_COLUMNS, this.query).map((r) => r.id) : arrange(this.relationships, RELATIONSHIP_COLUMNS, this.query).map((r) => r.id);
  }

  setRows(actors: ActorRow[], relationships: RelationshipRow[]): void {
    this.actors = actors;
    this.relationships = relationships;
    this.draw();
  }

  showSelection(sel: string | null): void {
    if (sel === this.selected) return;
    this.selected = sel;
    if (sel?.startsWith(this.query.kind === 'actors' ? 'a:' : 'r:') === false) {
      this.query = { kind: sel.startsWith('a:') ? 'actors' : 'relationships', filter: this.query.filter, sortKey: sel.startsWith('a:') ? 'name' : 'source', descending: false };
      this.draw();
    } else this.markSelection();
  }

  private draw(): void {
    const kind = this.query.kind;
    for (const k of ['actors', 'relationships'] as const) {
      this.tabs[k].setAttribute('aria-selected', String(k === kind));
      this.tabs[k].textContent = `${k === 'actors' ? 'Actors' : 'Relationships'} (${k === 'actors' ? this.actors.length : this.relationships.length})`;
    }
    if (kind === 'actors') this.drawRows(arrange(this.actors, ACTOR_COLUMNS, this.query), ACTOR_COLUMNS, 'a');
    else this.drawRows(arrange(this.relationships, RELATIONSHIP_COLUMNS, this.query), RELATIONSHIP_COLUMNS, 'r');
  }

  private drawRows<R extends { id: string }>(rows: R[], columns: ReadonlyArray<Column<R>>, prefix: 'a' | 'r'): void {
    clear(this.body);
    const total = prefix === 'a' ? this.actors.length : this.relationships.length;
    this.count.textContent = rows.length === total ? `${rows.length} rows` : `${rows.length} of ${total} rows`;
    const head = h(
      'tr',
      {},
      prefix === 'r' ? h('th', { scope: 'col', class: 'claims-col' }, h('span', { class: 'sr-only' }, 'Claims')) : null,
      columns.map((c) => {
        const sorted = this.query.sortKey === c.key;
        const btn = h('button', { type: 'button', class: 'sort', 'data-key': c.key }, c.label, sorted ? (this.query.descending ? ' ▼' : ' ▲') : '');
        btn.addEventListener('click', () => {
          this.query = { ...this.query, sortKey: c.key, descending: sorted ? !this.query.descending : false };
          this.draw();
        });
        return h('th', { scope: 'col', 'aria-sort': sorted ? (this.query.descending ? 'descending' : 'ascending') : 'none' }, btn);
      }),
    );
    const tbody = h('tbody', {});
    for (const row of rows.slice(0, MAX_ROWS)) {
      const sel = `${prefix}:${row.id}`;
      const tr = h('tr', { 'data-sel': sel, tabindex: 0 }, prefix === 'r' ? h('td', { class: 'claims-col' }, this.claimsToggle(row.id, tbody)) : null, columns.map((c) => h('td', {}, c.text(row))));
      tr.addEventListener('click', (e) => {
        if (!(e.target instanceof HTMLButtonElement)) this.deps.onSelect(sel);
      });
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && e.target === tr) this.deps.onSelect(sel);
      });
      tbody.append(tr);
      if (prefix === 'r' && this.open.has(row.id)) void this.showClaims(row.id, tr);
    }
    const more = rows.length > MAX_ROWS ? h('p', { class: 'muted small' }, `${rows.length - MAX_ROWS} more rows: narrow them with the filter.`) : null;
    this.body.append(h('table', { class: 'data-table', id: `table-${prefix === 'a' ? 'actors' : 'relationships'}` }, h('thead', {}, head), tbody));
    if (more) this.body.append(more);
    this.markSelection();
  }

  private claimsToggle(id: string, tbody: HTMLElement): HTMLButtonElement {
    const btn = h('button', { type: 'button', class: 'claims-toggle', 'aria-expanded': String(this.open.has(id)), 'aria-label': 'Show its claims and quotes' }, this.open.has(id) ? '▾' : '▸');
    btn.addEventListener('click', () => {
      const tr = btn.closest('tr');
      if (!tr) return;
      if (this.open.has(id)) {
        this.open.delete(id);
        tbody.querySelector(`tr.claims-row[data-for="${CSS.escape(id)}"]`)?.remove();
        btn.textContent = '▸';
        btn.setAttribute('aria-expanded', 'false');
      } else {
        this.open.add(id);
        btn.textContent = '▾';
        btn.setAttribute('aria-expanded', 'true');
        void this.showClaims(id, tr);
      }
    });
    return btn;
  }

  private async showClaims(id: string, tr: HTMLElement): Promise<void> {
    const cell = h('td', { colspan: RELATIONSHIP_COLUMNS.length + 1 }, h('span', { class: 'muted small' }, 'Loading claims…'));
    const row = h('tr', { class: 'claims-row', 'data-for': id }, cell);
    tr.after(row);
    try {
      const rel = await this.deps.loadClaims(id);
      clear(cell);
      cell.append(claimList(rel.claims, null));
    } catch {
      clear(cell);
      cell.append(h('span', { class: 'error small' }, 'Could not load the claims.'));
    }
  }

  private markSelection(): void {
    for (const tr of this.body.querySelectorAll<HTMLElement>('tr[data-sel]')) {
      const on = tr.dataset['sel'] === this.selected;
      tr.classList.toggle('selected', on);
      if (on) {
        tr.setAttribute('aria-selected', 'true');
        tr.scrollIntoView({ block: 'nearest' });
      } else tr.removeAttribute('aria-selected');
    }
  }
}
