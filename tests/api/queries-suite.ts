/**
 * The GraphQL API over real HTTP on the sourced dataset: answers known from the documents. One
 * suite, run on the embedded store (tests/api/queries.test.ts) and on Neo4j (tests/neo4j/neo4j.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datePointEnd, datePointStart, dayToIso } from '../../server/domain/time.js';
import { gql, startTestServer, type TestServer, type TestStore } from '../helpers/server.js';
import { nodeDiameter } from '../../server/layout/boxes.js';
import { violations } from '../../server/layout/separate.js';
import { ANALYSED_KINDS, TIE_TYPES } from '../../server/domain/analytics.js';

export function runApiQueries(store: TestStore): void {
  let server: TestServer;
  beforeAll(async () => {
    // answers must not depend on how busy the machine is: the path time budget is tested on its own (errors.test.ts)
    server = await startTestServer({ store, limits: { pathBudgetMs: 30_000 } });
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  interface Rel {
    id: string;
    type: string;
    source: { id: string };
    target: { id: string };
    interval: { from: string | null; to: string | null; label: string };
    confidence: string;
    citations: Array<{ quote: string; source: { id: string; title: string } }>;
  }
  const REL = 'id type source { id } target { id } interval { from to label } confidence citations { quote source { id title } }';

  describe('vocabulary', () => {
    it('lists relationship types with the continuum stages first, in order', async () => {
      const { body } = await gql<{ relationshipTypes: Array<{ type: string; isStage: boolean; stageOrder: number | null; directed: boolean }> }>(
        server.url,
        '{ relationshipTypes { type label description directed isStage stageOrder } }',
      );
      const types = body.data!.relationshipTypes;
      expect(types.slice(0, 4).map((t) => [t.type, t.stageOrder])).toEqual([
        ['NO_RELATIONSHIP', 0],
        ['OPERATIONAL', 1],
        ['ALLIANCE', 2],
        ['CONVERGENCE', 3],
      ]);
      expect(types.find((t) => t.type === 'SPLINTER_OF')).toMatchObject({ isStage: false, directed: true });
    });
  });

  describe('actors', () => {
    it('finds an actor by a transliterated alias, with paging', async () => {
      const { body } = await gql<{ actors: { totalCount: number; nodes: Array<{ id: string }> } }>(server.url, '{ actors(search: "Yuldashev") { totalCount nodes { id } } }');
      expect(body.data!.actors.nodes.map((a) => a.id)).toContain('tohir-yoldash');
      const page1 = await gql<{ actors: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<{ id: string }> } }>(
        server.url,
        '{ actors(kinds: [TERRORIST_GROUP], first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }',
      );
      const first = page1.body.data!.actors;
      expect(first.totalCount).toBeGreaterThan(5);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const page2 = await gql<{ actors: { nodes: Array<{ id: string }> } }>(server.url, 'query ($after: String) { actors(kinds: [TERRORIST_GROUP], first: 3, after: $after) { nodes { id } } }', { after: first.pageInfo.endCursor });
      const second = page2.body.data!.actors.nodes.map((a) => a.id);
      expect(second).toHaveLength(3);
      expect(second.some((id) => first.nodes.some((n) => n.id === id))).toBe(false);
    });

    it('puts the exact name first and does not let short queries match loosely', async () => {
      const { body } = await gql<{ actors: { nodes: Array<{ id: string }> } }>(server.url, '{ actors(search: "osh") { nodes { id } } }');
      const ids = body.data!.actors.nodes.map((a) => a.id);
      expect(ids[0]).toBe('osh');
      expect(ids).not.toContain('united-states');
      const imu = await gql<{ actors: { nodes: Array<{ id: string }> } }>(server.url, '{ actors(search: "IMU") { nodes { id } } }');
      expect(imu.body.data!.actors.nodes.map((a) => a.id)).toEqual(['imu']);
    });

    it('gives an actor its kind, relationships, events and sourced citations', async () => {
      const { body } = await gql<{ actor: { kind: string; aliases: string[]; events: Array<{ id: string }>; citations: Array<{ quote: string; source: { title: string } }>; relationships: Rel[] } }>(
        server.url,
        `{ actor(id: "imu") { kind aliases events { id } citations { quote source { title } } relationships(filter: { types: [ALLIANCE] }) { ${REL} } } }`,
      );
      const imu = body.data!.actor;
      expect(imu.kind).toBe('TERRORIST_GROUP');
      expect(imu.events.map((e) => e.id)).toContain('ev-1999-batken-incursion');
      expect(imu.citations.length).toBeGreaterThan(0);
      // The IMU's alliance with the Taliban, from the late 1990s, asserted by several documents: one fact.
      const withTaliban = imu.relationships.filter((r) => [r.source.id, r.target.id].includes('taliban'));
      expect(withTaliban).toHaveLength(1);
      expect(Number(withTaliban[0]!.interval.from)).toBeLessThanOrEqual(1998);
      expect(new Set(withTaliban[0]!.citations.map((c) => c.source.id)).size).toBeGreaterThan(1);
    });

    it('records the IJU as a splinter of the IMU', async () => {
      const { body } = await gql<{ actor: { relationships: Rel[] } }>(server.url, `{ actor(id: "iju") { relationships(filter: { types: [SPLINTER_OF] }) { ${REL} } } }`);
      expect(body.data!.actor.relationships.some((r) => r.source.id === 'iju' && r.target.id === 'imu')).toBe(true);
    });
  });

  describe('relationships by id', () => {
    it('answers in the order asked, with claims; an unknown id is NOT_FOUND naming it; more than 500 ids are refused', async () => {
      const ids = ['iju-splinter-of-imu', 'drug-trafficking-networks-central-asia-alliance-imu', 'iju-splinter-of-imu'];
      const q = 'query ($ids: [ID!]!) { relationshipsById(ids: $ids) { id source { id } claims { citation { quote source { id } } } } }';
      type R = { relationshipsById: Array<{ id: string; source: { id: string }; claims: Array<{ citation: { quote: string } }> }> };
      const { body } = await gql<R>(server.url, q, { ids });
      expect(body.errors).toBeUndefined();
      expect(body.data!.relationshipsById.map((r) => r.id)).toEqual(ids);
      for (const r of body.data!.relationshipsById) expect(r.claims[0]!.citation.quote.length).toBeGreaterThan(10);
      const missing = await gql(server.url, q, { ids: [ids[0], 'no-such-link'] });
      expect(missing.body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'ids', id: 'no-such-link' } });
      const many = await gql(server.url, 'query ($ids: [ID!]!) { relationshipsById(ids: $ids) { id } }', { ids: Array.from({ length: 501 }, (_, i) => `r${i}`) });
      expect(many.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'ids' } });
    });
  });

  describe('paths', () => {
    it('walks only relationships that connect actors, unless asked; time-respecting paths keep every hop inside its validity, in order', async () => {
      const q = `query ($non: Boolean) { paths(from: "iju", to: "drug-trafficking-networks-central-asia", maxHops: 4, mode: ALL_SIMPLE, timeRespecting: true, includeNonConnecting: $non, limit: 200) {
        paths { hops { date relationship { type validity { from to } } } } } }`;
      type P = { paths: { paths: Array<{ hops: Array<{ date: string; relationship: { type: string; validity: { from: string; to: string } } }> }> } };
      const plain = (await gql<P>(server.url, q, { non: false })).body.data!.paths.paths;
      expect(plain.length).toBeGreaterThan(0);
      for (const path of plain) {
        expect(path.hops.some((h) => ['DESIGNATED_BY', 'OPERATES_IN', 'TRAFFICS_THROUGH', 'NO_RELATIONSHIP'].includes(h.relationship.type))).toBe(false);
        const dates = path.hops.map((h) => h.date);
        expect([...dates].sort()).toEqual(dates);
        for (const h of path.hops) {
          expect(h.date >= dayToIso(datePointStart(h.relationship.validity.from))).toBe(true);
          expect(h.date <= dayToIso(datePointEnd(h.relationship.validity.to))).toBe(true);
        }
      }
      const all = (await gql<P>(server.url, q, { non: true })).body.data!.paths.paths;
      expect(all.length).toBeGreaterThanOrEqual(plain.length);
      const listed = await gql(server.url, '{ paths(from: "iju", to: "imu", types: [DESIGNATED_BY], maxHops: 2) { paths { hops { relationship { type } } } } }');
      expect(JSON.stringify(listed.body.data)).toMatch(/DESIGNATED_BY/);
    });

    it('refuses a maximum gap without time order, naming the argument', async () => {
      const { body } = await gql(server.url, '{ paths(from: "iju", to: "imu", maxGap: 2) { truncated } }');
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/maxGap/);
    });

    it('connects Jund al-Khilafah to Al-Qaeda, hop by hop with evidence', async () => {
      const { body } = await gql<{ paths: { truncated: boolean; paths: Array<{ length: number; actors: Array<{ id: string }>; hops: Array<{ relationship: Rel }> }> } }>(
        server.url,
        `{ paths(from: "jund-al-khilafah", to: "al-qaeda", maxHops: 3) { truncated paths { length actors { id } hops { relationship { ${REL} } } } } }`,
      );
      const [path] = body.data!.paths.paths;
      expect(path).toBeDefined();
      expect(path!.actors[0]!.id).toBe('jund-al-khilafah');
      expect(path!.actors.at(-1)!.id).toBe('al-qaeda');
      expect(path!.hops).toHaveLength(path!.length);
      for (const hop of path!.hops) expect(hop.relationship.citations[0]!.quote.length).toBeGreaterThan(10);
    });

    it('lists k shortest paths in order of length', async () => {
      const { body } = await gql<{ paths: { paths: Array<{ length: number }> } }>(server.url, '{ paths(from: "iju", to: "taliban", mode: K_SHORTEST, k: 5, maxHops: 3) { paths { length } } }');
      const lengths = body.data!.paths.paths.map((p) => p.length);
      expect(lengths.length).toBe(5);
      expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    });
  });

  describe('the opening view', () => {
    it('is the whole network over all years, every actor placed, no two actors on one another, the same on every call', async () => {
      const q = '{ overview { bounded truncated totalActors totalRelationships nodes { id name } edges { id source { id } target { id } } positions { id x y } } }';
      type O = { bounded: boolean; truncated: boolean; totalActors: number; totalRelationships: number; nodes: Array<{ id: string; name: string }>; edges: Array<{ id: string; source: { id: string }; target: { id: string } }>; positions: Array<{ id: string; x: number; y: number }> };
      const first = (await gql<{ overview: O }>(server.url, q)).body.data!.overview;
      const all = (await gql<{ network: { nodes: Array<{ id: string }>; edges: Array<{ id: string }> } }>(server.url, '{ network(limit: 5000) { nodes { id } edges { id } } }')).body.data!.network;
      expect(first.bounded).toBe(false);
      expect(first.truncated).toBe(false);
      expect(first.totalRelationships).toBe(all.edges.length);
      expect(first.nodes.map((n) => n.id).sort()).toEqual(all.nodes.map((n) => n.id).sort());
      expect(first.edges.map((e) => e.id).sort()).toEqual(all.edges.map((e) => e.id).sort());
      expect(first.positions.map((p) => p.id).sort()).toEqual(first.nodes.map((n) => n.id).sort());
      const degree = new Map<string, number>();
      for (const e of first.edges) for (const id of new Set([e.source.id, e.target.id])) degree.set(id, (degree.get(id) ?? 0) + 1);
      const boxes = first.positions.map((p) => {
        const r = nodeDiameter(degree.get(p.id) ?? 0) / 2;
        return { id: p.id, x: p.x, y: p.y, hw: r, hh: r, pinned: false };
      });
      // positions are rounded to 0.1 px: allow that much
      expect(violations(boxes, [], -1).overlaps).toEqual([]);
      const again = (await gql<{ overview: O }>(server.url, q)).body.data!.overview;
      expect(again.positions).toEqual(first.positions);
    });
  });

  describe('analytics at a year', () => {
    const ties = TIE_TYPES.map((t) => t.toUpperCase());
    const kinds = ANALYSED_KINDS.map((k) => k.toUpperCase());
    it('centrality ranks the actors of the network the API answers for the same filters, with their degrees', async () => {
      const { body } = await gql<{ centrality: { actorCount: number; truncated: boolean; stoppedEarly: boolean; scores: Array<{ rank: number; actor: { id: string }; degree: number; betweenness: number }> }; network: { nodes: Array<{ id: string }>; edges: Array<{ source: { id: string }; target: { id: string } }> } }>(
        server.url,
        'query($types: [RelationshipType!], $kinds: [ActorKind!]) { centrality(at: 2001, limit: 2000) { actorCount truncated stoppedEarly scores { rank actor { id } degree betweenness } } network(at: 2001, types: $types, kinds: $kinds, limit: 20000) { nodes { id } edges { source { id } target { id } } } }',
        { types: ties, kinds },
      );
      const c = body.data!.centrality;
      expect(c.truncated).toBe(false);
      expect(c.stoppedEarly).toBe(false);
      expect(c.actorCount).toBe(body.data!.network.nodes.length);
      expect(c.scores.map((s) => s.rank)).toEqual(c.scores.map((_, i) => i + 1));
      for (let i = 1; i < c.scores.length; i += 1) expect(c.scores[i - 1]!.betweenness).toBeGreaterThanOrEqual(c.scores[i]!.betweenness);
      const neighbours = new Map<string, Set<string>>();
      for (const e of body.data!.network.edges) {
        if (e.source.id === e.target.id) continue;
        for (const [a, b] of [[e.source.id, e.target.id], [e.target.id, e.source.id]] as const) neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
      }
      for (const s of c.scores) expect(s.degree, s.actor.id).toBe(neighbours.get(s.actor.id)?.size ?? 0);
    });
    it('brokers: the IMU brokers between terrorist allies and the trafficking networks in 2001, each pair with the two relationships that make it', async () => {
      const { body } = await gql<{ brokers: { brokers: Array<{ actor: { id: string }; side: string; crimeTerror: number; pairs: Array<{ from: { id: string }; to: { id: string }; role: string; via: Array<{ id: string; source: { id: string }; target: { id: string } }> }> }> } }>(
        server.url,
        '{ brokers(at: 2001, limit: 10) { brokers { actor { id } side crimeTerror pairs(first: 200) { from { id } to { id } role via { id source { id } target { id } } } } } }',
      );
      const imu = body.data!.brokers.brokers.find((b) => b.actor.id === 'imu')!;
      expect(imu.side).toBe('TERRORIST');
      expect(imu.crimeTerror).toBeGreaterThan(0);
      const pair = imu.pairs.find((p) => p.from.id === 'al-jihad' && p.to.id === 'drug-trafficking-networks-central-asia')!;
      expect(pair.role).toBe('REPRESENTATIVE');
      expect(pair.via.map((r) => r.id)).toEqual(['al-jihad-supports-imu', 'drug-trafficking-networks-central-asia-convergence-imu']);
      const ends = (r: { source: { id: string }; target: { id: string } }) => [r.source.id, r.target.id].sort().join();
      for (const b of body.data!.brokers.brokers) {
        for (const p of b.pairs) {
          expect(ends(p.via[0]!)).toBe([p.from.id, b.actor.id].sort().join());
          expect(ends(p.via[1]!)).toBe([b.actor.id, p.to.id].sort().join());
        }
      }
    });
    it('an actor’s rank over the years equals its rank in each year’s own ranking', async () => {
      const { body } = await gql<{ rankOverTime: { years: Array<{ year: number; rank: number | null; score: number }> }; y1999: { scores: Array<{ rank: number; actor: { id: string }; betweenness: number }> }; y2001: { scores: Array<{ rank: number; actor: { id: string }; betweenness: number }> } }>(
        server.url,
        '{ rankOverTime(actorId: "imu", fromYear: 1995, toYear: 2005) { years { year rank score } } y1999: centrality(at: 1999, limit: 2000) { scores { rank actor { id } betweenness } } y2001: centrality(at: 2001, limit: 2000) { scores { rank actor { id } betweenness } } }',
      );
      const years = body.data!.rankOverTime.years;
      expect(years.map((y) => y.year)).toEqual([1995, 1996, 1997, 1998, 1999, 2000, 2001, 2002, 2003, 2004, 2005]);
      for (const [year, ranking] of [[1999, body.data!.y1999], [2001, body.data!.y2001]] as const) {
        const mine = ranking.scores.find((s) => s.actor.id === 'imu')!;
        const y = years.find((x) => x.year === year)!;
        expect(y.score).toBeCloseTo(mine.betweenness, 6);
        expect(y.rank).toBe(1 + ranking.scores.filter((s) => s.betweenness > mine.betweenness + 1e-9).length);
      }
    });
    it('year counts: each year’s relationships by type are what network(at) returns, and its events', async () => {
      const { body } = await gql<{ yearCounts: { years: Array<{ year: number; relationships: number; byType: Array<{ type: string; count: number }>; events: number }> }; network: { edges: Array<{ type: string }> }; events: Array<{ year: number }> }>(
        server.url,
        '{ yearCounts(fromYear: 1995, toYear: 2005) { years { year relationships byType { type count } events } } network(at: 2001, limit: 5000) { edges { type } } events { year } }',
      );
      const y2001 = body.data!.yearCounts.years.find((y) => y.year === 2001)!;
      const byType = new Map<string, number>();
      for (const e of body.data!.network.edges) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
      expect(y2001.relationships).toBe(body.data!.network.edges.length);
      expect(Object.fromEntries(y2001.byType.map((t) => [t.type, t.count]))).toEqual(Object.fromEntries(byType));
      expect(y2001.events).toBe(body.data!.events.filter((e) => e.year === 2001).length);
      expect(body.data!.yearCounts.years).toHaveLength(11);
    });
    it('stage trajectories: the IMU with the trafficking networks is the pair’s dyad history; the IJU splits from it', async () => {
      const { body } = await gql<{ stageTrajectories: Array<{ counterpart: { id: string }; periods: Array<{ stage: string; fromYear: number; toYear: number }>; others: Array<{ type: string }> }>; dyad: { periods: Array<{ stage: string; fromYear: number; toYear: number }> } }>(
        server.url,
        '{ stageTrajectories(actorId: "imu") { counterpart { id } periods { stage fromYear toYear } others { type } } dyad(a: "imu", b: "drug-trafficking-networks-central-asia") { periods { stage fromYear toYear } } }',
      );
      const rows = body.data!.stageTrajectories;
      const drugs = rows.find((r) => r.counterpart.id === 'drug-trafficking-networks-central-asia')!;
      expect(drugs.periods).toEqual(body.data!.dyad.periods);
      expect(drugs.periods.map((p) => [p.stage, p.fromYear, p.toYear])).toEqual([['ALLIANCE', 1997, 1999], ['CONVERGENCE', 1999, 2001]]);
      expect(rows.find((r) => r.counterpart.id === 'iju')!.others.map((r) => r.type)).toContain('SPLINTER_OF');
    });
    it('communities cover every actor once, and the same seed gives the same communities', async () => {
      const q = '{ communities(at: 2001, seed: 7) { modularity communities { id size actors { id } } } centrality(at: 2001, limit: 1) { actorCount } }';
      const a = (await gql<{ communities: { modularity: number; communities: Array<{ size: number; actors: Array<{ id: string }> }> }; centrality: { actorCount: number } }>(server.url, q)).body.data!;
      const ids = a.communities.communities.flatMap((c) => c.actors.map((x) => x.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(a.centrality.actorCount);
      expect(a.communities.modularity).toBeGreaterThan(0.3);
      for (const c of a.communities.communities) expect(c.size).toBe(c.actors.length);
      const b = (await gql<typeof a>(server.url, q)).body.data!;
      expect(b.communities).toEqual(a.communities);
    });
  });

  describe('the years the data spans', () => {
    it('timeSpan gives the same first and last year as the whole timeline', async () => {
      const { body } = await gql<{ timeSpan: { fromYear: number; toYear: number }; timeline: { minYear: number; maxYear: number } }>(server.url, '{ timeSpan { fromYear toYear } timeline { minYear maxYear } }');
      expect(body.data!.timeSpan).toEqual({ fromYear: body.data!.timeline.minYear, toYear: body.data!.timeline.maxYear });
      expect(body.data!.timeSpan.fromYear).toBeLessThan(1991);
    });
  });

  describe('the network over time', () => {
    it('shows a relationship that ended in 2001 in 1999 but not in 2005', async () => {
      const q = 'query ($at: Int) { network(at: $at) { truncated nodes { id } edges { id source { id } target { id } } } }';
      const at1999 = await gql<{ network: { nodes: Array<{ id: string }>; edges: Array<{ id: string }> } }>(server.url, q, { at: 1999 });
      const at2005 = await gql<{ network: { nodes: Array<{ id: string }>; edges: Array<{ id: string }> } }>(server.url, q, { at: 2005 });
      const ids1999 = at1999.body.data!.network.edges.map((e) => e.id);
      const ids2005 = at2005.body.data!.network.edges.map((e) => e.id);
      const ended2001 = await gql<{ relationships: { nodes: Rel[] } }>(server.url, `{ relationships(filter: { actorIds: ["imu"], types: [ALLIANCE] }, first: 100) { nodes { ${REL} } } }`);
      const imuTaliban = ended2001.body.data!.relationships.nodes.find((r) => [r.source.id, r.target.id].includes('taliban') && r.interval.to?.startsWith('2001'));
      expect(imuTaliban).toBeDefined();
      expect(ids1999).toContain(imuTaliban!.id);
      expect(ids2005).not.toContain(imuTaliban!.id);
      const nodeIds = new Set(at1999.body.data!.network.nodes.map((n) => n.id));
      for (const e of at1999.body.data!.network.edges as unknown as Rel[]) expect(nodeIds.has(e.source.id) && nodeIds.has(e.target.id)).toBe(true);
    });

    it('bounds unknown ends by the actors\' lifespans: no ISAF link before ISAF existed', async () => {
      const isaf = await gql<{ actor: { active: { from: string }; lifespan: { from: { date: string; basis: string } }; relationships: Array<{ id: string; interval: { from: string | null }; validity: { from: string; fromBasis: string } }> } }>(
        server.url,
        '{ actor(id: "isaf") { active { from } lifespan { from { date basis } } relationships { id interval { from } validity { from fromBasis } } } }',
      );
      const { active, lifespan, relationships } = isaf.body.data!.actor;
      expect(active.from).toBe('2001-12');
      expect(lifespan.from).toEqual({ date: '2001-12', basis: 'STATED' });
      const openStart = relationships.filter((r) => r.interval.from === null);
      expect(openStart.length).toBeGreaterThan(0);
      for (const r of openStart) {
        expect(Number(r.validity.from.slice(0, 4))).toBeGreaterThanOrEqual(2001);
        expect(['LIFESPAN', 'SOURCE_PERIOD']).toContain(r.validity.fromBasis);
      }
      const at1980 = await gql<{ network: { nodes: Array<{ id: string }> } }>(server.url, '{ network(at: 1980, datedOnly: true) { nodes { id } } }');
      expect(at1980.body.data!.network.nodes.map((n) => n.id)).not.toContain('isaf');
    });

    it('can leave out the relationships no document dates (bounded only by lifespans or periods)', async () => {
      const q = 'query ($dated: Boolean) { network(at: 2001, datedOnly: $dated) { edges { id interval { from to } } } }';
      const all = (await gql<{ network: { edges: Rel[] } }>(server.url, q, { dated: false })).body.data!.network.edges;
      const dated = (await gql<{ network: { edges: Rel[] } }>(server.url, q, { dated: true })).body.data!.network.edges;
      expect(dated.length).toBeGreaterThan(0);
      expect(dated.length).toBeLessThan(all.length);
      expect(dated.every((e) => e.interval.from !== null || e.interval.to !== null)).toBe(true);
      expect(all.filter((e) => e.interval.from !== null || e.interval.to !== null).map((e) => e.id).sort()).toEqual(dated.map((e) => e.id).sort());
    });

    it('lists the years where something changes, with dated events', async () => {
      const { body } = await gql<{ timeline: { minYear: number; maxYear: number; years: Array<{ year: number; changes: Array<{ kind: string }>; events: Array<{ id: string }> }> } }>(
        server.url,
        '{ timeline { minYear maxYear years { year changes { kind actors { id } } events { id } } } }',
      );
      const t = body.data!.timeline;
      expect(t.minYear).toBeLessThanOrEqual(1991);
      expect(t.maxYear).toBeGreaterThanOrEqual(2015);
      const y1999 = t.years.find((y) => y.year === 1999)!;
      expect(y1999.events.map((e) => e.id)).toContain('ev-1999-tashkent-bombings');
      expect(t.years.find((y) => y.year === 1998)!.changes.some((c) => c.kind === 'RELATIONSHIP_STARTS')).toBe(true);
    });

    it('gives the IMU\'s drift: alliance with the trafficking networks, then convergence, overlapping in 1999', async () => {
      const dyad = await gql<{ dyad: { periods: Array<{ fromYear: number; toYear: number; stage: string; overlaps: string[]; from: { basis: string }; relationships: Array<{ id: string }> }> } }>(
        server.url,
        '{ dyad(a: "imu", b: "drug-trafficking-networks-central-asia") { periods { fromYear toYear stage overlaps from { date basis } to { date basis } relationships { id } } } }',
      );
      const periods = dyad.body.data!.dyad.periods;
      expect(periods.slice(0, 2).map((p) => [p.stage, p.fromYear, p.toYear, p.overlaps])).toEqual([
        ['ALLIANCE', 1997, 1999, ['CONVERGENCE']],
        ['CONVERGENCE', 1999, 2001, ['ALLIANCE']],
      ]);
      const diff = await gql<{ diff: { changedStage: Array<{ a: { id: string }; b: { id: string }; fromStages: string[]; toStages: string[] }> } }>(
        server.url,
        '{ diff(fromYear: 1998, toYear: 2000) { changedStage { a { id } b { id } fromStages toStages } } }',
      );
      const drift = diff.body.data!.diff.changedStage.find((c) => c.a.id === 'drug-trafficking-networks-central-asia' && c.b.id === 'imu');
      expect(drift).toEqual(expect.objectContaining({ fromStages: ['ALLIANCE'], toStages: ['CONVERGENCE'] }));
      const timeline = await gql<{ timeline: { years: Array<{ year: number; changes: Array<{ kind: string; actors: Array<{ id: string }>; fromStages: string[] | null; toStages: string[] | null }> }> } }>(
        server.url,
        '{ timeline { years { year changes { kind actors { id } fromStages toStages } } } }',
      );
      const changes = timeline.body.data!.timeline.years.flatMap((y) => y.changes.filter((c) => c.kind === 'STAGE_CHANGES' && c.actors.some((a) => a.id === 'imu') && c.actors.some((a) => a.id === 'drug-trafficking-networks-central-asia')).map((c) => [y.year, c.fromStages, c.toStages]));
      expect(changes.slice(0, 2)).toEqual([[1999, ['ALLIANCE'], ['ALLIANCE', 'CONVERGENCE']], [2000, ['ALLIANCE', 'CONVERGENCE'], ['CONVERGENCE']]]);
    });

    it('carries every document\'s claim on one fact, with its own grade and dating, and filters by corroboration', async () => {
      const { body } = await gql<{ relationship: { corroboration: number; claims: Array<{ citation: { source: { id: string }; quote: string }; confidence: string; interval: { from: string | null }; fromBasis: string | null; datedBy: { quote: string } | null }> } }>(
        server.url,
        '{ relationship(id: "imu-alliance-taliban") { corroboration datesDisagree claims { citation { quote source { id } } confidence interval { from to } fromBasis toBasis datedBy { quote } } } }',
      );
      const r = body.data!.relationship;
      expect(r.corroboration).toBeGreaterThan(1);
      expect(r.claims.length).toBeGreaterThanOrEqual(r.corroboration);
      for (const c of r.claims) if (c.fromBasis === 'PASSAGE') expect(c.datedBy?.quote.length).toBeGreaterThan(8);
      const strong = await gql<{ network: { edges: Array<{ corroboration: number }> } }>(server.url, '{ network(at: 1999, minSources: 2) { edges { corroboration } } }');
      expect(strong.body.data!.network.edges.length).toBeGreaterThan(0);
      expect(strong.body.data!.network.edges.every((e) => e.corroboration >= 2)).toBe(true);
    });

    it('keeps a contested founding as an uncertain bound with every reading', async () => {
      const { body } = await gql<{ actor: { lifespan: { label: string; from: { uncertain: boolean; earliest: string; latest: string; readings: Array<{ event: string; date: string; citation: { source: { id: string } } }> } } } }>(
        server.url,
        '{ actor(id: "imu") { lifespan { label from { uncertain earliest latest readings { event date citation { source { id } } } } } } }',
      );
      const from = body.data!.actor.lifespan.from;
      expect(from.uncertain).toBe(true);
      expect(from.readings.map((r) => r.date)).toContain('1998');
      expect(Number(from.earliest)).toBeLessThan(1998);
      expect(body.data!.actor.lifespan.label).toMatch(/contested start/);
    });

    it("rates GBAO's state capacity in 1991–1997 as failed (Table 2)", async () => {
      const { body } = await gql<{ stateCapacity: { ratings: Array<{ region: { id: string }; period: { label: string }; capacity: string[]; citations: Array<{ location: string | null }> }> } }>(
        server.url,
        '{ stateCapacity(region: "gbao", period: { from: 1991, to: 1997 }) { periods { label } ratings { region { id } period { label } capacity citations { quote location } } } }',
      );
      const cells = body.data!.stateCapacity.ratings;
      expect(cells.map((r) => [r.period.label, r.capacity])).toEqual([['1991–1997', ['FAILED']]]);
      const atYear = await gql<{ stateCapacity: { ratings: Array<{ period: { label: string } }> } }>(server.url, '{ stateCapacity(region: "gbao", period: { from: 1997, to: 1997 }) { ratings { period { label } } } }');
      expect(atYear.body.data!.stateCapacity.ratings.map((r) => r.period.label)).toEqual(['1991–1997', '1997–2005']);
    });

    it('lists the five source documents with how many facts each supports', async () => {
      const { body } = await gql<{ sources: Array<{ id: string; factCount: number; file: string }> }>(server.url, '{ sources { id title authors year file factCount } }');
      expect(body.data!.sources.map((s) => s.file).sort()).toEqual([
        '000_550be882ffa95725.txt',
        '001_0953e715fa6bf801.txt',
        '002_cfa0839228037d11.txt',
        '003_8d3183851164a6fb.txt',
        '004_5d96abde20c2e2b3.txt',
      ]);
      for (const s of body.data!.sources) expect(s.factCount).toBeGreaterThan(20);
    });
  });

  describe('HTTP', () => {
    it('answers GET queries (with the CSRF preflight header) and refuses simple cross-site GETs', async () => {
      const url = `${server.url}/graphql?query=${encodeURIComponent('{ sources { id } }')}`;
      const ok = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/application\/(graphql-response\+)?json/);
      const blocked = await fetch(url);
      expect(blocked.status).toBe(400);
    });

    it('answers a missing static file with 404 rather than the page', async () => {
      expect((await fetch(`${server.url}/assets/missing-file.js`)).status).toBe(404);
    });

    it('reports health with the store kind and counts, and readiness', async () => {
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as { status: string; store: string; counts: { actors: number; relationships: number } };
      expect(health).toMatchObject({ status: 'ok', store });
      expect(health.counts.actors).toBeGreaterThan(100);
      expect(health.counts.relationships).toBeGreaterThan(200);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    });
  });
}
