/**
 * Quality gates on the sourced dataset: it loads (schemas, merge rules, integrity), it passes the
 * dataset gates (one relationship per fact, claims inside dated lifespans, coded stage sequences
 * equal to what the claims give), time is dated where the documents date it, and every quote
 * occurs verbatim in its source document.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, loadSeedDir } from '../../server/dataset/load.js';
import { DEFAULT_STAGES_FILE, datasetGateProblems, datingStats, lifespanProblems, readStageSequences, sameFactProblems, stageSequenceProblems, type StageSequences } from '../../server/dataset/gates.js';
import { verifyQuotes } from '../../server/dataset/verify-quotes.js';
import { deriveDataset, type Actor, type Relationship } from '../../server/domain/derive.js';
import type { Dataset, LifespanReading } from '../../server/domain/schemas.js';
import { SeedValidationError } from '../../server/domain/errors.js';
import { stagedPairs, stagePeriods, stageSequence } from '../../server/domain/stages.js';
import { yearOf } from '../../server/domain/time.js';
import { STATE_SIDE_KINDS, isContinuumStage } from '../../server/domain/vocabulary.js';


const DOCUMENTS = path.resolve(import.meta.dirname, '../../../shared/seeds');
const haveDocuments = existsSync(DOCUMENTS);

let ds: Dataset;
let actors: Actor[];
let relationships: Relationship[];
let coded: StageSequences;
beforeAll(async () => {
  ds = await loadSeedDir();
  ({ actors, relationships } = deriveDataset(ds));
  coded = await readStageSequences(DEFAULT_STAGES_FILE);
});

describe('the sourced dataset', () => {
  it('covers all five documents, with well over 100 actors and 200 relationships', () => {
    expect(ds.sources).toHaveLength(5);
    expect(ds.actors.length).toBeGreaterThan(100);
    expect(ds.relationships.length).toBeGreaterThan(200);
    expect(ds.events.length).toBeGreaterThan(20);
  });

  it('cites every record, and every document asserts relationships', () => {
    for (const rec of [...ds.actors, ...ds.events, ...ds.capacity, ...ds.figures]) expect(rec.citations.length, rec.id).toBeGreaterThan(0);
    for (const r of ds.relationships) expect(r.claims.length, r.id).toBeGreaterThan(0);
    const citedSources = new Set(ds.relationships.flatMap((r) => r.claims.map((c) => c.source)));
    expect([...citedSources].sort()).toEqual(ds.sources.map((s) => s.id).sort());
  });

  it('lists no actor\'s own name among its aliases, and no passage twice on one record', () => {
    for (const a of ds.actors) expect(a.aliases, a.id).not.toContain(a.name);
    for (const rec of [...ds.actors, ...ds.capacity]) {
      const keys = rec.citations.map((c) => `${c.source}|${c.quote}|${c.location ?? ''}`);
      expect(new Set(keys).size, rec.id).toBe(keys.length);
    }
    for (const r of ds.relationships) {
      const keys = r.claims.map((c) => JSON.stringify(c));
      expect(new Set(keys).size, r.id).toBe(keys.length);
    }
  });

  it('has unique ids and no dangling references', () => {
    const actorIds = new Set(ds.actors.map((a) => a.id));
    expect(actorIds.size).toBe(ds.actors.length);
    expect(new Set(ds.relationships.map((r) => r.id)).size).toBe(ds.relationships.length);
    for (const r of ds.relationships) expect(actorIds.has(r.source) && actorIds.has(r.target), r.id).toBe(true);
    for (const e of ds.events) for (const id of [...e.actors, ...e.places]) expect(actorIds.has(id), `${e.id} → ${id}`).toBe(true);
  });

  it('puts continuum stages between non-state groups unless the record says why', () => {
    const kind = new Map(ds.actors.map((a) => [a.id, a.kind]));
    for (const r of ds.relationships.filter((x) => isContinuumStage(x.type))) {
      const stateSide = STATE_SIDE_KINDS.includes(kind.get(r.source)!) || STATE_SIDE_KINDS.includes(kind.get(r.target)!);
      if (stateSide) expect(r.stageNote, r.id).toBeTruthy();
    }
  });

  it('uses every continuum stage, including sourced "no relationship" assertions, and keeps contested claims', () => {
    const types = new Set(ds.relationships.map((r) => r.type));
    for (const stage of ['no_relationship', 'operational', 'alliance', 'convergence'] as const) expect(types.has(stage), stage).toBe(true);
    const grades = new Set(ds.relationships.flatMap((r) => r.claims.map((c) => c.confidence)));
    expect([...grades].sort()).toEqual(['alleged', 'disputed', 'reported', 'stated']);
  });

  it('holds every cell of Table 2 (state capacity by region and period)', () => {
    const periods = [['1991', '1997'], ['1997', '2005'], ['2005', '2010'], ['2010', '2015']];
    for (const region of ['hojand-province', 'gbao', 'tajik-border-areas', 'talas', 'chui', 'osh', 'jalalabad']) {
      for (const [from, to] of periods) {
        expect(ds.capacity.some((c) => c.region === region && c.period.from === from && c.period.to === to), `${region} ${from}-${to}`).toBe(true);
      }
    }
    expect(ds.capacity.find((c) => c.region === 'gbao' && c.period.from === '1991')?.capacity).toEqual(['failed']);
  });

  it('keeps aliases and transliterations for the leaders', () => {
    const names = (id: string) => {
      const a = ds.actors.find((x) => x.id === id);
      return a ? [a.name, ...a.aliases] : [];
    };
    expect(names('juma-namangani').join(' ')).toMatch(/Namanganiy/);
    expect(names('tohir-yoldash').length).toBeGreaterThan(1);
  });
});

describe('time in the dataset', () => {
  it('passes every dataset gate (one relationship per fact, claims inside lifespans, stage sequences)', () => {
    expect(datasetGateProblems(ds, coded)).toEqual([]);
  });

  it('gives every relationship end and every lifespan end a dating basis inside the documents\' years', () => {
    for (const r of relationships) {
      for (const end of [r.validity.from, r.validity.to]) {
        expect(end.basis, r.id).toBeTruthy();
        expect(yearOf(end.date), r.id).toBeGreaterThan(1900);
        expect(yearOf(end.date), r.id).toBeLessThan(2100);
      }
      expect(r.validity.from.day, r.id).toBeLessThanOrEqual(r.validity.to.day);
    }
    for (const a of actors) for (const end of [a.span.from, a.span.to]) expect(yearOf(end.date), a.id).toBeGreaterThan(1900);
  });

  it('every source says the period it describes', () => {
    for (const s of ds.sources) {
      expect(s.periodNote, s.id).not.toMatch(/PROVISIONAL/);
      expect(s.periodNote.length, s.id).toBeGreaterThan(20);
    }
  });

  it('dates most of what the documents date: relationships and lifespans', () => {
    const stats = datingStats(actors, relationships);
    expect(stats.datedRelationships).toBeGreaterThan(250);
    expect(stats.fullyDatedRelationships).toBeGreaterThan(100);
    expect(stats.datedLifespans).toBeGreaterThan(40);
    expect(stats.contestedLifespans).toBeGreaterThan(3);
    expect(stats.corroborated).toBeGreaterThan(40);
  });

  it('keeps contested dates: the IMU founded 1998 (Cornell) and in the early 1990s (Kunze and Logvinov)', () => {
    const imu = actors.find((a) => a.id === 'imu')!;
    expect(imu.span.from.uncertain).toBe(true);
    expect(imu.span.from.readings.map((r) => r.date)).toEqual(expect.arrayContaining(['1998']));
    expect(yearOf(imu.span.from.earliest)).toBeLessThan(1998);
    expect(new Set(imu.span.from.readings.map((r) => r.source)).size).toBeGreaterThan(1);
  });

  it('shows the IMU\'s drift: alliance with the trafficking networks before convergence', () => {
    const pair = relationships.filter((r) => [r.source, r.target].sort().join('|') === 'drug-trafficking-networks-central-asia|imu' && isContinuumStage(r.type));
    const periods = stagePeriods(pair);
    expect(stageSequence(periods).slice(0, 2)).toEqual(['alliance', 'convergence']);
    const alliance = periods.find((p) => p.stage === 'alliance')!;
    const convergence = periods.find((p) => p.stage === 'convergence')!;
    expect(alliance.fromYear).toBeLessThan(convergence.fromYear);
    expect(convergence.fromYear).toBeGreaterThanOrEqual(1998);
    expect(convergence.fromYear).toBeLessThanOrEqual(2001);
  });

  it('merges the same fact from several documents into one relationship (Namangani leads the IMU)', () => {
    const leads = relationships.filter((r) => r.type === 'leads' && r.source === 'juma-namangani' && r.target === 'imu');
    expect(leads).toHaveLength(1);
    expect(leads[0]!.corroboration).toBeGreaterThan(1);
  });

  it('codes a stage sequence for every continuum pair whose stage changes', () => {
    for (const [key, rels] of stagedPairs(relationships)) {
      const seq = stageSequence(stagePeriods(rels));
      if (seq.length > 1) expect(coded.pairs.some((p) => [p.a, p.b].sort().join('|') === key), key).toBe(true);
    }
  });
});

describe('the gates catch what they are for', () => {
  const doc = { id: 'doc', title: 'Doc', authors: [], year: 2000, file: 'doc.txt', period: { from: '1990', to: '2000' }, periodNote: 'x' };
  const actor = (id: string, lifespan: LifespanReading[] = []) => ({ id, name: id, aliases: [], kind: 'criminal_group' as const, country: null, description: '', lifespan, nameCollision: null, citations: [{ source: 'doc', quote: 'a quote long enough' }] });
  const claim = (from: string | null, to: string | null, quote = 'a quote long enough') => ({ source: 'doc', quote, confidence: 'stated' as const, from, to, fromBasis: from ? ('stated' as const) : null, toBasis: to ? ('stated' as const) : null, datedBy: null });
  const rel = (id: string, type: 'alliance' | 'convergence' | 'operational', claims: ReturnType<typeof claim>[]) => ({ id, source: 'a', target: 'b', type, description: '', stageNote: null, claims });
  const derive = (rels: ReturnType<typeof rel>[], a = actor('a')) => deriveDataset({ sources: [doc], actors: [a, actor('b')], relationships: rels, events: [], capacity: [], figures: [] });

  it('two relationships of one pair and type over overlapping or undated periods are the same fact', () => {
    expect(sameFactProblems(derive([rel('x', 'alliance', [claim('1995', '1997')]), rel('y', 'alliance', [claim('1996', null)])]).relationships)).toHaveLength(1);
    expect(sameFactProblems(derive([rel('x', 'alliance', [claim('1995', '1997')]), rel('y', 'alliance', [claim(null, null)])]).relationships)).toHaveLength(1);
    expect(sameFactProblems(derive([rel('x', 'alliance', [claim('1995', '1997')]), rel('y', 'alliance', [claim('1998', '1999')])]).relationships)).toEqual([]);
    expect(sameFactProblems(derive([rel('x', 'alliance', [claim('1995', '1997')]), rel('y', 'convergence', [claim('1996', null)])]).relationships)).toEqual([]);
  });

  it('a dated claim outside an actor\'s dated lifespan is reported', () => {
    const founded = actor('a', [{ event: 'founded', date: '1996', latest: null, basis: 'stated', source: 'doc', quote: 'founded in 1996', datedBy: null }]);
    const { actors: as, relationships: rs } = derive([rel('x', 'alliance', [claim('1991', '1993')])], founded);
    expect(lifespanProblems(as, rs).map((p) => p.reason)).toEqual([expect.stringMatching(/1993 is before a's lifespan starts \(1996, stated\)/)]);
  });

  it('a coded stage sequence must be what the claims give, and a changing pair must be coded', () => {
    const { relationships: rs } = derive([rel('x', 'alliance', [claim('1995', '1997')]), rel('y', 'convergence', [claim('1998', '2000')])]);
    expect(stageSequenceProblems(rs, { pairs: [] }).map((p) => p.reason)).toEqual([expect.stringMatching(/alliance → convergence; code the sequence/)]);
    expect(stageSequenceProblems(rs, { pairs: [{ a: 'a', b: 'b', sequence: ['convergence', 'alliance'], note: 'x' }] }).map((p) => p.reason)).toEqual([expect.stringMatching(/coded convergence → alliance, but its claims give alliance → convergence/)]);
    expect(stageSequenceProblems(rs, { pairs: [{ a: 'b', b: 'a', sequence: ['alliance', 'convergence'], note: 'x' }] })).toEqual([]);
  });
});

describe('quotes', () => {
  it.skipIf(!haveDocuments && process.env['CI'] !== 'true')('every quote occurs verbatim in its document', async () => {
    const { checked, misses } = await verifyQuotes(ds, DOCUMENTS);
    expect(checked).toBeGreaterThan(1500);
    expect(misses).toEqual([]);
  });

  it.skipIf(!haveDocuments && process.env['CI'] !== 'true')('a quote or a dating passage changed by one word is caught', async () => {
    const r = ds.relationships.find((x) => x.claims.some((c) => c.datedBy))!;
    const c = r.claims.find((x) => x.datedBy)!;
    const tamper = (claim: typeof c): Dataset => ({ ...ds, actors: [], events: [], capacity: [], figures: [], relationships: [{ ...r, claims: [claim] }] });
    const quote = await verifyQuotes(tamper({ ...c, quote: `${c.quote} indeed` }), DOCUMENTS);
    expect(quote.misses.map((m) => m.record)).toEqual([`relationship ${r.id}`]);
    const passage = await verifyQuotes(tamper({ ...c, datedBy: { quote: `${c.datedBy!.quote} indeed` } }), DOCUMENTS);
    expect(passage.misses).toHaveLength(1);
  });
});

describe('seed validation', () => {
  const source = { id: 'doc', title: 'Doc', authors: [], year: 2000, file: 'doc.txt', period: { from: '1990', to: '2000' } };
  const actor = (id: string, kind: string) => ({ id, name: id.toUpperCase(), kind, citations: [{ source: 'doc', quote: 'a quote long enough' }] });
  const claim = (extra: Record<string, unknown> = {}) => ({ source: 'doc', quote: 'a quote long enough', confidence: 'stated', ...extra });

  it('names the file, the record and the field of a bad record', () => {
    const file = { source, actors: [actor('a', 'terrorist_group'), actor('b', 'criminal_group')], relationships: [{ id: 'r1', source: 'a', target: 'b', type: 'friendship', claims: [claim()] }] };
    expect(() => buildDataset([{ name: 'bad.json', text: JSON.stringify(file) }])).toThrow(/bad\.json › relationships\[0\] \(id "r1"\) › type/);
  });

  it('rejects malformed JSON naming the file', () => {
    expect(() => buildDataset([{ name: 'broken.json', text: '{ "source": ' }])).toThrow(SeedValidationError);
    expect(() => buildDataset([{ name: 'broken.json', text: '{ "source": ' }])).toThrow(/broken\.json/);
  });

  it('rejects a source without the period it describes', () => {
    const { period: _period, ...noPeriod } = source;
    expect(() => buildDataset([{ name: 's.json', text: JSON.stringify({ source: noPeriod }) }])).toThrow(/s\.json › source › source\.period|source\.period/);
  });

  it('rejects a state-side continuum stage without a stageNote, and conflicting kinds across files', () => {
    const stage = { source, actors: [actor('a', 'terrorist_group'), actor('s', 'state_agency')], relationships: [{ id: 'r1', source: 's', target: 'a', type: 'alliance', claims: [claim()] }] };
    expect(() => buildDataset([{ name: 'x.json', text: JSON.stringify(stage) }])).toThrow(/r1.*stageNote/s);
    const one = { source, actors: [actor('a', 'terrorist_group')] };
    const two = { source: { ...source, id: 'doc2' }, actors: [{ ...actor('a', 'criminal_group'), citations: [{ source: 'doc2', quote: 'a quote long enough' }] }] };
    expect(() => buildDataset([{ name: 'one.json', text: JSON.stringify(one) }, { name: 'two.json', text: JSON.stringify(two) }])).toThrow(/two\.json › actors \(id "a"\) › kind/);
  });

  it('merges one fact from two files into one relationship, and refuses a pair or type that disagrees', () => {
    const a = { source, actors: [actor('a', 'terrorist_group'), actor('b', 'criminal_group')], relationships: [{ id: 'r1', source: 'a', target: 'b', type: 'alliance', claims: [claim()] }] };
    const src2 = { ...source, id: 'doc2' };
    const b = { source: src2, actors: [], relationships: [{ id: 'r1', source: 'a', target: 'b', type: 'alliance', claims: [{ ...claim(), source: 'doc2' }] }] };
    const merged = buildDataset([{ name: 'a.json', text: JSON.stringify(a) }, { name: 'b.json', text: JSON.stringify(b) }]);
    expect(merged.relationships).toHaveLength(1);
    expect(merged.relationships[0]!.claims.map((c) => c.source)).toEqual(['doc', 'doc2']);
    const c = { ...b, relationships: [{ ...b.relationships[0]!, type: 'convergence' }] };
    expect(() => buildDataset([{ name: 'a.json', text: JSON.stringify(a) }, { name: 'c.json', text: JSON.stringify(c) }])).toThrow(/c\.json › relationships \(id "r1"\) › type/);
  });

  it('rejects dangling references, malformed dating and undated ends with a basis', () => {
    const base = { source, actors: [actor('a', 'terrorist_group'), actor('b', 'criminal_group')] };
    const dangling = { ...base, relationships: [{ id: 'r1', source: 'a', target: 'ghost', type: 'alliance', claims: [claim()] }] };
    expect(() => buildDataset([{ name: 'd.json', text: JSON.stringify(dangling) }])).toThrow(/unknown actor "ghost"/);
    const backwards = { ...base, relationships: [{ id: 'r1', source: 'a', target: 'b', type: 'alliance', claims: [claim({ from: '2005', to: '2001', fromBasis: 'stated', toBasis: 'stated' })] }] };
    expect(() => buildDataset([{ name: 'i.json', text: JSON.stringify(backwards) }])).toThrow(/claims\.0\.to: from must not be after to/);
    const noBasis = { ...base, relationships: [{ id: 'r1', source: 'a', target: 'b', type: 'alliance', claims: [claim({ from: '2005' })] }] };
    expect(() => buildDataset([{ name: 'n.json', text: JSON.stringify(noBasis) }])).toThrow(/claims\.0\.fromBasis: from and fromBasis go together/);
    const passage = { ...base, relationships: [{ id: 'r1', source: 'a', target: 'b', type: 'alliance', claims: [claim({ from: '2005', fromBasis: 'passage' })] }] };
    expect(() => buildDataset([{ name: 'p.json', text: JSON.stringify(passage) }])).toThrow(/claims\.0\.datedBy: a passage-dated claim cites the passage that dates it/);
  });
});
