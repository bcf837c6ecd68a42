/**
 * `npm run token -- create --role editor --name alice` | `list` | `revoke <id|name>`: manage the
 * API tokens in TOKENS_FILE (default data/tokens.json). The token itself is printed once, at
 * creation; the file keeps only its hash.
 */
import { loadConfig } from '../config.js';
import { ROLES, isRole } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import { createToken, readTokenFile, revokeToken } from '../auth/tokens.js';

const USAGE = `usage:
  npm run token -- create --role ${ROLES.join('|')} --name <name>
  npm run token -- list
  npm run token -- revoke <id|name>`;

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: readonly string[]): Promise<number> {
  const file = loadConfig().access.tokensFile;
  const [command, ...rest] = args;
  if (command === 'create') {
    const role = option(rest, '--role');
    const name = option(rest, '--name');
    if (!role || !isRole(role)) throw new Error(`--role: must be one of ${ROLES.join(', ')}\n${USAGE}`);
    if (!name) throw new Error(`--name: give the token a name (it is what the audit log records)\n${USAGE}`);
    const { record, token } = await createToken(file, name, role);
    console.log(`created ${record.id} "${record.name}" (${record.role}) in ${file}`);
    console.log('token (shown once; send it as "Authorization: Bearer <token>"):');
    console.log(token);
    return 0;
  }
  if (command === 'list') {
    const { tokens } = await readTokenFile(file);
    if (tokens.length === 0) console.log(`no tokens in ${file}`);
    for (const t of tokens) console.log([t.id, t.name, t.role, `created ${t.createdAt}`, t.revokedAt ? `revoked ${t.revokedAt}` : 'active'].join('\t'));
    return 0;
  }
  if (command === 'revoke' && rest[0]) {
    const t = await revokeToken(file, rest[0]);
    console.log(`revoked ${t.id} "${t.name}" (${t.role})`);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof DomainError || e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
