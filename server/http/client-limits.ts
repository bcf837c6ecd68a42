/**
 * Per-client limits on the API, a client being its address (req.ip; X-Forwarded-For only with
 * TRUST_PROXY): a request rate (a token bucket: CLIENT_RATE_BURST at once, refilled at
 * CLIENT_RATE_PER_MIN) and a number of requests at once (CLIENT_CONCURRENCY). Over either, the
 * answer is 429 with RATE_LIMITED or CONCURRENCY_LIMITED and a Retry-After, so one client cannot
 * take the server from the others (heavy queries also take turns per client: graphql/lanes.ts).
 */
import type { RequestHandler } from 'express';
import { sendError } from './body-errors.js';

export interface ClientLimitOptions {
  ratePerMin: number;
  burst: number;
  concurrency: number;
  now?: () => number;
}

interface ClientState {
  tokens: number;
  at: number;
  running: number;
}

/** Idle clients are forgotten once this many are known. */
const MAX_CLIENTS = 10_000;

export function clientLimits(options: ClientLimitOptions): RequestHandler {
  const now = options.now ?? Date.now;
  const perMs = options.ratePerMin / 60_000;
  const clients = new Map<string, ClientState>();

  const stateOf = (key: string, t: number): ClientState => {
    let s = clients.get(key);
    if (!s) {
      if (clients.size >= MAX_CLIENTS) {
        for (const [k, v] of clients) if (v.running === 0) clients.delete(k);
      }
      s = { tokens: options.burst, at: t, running: 0 };
      clients.set(key, s);
    }
    return s;
  };

  return (req, res, next) => {
    if (req.method === 'OPTIONS') return next();
    const key = req.ip ?? 'unknown';
    const t = now();
    const s = stateOf(key, t);
    if (options.ratePerMin > 0) {
      s.tokens = Math.min(options.burst, s.tokens + (t - s.at) * perMs);
      s.at = t;
      if (s.tokens < 1) {
        const retry = Math.max(1, Math.ceil((1 - s.tokens) / perMs / 1000));
        res.setHeader('Retry-After', String(retry));
        return sendError(res, 429, 'RATE_LIMITED', `too many requests from this client: at most ${options.ratePerMin} a minute (bursts of ${options.burst}); retry in ${retry} s`, { retryAfterSeconds: retry });
      }
    }
    if (options.concurrency > 0 && s.running >= options.concurrency) {
      res.setHeader('Retry-After', '1');
      return sendError(res, 429, 'CONCURRENCY_LIMITED', `too many requests at once from this client: at most ${options.concurrency}; wait for one to finish`, { retryAfterSeconds: 1 });
    }
    if (options.ratePerMin > 0) s.tokens -= 1;
    s.running += 1;
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      s.running -= 1;
    };
    res.on('finish', leave);
    res.on('close', leave);
    next();
  };
}
