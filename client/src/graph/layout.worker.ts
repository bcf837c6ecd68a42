/** The re-layout worker: answers each LayoutRequest with computeLayout (the page stays responsive). */
import { computeLayout, type LayoutRequest } from '../../../server/layout/layout-core.js';

self.onmessage = (e: MessageEvent<{ seq: number; req: LayoutRequest }>) => {
  const { seq, req } = e.data;
  try {
    (self as unknown as Worker).postMessage({ seq, answer: computeLayout(req) });
  } catch (err) {
    (self as unknown as Worker).postMessage({ seq, error: err instanceof Error ? err.message : String(err) });
  }
};
