/**
 * The workspace panel: start from the selected actor, the top actors or the path shown; expand the
 * selected actor's neighbours (all connecting relationships, stages only or one type; a minimum
 * grade; the time bar's years), hide or collapse it; undo, redo; the breadcrumb of steps (a click
 * goes back to that step); leave to explore the whole network again.
 */
import type { Confidence, Vocabulary } from '../api/types.js';
import type { ExpandOptions, WorkspaceController } from '../controllers/workspace.js';
import type { ViewState } from '../model/url.js';
import { describeStep } from '../model/workspace.js';
import { clear, confidenceSelect, h } from './dom.js';

export interface WorkspacePanelDeps {
  workspace: WorkspaceController;
  nameOf: (id: string) => string;
  typeLabel: (t: string) => string;
  /** The time bar's years now (null: all years). */
  shownYears: () => { from: number; to: number } | null;
  topActors: () => string[];
  pathActors: () => string[] | null;
  /** How many workspace actors the view shows now. */
  counts: () => { inWorkspace: number; shown: number } | null;
}

const STAGES = '__stages__';

export class WorkspacePanel {
  private readonly steps: HTMLElement;
  private readonly idle: HTMLElement;
  private readonly active: HTMLElement;
  private readonly selectionLabel: HTMLElement;
  private readonly count: HTMLElement;
  private readonly buttons: Record<'fromSelection' | 'top' | 'path' | 'expand' | 'hide' | 'collapse' | 'undo' | 'redo' | 'leave', HTMLButtonElement>;
  private readonly typeSelect: HTMLSelectElement;
  private readonly confSelect: HTMLSelectElement;
  private readonly useTime: HTMLInputElement;
  private selected: string | null = null;

  constructor(root: HTMLElement, private readonly vocab: Vocabulary, private readonly d: WorkspacePanelDeps) {
    const button = (id: string, text: string, title: string) => h('button', { type: 'button', id, title }, text);
    this.buttons = {
      fromSelection: button('ws-start', 'Explore from the selection', 'Start a workspace with the selected actor only (E expands it)'),
      top: button('ws-top', 'Top actors', 'Start a workspace with the ten most connected actors'),
      path: button('ws-path', 'The path’s actors', 'Start a workspace with the actors of the path shown'),
      expand: button('ws-expand', 'Expand', 'Add the selected actor’s neighbours (E)'),
      hide: button('ws-hide', 'Hide', 'Take the selected actor out of the workspace (H)'),
      collapse: button('ws-collapse', 'Collapse', 'Take out what expanding the selected actor brought in'),
      undo: button('ws-undo', 'Undo', 'Undo the last step (U)'),
      redo: button('ws-redo', 'Redo', 'Redo the step undone (R)'),
      leave: button('ws-leave', 'Leave', 'Explore the whole network again'),
    };
    const connecting = vocab.relationshipTypes.filter((t) => t.connects);
    this.typeSelect = h(
      'select',
      { id: 'ws-type', 'aria-label': 'Expand through' },
      h('option', { value: '' }, 'all connecting links'),
      h('option', { value: STAGES }, 'continuum stages'),
      connecting.map((t) => h('option', { value: t.type }, t.label.toLowerCase())),
    );
    this.confSelect = confidenceSelect('ws-conf', 'any grade', vocab.confidenceGrades);
    this.useTime = h('input', { type: 'checkbox', id: 'ws-time' });
    this.selectionLabel = h('p', { class: 'small', id: 'ws-selection' });
    this.count = h('p', { class: 'small muted', id: 'ws-count', 'aria-live': 'polite' });
    this.steps = h('ol', { class: 'ws-steps', id: 'ws-steps', 'aria-label': 'Workspace steps' });
    this.idle = h('div', {}, h('p', { class: 'small muted' }, 'Grow a picture step by step, as in Bloom or Linkurious: start from one actor and expand it.'), h('div', { class: 'row' }, this.buttons.fromSelection, this.buttons.top, this.buttons.path));
    this.active = h(
      'div',
      { hidden: true },
      this.steps,
      this.selectionLabel,
      h('div', { class: 'row' }, this.buttons.expand, this.buttons.hide, this.buttons.collapse),
      h('div', { class: 'row' }, h('label', { for: 'ws-type' }, 'through'), this.typeSelect),
      h('div', { class: 'row' }, this.confSelect, h('label', { class: 'inline' }, this.useTime, ' in the time bar’s years')),
      h('div', { class: 'row' }, this.buttons.undo, this.buttons.redo, this.buttons.leave),
      this.count,
    );
    root.append(h('h2', {}, 'Workspace'), this.idle, this.active);

    const ws = d.workspace;
    const selectedActor = () => (this.selected?.startsWith('a:') ? this.selected.slice(2) : null);
    this.buttons.fromSelection.addEventListener('click', () => {
      const id = selectedActor();
      if (id) ws.start([id]);
    });
    this.buttons.top.addEventListener('click', () => ws.start(d.topActors()));
    this.buttons.path.addEventListener('click', () => ws.start(d.pathActors() ?? []));
    this.buttons.expand.addEventListener('click', () => this.expandSelected());
    this.buttons.hide.addEventListener('click', () => {
      const id = selectedActor();
      if (id) ws.hide(id);
    });
    this.buttons.collapse.addEventListener('click', () => {
      const id = selectedActor();
      if (id) ws.collapse(id);
    });
    this.buttons.undo.addEventListener('click', () => ws.undo());
    this.buttons.redo.addEventListener('click', () => ws.redo());
    this.buttons.leave.addEventListener('click', () => ws.leave());
  }

  /** What an expansion asks for now (the type, grade and time options). */
  options(): ExpandOptions {
    const t = this.typeSelect.value;
    const types = t === STAGES ? this.vocab.relationshipTypes.filter((x) => x.isStage && x.connects).map((x) => x.type as string) : t ? [t] : [];
    return { types, minConfidence: (this.confSelect.value || null) as Confidence | null, years: this.useTime.checked ? this.d.shownYears() : null };
  }

  expandSelected(): void {
    if (this.selected?.startsWith('a:')) this.d.workspace.expand(this.selected.slice(2), this.options());
  }

  render(s: ViewState): void {
    this.selected = s.selected;
    const actor = s.selected?.startsWith('a:') ? s.selected.slice(2) : null;
    const steps = s.ws ?? [];
    this.idle.hidden = steps.length > 0;
    this.active.hidden = steps.length === 0;
    this.buttons.fromSelection.disabled = actor === null;
    this.buttons.path.disabled = !this.d.pathActors()?.length;
    for (const b of [this.buttons.expand, this.buttons.hide, this.buttons.collapse]) b.disabled = actor === null;
    this.buttons.undo.disabled = steps.length === 0;
    this.buttons.redo.disabled = !this.d.workspace.canRedo;
    this.selectionLabel.textContent = actor ? `Selected: ${this.d.nameOf(actor)}` : 'Select an actor to expand, hide or collapse it.';
    clear(this.steps);
    steps.forEach((step, i) => {
      const current = i === steps.length - 1;
      const b = h('button', { type: 'button', class: 'linklike', 'aria-current': current ? 'step' : undefined, title: current ? 'The current step' : 'Go back to this step (later ones can be redone)' }, describeStep(step, this.d.nameOf, this.d.typeLabel));
      b.addEventListener('click', () => {
        if (!current) this.d.workspace.backTo(i + 1);
      });
      this.steps.append(h('li', {}, b));
    });
    const c = this.d.counts();
    const cut = this.d.workspace.truncatedIn(steps).length;
    this.count.textContent = c ? `${c.inWorkspace} actors in the workspace, ${c.shown} shown${cut ? ` · ${cut} expansion${cut > 1 ? 's' : ''} brought only the first 300 neighbours` : ''}` : '';
  }
}
