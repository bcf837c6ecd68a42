/**
 * The one place where errors become GraphQL errors: domain errors keep their stable code and a
 * message naming the argument; anything unexpected is logged and reported as an internal error,
 * with no stack trace outside development. The codes an answer carries are also handed to the
 * request log (errorCodesPlugin).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '../domain/errors.js';

export function formatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: original.code, ...original.details },
      };
    }
    const code = formatted.extensions?.['code'];
    const protocolError = original instanceof GraphQLError && !original.originalError;
    if (code === undefined && protocolError) {
      // A GraphQL-level error (not thrown by our code): its message is safe and useful.
      return { ...formatted, extensions: { code: 'BAD_REQUEST' } };
    }
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      if (!(original instanceof GraphQLError)) console.error('[graphql] unexpected error', original);
      return {
        message: development ? formatted.message : 'Internal server error',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'INTERNAL_SERVER_ERROR', ...(development ? { stacktrace: formatted.extensions?.['stacktrace'] } : {}) },
      };
    }
    const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: development ? (formatted.extensions ?? {}) : extensions };
  };
}

/** Where a request's answer reports the distinct error codes it carries (the request log's `errors`). */
export interface ErrorCodeReport {
  reportErrorCodes?: (codes: string[]) => void;
}

/** Tells the context's reportErrorCodes which error codes the answer carries, when it carries any. */
export function errorCodesPlugin<T extends ErrorCodeReport>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors && errors.length > 0) contextValue.reportErrorCodes?.([...new Set(errors.map((e) => String(e.extensions?.['code'] ?? 'UNKNOWN')))]);
        },
      };
    },
  };
}
