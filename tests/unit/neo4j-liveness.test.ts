/**
 * How a Neo4j read waits (server/store/neo4j/connection.ts): a slow answer from a server that keeps
 * answering its liveness probes is waited for; a server whose probe fails or hangs is given up with
 * STORE_UNAVAILABLE.
 */
import { describe, expect, it } from 'vitest';
import { NoAnswerError, answerWhileAlive, answerWithin } from '../../server/store/neo4j/connection.js';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const never = new Promise<never>(() => undefined);

describe('answerWhileAlive', () => {
  it('waits for a slow answer while the server answers its probes', async () => {
    let probes = 0;
    const value = await answerWhileAlive(later(250, 'answer'), 60, async () => void (probes += 1));
    expect(value).toBe('answer');
    expect(probes).toBeGreaterThanOrEqual(3);
  });

  it('gives up when a probe fails, or does not answer in time', async () => {
    await expect(answerWhileAlive(never, 60, () => Promise.reject(new Error('refused')))).rejects.toBeInstanceOf(NoAnswerError);
    const error = await answerWhileAlive(never, 60, () => answerWithin(never, 30)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoAnswerError);
    expect((error as NoAnswerError).code).toBe('STORE_UNAVAILABLE');
  });

  it('passes the work’s own failure through', async () => {
    await expect(answerWhileAlive(Promise.reject(new Error('bad query')), 60, async () => undefined)).rejects.toThrow('bad query');
  });
});
