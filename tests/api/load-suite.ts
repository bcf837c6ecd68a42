/**
 * Load: a mixed read/write workload over HTTP against the real app — LOAD_CONNECTIONS concurrent
 * connections (default 50) for LOAD_SECONDS (default 30 with CI=true, else 5) — reads (network,
 * paths, search, actor) and writes (updateActor, addCitation with an editor token, each with a
 * unique quote). The server's per-client limits are switched off, so every answer must be a
 * success: no 5xx, no GraphQL error, no 429. Afterwards every acknowledged write is there: its
 * audit entry, in the record's history, and its quote among the record's citations. Run from
 * tests/api/load.test.ts (embedded) and tests/neo4j/server.test.ts (Neo4j, which takes the one
 * database in turn). Throughput and p50/p99 are printed and written to test-results/ (figures,
 * not assertions: speed is for benchmarks).
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/tokens.js';
import { ROOT } from '../helpers/cli.js';
import { gql, startTestServer, type TestServer, type TestStore } from '../helpers/server.js';

const inCI = process.env['CI'] === 'true';
const SECONDS = Number(process.env['LOAD_SECONDS'] ?? (inCI ? 30 : 5));
const CONNECTIONS = Number(process.env['LOAD_CONNECTIONS'] ?? 50);
const SOURCE = 'cornell-narcotics-imu';

type Kind = 'network' | 'paths' | 'search' | 'actor' | 'updateActor' | 'addCitation';
/** One request in four is a write. */
const MIX: Kind[] = ['network', 'search', 'updateActor', 'actor', 'paths', 'search', 'addCitation', 'actor'];

interface Ack {
  kind: 'updateActor' | 'addCitation';
  recordId: string;
  quote: string;
  entryId: string;
}

interface Failure {
  kind: Kind;
  status: number;
  detail: string;
}

const READS = {
  network: '{ network(at: 2001, limit: 500) { nodes { id } edges { id } } }',
  paths: 'query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 3) { paths { hops { relationship { id } } } } }',
  search: 'query($s: String!) { actors(search: $s, first: 20) { totalCount nodes { id name } } }',
  actor: 'query($id: ID!) { actor(id: $id) { id name citations { quote } relationships(first: 20) { id } } }',
};
const UPDATE = 'mutation($id: ID!, $d: String!, $e: EvidenceInput!) { updateActor(id: $id, changes: { description: $d }, evidence: $e) { change { id } } }';
const CITE = 'mutation($id: ID!, $c: ClaimInput!) { addCitation(relationshipId: $id, claim: $c) { change { id } } }';

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function runLoadSuite(label: string, store: TestStore): void {
  describe(`load: ${label}, ${CONNECTIONS} connections for ${SECONDS} s, mixed reads and writes`, () => {
    let server: TestServer;
    let dir: string;
    let editor: string;
    let actorIds: string[] = [];
    let relationshipIds: string[] = [];
    let searches: string[] = [];

    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-load-'));
      const tokensFile = path.join(dir, 'tokens.json');
      editor = (await createToken(tokensFile, 'loader', 'editor')).token;
      server = await startTestServer({ store, access: { tokensFile, readRequiresToken: false }, env: { CLIENT_RATE_PER_MIN: '0', CLIENT_CONCURRENCY: '0' } });
      const listed = await gql<{ actors: { nodes: Array<{ id: string; name: string }> }; relationships: { nodes: Array<{ id: string }> } }>(server.url, '{ actors(first: 200) { nodes { id name } } relationships(first: 200) { nodes { id } } }');
      const actors = listed.body.data!.actors.nodes;
      // Each connection writes its own actor and relationship: two writes never race for one record.
      actorIds = actors.slice(0, CONNECTIONS).map((a) => a.id);
      relationshipIds = listed.body.data!.relationships.nodes.slice(0, CONNECTIONS).map((r) => r.id);
      searches = actors.slice(0, 40).map((a) => a.name.split(/\s+/)[0]!.slice(0, 6));
      expect(actorIds).toHaveLength(CONNECTIONS);
      expect(relationshipIds).toHaveLength(CONNECTIONS);
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('answers every request without an error and loses no acknowledged write', async () => {
      const acks: Ack[] = [];
      const failures: Failure[] = [];
      const latencies: number[] = [];
      const latencyByKind = new Map<Kind, number[]>();
      const counts: Record<Kind, number> = { network: 0, paths: 0, search: 0, actor: 0, updateActor: 0, addCitation: 0 };
      const started = performance.now();
      const deadline = started + SECONDS * 1000;

      const request = async (kind: Kind, worker: number, n: number): Promise<void> => {
        const quote = `Load test ${label} connection ${worker} write ${n}: a unique sentence to find again.`;
        const headers: Record<string, string> = kind === 'updateActor' || kind === 'addCitation' ? { authorization: `Bearer ${editor}` } : {};
        const [query, variables]: [string, Record<string, unknown>] =
          kind === 'network' ? [READS.network, {}]
          : kind === 'paths' ? [READS.paths, { from: actorIds[worker % actorIds.length], to: actorIds[(worker + 1 + (n % (actorIds.length - 1))) % actorIds.length] }]
          : kind === 'search' ? [READS.search, { s: searches[(worker + n) % searches.length] }]
          : kind === 'actor' ? [READS.actor, { id: actorIds[(worker + n) % actorIds.length] }]
          : kind === 'updateActor' ? [UPDATE, { id: actorIds[worker], d: `Described by load ${worker}-${n}.`, e: { source: SOURCE, quote, confidence: 'REPORTED' } }]
          : [CITE, { id: relationshipIds[worker], c: { source: SOURCE, quote, confidence: 'ALLEGED' } }];
        const t0 = performance.now();
        let status = 0;
        try {
          const res = await gql<Record<string, { change: { id: string } }>>(server.url, query, variables, headers);
          status = res.status;
          const took = performance.now() - t0;
          latencies.push(took);
          latencyByKind.set(kind, [...(latencyByKind.get(kind) ?? []), took]);
          counts[kind] += 1;
          if (res.status !== 200 || res.body.errors) {
            failures.push({ kind, status, detail: JSON.stringify(res.body.errors ?? res.body).slice(0, 300) });
            return;
          }
          if (kind === 'updateActor' || kind === 'addCitation') {
            acks.push({ kind, recordId: (kind === 'updateActor' ? actorIds : relationshipIds)[worker]!, quote, entryId: res.body.data![kind]!.change.id });
          }
        } catch (e) {
          failures.push({ kind, status, detail: (e as Error).message });
        }
      };
      const worker = async (w: number) => {
        for (let n = 0; performance.now() < deadline; n += 1) await request(MIX[(w + n) % MIX.length]!, w, n);
      };
      await Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => worker(w)));
      const elapsed = (performance.now() - started) / 1000;

      const sorted = [...latencies].sort((a, b) => a - b);
      const figures = {
        store: label,
        connections: CONNECTIONS,
        seconds: Number(elapsed.toFixed(1)),
        requests: latencies.length,
        perSecond: Number((latencies.length / elapsed).toFixed(1)),
        p50ms: Number(percentile(sorted, 50).toFixed(1)),
        p99ms: Number(percentile(sorted, 99).toFixed(1)),
        writesAcknowledged: acks.length,
        byKind: counts,
        p50p99msByKind: Object.fromEntries([...latencyByKind].map(([k, l]) => {
          const ls = [...l].sort((a, b) => a - b);
          return [k, [Number(percentile(ls, 50).toFixed(0)), Number(percentile(ls, 99).toFixed(0))]];
        })),
        failures: failures.length,
      };
      console.log(`[load] ${JSON.stringify(figures)}`);
      await mkdir(path.join(ROOT, 'test-results'), { recursive: true });
      await writeFile(path.join(ROOT, 'test-results', `load-${store}.json`), `${JSON.stringify(figures, null, 2)}\n`);

      expect(failures.slice(0, 5)).toEqual([]);
      expect(acks.length).toBeGreaterThan(0);
      expect(counts.network * counts.paths * counts.search * counts.actor).toBeGreaterThan(0);

      // No lost write: every acknowledged write's audit entry is in the log and in its record's
      // history, and its quote is among the record's citations (actor) or claims (relationship).
      const audit = await server.store.listAudit({ by: 'loader' }, { offset: 0, limit: 1_000_000 });
      const logged = new Set(audit.items.map((e) => e.id));
      expect(acks.filter((a) => !logged.has(a.entryId))).toEqual([]);
      expect(audit.totalCount).toBe(acks.length);
      const missing: string[] = [];
      const actors = new Map((await server.store.getActors(actorIds)).map((a) => [a.id, new Set(a.citations.map((c) => c.quote))]));
      const rels = new Map((await server.store.getRelationships(relationshipIds)).map((r) => [r.id, new Set(r.claims.map((c) => c.quote))]));
      for (const a of acks) {
        const quotes = (a.kind === 'updateActor' ? actors : rels).get(a.recordId);
        if (!quotes?.has(a.quote)) missing.push(`${a.kind} ${a.recordId}: ${a.quote}`);
      }
      expect(missing.slice(0, 5)).toEqual([]);
      for (const id of [actorIds[0]!, relationshipIds[0]!]) {
        const history = new Set((await server.store.history(id)).map((e) => e.id));
        expect(acks.filter((a) => a.recordId === id && !history.has(a.entryId))).toEqual([]);
      }
    }, (SECONDS + 240) * 1000);
  });
}
