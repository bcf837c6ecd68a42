/**
 * Plays a story: opening one or stepping (buttons, ←/→, a shared link's `story`/`step`) sets the
 * step's view through the store, so the URL holds it; after each render the step's actors are
 * framed and its relationships highlighted on the graph. Also copies the current view as a step.
 */
import type { GraphView } from '../graph/view.js';
import type { GraphModel } from '../model/elements.js';
import { neighbourStep, stepActors, stepAt, stepFromView, stepNumber, stepView, storyById, type Story } from '../model/stories.js';
import type { ViewState } from '../model/url.js';
import { EMPTY_FILTERS } from '../model/visibility.js';
import type { Store } from '../state/store.js';

export class StoryController {
  private readonly ends: Map<string, readonly string[]>;
  private highlighted = '';

  constructor(private readonly deps: { store: Store; graph: GraphView; model: GraphModel; toast: (message: string) => void; barHeight: () => number }) {
    this.ends = new Map(deps.model.edges.map((e) => [e.data.id, [e.data.source, e.data.target]]));
  }

  private endsOf = (id: string): readonly string[] => this.ends.get(id) ?? [];

  open(): boolean {
    return storyById(this.deps.store.get().story) !== null;
  }

  /** A step's view, with the filters cleared (only if set: a new filters object would lay the graph out again). */
  private go(story: Story, n: number): void {
    const filtered = JSON.stringify(this.deps.store.get().filters) !== JSON.stringify(EMPTY_FILTERS);
    this.deps.store.update({ ...stepView(story, n), ...(filtered ? { filters: { ...EMPTY_FILTERS } } : {}) });
  }

  start(story: Story): void {
    this.go(story, 1);
  }

  /** A shared link's story: set the open step's view (the link may hold only `story` and `step`). */
  resume(): void {
    const s = this.deps.store.get();
    const story = storyById(s.story);
    if (story) this.go(story, stepNumber(story, s));
  }

  step(delta: number): void {
    const s = this.deps.store.get();
    const story = storyById(s.story);
    if (!story) return;
    const next = neighbourStep(story, stepNumber(story, s), delta);
    if (next !== null) this.go(story, next);
  }

  end(): void {
    this.deps.store.update({ story: null, storyStep: null });
  }

  /** After a render: highlight and frame the open step (once per step), or clear when the story ends. */
  render(s: ViewState): void {
    const story = storyById(s.story);
    const key = story ? `${story.id}#${stepNumber(story, s)}` : '';
    if (key === this.highlighted) return;
    const was = this.highlighted;
    this.highlighted = key;
    if (!story) {
      if (was) this.deps.graph.clearPath();
      return;
    }
    const step = stepAt(story, stepNumber(story, s));
    const actors = stepActors(step, this.endsOf);
    this.deps.graph.highlightStory(actors, step.relationships);
    this.deps.graph.fitTo(actors, true, this.deps.barHeight());
  }

  /** The editor's "save the current view as a step": clipboard, else a download. */
  saveStep(caption: string): void {
    const json = JSON.stringify(stepFromView(this.deps.store.get(), caption, this.endsOf), null, 2);
    const download = () => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      a.download = 'story-step.json';
      a.click();
      URL.revokeObjectURL(a.href);
      this.deps.toast('Step saved as story-step.json — add its citations, then paste it into a story file');
    };
    if (!navigator.clipboard) return download();
    navigator.clipboard.writeText(json).then(() => this.deps.toast('Step JSON copied — add its citations, then paste it into a story file'), download);
  }
}
