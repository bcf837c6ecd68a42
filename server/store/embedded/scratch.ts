/**
 * Reusable scratch arrays for the embedded store's questions (distances, visited marks, seen
 * relationships), one pool per graph index. A question takes what it needs and gives it back when
 * it ends, so answering allocates no index-sized buffers: at 100k actors / 1M relationships fresh
 * typed arrays per question put the garbage collector under external-memory pressure, and its
 * pauses showed in the latency tail. Questions may interleave (they yield to other requests), so
 * each holds its own arrays until it gives them back.
 */

/** At most this many idle arrays of each size are kept. */
const KEEP = 8;

class Pool<T extends Int32Array | Uint8Array> {
  private readonly idle: T[] = [];

  constructor(private readonly make: () => T) {}

  take(fillWith: number): T {
    const a = this.idle.pop() ?? this.make();
    a.fill(fillWith);
    return a;
  }

  give(a: T): void {
    if (this.idle.length < KEEP) this.idle.push(a);
  }
}

export class Scratch {
  private readonly actorInts: Pool<Int32Array>;
  private readonly actorBytes: Pool<Uint8Array>;
  private readonly edgeBytes: Pool<Uint8Array>;
  private readonly owners = new WeakMap<Int32Array | Uint8Array, Pool<Int32Array> | Pool<Uint8Array>>();

  constructor(actorCount: number, relationshipCount: number) {
    this.actorInts = new Pool(() => new Int32Array(actorCount));
    this.actorBytes = new Pool(() => new Uint8Array(actorCount));
    this.edgeBytes = new Pool(() => new Uint8Array(relationshipCount));
  }

  /** One number per actor, every one set to `fillWith`. */
  perActor(fillWith: number): Int32Array {
    return this.owned(this.actorInts.take(fillWith), this.actorInts);
  }

  /** One byte per actor, all zero. */
  actorMarks(): Uint8Array {
    return this.owned(this.actorBytes.take(0), this.actorBytes);
  }

  /** One byte per relationship, all zero. */
  relationshipMarks(): Uint8Array {
    return this.owned(this.edgeBytes.take(0), this.edgeBytes);
  }

  /** Give arrays back once the question no longer reads them. */
  give(...arrays: Array<Int32Array | Uint8Array>): void {
    for (const a of arrays) {
      const pool = this.owners.get(a) as Pool<typeof a> | undefined;
      this.owners.delete(a);
      pool?.give(a);
    }
  }

  private owned<T extends Int32Array | Uint8Array>(a: T, pool: Pool<T>): T {
    this.owners.set(a, pool as Pool<Int32Array> | Pool<Uint8Array>);
    return a;
  }
}
