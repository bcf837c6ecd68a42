/**
 * Security headers on every answer — a content security policy that lets the built explorer load
 * its own scripts, worker and images only (no inline or foreign script, no eval, no framing; inline
 * styles are allowed), nosniff, no referrer — and CORS for the origins CORS_ORIGINS allows (none by default: same origin only).
 */
import type { RequestHandler } from 'express';
import { sendError } from './body-errors.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Cytoscape inserts its container's stylesheet and styles elements inline; styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** `csp` false in development, where Vite's client injects inline scripts. */
export function securityHeaders(options: { csp: boolean }): RequestHandler {
  return (_req, res, next) => {
    if (options.csp) res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    next();
  };
}

const ALLOWED_HEADERS = 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-request-id';

/**
 * CORS: an allowed origin gets the Access-Control headers (and its preflight a 204); a preflight
 * from any other origin is refused with 403 CORS_ORIGIN_NOT_ALLOWED. Requests without an Origin,
 * or from the page itself, pass untouched (the browser enforces the rest).
 */
export function cors(allowed: readonly string[]): RequestHandler {
  const any = allowed.includes('*');
  const set = new Set(allowed);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (!origin) return next();
    res.vary('Origin');
    const ok = any || set.has(origin);
    if (ok) {
      res.setHeader('Access-Control-Allow-Origin', any ? '*' : origin);
      res.setHeader('Access-Control-Expose-Headers', 'x-request-id, retry-after');
    }
    if (req.method !== 'OPTIONS' || !req.headers['access-control-request-method']) return next();
    if (!ok) return sendError(res, 403, 'CORS_ORIGIN_NOT_ALLOWED', `origin ${origin} is not allowed to call this API (CORS_ORIGINS)`);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}
