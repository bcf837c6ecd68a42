/**
 * Health endpoints: /healthz says the process is up, which store it uses, what it holds and how
 * many other requests it is answering;
 * /readyz says whether the store answers right now (503 when it does not).
 */
import { Router } from 'express';
import type { GraphStore } from '../store/port.js';

export function healthRouter(store: GraphStore, inFlight?: () => number): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      res.json({ status: 'ok', store: store.kind, counts: await store.counts(), ...(inFlight ? { requestsInFlight: inFlight() - 1 } : {}) });
    } catch (e) {
      res.status(503).json({ status: 'degraded', store: store.kind, error: (e as Error).message });
    }
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await store.ping();
      res.json({ ready: true, store: store.kind });
    } catch (e) {
      res.status(503).json({ ready: false, store: store.kind, error: (e as Error).message });
    }
  });
  return router;
}
