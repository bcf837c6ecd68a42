/**
 * Client mistakes in the HTTP layer become 4xx answers with a stable code, shaped like GraphQL
 * errors, never a 500 with a stack trace: an unsupported charset or content encoding is 415, a
 * body that cannot be decompressed or parsed is 400, one too large 413. Only what is left (a real
 * fault of ours) is logged and answered 500.
 */
import type { ErrorRequestHandler, Response } from 'express';

export const sendError = (res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void => {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
};

interface HttpishError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  code?: string;
  charset?: string;
  encoding?: string;
  message?: string;
}

/** The 4xx answer for a body-parser or zlib error, or null when it is not a client mistake. */
export function clientMistake(err: HttpishError): { status: number; code: string; message: string } | null {
  switch (err.type) {
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'request body is larger than the server accepts' };
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: `request body must be a JSON object such as {"query": "{ sources { id } }"}: ${err.message ?? ''}`.trim() };
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `unsupported charset "${err.charset ?? ''}": send the JSON body as utf-8` };
    case 'encoding.unsupported':
      return { status: 415, code: 'UNSUPPORTED_ENCODING', message: `unsupported content encoding "${err.encoding ?? ''}": send the body plain, gzip, deflate or br` };
    case 'request.aborted':
      return { status: 400, code: 'BAD_REQUEST', message: 'the request was aborted before its body was read' };
    case 'request.size.invalid':
      return { status: 400, code: 'BAD_REQUEST', message: 'the request body does not have the length its Content-Length says' };
    default:
      break;
  }
  // zlib's errors (Z_DATA_ERROR for gzip and deflate, ERR__ERROR_… for brotli), which body-parser passes on as 400.
  if (typeof err.code === 'string' && (err.code.startsWith('Z_') || err.code.startsWith('ERR__'))) {
    return { status: 400, code: 'BAD_REQUEST', message: 'request body could not be decompressed: it does not match its Content-Encoding' };
  }
  const status = err.status ?? err.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: 'BAD_REQUEST', message: err.expose && err.message ? err.message : 'bad request' };
  }
  return null;
}

export const bodyErrors: ErrorRequestHandler = (err: HttpishError, _req, res, next) => {
  const mistake = clientMistake(err);
  if (!mistake) return next(err);
  sendError(res, mistake.status, mistake.code, mistake.message);
};

export const lastResort: ErrorRequestHandler = (err: HttpishError, req, res, _next) => {
  const mistake = clientMistake(err);
  if (mistake) {
    if (!res.headersSent) sendError(res, mistake.status, mistake.code, mistake.message);
    return;
  }
  console.error(`[http] unexpected error on ${req.method} ${req.path}`, err);
  if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
};
