/**
 * Editing in the explorer: keeps the token (state/session.ts) and sends it with every request,
 * puts the import form (controllers/importing.ts) under the token field, and adds to the details
 * panel the selected record's history and the editor's forms. After a
 * saved edit the details are shown again from the API (the change and its history); a change that
 * alters the network offers to reload the page to redraw it (the view is in the URL).
 */
import type { GraphqlClient } from '../api/client.js';
import { EditApi, type AuditEntryView } from '../api/edits.js';
import type { ActorFull, RelationshipFull, Vocabulary } from '../api/types.js';
import { evidenceOf, historyRows, section, type FormValues } from '../model/edit-forms.js';
import type { TokenStore } from '../state/session.js';
import { editForm, evidenceFields, historySection, TokenPanel } from '../ui/editor.js';
import { h } from '../ui/dom.js';
import { ImportingController } from './importing.js';

export interface EditingDeps {
  gql: GraphqlClient;
  tokens: TokenStore;
  vocab: Vocabulary;
  tokenRoot: HTMLElement;
  /** Show the selection's details again (after a save). */
  reshow: (sel: string | null) => void;
  toast: (message: string) => void;
}

const REDRAWS = new Set(['CREATE_RELATIONSHIP', 'RETIRE_ACTOR', 'RETIRE_RELATIONSHIP', 'MERGE_ACTORS', 'UPDATE_RELATIONSHIP']);

export class EditingController {
  private readonly edits: EditApi;

  constructor(private readonly deps: EditingDeps) {
    this.edits = new EditApi(deps.gql);
    new TokenPanel(deps.tokenRoot, {
      save: (t) => deps.tokens.set(t),
      forget: () => deps.tokens.clear(),
      describe: async () => {
        if (!deps.tokens.get()) return 'No token: you can read; editing needs an editor token.';
        const me = await this.edits.me();
        return me.name ? `Signed in as ${me.name} (${(me.role ?? '').toLowerCase()}).` : 'The token is not valid (unknown or revoked).';
      },
    });
    new ImportingController({ tokens: deps.tokens, root: deps.tokenRoot, toast: deps.toast });
    const list = h('datalist', { id: 'editor-sources' });
    document.body.append(list);
    void this.edits.sources().then((sources) => list.append(...sources.map((s) => h('option', { value: s.id }, s.title))), () => undefined);
  }

  /** Append the record's history and the forms to the details panel's body. */
  decorate(sel: string, record: ActorFull | RelationshipFull, body: HTMLElement): void {
    const id = sel.slice(2);
    const history = h('div', { class: 'history-slot' }, h('p', { class: 'muted small' }, 'Loading the history…'));
    body.append(history);
    void this.edits.history(id).then(
      (entries) => history.replaceChildren(historySection(historyRows(entries, id))),
      () => history.replaceChildren(h('p', { class: 'muted small' }, 'The history could not be loaded.')),
    );
    const done = (next: string | null) => (entry: AuditEntryView) => {
      this.deps.toast(`Saved: ${entry.summary}`);
      this.deps.reshow(next);
      if (REDRAWS.has(entry.operation)) {
        const reload = h('button', { type: 'button', id: 'editor-reload' }, 'Reload to redraw the network');
        reload.addEventListener('click', () => location.reload());
        this.deps.tokenRoot.querySelector('#editor-redraw')?.remove();
        this.deps.tokenRoot.append(h('p', { class: 'notice', id: 'editor-redraw' }, `Saved: ${entry.summary}. `, reload));
      }
    };
    body.append(h('h4', {}, 'Edit'), h('p', { class: 'small muted' }, 'Every edit needs an editor token and cites its evidence.'), ...(sel.startsWith('a:') ? this.actorForms(record as ActorFull, done) : this.relationshipForms(record as RelationshipFull, done)));
  }

  private actorForms(a: ActorFull, done: (next: string | null) => (e: AuditEntryView) => void): HTMLElement[] {
    const { vocab } = this.deps;
    const kinds = vocab.actorKinds.map((k) => ({ value: k.kind, label: k.label }));
    const current: Record<string, string> = { name: a.name, kind: a.kind, country: a.country ?? '', description: a.description };
    const edit = editForm(
      'form-edit-actor',
      'Edit this actor',
      [
        { name: 'changes.name', label: 'Name', value: a.name },
        { name: 'changes.kind', label: 'Kind', kind: 'select', options: kinds, value: a.kind },
        { name: 'changes.country', label: 'Country', value: a.country ?? '' },
        { name: 'changes.description', label: 'Description', kind: 'textarea', value: a.description },
        ...evidenceFields(vocab, 'evidence'),
      ],
      (v: FormValues) => {
        const changes = Object.fromEntries(Object.entries(current).flatMap(([k, was]) => {
          const now = (v[`changes.${k}`] ?? '').trim();
          return now === was ? [] : [[k, now === '' && k === 'country' ? null : now]];
        }));
        return this.edits.updateActor(a.id, changes, evidenceOf(v));
      },
      done(`a:${a.id}`),
    );
    const types = vocab.relationshipTypes.map((t) => ({ value: t.type, label: t.label }));
    const relate = editForm(
      'form-add-relationship',
      'Add a relationship from this actor',
      [{ name: 'input.type', label: 'Type', kind: 'select', options: types }, { name: 'input.target', label: 'Other actor (id)', hint: 'e.g. taliban' }, { name: 'input.description', label: 'Description' }, ...evidenceFields(vocab, 'claim')],
      (v) => this.edits.createRelationship({ ...section(v, 'input'), source: a.id }, evidenceOf(v, 'claim')),
      done(`a:${a.id}`),
    );
    const merge = editForm(
      'form-merge',
      'Merge another actor into this one',
      [{ name: 'merged', label: 'Actor to merge (id)' }, { name: 'reason', label: 'Why they are one actor' }, ...evidenceFields(vocab, 'evidence')],
      (v) => this.edits.mergeActors(a.id, (v['merged'] ?? '').trim(), v['reason'] ?? '', evidenceOf(v)),
      done(`a:${a.id}`),
    );
    return [edit, relate, merge, this.retireForm('actor', a.id, done)];
  }

  private relationshipForms(r: RelationshipFull, done: (next: string | null) => (e: AuditEntryView) => void): HTMLElement[] {
    const cite = editForm('form-add-citation', 'Add a citation (a claim)', evidenceFields(this.deps.vocab, 'claim'), (v) => this.edits.addCitation(r.id, evidenceOf(v, 'claim')), done(`r:${r.id}`));
    return [cite, this.retireForm('relationship', r.id, done)];
  }

  private retireForm(kind: 'actor' | 'relationship', id: string, done: (next: string | null) => (e: AuditEntryView) => void): HTMLElement {
    return editForm(
      `form-retire-${kind}`,
      `Retire this ${kind}`,
      [{ name: 'reason', label: 'Why', hint: 'kept with its data and history, but out of the network' }, ...evidenceFields(this.deps.vocab, 'evidence')],
      (v) => this.edits.retire(kind, id, v['reason'] ?? '', evidenceOf(v)),
      done(null),
    );
  }
}
