/**
 * `npm run token`: create prints the token once and stores only its hash; list shows ids, names,
 * roles and states (never a token); revoke by name or id makes the server refuse the token at once.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { TokenVerifier, hashToken } from '../../server/auth/tokens.js';
import { runCli } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('nexus-token-cli-');

describe('npm run token', () => {
  it('creates, lists and revokes tokens; the file holds hashes only', async () => {
    const dir = await tempDir();
    const env = { TOKENS_FILE: path.join(dir, 'tokens.json') };
    const created = await runCli(['server/cli/token.ts', 'create', '--role', 'editor', '--name', 'alice'], env);
    expect(created.code, created.out).toBe(0);
    const token = created.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^nxt_[A-Za-z0-9_-]{43}$/);
    const file = await readFile(env.TOKENS_FILE, 'utf8');
    expect(file).not.toContain(token);
    expect(file).toContain(hashToken(token));
    expect((await stat(env.TOKENS_FILE)).mode & 0o777).toBe(0o600);
    const verifier = new TokenVerifier(env.TOKENS_FILE);
    expect(await verifier.verify(token)).toMatchObject({ name: 'alice', role: 'editor' });

    const twice = await runCli(['server/cli/token.ts', 'create', '--role', 'viewer', '--name', 'alice'], env);
    expect(twice.code).toBe(1);
    expect(twice.out).toMatch(/--name: a token named "alice" exists already/);
    const badRole = await runCli(['server/cli/token.ts', 'create', '--role', 'root', '--name', 'bob'], env);
    expect(badRole.out).toMatch(/--role: must be one of viewer, editor, admin/);

    const listed = await runCli(['server/cli/token.ts', 'list'], env);
    expect(listed.stdout).toMatch(/^tok_[0-9a-f]{12}\talice\teditor\tcreated .*\tactive$/m);
    expect(listed.out).not.toContain(token);

    const revoked = await runCli(['server/cli/token.ts', 'revoke', 'alice'], env);
    expect(revoked.code, revoked.out).toBe(0);
    expect(await verifier.verify(token)).toBeNull();
    expect((await runCli(['server/cli/token.ts', 'list'], env)).stdout).toMatch(/\trevoked \d{4}-/);
  }, 60_000);
});

describe('a token file that cannot be read', () => {
  it('refuses every token and says why in the log, without the token', async () => {
    const dir = await tempDir('nexus-token-bad-');
    const file = path.join(dir, 'tokens.json');
    await writeFile(file, '{"format": 1, "tokens": [{"id": 1}]}');
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    try {
      expect(await new TokenVerifier(file).verify('nxt_secret-token-value')).toBeNull();
    } finally {
      spy.mockRestore();
    }
    expect(logged.join('\n')).toMatch(/\[auth\] cannot read the token file .*tokens\.json: .*not a token file \(tokens\.0\.id/);
    expect(logged.join('\n')).not.toContain('nxt_secret-token-value');
  });
});
