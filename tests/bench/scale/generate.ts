/**
 * Seeded synthetic nexus datasets for the scale bench, the differential test and the big-dataset
 * browser test: actors of every kind with lifespans, relationships of every type with one or two
 * claims (most dated, a few undated, graded), in our record format. Two shapes: uniform endpoints,
 * or hub-heavy (a tenth of all relationship ends on 1 % of the actors). Deterministic per seed.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ActorRecord, Claim, Dataset, RelationshipRecord, Source } from '../../../server/domain/schemas.js';
import { ACTOR_KINDS, CONFIDENCE_GRADES, RELATIONSHIP_TYPES, type ActorKind, type RelationshipType } from '../../../server/domain/vocabulary.js';
import { seededRandom } from '../../../server/layout/random.js';

export type Shape = 'uniform' | 'hubs';

export interface SyntheticSpec {
  actors: number;
  relationships: number;
  shape: Shape;
  seed?: number;
}

const SOURCES: Source[] = Array.from({ length: 5 }, (_, i) => ({
  id: `synthetic-${i}`,
  title: `Synthetic document ${i}`,
  authors: [],
  year: 2010 + i,
  file: `synthetic-${i}.txt`,
  period: { from: String(1985 + i * 3), to: String(2008 + i * 2) },
  periodNote: 'Generated for benchmarks and tests: not a real document.',
}));

/** Kinds that the endpoint rules accept anywhere (places and persons only where a type wants them). */
const GROUP_KINDS: readonly ActorKind[] = ACTOR_KINDS.filter((k) => !['region', 'route', 'person', 'official'].includes(k));
/** Types whose endpoints any group may take (leads needs a person; operates_in/traffics_through a place; designated_by a designator). */
const FREE_TYPES: readonly RelationshipType[] = RELATIONSHIP_TYPES.filter((t) => !['leads', 'operates_in', 'traffics_through', 'designated_by'].includes(t));

export interface Synthetic {
  sources: Source[];
  actors(): Generator<ActorRecord>;
  relationships(): Generator<RelationshipRecord>;
}

export function synthetic(spec: SyntheticSpec): Synthetic {
  const seed = spec.seed ?? 1;
  const hubs = Math.max(1, Math.floor(spec.actors / 100));
  return {
    sources: SOURCES,
    *actors() {
      const r = seededRandom(seed);
      for (let i = 0; i < spec.actors; i += 1) {
        const kind = GROUP_KINDS[Math.floor(r() * GROUP_KINDS.length)] as ActorKind;
        const source = SOURCES[i % SOURCES.length] as Source;
        const lifespan: ActorRecord['lifespan'] = [];
        if (r() < 0.3) lifespan.push({ event: 'founded', date: String(1960 + Math.floor(r() * 45)), latest: null, basis: 'stated', source: source.id, quote: `actor ${i} was founded then`, datedBy: null });
        if (r() < 0.1) lifespan.push({ event: 'dissolved', date: String(2006 + Math.floor(r() * 10)), latest: null, basis: 'stated', source: source.id, quote: `actor ${i} was dissolved then`, datedBy: null });
        yield { id: `a${i}`, name: `Actor ${i}`, aliases: i % 7 === 0 ? [`A-${i}`] : [], kind, country: null, description: '', lifespan, nameCollision: null, citations: [{ source: source.id, quote: `actor ${i} is mentioned here` }] };
      }
    },
    *relationships() {
      const r = seededRandom(seed + 1);
      const end = () => (spec.shape === 'hubs' && r() < 0.1 ? Math.floor(r() * hubs) : Math.floor(r() * spec.actors));
      for (let i = 0; i < spec.relationships; i += 1) {
        const s = end();
        let t = end();
        if (t === s) t = (s + 1 + Math.floor(r() * (spec.actors - 1))) % spec.actors;
        const type = FREE_TYPES[Math.floor(r() * FREE_TYPES.length)] as RelationshipType;
        const claims: Claim[] = [];
        for (let c = 0, n = r() < 0.2 ? 2 : 1; c < n; c += 1) {
          const source = SOURCES[Math.floor(r() * SOURCES.length)] as Source;
          const dated = r() < 0.8;
          const from = dated ? 1988 + Math.floor(r() * 25) : null;
          const to = dated && r() < 0.7 ? (from as number) + Math.floor(r() * 8) : null;
          claims.push({
            source: source.id,
            quote: `relationship ${i} claim ${c}`,
            confidence: CONFIDENCE_GRADES[Math.floor(r() * CONFIDENCE_GRADES.length)] ?? 'stated',
            from: from === null ? null : String(from),
            to: to === null ? null : String(to),
            fromBasis: from === null ? null : 'stated',
            toBasis: to === null ? null : 'stated',
            datedBy: null,
          });
        }
        const stage = ['no_relationship', 'operational', 'alliance', 'convergence'].includes(type);
        yield { id: `r${i}`, source: `a${s}`, target: `a${t}`, type, description: '', stageNote: stage ? 'synthetic: a stage may involve any kind of actor here' : null, claims };
      }
    },
  };
}

/** The whole dataset in memory (for the smaller sizes). */
export function syntheticDataset(spec: SyntheticSpec): Dataset {
  const g = synthetic(spec);
  return { sources: g.sources, actors: [...g.actors()], relationships: [...g.relationships()], events: [], capacity: [], figures: [] };
}

/** Write the dataset as an import file: one `{"type", "data"}` record per line (sources first, then actors, then relationships). */
export async function writeImportFile(file: string, spec: SyntheticSpec): Promise<void> {
  const g = synthetic(spec);
  const out = createWriteStream(file);
  const line = async (type: string, data: unknown) => {
    if (!out.write(`${JSON.stringify({ type, data })}\n`)) await once(out, 'drain');
  };
  for (const s of g.sources) await line('source', s);
  for (const a of g.actors()) await line('actor', a);
  for (const rel of g.relationships()) await line('relationship', rel);
  out.end();
  await once(out, 'finish');
}
