/**
 * Structured request logs: one JSON line per request when it ends — its id (the client's
 * X-Request-Id when it is a plain token, else a new one; echoed in the answer), method, path,
 * GraphQL operation name, status, the GraphQL error codes the answer carries (`errors`, when it
 * carries any: a GraphQL error is often an HTTP 200), duration and client address. Never headers (so no
 * Authorization, no token), never variables unless REQUEST_LOG_VARIABLES=true.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Request, RequestHandler } from 'express';

export type LogSink = (line: string) => void;

/** The res.locals key under which a GraphQL request's error codes are left for the log. */
export const GRAPHQL_ERROR_CODES = 'graphqlErrorCodes';

export const stdoutSink: LogSink = (line) => void process.stdout.write(`${line}\n`);

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const OPERATION = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]{0,99})/;

/** The operation's name as the client gave it (operationName, else the document's first name), or null. */
export function operationName(req: Request): string | null {
  const source = (req.method === 'GET' ? req.query : req.body) as Record<string, unknown> | undefined;
  if (!source || typeof source !== 'object') return null;
  const named = source['operationName'];
  if (typeof named === 'string' && named !== '') return named.slice(0, 100);
  const query = source['query'];
  if (typeof query !== 'string') return null;
  const m = OPERATION.exec(query.slice(0, 2000));
  return m?.[1] ?? null;
}

export function requestLog(options: { sink: LogSink; logVariables: boolean }): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const path = req.path; // before a mounted router strips its prefix
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals['requestId'] = id;
    res.setHeader('X-Request-Id', id);
    let done = false;
    const finish = (aborted: boolean) => {
      if (done) return;
      done = true;
      const entry: Record<string, unknown> = {
        time: new Date().toISOString(),
        msg: 'request',
        id,
        method: req.method,
        path,
        operation: path === '/graphql' ? operationName(req) : null,
        status: aborted ? null : res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        client: req.ip ?? null,
      };
      const codes = res.locals[GRAPHQL_ERROR_CODES] as string[] | undefined;
      if (codes) entry['errors'] = codes;
      if (aborted) entry['aborted'] = true;
      if (options.logVariables && path === '/graphql') {
        const body = req.body as { variables?: unknown } | undefined;
        entry['variables'] = body?.variables ?? null;
      }
      options.sink(JSON.stringify(entry));
    };
    res.on('finish', () => finish(false));
    res.on('close', () => finish(!res.writableFinished));
    next();
  };
}
