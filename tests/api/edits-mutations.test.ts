/**
 * Every edit mutation over GraphQL on the sourced dataset: enums and inputs reach the service as
 * the vocabulary, new sources need their bibliographic details, merge keeps names and facts, and the
 * audit query pages newest first with filters.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/tokens.js';
import { gql, startTestServer, type TestServer } from '../helpers/server.js';

const CORNELL = { source: 'cornell-narcotics-imu', quote: 'formally founded the IMU in Kabul in 1998', confidence: 'REPORTED' };
const CHANGE = 'change { id operation recordIds summary records { id retired { mergedInto } } } actor { id name aliases kind } relationship { id type corroboration claims { confidence } }';

describe('edit mutations over the API', () => {
  let server: TestServer;
  let dir: string;
  let headers: Record<string, string>;
  const run = async <T = Record<string, { change: { operation: string; recordIds: string[] }; actor: { aliases: string[]; kind: string } | null; relationship: { corroboration: number } | null }>>(query: string, variables: Record<string, unknown>) => {
    const res = await gql<T>(server.url, query, variables, headers);
    return res.body;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-mut-'));
    const tokensFile = path.join(dir, 'tokens.json');
    headers = { authorization: `Bearer ${(await createToken(tokensFile, 'alice', 'admin')).token}` };
    server = await startTestServer({ access: { tokensFile, readRequiresToken: false } });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates an actor citing a new source with its bibliographic details, then a relationship and a second claim', async () => {
    const created = await run(`mutation($input: ActorInput!, $e: EvidenceInput!) { createActor(input: $input, evidence: $e) { ${CHANGE} } }`, {
      input: { name: 'Test Cell Kappa', kind: 'TERRORIST_GROUP', aliases: ['Kappa'] },
      e: { newSource: { id: 'editor-test-report', title: 'A test report', authors: ['Tess Author'], year: 2020, period: { from: '2015', to: '2019' } }, quote: 'Kappa is a cell named only in this test.', confidence: 'ALLEGED' },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data?.['createActor']).toMatchObject({ change: { operation: 'CREATE_ACTOR', recordIds: ['test-cell-kappa', 'editor-test-report'] }, actor: { kind: 'TERRORIST_GROUP', aliases: ['Kappa'] } });
    const rel = await run(`mutation($input: RelationshipInput!, $c: ClaimInput!) { createRelationship(input: $input, claim: $c) { ${CHANGE} } }`, {
      input: { source: 'test-cell-kappa', target: 'imu', type: 'ALLIANCE' },
      c: { source: 'editor-test-report', quote: 'Kappa is allied with the IMU in this test.', confidence: 'ALLEGED', from: '2016-03' },
    });
    expect(rel.errors).toBeUndefined();
    expect(rel.data?.['createRelationship']).toMatchObject({ relationship: { id: 'test-cell-kappa-alliance-imu', type: 'ALLIANCE' } });
    const cite = await run(`mutation($c: ClaimInput!) { addCitation(relationshipId: "test-cell-kappa-alliance-imu", claim: $c) { ${CHANGE} } }`, { c: { ...CORNELL, quote: 'formally founded the IMU in Kabul in 1998', fromBasis: 'LIFESPAN', from: '2016' } });
    expect(cite.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'claim.fromBasis' } });
    const ok = await run(`mutation($c: ClaimInput!) { addCitation(relationshipId: "test-cell-kappa-alliance-imu", claim: $c) { ${CHANGE} } }`, { c: CORNELL });
    expect(ok.data?.['addCitation']).toMatchObject({ relationship: { corroboration: 2 } });
  });

  it('merges an actor into another: its name becomes an alias, its relationships move, and it is retired', async () => {
    const merged = await run(`mutation($e: EvidenceInput!) { mergeActors(survivor: "imu", merged: "test-cell-kappa", reason: "the test cell is the IMU", evidence: $e) { ${CHANGE} } }`, { e: CORNELL });
    expect(merged.errors).toBeUndefined();
    expect(merged.data?.['mergeActors']?.actor?.aliases).toEqual(expect.arrayContaining(['Test Cell Kappa', 'Kappa']));
    const search = await gql<{ actors: { nodes: Array<{ id: string }> } }>(server.url, '{ actors(search: "kappa") { nodes { id } } }');
    expect(search.body.data?.actors.nodes.map((n) => n.id)).toEqual(['imu']);
    const gone = await gql(server.url, '{ actor(id: "test-cell-kappa") { id } }');
    expect(gone.body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const loop = await gql<{ history: Array<{ records: Array<{ id: string; retired: { reason: string } | null }> }> }>(server.url, '{ history(recordId: "test-cell-kappa-alliance-imu") { records { id retired { reason } } } }');
    expect(loop.body.data?.history[0]?.records.find((r) => r.id === 'test-cell-kappa-alliance-imu')?.retired?.reason).toMatch(/now one actor/);
  });

  it('pages the audit log newest first, filtered by operation and time', async () => {
    const first = await gql<{ audit: { totalCount: number; nodes: Array<{ operation: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(server.url, '{ audit(first: 2) { totalCount nodes { operation } pageInfo { hasNextPage endCursor } } }');
    expect(first.body.data?.audit).toMatchObject({ totalCount: 4, nodes: [{ operation: 'MERGE_ACTORS' }, { operation: 'ADD_CITATION' }], pageInfo: { hasNextPage: true } });
    const next = await gql<{ audit: { nodes: Array<{ operation: string }> } }>(server.url, 'query($after: String) { audit(first: 2, after: $after) { nodes { operation } } }', { after: first.body.data?.audit.pageInfo.endCursor });
    expect(next.body.data?.audit.nodes.map((n) => n.operation)).toEqual(['CREATE_RELATIONSHIP', 'CREATE_ACTOR']);
    const today = new Date().toISOString().slice(0, 10);
    const filtered = await gql<{ audit: { totalCount: number } }>(server.url, 'query($d: String) { audit(operation: CREATE_ACTOR, since: $d, until: $d) { totalCount } }', { d: today });
    expect(filtered.body.data?.audit.totalCount).toBe(1);
    const bad = await gql(server.url, '{ audit(since: "yesterday") { totalCount } }');
    expect(bad.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'since' } });
  });
});
