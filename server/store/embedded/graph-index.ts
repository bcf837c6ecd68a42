/**
 * The embedded store's graph index, rebuilt on each write: integer actor ids in code-point order of
 * their string ids (so comparing integer sequences compares id sequences), CSR adjacency in typed
 * arrays with each entry's neighbour, relationship and walk directions, per-relationship type,
 * grade rank, validity days, dating and corroboration, a priority order (surest first, then id), the
 * contract order (validity start, then id) and, for "valid in year Y", one bucket per year of the
 * relationships valid in it, in priority order. Filters are checked on these arrays, never on
 * objects; the records are kept as written, and a relationship's view is derived when it is read.
 */
import { deriveRelationship, deriveRelationshipFields, type Actor, type Lifespan, type Relationship, type SourcePeriods } from '../../domain/derive.js';
import type { ActorRecord, RelationshipRecord } from '../../domain/schemas.js';
import { yearRange } from '../../domain/time.js';
import { ACTOR_KINDS, CONFIDENCE_GRADES, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_INFO, confidenceRank, isContinuumStage, type ActorKind, type RelationshipType } from '../../domain/vocabulary.js';
import type { RelationshipFilter } from '../port.js';
import { Scratch } from './scratch.js';

/** Adjacency entry bits: the relationship can be walked from this actor when following directions (OUT) or against them (IN). */
export const WALK_OUT = 1;
export const WALK_IN = 2;

const TYPE_CODE = new Map<RelationshipType, number>(RELATIONSHIP_TYPES.map((t, i) => [t, i]));
/** 1 for the type codes of continuum stages. */
export const STAGE_TYPE_CODES = Uint8Array.from(RELATIONSHIP_TYPES, (t) => (isContinuumStage(t) ? 1 : 0));
const KIND_CODE = new Map<ActorKind, number>(ACTOR_KINDS.map((k, i) => [k, i]));
const DIRECTED = Uint8Array.from(RELATIONSHIP_TYPES.map((t) => (RELATIONSHIP_TYPE_INFO[t].directed ? 1 : 0)));
const MAX_RANK = CONFIDENCE_GRADES.length - 1;

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
  return new Date(day * 86_400_000).getUTCFullYear();
}

/** Actors numbered in code-point order of their ids (the index's integer ids). */
export interface PreparedActors {
  actorIds: string[];
  actorRecords: ActorRecord[];
  actorIndex: Map<string, number>;
  kind: Uint8Array;
}

export function prepareActors(actors: readonly ActorRecord[]): PreparedActors {
  const byId = new Map(actors.map((a) => [a.id, a]));
  const actorIds = [...byId.keys()].sort();
  const actorRecords = new Array<ActorRecord>(actorIds.length);
  const actorIndex = new Map<string, number>();
  const kind = new Uint8Array(actorIds.length);
  actorIds.forEach((id, i) => {
    const a = byId.get(id) as ActorRecord;
    actorRecords[i] = a;
    actorIndex.set(id, i);
    kind[i] = KIND_CODE.get(a.kind) ?? 0;
  });
  return { actorIds, actorRecords, actorIndex, kind };
}

/** Each relationship's two actors as integer ids. */
export interface RelationshipEnds {
  src: Int32Array;
  dst: Int32Array;
}

export function relationshipEnds(rels: readonly RelationshipRecord[], actorIndex: ReadonlyMap<string, number>): RelationshipEnds {
  const src = new Int32Array(rels.length);
  const dst = new Int32Array(rels.length);
  rels.forEach((r, e) => {
    const s = actorIndex.get(r.source);
    const t = actorIndex.get(r.target);
    if (s === undefined || t === undefined) throw new Error(`relationship "${r.id}" refers to an unknown actor`);
    src[e] = s;
    dst[e] = t;
  });
  return { src, dst };
}

/** Most views kept per kind (about 100 MB of relationship views at most). */
const MAX_VIEWS = 100_000;

function remember<V>(views: Map<number, V>, key: number, view: V): void {
  if (views.size >= MAX_VIEWS) views.clear();
  views.set(key, view);
}

export class GraphIndex {
  /** Actor ids in code-point order: position = integer id. */
  readonly actorIds: string[];
  readonly actorRecords: ActorRecord[];
  readonly actorIndex: ReadonlyMap<string, number>;
  readonly kind: Uint8Array;
  readonly rels: RelationshipRecord[];
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
  /** Index-sized arrays that questions borrow and give back. */
  readonly scratch: Scratch;

  constructor(
    actors: readonly ActorRecord[] | PreparedActors,
    private readonly spans: ReadonlyMap<string, Lifespan>,
    relationships: readonly RelationshipRecord[],
    private readonly periods: SourcePeriods,
    preparedEnds?: RelationshipEnds,
  ) {
    const prepared = 'actorIds' in actors ? actors : prepareActors(actors);
    this.actorIds = prepared.actorIds;
    this.actorRecords = prepared.actorRecords;
    this.actorIndex = prepared.actorIndex;
    this.kind = prepared.kind;
    const n = this.actorIds.length;
    this.rels = relationships as RelationshipRecord[];
    const m = this.rels.length;
    const ends = preparedEnds ?? relationshipEnds(this.rels, this.actorIndex);
    this.src = ends.src;
    this.dst = ends.dst;
    this.type = new Uint8Array(m);
    this.rank = new Uint8Array(m);
    this.validFrom = new Int32Array(m);
    this.validTo = new Int32Array(m);
    this.dated = new Uint8Array(m);
    this.sources = new Uint16Array(m);
    const degree = new Int32Array(n);
    const spanAt = this.actorIds.map((id) => spans.get(id));
    for (let e = 0; e < m; e += 1) {
      const r = this.rels[e] as RelationshipRecord;
      this.relIndex.set(r.id, e);
      const s = this.src[e] as number;
      const t = this.dst[e] as number;
      const d = deriveRelationshipFields(r, spanAt[s], spanAt[t], periods);
      this.type[e] = TYPE_CODE.get(r.type) ?? 0;
      this.rank[e] = confidenceRank(d.confidence);
      this.validFrom[e] = d.validity.from.day;
      this.validTo[e] = d.validity.to.day;
      this.dated[e] = d.dated ? 1 : 0;
      this.sources[e] = Math.min(d.corroboration, 65535);
      degree[s] = (degree[s] as number) + 1;
      degree[t] = (degree[t] as number) + 1;
    }

    // Orders: relationship ids ranked once (a native string sort); then the surest-first and the
    // validity orders as native numeric sorts of packed keys (order key × m + id rank: all distinct).
    const sortedIds = this.rels.map((r) => r.id).sort();
    const byIdRank = new Int32Array(m);
    const idRank = new Float64Array(m);
    for (let i = 0; i < m; i += 1) {
      const e = this.relIndex.get(sortedIds[i] as string) as number;
      byIdRank[i] = e;
      idRank[e] = i;
    }
    const orderBy = (key: (e: number) => number): Int32Array => {
      const keys = new Float64Array(m);
      for (let e = 0; e < m; e += 1) keys[e] = key(e) * m + (idRank[e] as number);
      keys.sort();
      const out = new Int32Array(m);
      for (let i = 0; i < m; i += 1) out[i] = byIdRank[(keys[i] as number) % m] as number;
      return out;
    };
    this.priority = orderBy((e) => MAX_RANK - (this.rank[e] as number));
    this.priorityOf = new Int32Array(m);
    this.priority.forEach((e, i) => (this.priorityOf[e] = i));
    let minDay = 0;
    for (let e = 0; e < m; e += 1) minDay = Math.min(minDay, this.validFrom[e] as number);
    this.contract = orderBy((e) => (this.validFrom[e] as number) - minDay);
    this.contractOf = new Int32Array(m);
    this.contract.forEach((e, i) => (this.contractOf[e] = i));

    // CSR adjacency sorted by (actor, neighbour, priority): entries emitted in priority order, then
    // two stable counting sorts, by neighbour and then by actor.
    const entries = 2 * m;
    let node = new Int32Array(entries);
    let nbr = new Int32Array(entries);
    let edg = new Int32Array(entries);
    let wlk = new Uint8Array(entries);
    let k = 0;
    for (const e of this.priority) {
      const s = this.src[e] as number;
      const t = this.dst[e] as number;
      const directed = DIRECTED[this.type[e] as number] === 1;
      node[k] = s; nbr[k] = t; edg[k] = e; wlk[k] = directed ? WALK_OUT : WALK_OUT | WALK_IN; k += 1;
      node[k] = t; nbr[k] = s; edg[k] = e; wlk[k] = directed ? WALK_IN : WALK_OUT | WALK_IN; k += 1;
    }
    const countingSort = (by: Int32Array) => {
      const start = new Int32Array(n + 1);
      for (let i = 0; i < entries; i += 1) start[(by[i] as number) + 1] = (start[(by[i] as number) + 1] as number) + 1;
      for (let v = 0; v < n; v += 1) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
      const nn = new Int32Array(entries), nb = new Int32Array(entries), ne = new Int32Array(entries), nw = new Uint8Array(entries);
      for (let i = 0; i < entries; i += 1) {
        const at = start[by[i] as number] as number;
        start[by[i] as number] = at + 1;
        nn[at] = node[i] as number; nb[at] = nbr[i] as number; ne[at] = edg[i] as number; nw[at] = wlk[i] as number;
      }
      node = nn; nbr = nb; edg = ne; wlk = nw;
    };
    countingSort(nbr);
    countingSort(node);
    this.neighbour = nbr;
    this.edge = edg;
    this.walk = wlk;
    this.offsets = new Int32Array(n + 1);
    for (let v = 0; v < n; v += 1) this.offsets[v + 1] = (this.offsets[v] as number) + (degree[v] as number);

    // Year buckets.
    let first = Infinity;
    let last = -Infinity;
    const spanYears = new Int32Array(2 * m);
    for (let e = 0; e < m; e += 1) {
      const a = yearOfDay(this.validFrom[e] as number);
      const b = yearOfDay(this.validTo[e] as number);
      spanYears[2 * e] = a;
      spanYears[2 * e + 1] = b;
      first = Math.min(first, a);
      last = Math.max(last, b);
    }
    this.firstYear = Number.isFinite(first) ? first : 0;
    const years = Number.isFinite(first) ? last - first + 1 : 0;
    this.bucketOffsets = new Int32Array(years + 1);
    for (let e = 0; e < m; e += 1) {
      for (let y = (spanYears[2 * e] as number) - this.firstYear; y <= (spanYears[2 * e + 1] as number) - this.firstYear; y += 1) this.bucketOffsets[y + 1] = (this.bucketOffsets[y + 1] as number) + 1;
    }
    for (let y = 0; y < years; y += 1) this.bucketOffsets[y + 1] = (this.bucketOffsets[y + 1] as number) + (this.bucketOffsets[y] as number);
    this.bucketEdges = new Int32Array(this.bucketOffsets[years] ?? 0);
    const cursor = this.bucketOffsets.slice(0, Math.max(years, 0));
    for (const e of this.priority) {
      for (let y = (spanYears[2 * e] as number) - this.firstYear; y <= (spanYears[2 * e + 1] as number) - this.firstYear; y += 1) {
        this.bucketEdges[cursor[y] as number] = e;
        cursor[y] = (cursor[y] as number) + 1;
      }
    }
    this.scratch = new Scratch(n, m);
  }

  /**
   * Views answered recently, so a busy server does not derive the same relationship for every
   * request. Bounded (a million views would double the store's memory): when full it starts over.
   * The index is rebuilt on every write, so a view never outlives the records it was made from.
   */
  private readonly actorViews = new Map<number, Actor>();
  private readonly relationshipViews = new Map<number, Relationship>();

  /** The actor at position v, as the stores answer it (record plus lifespan). */
  actor(v: number): Actor {
    const hit = this.actorViews.get(v);
    if (hit) return hit;
    const a = this.actorRecords[v] as ActorRecord;
    const view = { ...a, span: this.spanOf(a.id) };
    remember(this.actorViews, v, view);
    return view;
  }

  spanOf(id: string): Lifespan {
    const span = this.spans.get(id);
    if (!span) throw new Error(`no lifespan derived for actor "${id}"`);
    return span;
  }

  /** The relationship at position e, as the stores answer it (derived on demand, like its index entries). */
  relationship(e: number): Relationship {
    const hit = this.relationshipViews.get(e);
    if (hit) return hit;
    const r = this.rels[e] as RelationshipRecord;
    const view = deriveRelationship(r, this.spans.get(r.source), this.spans.get(r.target), this.periods);
    remember(this.relationshipViews, e, view);
    return view;
  }

  get actorCount(): number {
    return this.actorIds.length;
  }

  get relationshipCount(): number {
    return this.rels.length;
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
