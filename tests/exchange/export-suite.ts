/**
 * The export over HTTP on one store (run by tests/exchange/export.test.ts on the embedded store and
 * by tests/neo4j/server.test.ts on Neo4j): GEXF and GraphML read back by a real XML parser hold
 * exactly the network the API answers for the same filters, with their attributes and spells;
 * bad parameters are 400 naming them; CSV, FtM and JSON exports re-imported round-trip every id and
 * record, and re-imported into the store they came from change nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayToIso } from '../../server/domain/time.js';
import { readImportFiles } from '../../server/exchange/read.js';
import { planImport } from '../../server/services/imports.js';
import { EmbeddedStore } from '../../server/store/embedded/adapter.js';
import { actorRecordOf, relationshipRecordOf } from '../../server/store/records.js';
import { gql, startTestServer, type TestServer, type TestStore } from '../helpers/server.js';

interface NetworkAnswer {
  network: { nodes: Array<{ id: string; kind: string }>; edges: Array<{ id: string; type: string; confidence: string; source: { id: string }; target: { id: string }; validity: { from: string; to: string } }> };
}

const NETWORK = `query($at: Int, $window: YearWindow, $stages: [ContinuumStage!], $kinds: [ActorKind!]) {
  network(at: $at, window: $window, stages: $stages, kinds: $kinds) {
    nodes { id kind } edges { id type confidence source { id } target { id } validity { from to } }
  }
}`;

function parseXml(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => (level !== 'warning' ? errors.push(message) : undefined) }).parseFromString(text, 'text/xml');
  expect(errors).toEqual([]);
  return doc as unknown as Document;
}

const elements = (doc: Document, name: string) => Array.from(doc.getElementsByTagName(name)) as unknown as Element[];
const attValue = (el: Element, tag: string, key: string, keyAttr: string, valueAttr: string | null) => {
  const found = (Array.from(el.getElementsByTagName(tag)) as unknown as Element[]).find((a) => a.getAttribute(keyAttr) === key);
  return valueAttr ? found?.getAttribute(valueAttr) : found?.textContent;
};

export function runExportSuite(kind: TestStore): void {
  describe(`export over HTTP (${kind})`, () => {
    let server: TestServer;
    const temps: string[] = [];
    beforeAll(async () => {
      server = await startTestServer({ store: kind });
    }, 300_000);
    afterAll(async () => {
      await server?.close();
      await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
    });
    const get = (query: string) => fetch(`${server.url}/api/export?${query}`);
    const network = async (variables: Record<string, unknown>) => {
      const { body } = await gql<NetworkAnswer>(server.url, NETWORK, variables);
      expect(body.errors).toBeUndefined();
      return body.data!.network;
    };

    it('GEXF for a year and stages opens as GEXF 1.3 with exactly the network the API answers, spells and attributes', async () => {
      const res = await get('format=gexf&at=1999&stages=ALLIANCE,CONVERGENCE');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="nexus-1999-filtered.gexf"');
      const doc = parseXml(await res.text());
      const root = doc.documentElement as unknown as Element;
      expect([root.namespaceURI, root.getAttribute('version')]).toEqual(['http://gexf.net/1.3', '1.3']);
      expect(elements(doc, 'graph')[0]?.getAttribute('mode')).toBe('dynamic');
      const net = await network({ at: 1999, stages: ['ALLIANCE', 'CONVERGENCE'] });
      expect(net.edges.length).toBeGreaterThan(5);
      const nodes = elements(doc, 'node');
      expect(nodes.map((n) => n.getAttribute('id')).sort()).toEqual(net.nodes.map((n) => n.id).sort());
      for (const n of nodes) expect(attValue(n, 'attvalue', 'kind', 'for', 'value')).toBe(net.nodes.find((x) => x.id === n.getAttribute('id'))?.kind.toLowerCase());
      const edges = elements(doc, 'edge');
      expect(edges.map((e) => e.getAttribute('id')).sort()).toEqual(net.edges.map((e) => e.id).sort());
      for (const e of edges) {
        const api = net.edges.find((x) => x.id === e.getAttribute('id'))!;
        expect([e.getAttribute('source'), e.getAttribute('target'), e.getAttribute('type')]).toEqual([api.source.id, api.target.id, 'undirected']);
        expect(attValue(e, 'attvalue', 'grade', 'for', 'value')).toBe(api.confidence.toLowerCase());
        expect(attValue(e, 'attvalue', 'type', 'for', 'value')).toBe(api.type.toLowerCase());
        expect(['2', '3']).toContain(attValue(e, 'attvalue', 'stage', 'for', 'value'));
        expect(JSON.parse(attValue(e, 'attvalue', 'claims', 'for', 'value') ?? '[]')).toEqual((await server.service.relationship(api.id)).claims);
        const spell = (Array.from(e.getElementsByTagName('spell')) as unknown as Element[])[0]!;
        expect(spell.getAttribute('start')! <= '1999-12-31' && spell.getAttribute('end')! >= '1999-01-01').toBe(true);
        expect(spell.getAttribute('start')).toBe(dayToIso(Date.parse(`${api.validity.from.length === 4 ? `${api.validity.from}-01-01` : api.validity.from.length === 7 ? `${api.validity.from}-01` : api.validity.from}T00:00:00Z`) / 86_400_000));
      }
    });

    it('GraphML for a window and kinds holds the same network as the API, citations included', async () => {
      const res = await get('format=graphml&from=1997&to=2001&kinds=terrorist_group,criminal_group,trafficking_network');
      expect(res.status).toBe(200);
      const doc = parseXml(await res.text());
      const net = await network({ window: { from: 1997, to: 2001 }, kinds: ['TERRORIST_GROUP', 'CRIMINAL_GROUP', 'TRAFFICKING_NETWORK'] });
      expect(elements(doc, 'node').map((n) => n.getAttribute('id')).sort()).toEqual(net.nodes.map((n) => n.id).sort());
      const edges = elements(doc, 'edge');
      expect(edges.map((e) => e.getAttribute('id')).sort()).toEqual(net.edges.map((e) => e.id).sort());
      for (const e of edges) {
        const citations = JSON.parse(attValue(e, 'data', 'e_claims', 'key', null) ?? '[]') as Array<{ quote: string; source: string }>;
        expect(citations).toEqual((await server.service.relationship(e.getAttribute('id')!)).claims);
        expect(citations.every((c) => c.quote.length >= 8 && c.source.length > 0)).toBe(true);
      }
      const node = elements(doc, 'node')[0]!;
      expect(JSON.parse(attValue(node, 'data', 'n_citations', 'key', null) ?? '{}').citations.length).toBeGreaterThan(0);
    });

    it('the whole dataset when no filter is given', async () => {
      const res = await get('format=gexf');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="nexus-whole.gexf"');
      const doc = parseXml(await res.text());
      const counts = await server.service.store.counts();
      expect([elements(doc, 'node').length, elements(doc, 'edge').length]).toEqual([counts.actors, counts.relationships]);
    });

    it('refuses bad parameters with 400, a code and the parameter named', async () => {
      const cases: Array<[string, string]> = [
        ['format=xml', 'format'],
        ['', 'format'],
        ['format=gexf&at=abc', 'at'],
        ['format=gexf&at=1999&from=1990&to=2000', 'at'],
        ['format=gexf&minConfidence=sure', 'minConfidence'],
        ['format=gexf&stages=FRIENDSHIP', 'types'],
        ['format=gexf&table=actors', 'table'],
        ['format=gexf&colour=red', 'colour'],
      ];
      for (const [query, field] of cases) {
        const res = await get(query);
        expect(res.status, query).toBe(400);
        const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string; field: string } }> };
        expect(body.errors[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringContaining(field) });
      }
    });

    describe.each(['csv', 'ftm', 'json'] as const)('%s export re-imported', (format) => {
      let dir: string;
      beforeAll(async () => {
        dir = await mkdtemp(path.join(os.tmpdir(), `nexus-roundtrip-${format}-`));
        temps.push(dir);
        const files = format === 'csv' ? ['sources', 'actors', 'relationships'].map((t) => [`table=${t}`, `${t}.csv`]) : [['', `export.${format}`]];
        for (const [param, name] of files) {
          const res = await get(`format=${format}${param ? `&${param}` : ''}`);
          expect(res.status).toBe(200);
          await writeFile(path.join(dir, name!), await res.text());
        }
      });

      it('into an empty store gives back every id and record', async () => {
        const { input } = await readImportFiles([dir]);
        expect(input.problems).toEqual([]);
        const fresh = await EmbeddedStore.open({ dataFile: null });
        const plan = await planImport(fresh, input);
        expect(plan.problems).toEqual([]);
        await fresh.bulkLoad(plan.dataset);
        const store = server.service.store;
        const all = { offset: 0, limit: 100_000 };
        const [before, after] = await Promise.all([store, fresh].map(async (s) => ({
          actors: (await s.searchActors({}, all)).items.map(actorRecordOf).sort((a, b) => (a.id < b.id ? -1 : 1)),
          relationships: (await s.listRelationships({}, all)).items.map(relationshipRecordOf).sort((a, b) => (a.id < b.id ? -1 : 1)),
          sources: (await s.listSources()).map(({ factCount: _n, ...src }) => src),
        })));
        expect(after!.actors.map((a) => a.id)).toEqual(before!.actors.map((a) => a.id));
        expect(after).toEqual(before);
        await fresh.close();
      });

      it('into the store it came from changes nothing', async () => {
        const { input } = await readImportFiles([dir]);
        const plan = await planImport(server.service.store, input, { rows: true });
        expect(plan.counts).toMatchObject({ add: 0, update: 0 });
        expect(plan.rows.every((r) => r.action === 'unchanged')).toBe(true);
        expect((await server.service.store.bulkLoad(plan.dataset)).changed).toBe(0);
      });
    });
  });
}
