/**
 * The Neo4j mapping module without a server: Neo4j Integers → numbers, absent → null, citation
 * lists round trip, relationship types ⇄ vocabulary, window/page parameters, and every record
 * kind surviving record → parameters → (what Cypher returns) → record.
 */
import neo4j, { isInt, type Integer } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import {
  actorSchema,
  capacityAssessmentSchema,
  eventSchema,
  figureSchema,
  relationshipSchema,
  sourceSchema,
  type Citation,
} from '../../server/domain/schemas.js';
import { foldName } from '../../server/domain/search.js';
import { datePointEnd, datePointStart, yearRange } from '../../server/domain/time.js';
import { CONFIDENCE_GRADES, RELATIONSHIP_TYPES, confidenceRank } from '../../server/domain/vocabulary.js';
import {
  MAX_DAY,
  MIN_DAY,
  actorFromProps,
  actorRecordFromProps,
  actorToProps,
  derivedToProps,
  capacityFromProps,
  capacityToRow,
  citationsFromProps,
  citationsToProps,
  eventFromProps,
  eventToRow,
  figureFromProps,
  figureToRow,
  pageParams,
  relationshipFilterParams,
  relationshipFromProps,
  relationshipRecordFromProps,
  relationshipToRow,
  spanToProps,
  sourceFromProps,
  sourceToProps,
  toNeo4jInt,
  toNullableNumber,
  toNumber,
  windowParams,
  type Props,
} from '../../server/store/neo4j/mapping.js';
import { NEO4J_RELATIONSHIP_TYPES, fromNeo4jType, toNeo4jType } from '../../server/store/neo4j/names.js';
import { canonicalJson, changedRecords, chunks } from '../../server/store/neo4j/upsert.js';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SEED_DIR, loadSeedDir, parseSeedFile } from '../../server/dataset/load.js';
import { deriveDataset } from '../../server/domain/derive.js';

const cite = (source = 'doc-a', location?: string): Citation => ({ source, quote: 'a verbatim quote from the document', ...(location !== undefined ? { location } : {}) });

/** What Neo4j gives back for a stored property map: nulls are not stored, lists come back as lists. */
function stored(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined));
}

/** Linked ids as the read queries return them: [{id, position}] in arbitrary order, positions as Integers. */
function links(ids: readonly string[]): Props[] {
  return ids.map((id, i) => ({ id, position: neo4j.int(i) })).reverse();
}

const intOf = (v: unknown) => (isInt(v) ? (v as Integer).toNumber() : v);

describe('scalars', () => {
  it('converts Neo4j Integers and plain numbers to numbers', () => {
    expect(toNumber(neo4j.int(42))).toBe(42);
    expect(toNumber(neo4j.int(-11_000))).toBe(-11_000);
    expect(toNumber(3.5)).toBe(3.5);
    expect(toNumber(BigInt(7))).toBe(7);
  });

  it('refuses Integers outside the safe JS range and non-numbers', () => {
    expect(() => toNumber(neo4j.int('9007199254740993'))).toThrow(/safe/);
    expect(() => toNumber('42')).toThrow(/expected a number/);
  });

  it('maps absent values to null', () => {
    expect(toNullableNumber(null)).toBeNull();
    expect(toNullableNumber(undefined)).toBeNull();
    expect(toNullableNumber(neo4j.int(0))).toBe(0);
    expect(toNeo4jInt(null)).toBeNull();
    expect(toNeo4jInt(-Infinity)).toBeNull();
    expect(toNeo4jInt(Infinity)).toBeNull();
    expect(isInt(toNeo4jInt(12))).toBe(true);
  });
});

describe('relationship types', () => {
  it('maps every vocabulary type to an upper-cased Neo4j type and back', () => {
    for (const t of RELATIONSHIP_TYPES) expect(fromNeo4jType(toNeo4jType(t))).toBe(t);
    expect(toNeo4jType('splinter_of')).toBe('SPLINTER_OF');
    expect(NEO4J_RELATIONSHIP_TYPES).toHaveLength(RELATIONSHIP_TYPES.length);
  });

  it('rejects Neo4j types outside the vocabulary (including the structural link types)', () => {
    expect(() => fromNeo4jType('INVOLVES')).toThrow(/not in the vocabulary/);
    expect(() => fromNeo4jType('alliance')).toThrow(/not in the vocabulary/);
    expect(() => toNeo4jType('allied_with' as never)).toThrow(/not a relationship type/);
  });
});

describe('citations', () => {
  it('round-trip as parallel lists, keeping a missing location apart from an empty one', () => {
    const citations: Citation[] = [cite('doc-a', 'p. 12'), cite('doc-b'), cite('doc-c', '')];
    const props = citationsToProps(citations);
    expect(props.citationLocations).toEqual(['p. 12', '', '']);
    expect(props.citationHasLocation).toEqual([true, false, true]);
    const back = citationsFromProps(props);
    expect(back).toEqual(citations);
    expect('location' in (back[1] as object)).toBe(false);
  });

  it('reads lists without the has-location flags (missing = empty)', () => {
    const props = { citationSources: ['a', 'b'], citationQuotes: ['q one long', 'q two long'], citationLocations: ['p. 1', ''] };
    expect(citationsFromProps(props)).toEqual([{ source: 'a', quote: 'q one long', location: 'p. 1' }, { source: 'b', quote: 'q two long' }]);
  });

  it('refuses lists of different lengths', () => {
    expect(() => citationsFromProps({ citationSources: ['a'], citationQuotes: [], citationLocations: [''] })).toThrow(/length/);
  });
});

describe('parameters', () => {
  it('turns a window into day-number Integers, open sides into the extreme integers', () => {
    const w = windowParams(yearRange(2001));
    expect(intOf(w.windowStart)).toBe(datePointStart('2001'));
    expect(intOf(w.windowEnd)).toBe(datePointEnd('2001'));
    expect([intOf(windowParams(null).windowStart), intOf(windowParams(null).windowEnd)]).toEqual([MIN_DAY, MAX_DAY]);
    expect(intOf(windowParams({ start: -Infinity, end: 100 }).windowStart)).toBe(MIN_DAY);
    expect(intOf(windowParams({ start: 1.5, end: 9.5 }).windowStart)).toBe(2);
    expect(intOf(windowParams({ start: 1.5, end: 9.5 }).windowEnd)).toBe(9);
  });

  it('turns a page into Integer SKIP/LIMIT', () => {
    const p = pageParams({ offset: 20, limit: 10 });
    expect(isInt(p.offset) && isInt(p.limit)).toBe(true);
    expect([intOf(p.offset), intOf(p.limit)]).toEqual([20, 10]);
  });

  it('builds relationship filter parameters from the vocabulary only', () => {
    const all = relationshipFilterParams({});
    expect(all.types).toEqual(NEO4J_RELATIONSHIP_TYPES);
    expect(intOf(all.minRank)).toBe(0);
    expect(intOf(all.minSources)).toBe(0);
    expect(all.datedOnly).toBe(false);
    const some = relationshipFilterParams({ types: ['alliance', 'funds', 'alliance'], minConfidence: 'reported', minSources: 2, datedOnly: true });
    expect(some.types).toEqual(['ALLIANCE', 'FUNDS']);
    expect(intOf(some.minRank)).toBe(confidenceRank('reported'));
    expect(intOf(some.minSources)).toBe(2);
  });
});

describe('records round trip (record → parameters → stored map → record)', () => {
  it('sources, with and without publisher and year, with their period', () => {
    for (const raw of [
      { id: 'doc-a', title: 'A paper', authors: ['A. Author'], year: 2009, publisher: 'Press', file: 'a.pdf', period: { from: '1991', to: '2009' }, periodNote: 'What it covers.' },
      { id: 'doc-b', title: 'B paper', authors: [], year: null, file: 'b.pdf', period: { from: '2001-09', to: '2002' } },
    ]) {
      const s = sourceSchema.parse(raw);
      const props = sourceToProps(s);
      expect(isInt(props.year) || props.year === null).toBe(true);
      expect(sourceFromProps(stored(props))).toEqual(s);
    }
  });

  it('actors: record fields, lifespan readings as JSON, search keys; the derived lifespan beside them', () => {
    const reading = { event: 'founded', date: '1998', basis: 'stated', source: 'doc-a', quote: 'formally founded the IMU in Kabul in 1998' };
    const withReadings = actorSchema.parse({ id: 'imu', name: 'Islamic Movement of Uzbekistan', aliases: ['IMU', 'Özbekiston'], kind: 'terrorist_group', country: 'Uzbekistan', lifespan: [reading, { ...reading, date: '1990', latest: '1993', source: 'doc-b', basis: 'passage', datedBy: { quote: 'in the early 1990s' } }], citations: [cite('doc-a', 'p. 3')] });
    const none = actorSchema.parse({ id: 'y-group', name: 'Y', kind: 'criminal_group', citations: [cite()] });
    for (const a of [withReadings, none]) expect(actorRecordFromProps(stored(actorToProps(a)))).toEqual(a);
    const props = actorToProps(withReadings);
    expect(props.lifespanSources).toEqual(['doc-a', 'doc-b']);
    expect(props.searchKeys).toContain('imu');
    expect(props.nameKey).toBe(foldName(withReadings.name));
    const { actors } = deriveDataset({ sources: [sourceSchema.parse({ id: 'doc-a', title: 'A', authors: [], year: 2004, file: 'a', period: { from: '1990', to: '2004' } })], actors: [withReadings], relationships: [], events: [], capacity: [], figures: [] });
    const span = actors[0]!.span;
    const spanProps = spanToProps(span);
    expect(intOf(spanProps.spanFromDay)).toBe(datePointStart('1990'));
    expect(actorFromProps(stored({ ...props, ...spanProps }))).toEqual({ ...withReadings, span });
  });

  it('relationships: type and endpoints beside the properties, claims as JSON, derived fields apart', () => {
    for (const confidence of CONFIDENCE_GRADES) {
      const r = relationshipSchema.parse({ id: `imu-taliban-${confidence}`, source: 'imu', target: 'taliban', type: 'alliance', claims: [{ ...cite('doc-a', 'fn. 4'), confidence, from: '1998-05', to: '2001-11-20', fromBasis: 'stated', toBasis: 'passage', datedBy: { quote: 'until 20 November 2001' } }, { ...cite('doc-b'), confidence: 'alleged' }] });
      const row = relationshipToRow(r);
      expect(row.type).toBe('ALLIANCE');
      expect(row.props.undirected).toBe(true);
      expect(row.props.claimFirstDate).toBe('1998-05');
      expect(intOf(row.props.claimLastDay)).toBe(datePointEnd('2001-11-20'));
      expect(row.props.claimSources).toEqual(['doc-a', 'doc-b']);
      const returned = { ...stored(row.props), type: row.type, source: row.source, target: row.target };
      expect(relationshipRecordFromProps(returned)).toEqual(r);
    }
  });

  it('refuses a stored JSON property that the domain schema rejects', () => {
    const r = relationshipSchema.parse({ id: 'a-b', source: 'a', target: 'b', type: 'designated_by', claims: [{ ...cite(), confidence: 'stated' }] });
    const row = relationshipToRow(r);
    expect(() => relationshipRecordFromProps({ ...stored(row.props), claimsJson: '[{"source":"x"}]', type: row.type, source: 'a', target: 'b' })).toThrow(/claimsJson/);
    expect(() => relationshipRecordFromProps({ ...stored(row.props), claimsJson: '{', type: row.type, source: 'a', target: 'b' })).toThrow(/not JSON/);
  });

  it('events, with ordered actors and places from link positions', () => {
    const e = eventSchema.parse({ id: 'batken-1999', date: '1999-08', endDate: '1999-10', title: 'Batken incursion', kind: 'incursion', actors: ['imu', 'kyrgyzstan', 'tajikistan'], places: ['batken'], citations: [cite()] });
    const row = eventToRow(e);
    expect(intOf(row.props.fromDay)).toBe(datePointStart('1999-08'));
    expect(intOf(row.props.toDay)).toBe(datePointEnd('1999-10'));
    expect(eventFromProps({ ...stored(row.props), actors: links(e.actors), places: links(e.places) })).toEqual(e);
    const single = eventSchema.parse({ id: 'e2', date: '2004-03-29', title: 'Bombings', kind: 'attack', citations: [cite()] });
    expect(intOf(eventToRow(single).props.toDay)).toBe(datePointEnd('2004-03-29'));
    expect(eventFromProps({ ...stored(eventToRow(single).props), actors: [], places: [] })).toEqual(single);
  });

  it('capacity ratings and figures', () => {
    const c = capacityAssessmentSchema.parse({ id: 'gbao-2000s', region: 'gbao', period: { from: '2001', to: null }, capacity: ['captured', 'failed'], citations: [cite()] });
    const crow = capacityToRow(c);
    expect(crow.region).toBe('gbao');
    expect(capacityFromProps({ ...stored(crow.props), region: crow.region })).toEqual(c);
    const f = figureSchema.parse({ id: 'heroin-2008', label: 'Heroin trafficked', value: 95.5, unit: 'tonnes', period: { from: '2008', to: '2008' }, actors: ['tajikistan', 'afghanistan'], citations: [cite('doc-a', 'Table 2')] });
    const frow = figureToRow(f);
    expect(figureFromProps({ ...stored(frow.props), actors: links(f.actors) })).toEqual(f);
    expect(figureFromProps({ ...stored(frow.props), value: neo4j.int(95), actors: [] }).value).toBe(95);
  });

  it('refuses stored values outside the vocabulary', () => {
    const a = actorSchema.parse({ id: 'y', name: 'Y', kind: 'person', citations: [cite()] });
    expect(() => actorRecordFromProps({ ...stored(actorToProps(a)), kind: 'wizard' })).toThrow(/vocabulary/);
  });
});

describe('change detection', () => {
  it('compares records by content, not key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, 2] }, b: 1, e: undefined }));
    const stored = new Map([['x', { id: 'x', v: 1 }]]);
    expect(changedRecords([{ v: 1, id: 'x' }], stored)).toEqual([]);
    expect(changedRecords([{ id: 'x', v: 2 }, { id: 'y', v: 1 }], stored).map((r) => r.id)).toEqual(['x', 'y']);
  });

  it('chunks rows by 500', () => {
    expect(chunks(Array.from({ length: 1001 }, (_, i) => i)).map((c) => c.length)).toEqual([500, 500, 1]);
    expect(chunks([])).toEqual([]);
  });
});

describe('the real seed data', () => {
  // Re-seeding changes nothing only if every record comes back from its stored form exactly.
  // Each seed file is parsed on its own (schema only): merging and integrity are checked elsewhere.
  it('round-trips every record through the mapping unchanged', async () => {
    const names = (await readdir(DEFAULT_SEED_DIR)).filter((n) => n.endsWith('.json'));
    for (const name of names) {
      const { file } = parseSeedFile(name, await readFile(path.join(DEFAULT_SEED_DIR, name), 'utf8'));
      if (!file) continue; // an invalid file is reported by the seed loader's own tests
      const ds = { ...file, sources: [file.source] };
      const back = {
        sources: ds.sources.map((s) => sourceFromProps(stored(sourceToProps(s)))),
        actors: ds.actors.map((a) => actorRecordFromProps(stored(actorToProps(a)))),
        relationships: ds.relationships.map((r) => {
          const row = relationshipToRow(r);
          return relationshipRecordFromProps({ ...stored(row.props), type: row.type, source: row.source, target: row.target });
        }),
        events: ds.events.map((e) => eventFromProps({ ...stored(eventToRow(e).props), actors: links(e.actors), places: links(e.places) })),
        capacity: ds.capacity.map((c) => capacityFromProps({ ...stored(capacityToRow(c).props), region: c.region })),
        figures: ds.figures.map((f) => figureFromProps({ ...stored(figureToRow(f).props), actors: links(f.actors) })),
      };
      for (const key of Object.keys(back) as Array<keyof typeof back>) {
        const original: Array<{ id: string }> = ds[key];
        expect(changedRecords(back[key] as Array<{ id: string }>, new Map(original.map((r) => [r.id, r] as const))), `${name} ${key}`).toEqual([]);
        expect(back[key], `${name} ${key}`).toEqual(original);
      }
    }
  });

  it('round-trips every derived view: what Neo4j stores beside a record reads back as the embedded store derives it', async () => {
    const { actors, relationships } = deriveDataset(await loadSeedDir());
    for (const a of actors) expect(actorFromProps(stored({ ...actorToProps(a), ...spanToProps(a.span) }))).toEqual(a);
    for (const r of relationships) {
      const row = relationshipToRow(r);
      expect(relationshipFromProps({ ...stored({ ...row.props, ...derivedToProps(r) }), type: row.type, source: row.source, target: row.target })).toEqual(r);
    }
  });
});
