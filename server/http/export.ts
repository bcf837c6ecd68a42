/**
 * GET /api/export?format=json|csv|graphml|gexf|cypher|ftm[&table=…] with the `network` query's
 * filters (at or year, from + to, types, stages, kinds, minConfidence, datedOnly, minSources):
 * the view streamed as a download (Content-Disposition: attachment). The route only shapes the
 * request; the services layer makes the view and the exchange formats write it. Bad parameters are
 * 400 with a code and the parameter named; nothing unexpected reaches the client.
 */
import { Router, type Request, type Response } from 'express';
import { DomainError, BadInputError } from '../domain/errors.js';
import { EXPORT_PARAMETERS, exportFileName, exportRequest } from '../exchange/export-args.js';
import { FORMAT_INFO, batched, writeFormat } from '../exchange/export-formats.js';
import type { ExportService } from '../services/exports.js';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, STORE_UNAVAILABLE: 503, LIMIT_EXCEEDED: 429 };

function fail(res: Response, e: unknown): void {
  if (!(e instanceof DomainError)) console.error('[export] unexpected error', e);
  const known = e instanceof DomainError;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(known ? (STATUS[e.code] ?? 500) : 500).json({ errors: [{ message: known ? e.message : 'Internal server error', extensions: { code: known ? e.code : 'INTERNAL_SERVER_ERROR', ...(known ? e.details : {}) } }] });
}

/** Wait for the socket to take more, or for the client to go away (listeners removed either way). */
function drainedOrClosed(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export function exportRouter(exports: ExportService): Router {
  const router = Router();
  router.get('/api/export', async (req: Request, res: Response) => {
    try {
      const query = req.query as Record<string, unknown>;
      const unknown = Object.keys(query).find((k) => !(EXPORT_PARAMETERS as readonly string[]).includes(k));
      if (unknown !== undefined) throw new BadInputError(unknown, `is not an export parameter (${EXPORT_PARAMETERS.join(', ')})`);
      const request = exportRequest((name) => {
        const v = query[name];
        if (v !== undefined && typeof v !== 'string') throw new BadInputError(name, 'give it once, as text');
        return v;
      });
      const view = await exports.view(request.args);
      const info = FORMAT_INFO[request.format];
      res.status(200);
      res.setHeader('Content-Type', info.mediaType);
      res.setHeader('Content-Disposition', `attachment; filename="${exportFileName(request, info.extension)}"`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'no-store');
      let closed = false;
      res.on('close', () => (closed = true));
      for (const chunk of batched(writeFormat(view, request.format, request.table))) {
        if (closed) return;
        if (!res.write(chunk)) await drainedOrClosed(res);
      }
      res.end();
    } catch (e) {
      fail(res, e);
    }
  });
  return router;
}
