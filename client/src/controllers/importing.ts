/**
 * Importing in the explorer: the import form in the editing panel, sending the chosen file with
 * the kept token (api/imports.ts); after an import that wrote records it offers to reload the page
 * so the network, search and timeline are drawn from the new data (the view is in the URL).
 */
import { ApiError } from '../api/client.js';
import { ImportApi, ImportRefused, type ImportReport } from '../api/imports.js';
import { guessFormat } from '../model/import-report.js';
import type { TokenStore } from '../state/session.js';
import { importForm } from '../ui/import-form.js';
import { h } from '../ui/dom.js';

export interface ImportingDeps {
  tokens: TokenStore;
  root: HTMLElement;
  toast: (message: string) => void;
}

function explain(err: unknown): { message: string; problems: string[] } {
  if (err instanceof ImportRefused) return { message: err.message, problems: err.report.problems.map((p) => `${p.record} › ${p.field}: ${p.reason}`) };
  if (err instanceof ApiError) return { message: err.kind === 'graphql' ? err.message : err.userMessage, problems: [] };
  return { message: String(err), problems: [] };
}

export class ImportingController {
  constructor(deps: ImportingDeps) {
    const api = new ImportApi(() => deps.tokens.headers());
    const imported = (report: ImportReport) => {
      deps.toast(`Imported ${report.written} record(s)`);
      deps.root.querySelector('#import-redraw')?.remove();
      const reload = h('button', { type: 'button', id: 'import-reload' }, 'Reload to see them');
      reload.addEventListener('click', () => location.reload());
      deps.root.append(h('p', { class: 'notice', id: 'import-redraw' }, `Imported ${report.written} record(s). `, reload));
    };
    deps.root.append(
      importForm({
        guess: async (file) => guessFormat(file.name, (await file.slice(0, 4096).text()).split(/\r?\n/, 1)[0] ?? ''),
        run: (file, format, dryRun) => api.run({ file, name: file.name, format, dryRun }),
        explain,
        imported,
      }),
    );
  }
}
