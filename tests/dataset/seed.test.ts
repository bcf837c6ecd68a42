/**
 * Quality gates on the sourced dataset: it loads (schemas, merge rules, integrity), it is
 * exhaustive enough to be useful, and every quote occurs verbatim in its source document.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, loadSeedDir } from '../../server/dataset/load.js';
import { verifyQuotes } from '../../server/dataset/verify-quotes.js';
import type { Dataset } from '../../server/domain/schemas.js';
import { SeedValidationError } from '../../server/domain/errors.js';
import { STATE_SIDE_KINDS, isContinuumStage } from '../../server/domain/vocabulary.js';

const DOCUMENTS = path.resolve(import.meta.dirname, '../../../shared/seeds');
const haveDocuments = existsSync(DOCUMENTS);

let ds: Dataset;
beforeAll(async () => {
  ds = await loadSeedDir();
});

describe('the sourced dataset', () => {
  it('covers all five documents, with well over 100 actors and 200 relationships', () => {
    expect(ds.sources).toHaveLength(5);
    expect(ds.actors.length).toBeGreaterThan(100);
    expect(ds.relationships.length).toBeGreaterThan(200);
    expect(ds.events.length).toBeGreaterThan(20);
  });

  it('cites every record, and every relationship from at least one document', () => {
    for (const rec of [...ds.actors, ...ds.relationships, ...ds.events, ...ds.capacity, ...ds.figures]) {
      expect(rec.citations.length, rec.id).toBeGreaterThan(0);
    }
    const citedSources = new Set(ds.relationships.flatMap((r) => r.citations.map((c) => c.source)));
    expect([...citedSources].sort()).toEqual(ds.sources.map((s) => s.id).sort());
  });

  it('lists no actor\'s own name among its aliases, and no passage twice on one record', () => {
    for (const a of ds.actors) expect(a.aliases, a.id).not.toContain(a.name);
    for (const rec of [...ds.actors, ...ds.relationships, ...ds.capacity]) {
      const keys = rec.citations.map((c) => `${c.source}|${c.quote}|${c.location ?? ''}`);
      expect(new Set(keys).size, rec.id).toBe(keys.length);
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
    expect(ds.relationships.some((r) => r.confidence === 'disputed')).toBe(true);
    expect(ds.relationships.some((r) => r.confidence === 'alleged')).toBe(true);
  });

  it('holds every cell of Table 2 (state capacity by region and period)', () => {
    const periods = [['1991', '1997'], ['1997', '2005'], ['2005', '2010'], ['2010', '2015']];
    for (const region of ['hojand-province', 'gbao', 'tajik-border-areas', 'talas', 'chui', 'osh', 'jalalabad']) {
      for (const [from, to] of periods) {
        expect(ds.capacity.some((c) => c.region === region && c.period.from === from && c.period.to === to), `${region} ${from}-${to}`).toBe(true);
      }
    }
    const gbao = ds.capacity.find((c) => c.region === 'gbao' && c.period.from === '1991');
    expect(gbao?.capacity).toEqual(['failed']);
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

describe('quotes', () => {
  it.skipIf(!haveDocuments && process.env['CI'] !== 'true')('every quote occurs verbatim in its document', async () => {
    const { checked, misses } = await verifyQuotes(ds, DOCUMENTS);
    expect(checked).toBeGreaterThan(1000);
    expect(misses).toEqual([]);
  });

  it.skipIf(!haveDocuments && process.env['CI'] !== 'true')('a quote changed by one word is caught', async () => {
    const rel = ds.relationships[0]!;
    const tampered: Dataset = { ...ds, actors: [], events: [], capacity: [], figures: [], relationships: [{ ...rel, citations: [{ ...rel.citations[0]!, quote: `${rel.citations[0]!.quote} indeed` }] }] };
    const { misses } = await verifyQuotes(tampered, DOCUMENTS);
    expect(misses).toHaveLength(1);
    expect(misses[0]!.record).toBe(`relationship ${rel.id}`);
  });
});

describe('seed validation', () => {
  const source = { id: 'doc', title: 'Doc', authors: [], year: 2000, file: 'doc.txt' };
  const actor = (id: string, kind: string) => ({ id, name: id.toUpperCase(), kind, citations: [{ source: 'doc', quote: 'a quote long enough' }] });

  it('names the file, the record and the field of a bad record', () => {
    const file = { source, actors: [actor('a', 'terrorist_group'), actor('b', 'criminal_group')], relationships: [{ id: 'r1', source: 'a', target: 'b', type: 'friendship', confidence: 'stated', citations: [{ source: 'doc', quote: 'a quote long enough' }] }] };
    expect(() => buildDataset([{ name: 'bad.json', text: JSON.stringify(file) }])).toThrow(/bad\.json › relationships\[0\] \(id "r1"\) › type/);
  });

  it('rejects malformed JSON naming the file', () => {
    expect(() => buildDataset([{ name: 'broken.json', text: '{ "source": ' }])).toThrow(SeedValidationError);
    expect(() => buildDataset([{ name: 'broken.json', text: '{ "source": ' }])).toThrow(/broken\.json/);
  });

  it('rejects a state-side continuum stage without a stageNote, and conflicting kinds across files', () => {
    const stage = { source, actors: [actor('a', 'terrorist_group'), actor('s', 'state_agency')], relationships: [{ id: 'r1', source: 's', target: 'a', type: 'alliance', confidence: 'stated', citations: [{ source: 'doc', quote: 'a quote long enough' }] }] };
    expect(() => buildDataset([{ name: 'x.json', text: JSON.stringify(stage) }])).toThrow(/r1.*stageNote/s);
    const one = { source, actors: [actor('a', 'terrorist_group')] };
    const two = { source: { ...source, id: 'doc2' }, actors: [{ ...actor('a', 'criminal_group'), citations: [{ source: 'doc2', quote: 'a quote long enough' }] }] };
    expect(() => buildDataset([{ name: 'one.json', text: JSON.stringify(one) }, { name: 'two.json', text: JSON.stringify(two) }])).toThrow(/two\.json › actors \(id "a"\) › kind/);
  });

  it('rejects dangling references and malformed intervals', () => {
    const dangling = { source, actors: [actor('a', 'terrorist_group')], relationships: [{ id: 'r1', source: 'a', target: 'ghost', type: 'alliance', confidence: 'stated', citations: [{ source: 'doc', quote: 'a quote long enough' }] }] };
    expect(() => buildDataset([{ name: 'd.json', text: JSON.stringify(dangling) }])).toThrow(/unknown actor "ghost"/);
    const backwards = { source, actors: [actor('a', 'terrorist_group'), actor('b', 'criminal_group')], relationships: [{ id: 'r1', source: 'a', target: 'b', type: 'alliance', interval: { from: '2005', to: '2001' }, confidence: 'stated', citations: [{ source: 'doc', quote: 'a quote long enough' }] }] };
    expect(() => buildDataset([{ name: 'i.json', text: JSON.stringify(backwards) }])).toThrow(/interval\.to: from must not be after to/);
  });
});
