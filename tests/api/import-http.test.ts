/**
 * POST /api/import, the explorer's import: only an editor token may import (none: 401
 * UNAUTHENTICATED, a viewer: 403 FORBIDDEN, nothing read or written); a dry run of the MMP sample
 * answers per row and writes nothing; applying it writes the rows with one audit entry naming the
 * token; bad parameters, bad files and a bad gzip body are 400 naming the problem, a latin1 body 415, a body over
 * MAX_IMPORT_BYTES 413 — never a 500.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/tokens.js';
import { ROOT } from '../helpers/cli.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SAMPLE = readFileSync(path.join(ROOT, 'tests/fixtures/exchange/mmp-sample.csv'));
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('POST /api/import', () => {
  let server: TestServer;
  let dir: string;
  let editor: string;
  let viewer: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-import-http-'));
    const tokensFile = path.join(dir, 'tokens.json');
    editor = (await createToken(tokensFile, 'alice', 'editor')).token;
    viewer = (await createToken(tokensFile, 'victor', 'viewer')).token;
    server = await startTestServer({ access: { tokensFile, readRequiresToken: false }, limits: { maxImportBytes: 4096 } });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const post = async (query: string, body: BodyInit, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}/api/import?${query}`, { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body });
    return { status: res.status, body: (await res.json()) as { errors?: Array<{ message: string; extensions: { code: string; field?: string } }>; counts?: Record<string, number>; rows?: Array<{ where: string; action: string; record: string; why: string }>; written?: number; problems?: Array<{ reason: string }> } };
  };

  it('refuses an import without a token (401) and with a viewer token (403), writing nothing', async () => {
    const before = await server.store.counts();
    const none = await post('format=mmp&name=mmp-sample.csv', SAMPLE);
    expect(none.status).toBe(401);
    expect(none.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const asViewer = await post('format=mmp&name=mmp-sample.csv', SAMPLE, bearer(viewer));
    expect(asViewer.status).toBe(403);
    expect(asViewer.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/editor role.*"victor" is a viewer/), extensions: { code: 'FORBIDDEN' } });
    expect(await server.store.counts()).toEqual(before);
  });

  it('a dry run answers per row and writes nothing; applying writes the rows with one audit entry by the token', async () => {
    const before = await server.store.counts();
    const dry = await post('format=mmp&name=mmp-sample.csv&dryRun=1', SAMPLE, bearer(editor));
    expect(dry.status).toBe(200);
    expect(dry.body.counts).toEqual({ add: 11, update: 0, unchanged: 0, skip: 1 });
    expect(dry.body.rows).toEqual(expect.arrayContaining([
      { where: 'mmp-sample.csv line 2 (unique_id 1)', action: 'add', record: 'relationship "mmp-901-alliance-mmp-902"', why: 'not in the store' },
      expect.objectContaining({ where: 'mmp-sample.csv line 7 (unique_id 6)', action: 'skip', why: expect.stringMatching(/^duplicate of mmp-sample.csv line 3/) }),
    ]));
    expect(dry.body.written).toBe(0);
    expect(await server.store.counts()).toEqual(before);

    const applied = await post('format=mmp&name=mmp-sample.csv', SAMPLE, bearer(editor));
    expect(applied.status).toBe(200);
    expect(applied.body.written).toBe(11);
    expect((await server.store.counts()).actors).toBe(before.actors + 5);
    const [entry] = await server.store.history('mmp-901-alliance-mmp-902');
    expect(entry).toMatchObject({ by: 'alice', operation: 'import', imported: { files: ['mmp-sample.csv'], added: 11 } });
    const again = await post('format=mmp&name=mmp-sample.csv', SAMPLE, bearer(editor));
    expect(again.body).toMatchObject({ written: 0, counts: { add: 0, unchanged: 11 } });
  });

  it('bad parameters and bad files are 400 naming the problem; latin1 is 415; too large 413', async () => {
    const badFormat = await post('format=xls', SAMPLE, bearer(editor));
    expect(badFormat).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'format' } }] } });
    const extra = await post('format=mmp&drop=1', SAMPLE, bearer(editor));
    expect(extra.body.errors?.[0]?.extensions.field).toBe('drop');
    const garbage = await post('format=mmp&name=x.csv&dryRun=1', 'not,an,mmp,file\n1,2,3,4\n', bearer(editor));
    expect(garbage.status).toBe(400);
    expect(garbage.body.problems?.length).toBeGreaterThan(0);
    const latin1 = await post('format=mmp', SAMPLE, { ...bearer(editor), 'content-type': 'text/csv; charset=latin1' });
    expect(latin1).toMatchObject({ status: 415, body: { errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] } });
    const notUtf8 = await post('format=mmp', new Uint8Array([0x75, 0x6e, 0xff, 0xfe, 0x0a]), bearer(editor));
    expect(notUtf8).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_REQUEST', field: 'body' } }] } });
    const tooLarge = await post('format=mmp', Buffer.concat([SAMPLE, Buffer.alloc(5000, 0x20)]), bearer(editor));
    expect(tooLarge).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] } });
    const badGzip = await post('format=mmp', 'not gzip at all', { ...bearer(editor), 'content-encoding': 'gzip' });
    expect(badGzip).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_REQUEST' } }] } });
    const empty = await post('format=mmp', '', bearer(editor));
    expect(empty).toMatchObject({ status: 400, body: { errors: [{ extensions: { field: 'body' } }] } });
  });
});
