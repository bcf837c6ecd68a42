/**
 * Access in the GraphQL layer: the caller a request's `Authorization: Bearer <token>` names (the
 * token itself is never logged or echoed), the role check every mutation makes, and the plugin
 * that refuses reads without a viewer token when READ_REQUIRES_TOKEN is set.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { roleAllows, type Role } from '../domain/access.js';
import { ForbiddenError, UnauthenticatedError } from '../domain/errors.js';
import type { Caller, TokenVerifier } from '../auth/tokens.js';

export interface Access {
  caller: Caller | null;
  /** A token was sent but is unknown or revoked. */
  invalidToken: boolean;
}

export async function accessOf(header: string | undefined, verifier: TokenVerifier): Promise<Access> {
  if (!header) return { caller: null, invalidToken: false };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return { caller: null, invalidToken: true };
  const caller = await verifier.verify(match[1] as string);
  return { caller, invalidToken: caller === null };
}

const withArticle = (role: Role) => `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;

/** The caller, when its token's role allows `needed`; else UNAUTHENTICATED or FORBIDDEN. */
export function requireRole(access: Access, needed: Role, what: string): Caller {
  if (!access.caller) {
    throw new UnauthenticatedError(
      access.invalidToken
        ? `${what} needs a valid ${needed} token: the token sent is unknown or revoked`
        : `${what} needs ${withArticle(needed)} token: send it as "Authorization: Bearer <token>" (npm run token -- create --role ${needed} --name <name>)`,
    );
  }
  if (!roleAllows(access.caller.role, needed)) throw new ForbiddenError(`${what} needs the ${needed} role; the token "${access.caller.name}" is ${withArticle(access.caller.role)}`);
  return access.caller;
}

/** Refuse queries without a viewer token when reads require one (HTTP 401). */
export function readAccessPlugin<T extends { access: Access }>(readRequiresToken: boolean): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!readRequiresToken || operation?.operation !== 'query') return;
          try {
            requireRole(contextValue.access, 'viewer', 'reading');
          } catch (e) {
            const error = e as UnauthenticatedError;
            throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
          }
        },
      };
    },
  };
}
