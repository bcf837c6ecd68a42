/**
 * API tokens: a token is 32 random bytes (base64url, prefixed `nxt_`), shown once when it is
 * created; the token file keeps only its sha256 hash with an id, a name, a role and the dates.
 * The file is written atomically (temp file, fsync, rename, mode 600). The server re-reads it when
 * it changes, so a token created or revoked from the command line counts at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from '../domain/access.js';
import { BadInputError } from '../domain/errors.js';

const tokenRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  /** sha256 of the token, hex. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  revokedAt: z.string().nullable().default(null),
});
const tokenFileSchema = z.object({ format: z.literal(1), tokens: z.array(tokenRecordSchema) });

export type TokenRecord = z.infer<typeof tokenRecordSchema>;
export type TokenFile = z.infer<typeof tokenFileSchema>;

/** Who a valid token says the caller is. */
export interface Caller {
  tokenId: string;
  name: string;
  role: Role;
}

export const tokenNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'must be 1–64 letters, digits, ".", "_", "@" or "-"');

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function readTokenFile(file: string): Promise<TokenFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { format: 1, tokens: [] };
    throw e;
  }
  const parsed = tokenFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file}: not a token file (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

export async function writeTokenFile(file: string, data: TokenFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  await rename(tmp, file);
}

/** Create a token; the plaintext is returned here and never stored. */
export async function createToken(file: string, name: string, role: Role): Promise<{ record: TokenRecord; token: string }> {
  const data = await readTokenFile(file);
  const checked = tokenNameSchema.safeParse(name);
  if (!checked.success) throw new BadInputError('--name', checked.error.issues[0]?.message ?? 'is invalid');
  if (data.tokens.some((t) => t.name === name && t.revokedAt === null)) throw new BadInputError('--name', `a token named "${name}" exists already (revoke it first, or choose another name)`);
  const token = `nxt_${randomBytes(32).toString('base64url')}`;
  const record: TokenRecord = { id: `tok_${randomBytes(6).toString('hex')}`, name, role, hash: hashToken(token), createdAt: new Date().toISOString(), revokedAt: null };
  await writeTokenFile(file, { ...data, tokens: [...data.tokens, record] });
  return { record, token };
}

/** Revoke the active token with this id or name. */
export async function revokeToken(file: string, idOrName: string): Promise<TokenRecord> {
  const data = await readTokenFile(file);
  const found = data.tokens.find((t) => t.revokedAt === null && (t.id === idOrName || t.name === idOrName));
  if (!found) throw new BadInputError('token', `no active token with id or name "${idOrName}"`);
  const revoked = { ...found, revokedAt: new Date().toISOString() };
  await writeTokenFile(file, { ...data, tokens: data.tokens.map((t) => (t === found ? revoked : t)) });
  return revoked;
}

/** Checks presented tokens against the token file, re-reading it whenever it changes. */
export class TokenVerifier {
  private byHash = new Map<string, TokenRecord>();
  private seen = '';

  constructor(private readonly file: string) {}

  private async refresh(): Promise<void> {
    const info = await stat(this.file).catch(() => null);
    const version = info ? `${info.mtimeMs}:${info.size}:${info.ino}` : 'none';
    if (version === this.seen) return;
    const data = await readTokenFile(this.file);
    this.byHash = new Map(data.tokens.filter((t) => t.revokedAt === null).map((t) => [t.hash, t]));
    this.seen = version;
  }

  /** The caller a token names, or null when it is unknown or revoked (or the token file cannot be read: logged). */
  async verify(token: string): Promise<Caller | null> {
    try {
      await this.refresh();
    } catch (e) {
      console.error(`[auth] cannot read the token file ${this.file}: ${(e as Error).message}; every token is refused until it can be read`);
      return null;
    }
    const t = this.byHash.get(hashToken(token));
    return t ? { tokenId: t.id, name: t.name, role: t.role } : null;
  }
}
