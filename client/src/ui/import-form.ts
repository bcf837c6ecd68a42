/**
 * The editor's import form: choose a file (its format guessed, and changeable), ask for a dry run,
 * read per row what would be added, updated, left unchanged or skipped and why, then Apply. The
 * API's refusal (no or a viewer token, a bad file with its problems) is shown above the buttons.
 */
import { UPLOAD_FORMATS, type ImportReport, type UploadFormat } from '../api/imports.js';
import { reportLines, reportSummary } from '../model/import-report.js';
import { h } from './dom.js';

export interface ImportFormDeps {
  guess: (file: File) => Promise<UploadFormat>;
  run: (file: File, format: UploadFormat, dryRun: boolean) => Promise<ImportReport>;
  /** Why a run failed, in words (with a refused file's problems). */
  explain: (err: unknown) => { message: string; problems: string[] };
  /** After an import that wrote records. */
  imported: (report: ImportReport) => void;
}

function reportTable(report: ImportReport): HTMLElement {
  return h(
    'table',
    { id: 'import-report', class: 'import-report small' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Row'), h('th', {}, 'Outcome'), h('th', {}, 'Record'), h('th', {}, 'Why'))),
    h('tbody', {}, reportLines(report).map((l) => h('tr', { 'data-outcome': l.outcome }, h('td', {}, l.where), h('td', {}, l.outcome), h('td', {}, l.record), h('td', {}, l.why)))),
  );
}

export function importForm(deps: ImportFormDeps): HTMLElement {
  const file = h('input', { id: 'import-file', type: 'file', accept: '.csv,.json,.jsonl,.ndjson,text/csv,application/json' });
  const format = h('select', { id: 'import-format' }, UPLOAD_FORMATS.map((f) => h('option', { value: f.value }, f.label)));
  const dry = h('button', { type: 'button', id: 'import-dry-run' }, 'Dry run');
  const apply = h('button', { type: 'button', id: 'import-apply', class: 'primary', disabled: true }, 'Apply');
  const status = h('p', { id: 'import-status', class: 'small', role: 'status' });
  const error = h('div', { id: 'import-error', class: 'form-error', role: 'alert' });
  const out = h('div', { id: 'import-output' });
  const chosen = () => file.files?.[0] ?? null;
  const reset = () => {
    apply.disabled = true;
    status.textContent = '';
    error.replaceChildren();
    out.replaceChildren();
  };
  file.addEventListener('change', () => {
    reset();
    const f = chosen();
    if (f) void deps.guess(f).then((g) => (format.value = g));
  });
  format.addEventListener('change', reset);
  const go = (dryRun: boolean) => {
    const f = chosen();
    error.replaceChildren();
    if (!f) {
      error.textContent = 'Choose a file first.';
      return;
    }
    dry.disabled = true;
    apply.disabled = true;
    status.textContent = dryRun ? 'Checking the file…' : 'Importing…';
    deps
      .run(f, format.value as UploadFormat, dryRun)
      .then(
        (report) => {
          status.textContent = reportSummary(report);
          out.replaceChildren(reportTable(report), ...(report.review.length > 0 ? [h('h5', {}, 'For review'), h('ul', { id: 'import-review', class: 'small' }, report.review.map((r) => h('li', {}, r)))] : []));
          // Apply follows a clean dry run of this very file and format.
          apply.disabled = !dryRun || report.counts.add + report.counts.update === 0;
          if (!dryRun && report.written > 0) deps.imported(report);
        },
        (err: unknown) => {
          const { message, problems } = deps.explain(err);
          status.textContent = '';
          error.replaceChildren(h('p', {}, message), ...(problems.length > 0 ? [h('ul', { class: 'small' }, problems.map((p) => h('li', {}, p)))] : []));
        },
      )
      .finally(() => (dry.disabled = false));
  };
  dry.addEventListener('click', () => go(true));
  apply.addEventListener('click', () => go(false));
  const form = h(
    'form',
    { id: 'form-import', class: 'edit-form', novalidate: true, onsubmit: (e: Event) => e.preventDefault() },
    h('div', { class: 'field' }, h('label', { for: 'import-file' }, 'File'), file),
    h('div', { class: 'field' }, h('label', { for: 'import-format' }, 'Format'), format),
    h('div', { class: 'row' }, dry, apply),
    status,
    error,
    out,
  );
  return h('details', { class: 'edit-block', id: 'import-block' }, h('summary', {}, 'Import a file (editors)'), h('p', { class: 'small muted' }, 'A dry run shows what each row would do; nothing is written until Apply. Records editors have changed are left alone.'), form);
}
