/**
 * The header's exports of the view: a PNG and an SVG framed with a title, the time shown, the
 * counts, every active filter, a legend of what is drawn and the link that rebuilds the view; and a
 * JSON document with every visible relationship's claims (quote, document, location, dating), the
 * documents cited and that link.
 */
import { ApiError } from '../api/client.js';
import type { NexusApi } from '../api/queries.js';
import type { Vocabulary } from '../api/types.js';
import { drawingOf } from '../graph/drawing.js';
import type { GraphView } from '../graph/view.js';
import type { GraphModel } from '../model/elements.js';
import { exportCaption, exportSubgraph, whenShown, type ExportCaption } from '../model/export.js';
import { figureLegend, layoutFigure, type FigureLayout } from '../model/figure.js';
import type { Legend } from '../model/legend.js';
import { encodeViewState } from '../model/url.js';
import { shareLink, type Store } from '../state/store.js';
import { downloadDataUrl, downloadText } from '../ui/dom.js';
import { framedPng, framedSvg } from '../ui/figure.js';

export interface ExportDeps {
  api: NexusApi;
  store: Store;
  graph: GraphView;
  model: GraphModel;
  vocab: Vocabulary;
  legend: Legend;
  nameOf: (id: string) => string;
  /** The first year of the data (a comparison's start when the link gives none). */
  earliest: number;
  onError: (message: string) => void;
}

/** The graph's box in the figure: 900 px wide, as tall as the drawing's proportions ask (400–900). */
const GRAPH_W = 900;

export class ExportController {
  /** Resolves when the last export has been handed to the browser (for tests). */
  last: Promise<void> = Promise.resolve();

  constructor(private readonly d: ExportDeps) {}

  fileName(): string {
    const s = this.d.store.get();
    return `nexus-${s.mode === 'all' ? 'all-years' : s.mode === 'year' ? String(s.year) : `${s.from}-${s.year}`}`;
  }

  caption(): ExportCaption {
    const s = this.d.store.get();
    const kind = new Map(this.d.vocab.actorKinds.map((k) => [k.kind as string, k.label]));
    const type = new Map(this.d.vocab.relationshipTypes.map((t) => [t.type as string, t.label]));
    const grade = new Map(this.d.vocab.confidenceGrades.map((g) => [g.grade as string, g.label]));
    return exportCaption(s, this.d.graph.shown(), whenShown(s, this.d.earliest), {
      kind: (k) => kind.get(k) ?? k,
      type: (t) => type.get(t) ?? t,
      grade: (g) => grade.get(g) ?? g,
      actor: this.d.nameOf,
    });
  }

  png(): void {
    this.run(async () => {
      const layout = this.layout();
      downloadDataUrl(await framedPng(layout, this.d.graph.exportPng()), `${this.fileName()}.png`);
    });
  }

  svg(): void {
    this.run(async () => downloadText(framedSvg(this.layout(), drawingOf(this.d.graph.cy)), `${this.fileName()}.svg`, 'image/svg+xml'));
  }

  json(): void {
    this.run(async () => {
      const visible = this.d.graph.shown();
      const withClaims = await this.d.api.relationshipsById([...visible.edges]);
      const doc = exportSubgraph(this.d.model, visible, { url: shareLink(this.d.store), query: encodeViewState(this.d.store.get()), caption: this.caption() }, withClaims);
      downloadText(JSON.stringify(doc, null, 2), `${this.fileName()}.json`);
    });
  }

  private layout(): FigureLayout {
    const drawing = drawingOf(this.d.graph.cy);
    const h = Math.round(Math.min(900, Math.max(400, (GRAPH_W * drawing.box.h) / drawing.box.w)));
    const footer = `${shareLink(this.d.store)} · exported ${new Date().toISOString().slice(0, 10)} from Nexus Explorer`;
    return layoutFigure(this.caption(), figureLegend(this.d.legend, drawing), footer, GRAPH_W, h);
  }

  private run(work: () => Promise<void>): void {
    this.last = work().catch((err: unknown) => {
      console.error(err);
      this.d.onError(err instanceof ApiError ? err.userMessage : 'The export failed.');
    });
  }
}
