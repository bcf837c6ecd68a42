/**
 * The header's tools: fit, re-layout, zoom, the timeline and table views, the PNG/SVG/JSON
 * exports and "Copy link" (the link announced in the status region, or shown when the clipboard
 * is not available). The export and share tools start disabled in the page and are enabled here,
 * once the data has loaded.
 */
import type { ExportController } from '../controllers/exports.js';
import type { GraphView } from '../graph/view.js';
import { shareLink, type Store } from '../state/store.js';
import { byId } from './dom.js';
import type { StatusOverlay } from './status.js';

export function wireHeaderTools(d: { graph: GraphView; store: Store; status: StatusOverlay; exports: ExportController; relayout: () => void }): void {
  const { graph, store, status, exports } = d;
  byId('btn-fit').addEventListener('click', () => graph.fit());
  byId('btn-relayout').addEventListener('click', d.relayout);
  byId('btn-timeline').addEventListener('click', () => store.update({ timeline: !store.get().timeline, table: false, map: false }));
  byId('btn-table').addEventListener('click', () => store.update({ table: !store.get().table, timeline: false, map: false }));
  byId('btn-zoom-in').addEventListener('click', () => graph.zoomBy(1.25));
  byId('btn-zoom-out').addEventListener('click', () => graph.zoomBy(0.8));
  byId('btn-png').addEventListener('click', () => exports.png());
  byId('btn-svg').addEventListener('click', () => exports.svg());
  byId('btn-json').addEventListener('click', () => exports.json());
  byId('btn-link').addEventListener('click', () => {
    const link = shareLink(store);
    if (!navigator.clipboard) {
      status.toast(link, 8000);
      return;
    }
    navigator.clipboard.writeText(link).then(
      () => status.toast('Link copied'),
      () => status.toast(link, 8000),
    );
  });
  for (const id of ['btn-png', 'btn-svg', 'btn-json', 'btn-link']) byId<HTMLButtonElement>(id).disabled = false;
}
