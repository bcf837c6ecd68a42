/**
 * POST /api/import?format=json|csv|mmp|ftm&name=<file name>[&dryRun=1][&overwriteEdited=1][&kind=…][&sourceId=…]
 * with the file as the body: the explorer's import, for editors. The body is read raw (up to
 * MAX_IMPORT_BYTES, utf-8 only, gzip/deflate/br allowed), handed to the same readers and planner
 * as `npm run import`, and answered with the plan (per row: added, updated, unchanged or skipped
 * and why); without dryRun the plan is written, all or nothing, with one audit entry naming the
 * token. A missing or viewer token is 401 UNAUTHENTICATED / 403 FORBIDDEN; a bad parameter or an
 * unreadable file 400 naming it; an unsupported charset or encoding 415.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { DomainError, BadInputError } from '../domain/errors.js';
import { ACTOR_KINDS, type ActorKind } from '../domain/vocabulary.js';
import { accessOf, requireRole, type Access } from '../graphql/access.js';
import type { TokenVerifier } from '../auth/tokens.js';
import { readImportFiles, type ImportFormat, type ReadOptions } from '../exchange/read.js';
import { applyImport, planImport, type ImportPlan } from '../services/imports.js';
import type { GraphStore } from '../store/port.js';
import { bodyErrors, sendError } from './body-errors.js';

/** The formats a browser sends as one file (a record file is for the command line). */
export const UPLOAD_FORMATS = ['json', 'csv', 'mmp', 'ftm'] as const satisfies readonly ImportFormat[];
const PARAMETERS = ['format', 'name', 'dryRun', 'overwriteEdited', 'kind', 'sourceId'] as const;
const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, UNAUTHENTICATED: 401, FORBIDDEN: 403, CONFLICT: 409, STORE_UNAVAILABLE: 503, SEED_INVALID: 400 };

export interface ImportAnswer {
  dryRun: boolean;
  format: string;
  counts: ImportPlan['counts'];
  rows: ImportPlan['rows'];
  review: string[];
  problems: ImportPlan['problems'];
  /** Records written (0 for a dry run or a refused import). */
  written: number;
}

function parameters(req: Request): { format: ImportFormat; name: string; dryRun: boolean; overwriteEdited: boolean; read: ReadOptions } {
  const q = req.query as Record<string, unknown>;
  const unknown = Object.keys(q).find((k) => !(PARAMETERS as readonly string[]).includes(k));
  if (unknown !== undefined) throw new BadInputError(unknown, `is not an import parameter (${PARAMETERS.join(', ')})`);
  const text = (k: string): string | undefined => {
    const v = q[k];
    if (v !== undefined && typeof v !== 'string') throw new BadInputError(k, 'give it once, as text');
    return v;
  };
  const format = text('format');
  if (!format || !(UPLOAD_FORMATS as readonly string[]).includes(format)) throw new BadInputError('format', `must be one of ${UPLOAD_FORMATS.join(', ')}`);
  const name = path.basename(text('name') ?? `upload.${format === 'ftm' ? 'ftm.jsonl' : format === 'json' ? 'json' : 'csv'}`);
  if (!/^[\w.\- ()]{1,120}$/.test(name)) throw new BadInputError('name', 'must be a plain file name (letters, digits, spaces, . - _ ( ))');
  const flag = (k: string) => {
    const v = text(k);
    if (v !== undefined && !['0', '1', 'true', 'false'].includes(v)) throw new BadInputError(k, 'must be 1 or 0');
    return v === '1' || v === 'true';
  };
  const kind = text('kind');
  if (kind !== undefined && !(ACTOR_KINDS as readonly string[]).includes(kind)) throw new BadInputError('kind', `must be one of ${ACTOR_KINDS.join(', ')}`);
  const sourceId = text('sourceId');
  const read: ReadOptions = { format: format as ImportFormat, ...(kind ? { kind: kind as ActorKind } : {}), ...(sourceId ? { sourceId } : {}) };
  return { format: format as ImportFormat, name, dryRun: flag('dryRun'), overwriteEdited: flag('overwriteEdited'), read };
}

function fail(res: Response, e: unknown): void {
  if (!(e instanceof DomainError)) console.error('[import] unexpected error', e);
  if (e instanceof DomainError) sendError(res, STATUS[e.code] ?? 400, e.code, e.message, e.details);
  else sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
}

export function importRouter(store: GraphStore, tokens: TokenVerifier | null, maxBytes: number): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: maxBytes });
  router.post('/api/import', async (req: Request, res: Response, next: NextFunction) => {
    // Who is asking is settled before the body is read: a refused caller's file is never taken.
    try {
      const access: Access = tokens ? await accessOf(req.headers.authorization, tokens) : { caller: null, invalidToken: req.headers.authorization !== undefined };
      res.locals['caller'] = requireRole(access, 'editor', 'importing');
      next();
    } catch (e) {
      fail(res, e);
    }
  }, (req: Request, res: Response, next: NextFunction) => {
    const charset = /charset=([^;\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.replace(/"/g, '').toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', `unsupported charset "${charset}": send the file as utf-8`);
    next();
  }, raw, bodyErrors, async (req: Request, res: Response) => {
    let dir: string | null = null;
    try {
      const p = parameters(req);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (body.length === 0) throw new BadInputError('body', 'send the file as the request body');
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body, { stream: false });
      dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-upload-'));
      const file = path.join(dir, p.name);
      await writeFile(file, text);
      const { input } = await readImportFiles([file], p.read);
      const plan = await planImport(store, input, { rows: true, overwriteEdited: p.overwriteEdited });
      const answer: ImportAnswer = { dryRun: p.dryRun, format: input.format, counts: plan.counts, rows: plan.rows, review: plan.review, problems: plan.problems, written: 0 };
      if (plan.problems.length > 0) {
        res.status(400).json({ ...answer, errors: [{ message: `the file was refused, nothing was written: ${plan.problems.length} problem(s)`, extensions: { code: 'BAD_USER_INPUT', field: 'body' } }] });
        return;
      }
      if (!p.dryRun) answer.written = (await applyImport(store, plan, { by: (res.locals['caller'] as { name: string }).name, files: [p.name] })).changed;
      res.status(200).json(answer);
    } catch (e) {
      if (e instanceof TypeError && /encoded data|decode/i.test(e.message)) sendError(res, 400, 'BAD_REQUEST', 'the file is not valid utf-8', { field: 'body' });
      else fail(res, e);
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  });
  return router;
}
