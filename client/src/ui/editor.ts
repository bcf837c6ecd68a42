/**
 * The editor's UI: the token field (kept in sessionStorage), the forms that edit the selected
 * record — edit an actor, add a relationship with its claim, add a citation, retire, merge — each
 * with its evidence (source, verbatim quote, location, grade), showing the API's validation message
 * next to the field it names, and the record's history for the details panel.
 */
import { ApiError } from '../api/client.js';
import type { AuditEntryView } from '../api/edits.js';
import type { Vocabulary } from '../api/types.js';
import { fieldFor, reasonOf, type FormValues, type HistoryRow } from '../model/edit-forms.js';
import { clear, h } from './dom.js';

export interface FieldSpec {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'select' | 'password';
  options?: ReadonlyArray<{ value: string; label: string }>;
  value?: string;
  hint?: string;
  list?: string;
}

const fieldId = (form: string, name: string) => `${form}-${name.replace(/\./g, '-')}`;

/** The evidence every write carries, under `prefix`; a claim adds its own dating. */
export function evidenceFields(vocab: Vocabulary, prefix: 'evidence' | 'claim'): FieldSpec[] {
  return [
    { name: `${prefix}.source`, label: 'Source id', list: 'editor-sources', hint: 'a stored source document' },
    { name: `${prefix}.quote`, label: 'Quote (verbatim)', kind: 'textarea' },
    { name: `${prefix}.location`, label: 'Location', hint: 'p. 12, footnote 48, Table 2' },
    { name: `${prefix}.confidence`, label: 'Grade', kind: 'select', value: 'REPORTED', options: vocab.confidenceGrades.map((g) => ({ value: g.grade, label: g.label })) },
    ...(prefix === 'claim' ? [{ name: 'claim.from', label: 'From (YYYY[-MM[-DD]])' }, { name: 'claim.to', label: 'To' }] : []),
  ];
}

function control(form: string, f: FieldSpec): HTMLElement {
  const id = fieldId(form, f.name);
  const common = { id, name: f.name, 'aria-describedby': `${id}-error` };
  if (f.kind === 'select') {
    const select = h('select', common, (f.options ?? []).map((o) => h('option', { value: o.value }, o.label)));
    if (f.value !== undefined) select.value = f.value;
    return select;
  }
  if (f.kind === 'textarea') {
    const area = h('textarea', { ...common, rows: 3 });
    area.value = f.value ?? '';
    return area;
  }
  const input = h('input', { ...common, type: f.kind === 'password' ? 'password' : 'text', list: f.list, autocomplete: 'off' });
  input.value = f.value ?? '';
  return input;
}

/**
 * One form: its fields, a submit button, and the API's answer — a validation message next to the
 * field it names (or above the button), or `onDone` with the audit entry.
 */
export function editForm(id: string, title: string, fields: readonly FieldSpec[], submit: (values: FormValues) => Promise<AuditEntryView>, onDone: (entry: AuditEntryView) => void): HTMLElement {
  const names = fields.map((f) => f.name);
  const general = h('p', { class: 'form-error', id: `${id}-error`, role: 'alert' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Save');
  const form = h(
    'form',
    { id, class: 'edit-form', novalidate: true },
    fields.map((f) =>
      h('div', { class: 'field' }, h('label', { for: fieldId(id, f.name) }, f.label), control(id, f), f.hint ? h('span', { class: 'small muted' }, f.hint) : null, h('span', { class: 'field-error', id: `${fieldId(id, f.name)}-error`, 'data-error-for': f.name })),
    ),
    general,
    button,
  );
  const reset = () => {
    general.textContent = '';
    for (const el of form.querySelectorAll<HTMLElement>('.field-error')) el.textContent = '';
    for (const el of form.querySelectorAll<HTMLElement>('[aria-invalid]')) el.removeAttribute('aria-invalid');
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    reset();
    const values = Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));
    button.disabled = true;
    submit(values)
      .then(onDone, (err: unknown) => {
        const field = err instanceof ApiError ? fieldFor(err.field, names) : null;
        const text = err instanceof ApiError ? (err.kind === 'graphql' ? reasonOf(err.message, err.field) : err.userMessage) : String(err);
        if (field) {
          const slot = form.querySelector<HTMLElement>(`[data-error-for="${field}"]`);
          if (slot) slot.textContent = err instanceof ApiError && err.field !== field ? `${err.field}: ${text}` : text;
          form.querySelector<HTMLElement>(`[name="${field}"]`)?.setAttribute('aria-invalid', 'true');
        } else general.textContent = err instanceof ApiError && err.kind === 'graphql' ? err.message : text;
      })
      .finally(() => (button.disabled = false));
  });
  return h('details', { class: 'edit-block' }, h('summary', {}, title), form);
}

export function historySection(rows: readonly HistoryRow[]): HTMLElement {
  return h(
    'section',
    { id: 'details-history', class: 'history' },
    h('h4', {}, `History (${rows.length})`),
    rows.length === 0
      ? h('p', { class: 'muted small' }, 'No edits: the record is as the documents were coded.')
      : h(
          'ol',
          { class: 'history-list' },
          rows.map((r) => h('li', {}, h('div', {}, h('strong', {}, r.who), h('span', { class: 'muted small' }, ` ${r.when}`)), h('div', {}, r.what), r.changes.length ? h('ul', { class: 'small' }, r.changes.map((c) => h('li', {}, c))) : null, h('div', { class: 'small muted' }, r.evidence))),
        ),
  );
}

/** The token field: saved in sessionStorage, checked against the API (`me`), never shown again. */
export class TokenPanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly deps: { save: (token: string) => void; forget: () => void; describe: () => Promise<string> },
  ) {
    this.render();
  }

  private render(): void {
    clear(this.root);
    const input = h('input', { id: 'token-input', type: 'password', autocomplete: 'off', placeholder: 'nxt_…', 'aria-describedby': 'token-status' });
    const status = h('p', { id: 'token-status', class: 'small muted', role: 'status' }, 'Checking…');
    const save = h('button', { type: 'button', id: 'token-save' }, 'Use token');
    const forget = h('button', { type: 'button', id: 'token-forget' }, 'Forget');
    const refresh = () => void this.deps.describe().then((text) => (status.textContent = text), () => (status.textContent = 'Could not check the token.'));
    save.addEventListener('click', () => {
      this.deps.save(input.value);
      input.value = '';
      refresh();
    });
    forget.addEventListener('click', () => {
      this.deps.forget();
      refresh();
    });
    this.root.append(h('h2', {}, 'Editing'), h('label', { for: 'token-input', class: 'small' }, 'API token (editors; kept for this tab only)'), h('div', { class: 'row' }, input, save, forget), status);
    refresh();
  }
}
