/**
 * Runs a story for educators: sets its view (through the store, so the URL holds it), frames every
 * actor it will show, plays its years or steps through them, and captions each step with what
 * actually changes in it.
 */
import type { GraphView } from '../graph/view.js';
import type { GraphModel } from '../model/elements.js';
import { stepCaption, storyById, storyYears, type CaptionNames, type Story } from '../model/stories.js';
import type { ViewState } from '../model/url.js';
import { visibleSubgraph } from '../model/visibility.js';
import type { Store } from '../state/store.js';
import type { StoriesMenu } from '../ui/stories.js';
import type { Timebar } from '../ui/timebar.js';

const STEP_MS = 4000;

export class StoryRunner {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: { store: Store; graph: GraphView; model: GraphModel; timebar: () => Timebar; menu: () => StoriesMenu; names: CaptionNames }) {}

  /** Every actor the story shows over all its years, to frame them once (nothing moves while it plays). */
  frame(story: Story): string[] {
    const ids = new Set<string>();
    const st = story.state;
    for (const year of storyYears(story)) for (const id of visibleSubgraph(this.deps.model, { kind: 'year', year }, st.filters, st.focus).nodes) ids.add(id);
    return [...ids];
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.deps.timebar().pause();
  }

  start(story: Story): void {
    const { store, graph } = this.deps;
    this.stop();
    store.update({ ...story.state, path: null, timeline: store.get().timeline });
    const frame = this.frame(story);
    if (frame.length > 0) graph.fitTo(frame);
    const seq = story.sequence;
    if (seq?.kind === 'play') this.deps.timebar().play(seq.to);
    else if (seq?.kind === 'steps') {
      const years = [...seq.years];
      const next = () => {
        const year = years.shift();
        if (year === undefined || store.get().story !== story.id) {
          this.timer = null;
          return;
        }
        store.update({ year });
        this.timer = years.length > 0 ? setTimeout(next, STEP_MS) : null;
      };
      this.timer = setTimeout(next, STEP_MS);
    }
  }

  /** Caption the step the state shows: what changed since the story's previous year. */
  caption(s: ViewState, prev: ViewState | null): void {
    const story = storyById(s.story);
    if (!story || s.year === null) return;
    if (s.mode === 'compare') {
      this.deps.menu().setStep(null);
      return;
    }
    const stepped = prev !== null && prev.story === s.story && prev.year !== null && prev.year !== s.year;
    if (prev && prev.story === s.story && prev.year === s.year) return;
    this.deps.menu().setStep(stepCaption(this.deps.model, story, stepped ? prev.year : null, s.year, this.deps.names));
  }
}
