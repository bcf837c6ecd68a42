/**
 * The GraphQL transport: POSTs {query, variables} as JSON (the server's CSRF prevention needs the
 * Content-Type header), with a timeout, and turns every failure into an ApiError the UI can show.
 */

export type ApiErrorKind = 'network' | 'http' | 'graphql' | 'timeout';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    /** The API's stable error code (extensions.code) and the argument it names, for GraphQL errors. */
    readonly code?: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** A sentence for the UI. */
  get userMessage(): string {
    switch (this.kind) {
      case 'network':
        return 'The Nexus Explorer API cannot be reached. Check that the server is running.';
      case 'timeout':
        return 'The API took too long to answer.';
      case 'http':
        return `The API answered with an error (HTTP ${this.status ?? '?'}).`;
      case 'graphql':
        if (this.code === 'BAD_USER_INPUT' && this.field) {
          // "search: is too long (at most 200 characters)" → "The search is too long (at most 200 characters)."
          const reason = this.message.startsWith(`${this.field}: `) ? this.message.slice(this.field.length + 2) : this.message;
          return `The ${this.field} ${reason.replace(/\.$/, '')}.`;
        }
        return `The API rejected the request: ${this.message}`;
    }
  }
}

export interface GraphqlClientOptions {
  endpoint?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  /** Extra headers for every request, read when it is sent (the editor's token). */
  headers?: () => Record<string, string>;
}

export type GraphqlClient = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export function createGraphqlClient(options: GraphqlClientOptions = {}): GraphqlClient {
  const endpoint = options.endpoint ?? '/graphql';
  const timeoutMs = options.timeoutMs ?? 20_000;
  const doFetch = options.fetchImpl ?? ((input, init) => fetch(input, init));
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...options.headers?.() },
        body: JSON.stringify({ query, variables }),
        signal: controller.signal,
      });
    } catch (err) {
      if (controller.signal.aborted) throw new ApiError('timeout', 'Request timed out');
      throw new ApiError('network', err instanceof Error ? err.message : String(err));
    } finally {
      clearTimeout(timer);
    }
    type Body = { data?: T | null; errors?: { message: string; extensions?: { code?: unknown; field?: unknown } }[] };
    let body: Body | null;
    try {
      body = (await response.json()) as Body;
    } catch {
      body = null;
    }
    if (body?.errors && body.errors.length > 0) {
      const ext = body.errors[0]?.extensions;
      const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
      throw new ApiError('graphql', body.errors.map((e) => e.message).join('; '), response.status, text(ext?.code), text(ext?.field));
    }
    if (!response.ok || !body || body.data === undefined || body.data === null) {
      throw new ApiError('http', `HTTP ${response.status}`, response.status);
    }
    return body.data;
  };
}
