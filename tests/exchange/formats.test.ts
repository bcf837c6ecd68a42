/**
 * The exchange formats on their own: the hand-written MMP and FollowTheMoney samples read as their
 * published schemas say (type mapping and direction, date precision, duplicates, provenance as
 * citations), the escaping of every value the Cypher script and the XML formats write, and hostile
 * text carried exactly through every format.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { mmpDate, readMmpCsv } from '../../server/exchange/mmp.js';
import { readFtm } from '../../server/exchange/ftm-read.js';
import { readTableCsv } from '../../server/exchange/table-csv.js';
import { xmlText } from '../../server/exchange/graph-xml.js';
import { cypherString, cypherValue } from '../../server/store/neo4j/script.js';
import { writeFormat } from '../../server/exchange/export-formats.js';
import { readImportFiles } from '../../server/exchange/read.js';
import { CSV_TABLES } from '../../server/exchange/table-csv.js';
import { ExportService } from '../../server/services/exports.js';
import { EmbeddedStore } from '../../server/store/embedded/adapter.js';
import { HOSTILE, HOSTILE_TEXT, hostileDataset } from '../fixtures/exchange/hostile.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/exchange');
const mmpFile = path.join(FIXTURES, 'mmp-sample.csv');
const ftmFile = path.join(FIXTURES, 'ftm-sample.ftm.jsonl');

describe('the MMP relationships CSV', () => {
  const input = readMmpCsv(mmpFile, readFileSync(mmpFile, 'utf8'));
  const rel = (id: string) => input.dataset.relationships.find((r) => r.id === id);

  it('keeps dates at the precision MMP gives them', () => {
    expect(mmpDate('2005-00-00')).toBe('2005');
    expect(mmpDate('2014-02-00')).toBe('2014-02');
    expect(mmpDate('2016-05-03')).toBe('2016-05-03');
    expect(mmpDate('2/18/10')).toBe('2010-02-18');
    expect(mmpDate('1/1/95')).toBe('1995-01-01');
    expect(mmpDate('')).toBeNull();
    expect(mmpDate('spring 2004')).toBeUndefined();
  });

  it('maps all/aff/riv/spl/mer to alliance, alliance, rivalry, splinter_of (splinter → parent) and successor_of (merged → merging)', () => {
    expect(input.problems).toEqual([]);
    expect(input.dataset.relationships.map((r) => [r.id, r.type, r.source, r.target]).sort()).toEqual([
      ['mmp-901-alliance-mmp-902', 'alliance', 'mmp-901', 'mmp-902'],
      ['mmp-901-rivalry-mmp-903', 'rivalry', 'mmp-901', 'mmp-903'],
      ['mmp-904-alliance-mmp-905', 'alliance', 'mmp-904', 'mmp-905'],
      ['mmp-904-splinter-of-mmp-902', 'splinter_of', 'mmp-904', 'mmp-902'],
      ['mmp-905-successor-of-mmp-903', 'successor_of', 'mmp-905', 'mmp-903'],
    ]);
  });

  it('makes rows about the same pair and type claims of one relationship, each quoting its row, graded reported, dated as stated', () => {
    expect(rel('mmp-901-alliance-mmp-902')?.claims.map((c) => [c.from, c.fromBasis, c.location, c.confidence])).toEqual([
      ['2005', 'stated', 'row 1', 'reported'],
      ['2008-07', 'stated', 'row 7', 'reported'],
    ]);
    expect(rel('mmp-901-alliance-mmp-902')?.claims[0]?.quote).toBe('Synthetic sample row: Sample Group A and Sample Group B are coded as allies.');
    // Row 5 has no description: its quote is the row as written.
    expect(rel('mmp-904-alliance-mmp-905')?.claims[0]?.quote).toBe('5,aff,904,905,2017-00-00,,Sample Group D,Sample Group E');
  });

  it('drops an exact duplicate row, saying which row it repeats', () => {
    expect(input.skipped).toEqual([{ where: 'mmp-sample.csv line 7 (unique_id 6)', reason: 'duplicate of mmp-sample.csv line 3 (unique_id 2) (same type, groups, date and description)' }]);
    expect(rel('mmp-901-rivalry-mmp-903')?.claims).toHaveLength(1);
  });

  it('makes one actor per MMP group id, names trimmed, with the file as its source bounded by the dated rows', () => {
    expect(input.dataset.actors.map((a) => [a.id, a.name, a.kind])).toContainEqual(['mmp-905', 'Sample Group E', 'terrorist_group']);
    expect(input.dataset.sources).toEqual([expect.objectContaining({ id: 'mmp', file: 'mmp-sample.csv', period: { from: '2005', to: '2017' } })]);
    expect(readMmpCsv(mmpFile, readFileSync(mmpFile, 'utf8'), { kind: 'insurgent_group', sourceId: 'mmp-sample' }).dataset.actors[0]).toMatchObject({ kind: 'insurgent_group', citations: [{ source: 'mmp-sample' }] });
  });

  it('refuses an unknown type or date naming the row and field', () => {
    const bad = readMmpCsv('bad.csv', 'unique_id,type,group1_id,group2_id,date,description,group1_name,group2_name\n9,friends,1,2,2001,Synthetic sample row text.,Sample A,Sample B\n10,all,1,2,sometime,Synthetic sample row text.,Sample A,Sample B\n');
    expect(bad.problems).toEqual([
      { file: 'bad.csv', record: 'bad.csv line 2 (unique_id 9)', field: 'type', reason: '"friends" is not an MMP relationship type (all, aff, riv, spl, mer)' },
      expect.objectContaining({ record: 'bad.csv line 3 (unique_id 10)', field: 'date' }),
    ]);
  });
});

describe('FollowTheMoney entities', () => {
  const input = readFtm(ftmFile, readFileSync(ftmFile, 'utf8'));
  const actor = (id: string) => input.dataset.actors.find((a) => a.id === id);
  const rel = (id: string) => input.dataset.relationships.find((r) => r.id === id);

  it('reads Things as actors, their kind from topics and schema, ids as slugs', () => {
    expect(input.problems).toEqual([]);
    expect(input.dataset.actors.map((a) => [a.id, a.kind]).sort()).toEqual([
      ['sample-address-1', 'region'],
      ['sample-authority-gamma', 'state_agency'],
      ['sample-entity-beta', 'criminal_group'],
      ['sample-org-1', 'terrorist_group'],
      ['sample-person-alpha', 'person'],
    ]);
    expect(actor('sample-org-1')).toMatchObject({ name: 'Sample Organisation One', aliases: ['Sample Org 1'], country: 'xx' });
  });

  it('reads Membership, Directorship, Succession, UnknownLink (by role) and Sanction as relationships', () => {
    expect(input.dataset.relationships.map((r) => [r.id, r.type, r.source, r.target])).toEqual([
      ['sample-membership-1', 'member_of', 'sample-person-alpha', 'sample-org-1'],
      ['sample-directorship-1', 'leads', 'sample-person-alpha', 'sample-org-1'],
      ['sample-succession-1', 'successor_of', 'sample-org-1', 'sample-entity-beta'],
      ['sample-link-1', 'rivalry', 'sample-org-1', 'sample-entity-beta'],
      ['sample-sanction-1', 'designated_by', 'sample-org-1', 'sample-authority-gamma'],
    ]);
  });

  it('keeps statement provenance as citations: each dataset and source URL a source, first and last seen in the location', () => {
    expect(actor('sample-entity-beta')?.citations.map((c) => [c.source, c.location])).toEqual([
      ['ftm-sample-dataset', 'line 4; seen 2019-05-05 to 2023-01-01'],
      ['ftm-other-sample-dataset', 'line 4; seen 2019-05-05 to 2023-01-01'],
    ]);
    expect(actor('sample-person-alpha')?.citations.map((c) => c.source)).toEqual(['ftm-sample-dataset', expect.stringMatching(/^ftm-url-[0-9a-f]{12}$/)]);
    const url = input.dataset.sources.find((s) => s.file === 'https://example.org/sample/person-alpha');
    expect(url).toMatchObject({ publisher: 'Sample Publisher', period: { from: '2020-03-01', to: '2023-06-30' } });
    const membership = rel('sample-membership-1')?.claims[0];
    expect(membership).toMatchObject({ source: 'ftm-sample-dataset', confidence: 'reported', from: '2015', fromBasis: 'stated', quote: 'Synthetic sample: Sample Person Alpha is listed as a member of Sample Organisation One.' });
    expect(rel('sample-sanction-1')?.claims[0]).toMatchObject({ from: '2016-03-01' });
  });

  it('skips what it cannot place, saying why', () => {
    expect(input.skipped.map((s) => s.where)).toEqual(['ftm-sample.ftm.jsonl line 2', 'ftm-sample.ftm.jsonl line 10', 'ftm-sample.ftm.jsonl line 13']);
    expect(input.skipped[0]?.reason).toMatch(/give --kind/);
    expect(input.skipped[1]?.reason).toMatch(/role "business partner"/);
    expect(input.skipped[2]?.reason).toBe('schema Vessel is not imported');
    expect(readFtm(ftmFile, readFileSync(ftmFile, 'utf8'), { kind: 'criminal_group' }).dataset.actors.map((a) => a.id)).toContain('sample-org-2');
  });

  it('refuses a line that is no FtM entity', () => {
    expect(readFtm('x.jsonl', '{"id":"a","schema":"Person","properties":{"name":"not a list"}}\nnot json\n').problems.map((p) => [p.record, p.field])).toEqual([['line 1', '(entity)'], ['line 2', '(json)']]);
  });
});

describe('our CSV tables', () => {
  it('refuses rows of one record that disagree, naming both rows', () => {
    const text = 'id,source,target,type,description,stage_note,claim_source,quote,location,grade,from,from_basis,to,to_basis,dated_by_quote,dated_by_location\n'
      + 'r1,a,b,alliance,,,doc,A quote long enough.,,stated,2001,stated,,,,\n'
      + 'r1,a,b,rivalry,,,doc,Another quote here.,,stated,,,,,,\n';
    expect(readTableCsv('relationships.csv', text).problems).toEqual([{ file: 'relationships.csv', record: 'relationships.csv line 3', field: '(record)', reason: 'the fields of "r1" disagree with its row at relationships.csv line 2' }]);
  });
});

describe('escaping', () => {
  const hostile = ["') MATCH (n) DETACH DELETE n //", 'back\\slash \\\' quote', 'line\nbreak\r\ttab', '`backtick` $param {x}', 'ünïcødé 𝔘 \u2028 \u0007'];

  it('writes every string as one Cypher string literal that reads back as the same string', () => {
    for (const s of hostile) {
      const literal = cypherString(s);
      expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
      // No unescaped quote or raw line break can end the literal early.
      expect(literal.slice(1, -1)).not.toMatch(/(^|[^\\])(\\\\)*'|[\n\r\u2028\u2029]/);
      const back = JSON.parse(`"${literal.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string;
      expect(back).toBe(s);
    }
    expect(cypherValue([1.5, 2])).toBe('[1.5, 2.0]');
    expect(cypherValue(null)).toBe('null');
  });

  it('writes XML text that holds no markup and no characters XML cannot carry', () => {
    expect(xmlText('<a href="x">&\'\u0001\n')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\uFFFD&#10;');
  });
});

describe('hostile text through every format', () => {
  const load = async () => {
    const store = await EmbeddedStore.open({ dataFile: null });
    await store.upsert(hostileDataset());
    return { store, view: await new ExportService(store).view({}) };
  };
  const text = (pieces: Iterable<string>) => [...pieces].join('');

  it('GraphML and GEXF carry every value exactly (read back by an XML parser)', async () => {
    const { view } = await load();
    for (const format of ['graphml', 'gexf'] as const) {
      const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') throw new Error(msg); } }).parseFromString(text(writeFormat(view, format)), 'text/xml');
      const node = Array.from(doc.getElementsByTagName('node')).find((n) => n.getAttribute('id') === 'hostile-a')!;
      const name = format === 'gexf' ? node.getAttribute('label') : Array.from(node.getElementsByTagName('data')).find((d) => d.getAttribute('key') === 'n_name')?.textContent;
      expect(name, format).toBe(HOSTILE);
      const edge = doc.getElementsByTagName('edge')[0]!;
      const claims = format === 'gexf'
        ? Array.from(edge.getElementsByTagName('attvalue')).find((a) => a.getAttribute('for') === 'claims')?.getAttribute('value')
        : Array.from(edge.getElementsByTagName('data')).find((d) => d.getAttribute('key') === 'e_claims')?.textContent;
      expect(JSON.parse(claims ?? 'null'), format).toEqual(hostileDataset().relationships[0]!.claims);
      const description = format === 'gexf'
        ? Array.from(edge.getElementsByTagName('attvalue')).find((a) => a.getAttribute('for') === 'description')?.getAttribute('value')
        : Array.from(edge.getElementsByTagName('data')).find((d) => d.getAttribute('key') === 'e_description')?.textContent;
      expect(description, format).toBe(HOSTILE_TEXT);
    }
  });

  it.each(['csv', 'ftm', 'json'] as const)('%s round-trips every value', async (format) => {
    const { view } = await load();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-hostile-'));
    try {
      if (format === 'csv') for (const t of CSV_TABLES) await writeFile(path.join(dir, `${t}.csv`), text(writeFormat(view, 'csv', t)));
      else await writeFile(path.join(dir, `x.${format}`), text(writeFormat(view, format)));
      const { input } = await readImportFiles([dir]);
      expect(input.problems).toEqual([]);
      const ds = hostileDataset();
      const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(byId(input.dataset.actors)).toEqual(byId(ds.actors));
      expect(input.dataset.relationships).toEqual(ds.relationships);
      expect(input.dataset.sources).toEqual(ds.sources);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
