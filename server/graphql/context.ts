/**
 * Per-request GraphQL context: the service plus small batching caches, so resolving the actors
 * and sources referenced by many relationships costs one store call per tick, not one each.
 */
import type { Actor } from '../domain/derive.js';
import type { Source } from '../domain/schemas.js';
import type { NexusService } from '../services/nexus.js';

export interface Context {
  service: NexusService;
  actor(id: string): Promise<Actor | undefined>;
  source(id: string): Promise<Source | undefined>;
}

/** Collects ids asked for in the same tick and fetches them in one call. */
function batchLoader<V>(fetch: (ids: string[]) => Promise<Map<string, V>>): (id: string) => Promise<V | undefined> {
  const cache = new Map<string, Promise<V | undefined>>();
  let pending: Array<{ id: string; resolve: (v: V | undefined) => void; reject: (e: unknown) => void }> = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    fetch([...new Set(batch.map((p) => p.id))]).then(
      (found) => batch.forEach((p) => p.resolve(found.get(p.id))),
      (error: unknown) => batch.forEach((p) => p.reject(error)),
    );
  };
  return (id) => {
    const hit = cache.get(id);
    if (hit) return hit;
    const promise = new Promise<V | undefined>((resolve, reject) => {
      if (pending.length === 0) queueMicrotask(flush);
      pending.push({ id, resolve, reject });
    });
    cache.set(id, promise);
    return promise;
  };
}

export function createContext(service: NexusService): Context {
  return {
    service,
    actor: batchLoader(async (ids) => new Map((await service.actorsByIds(ids)).map((a) => [a.id, a]))),
    source: batchLoader(async (ids) => new Map((await service.sourcesByIds(ids)).map((s) => [s.id, s]))),
  };
}
