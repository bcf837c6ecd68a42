/**
 * Keeps the table view in step with the explorer: its rows are the actors and relationships the
 * graph shows (rebuilt when that set changes), its marked row the selection; a row click selects,
 * and its CSV button exports the rows shown (relationships with every claim and quote).
 */
import { ApiError } from '../api/client.js';
import type { NexusApi } from '../api/queries.js';
import { actorsCsv, relationshipsCsv } from '../model/csv.js';
import type { GraphModel } from '../model/elements.js';
import { actorRows, relationshipRows, type TableKind } from '../model/table.js';
import type { ViewState } from '../model/url.js';
import type { Visible } from '../model/visibility.js';
import type { Store } from '../state/store.js';
import { TableView } from '../table/view.js';
import { downloadText } from '../ui/dom.js';

export interface TableControllerDeps {
  mount: HTMLElement;
  store: Store;
  api: NexusApi;
  model: GraphModel;
  nameOf: (id: string) => string;
  fileName: () => string;
  onError: (message: string) => void;
}

export class TableController {
  private view: TableView | null = null;
  private shownFor: Visible | null = null;
  /** Resolves when the last CSV export has been handed to the browser (for tests). */
  lastExport: Promise<void> = Promise.resolve();

  constructor(private readonly deps: TableControllerDeps) {}

  render(s: ViewState, visible: Visible | null): void {
    const { mount, store } = this.deps;
    mount.hidden = !s.table;
    if (!s.table || !visible) return;
    if (!this.view) {
      this.view = new TableView(mount, {
        onSelect: (sel) => store.update({ selected: sel }),
        loadClaims: (id) => this.deps.api.relationship(id),
        onExportCsv: (kind) => {
          this.lastExport = this.exportCsv(kind);
        },
      });
    }
    if (visible !== this.shownFor) {
      this.shownFor = visible;
      this.view.setRows(actorRows(this.deps.model, visible), relationshipRows(this.deps.model, visible, this.deps.nameOf));
    }
    this.view.showSelection(s.selected);
  }

  /** The ids of the rows the table shows now (its tab, filter and order). */
  rowIds(): { kind: TableKind; ids: string[] } | null {
    return this.view ? { kind: this.view.kind, ids: this.view.rowIds() } : null;
  }

  private async exportCsv(kind: TableKind): Promise<void> {
    const ids = this.view?.rowIds() ?? [];
    try {
      if (kind === 'actors') {
        const byId = new Map(this.deps.model.nodes.map((n) => [n.data.id, n.data]));
        downloadText(actorsCsv(ids.map((id) => byId.get(id)!).filter(Boolean)), `${this.deps.fileName()}-actors.csv`, 'text/csv');
      } else {
        downloadText(relationshipsCsv(await this.deps.api.relationshipsById(ids)), `${this.deps.fileName()}-relationships.csv`, 'text/csv');
      }
    } catch (err) {
      this.deps.onError(err instanceof ApiError ? err.userMessage : 'The CSV export failed.');
    }
  }
}
