/**
 * Compiled execution: each distinct operation is compiled once with graphql-jit into a function
 * that resolves the response without graphql-js's per-field interpretation, and Apollo answers
 * with it (the `responseForOperation` hook; parsing, validation, the limits and the cost check
 * still run in Apollo first). Errors go through the same formatError as Apollo's own path.
 * An operation graphql-jit cannot compile falls back to Apollo's executor.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError as GraphQLErrorClass, type GraphQLError, type GraphQLFormattedError } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Compiled operations kept (by document hash and operation name); the oldest goes first. */
const MAX_COMPILED = 500;

type Format = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export function compiledExecutionPlugin<T extends object>(format: Format): ApolloServerPlugin<T> {
  const compiled = new Map<string, CompiledQuery | null>();
  const compiledFor = (rc: GraphQLRequestContext<T>): CompiledQuery | null => {
    const key = `${rc.queryHash ?? ''}:${rc.operationName ?? ''}`;
    const hit = compiled.get(key);
    if (hit !== undefined) return hit;
    const result = rc.document ? compileQuery(rc.schema, rc.document, rc.operationName ?? undefined, { disablingCapturingStackErrors: true }) : null;
    const query = result && isCompiledQuery(result) ? result : null;
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, query);
    return query;
  };
  return {
    async requestDidStart() {
      return {
        async responseForOperation(rc) {
          const query = compiledFor(rc);
          if (!query) return null;
          let result: Awaited<ReturnType<CompiledQuery['query']>>;
          try {
            result = await query.query(undefined, rc.contextValue, rc.request.variables ?? {});
          } catch (e) {
            // The compiled code reports resolver errors in `errors`; anything thrown is ours.
            const error = e instanceof Error ? e : new Error(String(e));
            result = { errors: [new GraphQLErrorClass(error.message, { originalError: error })] };
          }
          const errors = result.errors?.map((e: GraphQLError) => format(e.toJSON(), e));
          return {
            http: { status: result.data === undefined && errors ? 400 : undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: result.data, ...(errors ? { errors } : {}) } },
          };
        },
      };
    },
  };
}
