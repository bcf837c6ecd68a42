/**
 * The embedded store's graph index, rebuilt on each write: integer actor ids in code-point order of
 * their string ids (so comparing integer sequences compares id sequences), CSR adjacency in typed
 * arrays with each entry's neighbour, relationship and walk directions, per-relationship type,
 * grade rank, validity days, dating and corroboration, a priority order (surest first, then id), the
 * contract order (validity start, then id) and, for "valid in year Y", one bucket per year of the
 * relationships valid in it, in priority order. Filters are checked on these arrays, never on objects.
 */
import type { Actor, Relationship } from '../../domain/derive.js';
import { dayToIso, yearRange } from '../../domain/time.js';
import { ACTOR_KINDS, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_INFO, confidenceRank, type ActorKind, type RelationshipType } from '../../domain/vocabulary.js';
import type { RelationshipFilter } from '../port.js';
import { compareIds } from '../records.js';

/** Adjacency entry bits: the relationship can be walked from this actor when following directions (OUT) or against them (IN). */
export const WALK_OUT = 1;
export const WALK_IN = 2;

const TYPE_CODE = new Map<RelationshipType, number>(RELATIONSHIP_TYPES.map((t, i) => [t, i]));
const KIND_CODE = new Map<ActorKind, number>(ACTOR_KINDS.map((k, i) => [k, i]));

/** A relationship filter compiled for the arrays. */
export interface EdgeFilter {
  typeOk: Uint8Array;
  minRank: number;
  windowStart: number;
  windowEnd: number;
  datedOnly: boolean;
  minSources: number;
}

function yearOfDay(day: number): number {
  return Number(dayToIso(day).slice(0, 4));
}

export class GraphIndex {
  readonly actors: Actor[];
  readonly actorIndex = new Map<string, number>();
  readonly kind: Uint8Array;
  readonly rels: Relationship[];
  readonly relIndex = new Map<string, number>();
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly type: Uint8Array;
  readonly rank: Uint8Array;
  readonly validFrom: Int32Array;
  readonly validTo: Int32Array;
  readonly dated: Uint8Array;
  readonly sources: Uint16Array;
  /** CSR: entries of actor v are [offsets[v], offsets[v+1]), sorted by neighbour, then priority. */
  readonly offsets: Int32Array;
  readonly neighbour: Int32Array;
  readonly edge: Int32Array;
  readonly walk: Uint8Array;
  /** Relationships, surest first then id; and each one's position in that order. */
  readonly priority: Int32Array;
  readonly priorityOf: Int32Array;
  /** Relationships in contract order (validity start, id); and each one's position in it. */
  readonly contract: Int32Array;
  readonly contractOf: Int32Array;
  /** Year buckets: relationships valid in year firstYear + i, in priority order. */
  readonly firstYear: number;
  readonly bucketOffsets: Int32Array;
  readonly bucketEdges: Int32Array;

  constructor(actors: readonly Actor[], relationships: readonly Relationship[]) {
    this.actors = [...actors].sort((a, b) => compareIds(a.id, b.id));
    const n = this.actors.length;
    this.kind = new Uint8Array(n);
    this.actors.forEach((a, i) => {
      this.actorIndex.set(a.id, i);
      this.kind[i] = KIND_CODE.get(a.kind) ?? 0;
    });
    this.rels = [...relationships];
    const m = this.rels.length;
    this.src = new Int32Array(m);
    this.dst = new Int32Array(m);
    this.type = new Uint8Array(m);
    this.rank = new Uint8Array(m);
    this.validFrom = new Int32Array(m);
    this.validTo = new Int32Array(m);
    this.dated = new Uint8Array(m);
    this.sources = new Uint16Array(m);
    const degree = new Int32Array(n + 1);
    this.rels.forEach((r, e) => {
      this.relIndex.set(r.id, e);
      const s = this.actorIndex.get(r.source);
      const t = this.actorIndex.get(r.target);
      if (s === undefined || t === undefined) throw new Error(`relationship "${r.id}" refers to an unknown actor`);
      this.src[e] = s;
      this.dst[e] = t;
      this.type[e] = TYPE_CODE.get(r.type) ?? 0;
      this.rank[e] = confidenceRank(r.confidence);
      this.validFrom[e] = r.validity.from.day;
      this.validTo[e] = r.validity.to.day;
      this.dated[e] = r.dated ? 1 : 0;
      this.sources[e] = Math.min(r.corroboration, 65535);
      degree[s + 1] = (degree[s + 1] as number) + 1;
      degree[t + 1] = (degree[t + 1] as number) + 1;
    });

    // Priority order: surest first, then id.
    this.priority = Int32Array.from(this.rels.keys()).sort((a, b) => (this.rank[b] as number) - (this.rank[a] as number) || compareIds((this.rels[a] as Relationship).id, (this.rels[b] as Relationship).id));
    this.priorityOf = new Int32Array(m);
    this.priority.forEach((e, i) => (this.priorityOf[e] = i));
    this.contract = Int32Array.from(this.rels.keys()).sort((a, b) => (this.validFrom[a] as number) - (this.validFrom[b] as number) || compareIds((this.rels[a] as Relationship).id, (this.rels[b] as Relationship).id));
    this.contractOf = new Int32Array(m);
    this.contract.forEach((e, i) => (this.contractOf[e] = i));

    // CSR adjacency, each actor's entries sorted by neighbour, then priority.
    this.offsets = new Int32Array(n + 1);
    for (let v = 0; v < n; v += 1) this.offsets[v + 1] = (this.offsets[v] as number) + (degree[v + 1] as number);
    const fill = this.offsets.slice(0, n);
    this.neighbour = new Int32Array(2 * m);
    this.edge = new Int32Array(2 * m);
    this.walk = new Uint8Array(2 * m);
    for (const e of this.priority) {
      const s = this.src[e] as number;
      const t = this.dst[e] as number;
      const directed = RELATIONSHIP_TYPE_INFO[RELATIONSHIP_TYPES[this.type[e] as number] as RelationshipType].directed;
      const at = (v: number, other: number, bits: number) => {
        const i = fill[v] as number;
        fill[v] = i + 1;
        this.neighbour[i] = other;
        this.edge[i] = e;
        this.walk[i] = bits;
      };
      at(s, t, directed ? WALK_OUT : WALK_OUT | WALK_IN);
      at(t, s, directed ? WALK_IN : WALK_OUT | WALK_IN);
    }
    for (let v = 0; v < n; v += 1) this.sortEntries(this.offsets[v] as number, this.offsets[v + 1] as number);

    // Year buckets.
    let first = Infinity;
    let last = -Infinity;
    for (let e = 0; e < m; e += 1) {
      first = Math.min(first, yearOfDay(this.validFrom[e] as number));
      last = Math.max(last, yearOfDay(this.validTo[e] as number));
    }
    this.firstYear = Number.isFinite(first) ? first : 0;
    const years = Number.isFinite(first) ? last - first + 1 : 0;
    const counts = new Int32Array(years + 1);
    const span = (e: number): [number, number] => [yearOfDay(this.validFrom[e] as number) - this.firstYear, yearOfDay(this.validTo[e] as number) - this.firstYear];
    const spans = new Int32Array(2 * m);
    for (let e = 0; e < m; e += 1) {
      const [a, b] = span(e);
      spans[2 * e] = a;
      spans[2 * e + 1] = b;
      for (let y = a; y <= b; y += 1) counts[y + 1] = (counts[y + 1] as number) + 1;
    }
    this.bucketOffsets = new Int32Array(years + 1);
    for (let y = 0; y < years; y += 1) this.bucketOffsets[y + 1] = (this.bucketOffsets[y] as number) + (counts[y + 1] as number);
    this.bucketEdges = new Int32Array(this.bucketOffsets[years] ?? 0);
    const cursor = this.bucketOffsets.slice(0, Math.max(years, 0));
    for (const e of this.priority) {
      for (let y = spans[2 * e] as number; y <= (spans[2 * e + 1] as number); y += 1) {
        this.bucketEdges[cursor[y] as number] = e;
        cursor[y] = (cursor[y] as number) + 1;
      }
    }
  }

  get actorCount(): number {
    return this.actors.length;
  }

  get relationshipCount(): number {
    return this.rels.length;
  }

  /** Insertion sort of one actor's entries by (neighbour, priority); most lists are short, long ones fall back. */
  private sortEntries(lo: number, hi: number): void {
    if (hi - lo < 2) return;
    const key = (i: number) => (this.neighbour[i] as number) * 4_294_967_296 + (this.priorityOf[this.edge[i] as number] as number);
    if (hi - lo > 32) {
      const idx = Array.from({ length: hi - lo }, (_, k) => lo + k).sort((a, b) => key(a) - key(b));
      const nb = idx.map((i) => this.neighbour[i] as number);
      const ed = idx.map((i) => this.edge[i] as number);
      const wk = idx.map((i) => this.walk[i] as number);
      for (let k = 0; k < idx.length; k += 1) {
        this.neighbour[lo + k] = nb[k] as number;
        this.edge[lo + k] = ed[k] as number;
        this.walk[lo + k] = wk[k] as number;
      }
      return;
    }
    for (let i = lo + 1; i < hi; i += 1) {
      const nb = this.neighbour[i] as number;
      const ed = this.edge[i] as number;
      const wk = this.walk[i] as number;
      const k0 = key(i);
      let j = i - 1;
      while (j >= lo && key(j) > k0) {
        this.neighbour[j + 1] = this.neighbour[j] as number;
        this.edge[j + 1] = this.edge[j] as number;
        this.walk[j + 1] = this.walk[j] as number;
        j -= 1;
      }
      this.neighbour[j + 1] = nb;
      this.edge[j + 1] = ed;
      this.walk[j + 1] = wk;
    }
  }

  /** The first of actor u's entries whose neighbour is w or later (binary search). */
  firstEntry(u: number, w: number): number {
    let lo = this.offsets[u] as number;
    let hi = this.offsets[u + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.neighbour[mid] as number) < w) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  compile(filter: RelationshipFilter): EdgeFilter {
    const typeOk = new Uint8Array(RELATIONSHIP_TYPES.length);
    if (filter.types) for (const t of filter.types) typeOk[TYPE_CODE.get(t) ?? 0] = 1;
    else typeOk.fill(1);
    const window = filter.window ?? null;
    return {
      typeOk,
      minRank: filter.minConfidence ? confidenceRank(filter.minConfidence) : 0,
      windowStart: window && Number.isFinite(window.start) ? Math.ceil(window.start) : -2_147_483_648,
      windowEnd: window && Number.isFinite(window.end) ? Math.floor(window.end) : 2_147_483_647,
      datedOnly: filter.datedOnly ?? false,
      minSources: filter.minSources ?? 0,
    };
  }

  /** Does relationship e pass the filter? */
  passes(e: number, f: EdgeFilter): boolean {
    return (
      f.typeOk[this.type[e] as number] === 1 &&
      (this.rank[e] as number) >= f.minRank &&
      (this.validFrom[e] as number) <= f.windowEnd &&
      (this.validTo[e] as number) >= f.windowStart &&
      (!f.datedOnly || this.dated[e] === 1) &&
      (this.sources[e] as number) >= f.minSources
    );
  }

  /** The year buckets a window covers exactly (whole years), or null when it is not a span of whole years inside the index. */
  yearsOf(window: { start: number; end: number } | null | undefined): [number, number] | null {
    if (!window || !Number.isFinite(window.start) || !Number.isFinite(window.end)) return null;
    const a = yearOfDay(window.start);
    const b = yearOfDay(window.end);
    const whole = yearRange(a, b);
    if (whole.start !== window.start || whole.end !== window.end) return null;
    return [a - this.firstYear, b - this.firstYear];
  }

  /** Relationships valid in bucket y (priority order). */
  bucket(y: number): Int32Array {
    if (y < 0 || y >= this.bucketOffsets.length - 1) return new Int32Array(0);
    return this.bucketEdges.subarray(this.bucketOffsets[y] as number, this.bucketOffsets[y + 1] as number);
  }
}
