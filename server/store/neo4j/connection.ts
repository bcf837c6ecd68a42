/**
 * Reaching Neo4j without hanging: the driver's connect, acquisition and retry times are bounded by
 * NEO4J_TIMEOUT_MS (5 s by default). A read still running after half that time is checked by a
 * liveness probe (a ping, itself given the other half): a slow query on a live server goes on, a
 * silent peer (one that accepts TCP and then says nothing) is given up within the timeout. Every
 * such failure is STORE_UNAVAILABLE. The server's startup connects in the background with backoff, so it serves
 * (with /readyz false) until Neo4j answers.
 */
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { StoreUnavailableError } from '../../domain/errors.js';

export const DEFAULT_NEO4J_TIMEOUT_MS = 5000;

export interface Neo4jConnectionConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** Connect, acquire a connection, retry, or wait for an answer at most this long. */
  timeoutMs?: number;
}

export function createDriver(config: Neo4jConnectionConfig): Driver {
  const timeoutMs = config.timeoutMs ?? DEFAULT_NEO4J_TIMEOUT_MS;
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs,
    maxTransactionRetryTime: timeoutMs,
  });
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
/** What the driver says, without a code, when it cannot get a connection in time or loses one. */
const UNAVAILABLE_MESSAGES = /Connection acquisition timed out|Failed to connect|Connection was closed|connection (?:was )?(?:closed|lost|reset)|ECONNREFUSED|ECONNRESET|socket hang up/i;

export function isUnavailable(e: unknown): boolean {
  if (!(e instanceof Neo4jError)) return false;
  return UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('Neo.ClientError.Security.') || UNAVAILABLE_MESSAGES.test(e.message);
}

export class NoAnswerError extends StoreUnavailableError {
  constructor(ms: number) {
    super(`Neo4j did not answer within ${ms} ms (NEO4J_TIMEOUT_MS)`);
  }
}

/** `work`, or NoAnswerError after `ms` (the work is abandoned, not cancelled). */
export async function answerWithin<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswerError(ms)), ms);
  });
  work.catch(() => undefined); // abandoned work may fail later: nobody is listening
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `work`, for as long as `alive()` (a ping bounded by its own timeout) keeps answering every
 * `ms / 2` while it runs; NoAnswerError as soon as a probe fails. A long query on a live server is
 * waited for; a silent server is given up within about `ms`.
 */
export async function answerWhileAlive<T>(work: Promise<T>, ms: number, alive: () => Promise<void>): Promise<T> {
  work.catch(() => undefined);
  const done = work.then((value) => ({ value }));
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const wait = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), ms / 2);
    });
    const first = await Promise.race([done, wait]).finally(() => clearTimeout(timer));
    if (first) return first.value;
    const probe = alive().then(
      () => null,
      () => {
        throw new NoAnswerError(ms);
      },
    );
    const next = await Promise.race([done, probe]);
    if (next) return next.value;
  }
}

/** Delays between connection attempts: 0.5 s, doubling, at most `maxMs`. */
export function backoffDelays(maxMs: number): () => number {
  let next = 500;
  return () => {
    const d = Math.min(next, maxMs);
    next = Math.min(next * 2, maxMs);
    return d;
  };
}
