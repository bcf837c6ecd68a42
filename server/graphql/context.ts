/**
 * Per-request GraphQL context: the service plus reference loaders for actors and sources. A
 * loader answers at once (no promise) for what this request already holds — the actors a network
 * or path answer carries are primed into it — and batches the rest: the ids asked for in the same
 * tick become one store call. Nothing outlives the request.
 */
import type { ErrorCodeReport } from './errors.js';
import type { Actor } from '../domain/derive.js';
import type { Source } from '../domain/schemas.js';
import { performance } from 'node:perf_hooks';
import type { NexusService } from '../services/nexus.js';
import type { EditService } from '../services/edits.js';
import type { AuditService } from '../services/audit.js';
import type { Access } from './access.js';

export interface Loader<V> {
  /** The value when this request holds it already, else a promise of it (undefined: unknown id). */
  (id: string): V | Promise<V | undefined> | undefined;
  prime(values: Iterable<V & { id: string }>): void;
}

export interface Context extends ErrorCodeReport {
  service: NexusService;
  actor: Loader<Actor>;
  source: Loader<Source>;
  /** Share the thread while a large answer is built: see TimeSlicer. */
  slicer: TimeSlicer;
  edits: EditService;
  audit: AuditService;
  /** Who the request's token says the caller is. */
  access: Access;
  readRequiresToken: boolean;
  /** Who asks (the client's address): heavy operations take turns by client. */
  client: string;
}

/** What a request's context holds beside the read service. */
export type WriteContext = Pick<Context, 'edits' | 'audit' | 'access' | 'readRequiresToken'>;

/** How long one request builds its answer before letting other requests run. */
const SLICE_MS = 5;

/**
 * Building a large answer (hundreds of paths with their evidence) takes tens of milliseconds of
 * uninterrupted work. Resolvers at the top of a large subtree pass their value through `pass`:
 * inside the request's current slice it comes back at once; after it, the subtree waits for a
 * later turn of the event loop — one waiting subtree per turn — so other requests are served
 * in between.
 */
export class TimeSlicer {
  private sliceEnd = performance.now() + SLICE_MS;
  private readonly waiting: Array<() => void> = [];

  pass<T>(value: T): T | Promise<T> {
    if (performance.now() < this.sliceEnd) return value;
    return new Promise<T>((resolve) => {
      if (this.waiting.push(() => resolve(value)) === 1) setImmediate(this.next);
    });
  }

  private readonly next = () => {
    this.sliceEnd = performance.now() + SLICE_MS;
    this.waiting.shift()?.();
    if (this.waiting.length > 0) setImmediate(this.next);
  };
}

function batchLoader<V extends { id: string }>(fetch: (ids: string[]) => Promise<V[]>): Loader<V> {
  const known = new Map<string, V | undefined>();
  const pendingById = new Map<string, Promise<V | undefined>>();
  let batch: Array<{ id: string; resolve: (v: V | undefined) => void; reject: (e: unknown) => void }> = [];
  const flush = () => {
    const asked = batch;
    batch = [];
    fetch([...new Set(asked.map((p) => p.id))]).then(
      (found) => {
        for (const v of found) known.set(v.id, v);
        for (const p of asked) {
          if (!known.has(p.id)) known.set(p.id, undefined);
          pendingById.delete(p.id);
          p.resolve(known.get(p.id));
        }
      },
      (error: unknown) => asked.forEach((p) => p.reject(error)),
    );
  };
  const load = ((id: string) => {
    if (known.has(id)) return known.get(id);
    const pending = pendingById.get(id);
    if (pending) return pending;
    const promise = new Promise<V | undefined>((resolve, reject) => {
      if (batch.length === 0) queueMicrotask(flush);
      batch.push({ id, resolve, reject });
    });
    pendingById.set(id, promise);
    return promise;
  }) as Loader<V>;
  load.prime = (values) => {
    for (const v of values) if (!known.has(v.id)) known.set(v.id, v);
  };
  return load;
}

export function createContext(service: NexusService, write: WriteContext, client = ''): Context {
  return {
    ...write,
    service,
    client,
    actor: batchLoader((ids) => service.actorsByIds(ids)),
    source: batchLoader((ids) => service.sourcesByIds(ids)),
    slicer: new TimeSlicer(),
  };
}
