/**
 * Reaching Neo4j without hanging: the driver's connect, acquisition and retry times are bounded by
 * NEO4J_TIMEOUT_MS (5 s by default), a read that gets no answer on an open connection is given up
 * after that time too (a peer that accepts TCP and then says nothing), and every such failure is
 * STORE_UNAVAILABLE. The server's startup connects in the background with backoff, so it serves
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

/** Delays between connection attempts: 0.5 s, doubling, at most `maxMs`. */
export function backoffDelays(maxMs: number): () => number {
  let next = 500;
  return () => {
    const d = Math.min(next, maxMs);
    next = Math.min(next * 2, maxMs);
    return d;
  };
}
