/**
 * Edits and access over HTTP: a write without a token is UNAUTHENTICATED, with a viewer token
 * FORBIDDEN, with an editor token it is stored and read back with its history and audit entry;
 * validation names the field; reads can be made to require a token; tokens never reach the logs.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createToken } from '../../server/auth/tokens.js';
import { gql, startTestServer, type TestServer } from '../helpers/server.js';

const EVIDENCE = { source: 'cornell-narcotics-imu', quote: 'formally founded the IMU in Kabul in 1998', location: 'Roots of the IMU', confidence: 'STATED' };
const UPDATE = `mutation($id: ID!, $changes: ActorChangesInput!, $evidence: EvidenceInput!) {
  updateActor(id: $id, changes: $changes, evidence: $evidence) { change { id by operation recordIds summary records { id before after } evidence { confidence citation { quote source { id } } } } actor { id description } }
}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('edits over the API', () => {
  let server: TestServer;
  let dir: string;
  let editor: string;
  let viewer: string;
  const logged: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-tokens-'));
    const tokensFile = path.join(dir, 'tokens.json');
    editor = (await createToken(tokensFile, 'alice', 'editor')).token;
    viewer = (await createToken(tokensFile, 'victor', 'viewer')).token;
    for (const method of ['log', 'warn', 'error', 'info'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    server = await startTestServer({ access: { tokensFile, readRequiresToken: false } });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  const update = (headers: Record<string, string>, changes: Record<string, unknown> = { description: 'Founded in Kabul in 1998.' }, evidence: Record<string, unknown> = EVIDENCE) =>
    gql<{ updateActor: { change: { by: string; operation: string; records: Array<{ before: string; after: string }> }; actor: { description: string } } }>(server.url, UPDATE, { id: 'imu', changes, evidence }, headers);

  it('refuses a write without a token (UNAUTHENTICATED), with a viewer token (FORBIDDEN) and with an unknown token, changing nothing', async () => {
    const none = await update({});
    expect(none.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const asViewer = await update(bearer(viewer));
    expect(asViewer.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(asViewer.body.errors?.[0]?.message).toMatch(/editor role.*"victor" is a viewer/);
    const forged = `${editor.slice(0, -4)}AAAA`;
    const bad = await update(bearer(forged));
    expect(bad.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(JSON.stringify(bad.body)).not.toContain(forged);
    const read = await gql<{ actor: { description: string } }>(server.url, '{ actor(id: "imu") { description } }');
    expect(read.body.data?.actor.description).toMatch(/^Central Asian jihadist movement/);
    expect((await gql<{ audit: { totalCount: number } }>(server.url, '{ audit { totalCount } }')).body.data?.audit.totalCount).toBe(0);
  });

  it('an editor updates an actor: the change reads back, with its history and audit entry', async () => {
    const { body } = await update(bearer(editor));
    expect(body.errors).toBeUndefined();
    expect(body.data?.updateActor.actor.description).toBe('Founded in Kabul in 1998.');
    expect(body.data?.updateActor.change).toMatchObject({ by: 'alice', operation: 'UPDATE_ACTOR' });
    const record = body.data!.updateActor.change.records[0]!;
    expect(JSON.parse(record.before).description).toMatch(/^Central Asian jihadist movement/);
    expect(JSON.parse(record.after).description).toBe('Founded in Kabul in 1998.');
    const history = await gql<{ history: Array<{ by: string; operation: string; evidence: { citation: { source: { id: string } } } }> }>(server.url, '{ history(recordId: "imu") { by operation evidence { citation { source { id } } } } }');
    expect(history.body.data?.history).toEqual([{ by: 'alice', operation: 'UPDATE_ACTOR', evidence: { citation: { source: { id: 'cornell-narcotics-imu' } } } }]);
    const audit = await gql<{ audit: { totalCount: number; nodes: Array<{ recordIds: string[] }> } }>(server.url, '{ audit(by: "alice", operation: UPDATE_ACTOR, first: 10) { totalCount nodes { recordIds } } }');
    expect(audit.body.data?.audit).toEqual({ totalCount: 1, nodes: [{ recordIds: ['imu'] }] });
    const me = await gql<{ me: { name: string; role: string } }>(server.url, '{ me { name role } }', {}, bearer(editor));
    expect(me.body.data?.me).toMatchObject({ name: 'alice', role: 'EDITOR' });
  });

  it('names the field of a bad write and writes nothing', async () => {
    const short = await update(bearer(editor), { description: 'x' }, { ...EVIDENCE, quote: 'short' });
    expect(short.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'evidence.quote' } });
    const unknown = await update(bearer(editor), { description: 'x' }, { ...EVIDENCE, source: 'no-such-paper' });
    expect(unknown.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'evidence.source' } });
    const nameless = await update(bearer(editor), { description: 'x' }, { ...EVIDENCE, source: null, newSource: { id: 'new-paper', title: 'A paper', authors: [], year: 2020, period: { from: '2000', to: '2010' } } });
    expect(nameless.body.errors?.[0]).toMatchObject({ extensions: { field: 'evidence.newSource.authors' } });
    expect((await gql<{ audit: { totalCount: number } }>(server.url, '{ audit { totalCount } }')).body.data?.audit.totalCount).toBe(1);
  });

  it('a retired relationship leaves the network and its history says who retired it and why', async () => {
    const retire = await gql(server.url, 'mutation($e: EvidenceInput!) { retireRelationship(id: "imu-traffics-through-afghanistan", reason: "test of retirement", evidence: $e) { change { operation records { retired { by reason } } } relationship { id } } }', { e: EVIDENCE }, bearer(editor));
    expect(retire.body.errors).toBeUndefined();
    expect(retire.body.data).toMatchObject({ retireRelationship: { change: { operation: 'RETIRE_RELATIONSHIP', records: [{ retired: { by: 'alice', reason: 'test of retirement' } }] }, relationship: null } });
    const net = await gql<{ network: { edges: Array<{ id: string }> } }>(server.url, '{ network { edges { id } } }');
    expect(net.body.data?.network.edges.map((e) => e.id)).not.toContain('imu-traffics-through-afghanistan');
    const gone = await gql(server.url, '{ relationship(id: "imu-traffics-through-afghanistan") { id } }');
    expect(gone.body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const kept = await gql<{ retired: { section: string; record: string; retired: { by: string } } }>(server.url, '{ retired(id: "imu-traffics-through-afghanistan") { section record retired { by } } }');
    expect(kept.body.data?.retired).toMatchObject({ section: 'relationships', retired: { by: 'alice' } });
    expect(JSON.parse(kept.body.data!.retired.record)).toMatchObject({ source: 'imu', target: 'afghanistan', type: 'traffics_through' });
    expect((await gql<{ retired: null }>(server.url, '{ retired(id: "imu") { id } }')).body.data?.retired).toBeNull();
  });

  it('never writes a token to the logs', async () => {
    await update(bearer(`${viewer}x`));
    await gql(server.url, '{ actor(id: "nope") { id } }', {}, bearer(editor));
    const text = logged.join('\n');
    expect(text).not.toContain(editor);
    expect(text).not.toContain(viewer);
  });
});

describe('reads that require a token', () => {
  let server: TestServer;
  let dir: string;
  let viewer: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-tokens-'));
    const tokensFile = path.join(dir, 'tokens.json');
    viewer = (await createToken(tokensFile, 'victor', 'viewer')).token;
    server = await startTestServer({ access: { tokensFile, readRequiresToken: true } });
    expect(await readFile(tokensFile, 'utf8')).not.toContain(viewer);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a read without a token with 401 UNAUTHENTICATED and answers one with a viewer token', async () => {
    const none = await gql(server.url, '{ sources { id } }');
    expect(none.status).toBe(401);
    expect(none.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const ok = await gql<{ sources: unknown[] }>(server.url, '{ sources { id } }', {}, bearer(viewer));
    expect(ok.status).toBe(200);
    expect(ok.body.data?.sources.length).toBe(5);
  });
});
