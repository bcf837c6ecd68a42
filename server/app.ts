/**
 * createApp builds the Express application — GraphQL API, health endpoints, the explorer's
 * static files — around a store, without listening. index.ts wires it to a port.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Config } from './config.js';
import type { GraphStore } from './store/port.js';
import { NexusService } from './services/nexus.js';
import { createContext, type Context } from './graphql/context.js';
import { loadSdl } from './graphql/codegen.js';
import { enumResolvers } from './graphql/enums.js';
import { formatError } from './graphql/errors.js';
import { queryCostPlugin, queryLimitRule } from './graphql/limits.js';
import { compiledExecutionPlugin } from './graphql/compiled.js';
import { HeavyLane } from './graphql/lanes.js';
import { queryResolvers } from './graphql/resolvers/query.js';
import { typeResolvers } from './graphql/resolvers/types.js';
import { healthRouter } from './http/health.js';
import { exportRouter } from './http/export.js';
import { ExportService } from './services/exports.js';
import { ideHtml } from './http/ide.js';

export interface AppDeps {
  store: GraphStore;
  config: Pick<Config, 'env' | 'clientDir' | 'limits'>;
}

export interface App {
  app: Express;
  service: NexusService;
  stop(): Promise<void>;
}

const jsonError = (status: number, code: string, message: string) => ({ status, body: { errors: [{ message, extensions: { code } }] } });

/** Body-parser failures (too large, malformed JSON) as GraphQL-shaped JSON errors. */
const bodyErrors: ErrorRequestHandler = (err: { type?: string; status?: number; message?: string }, _req, res, next) => {
  const e =
    err.type === 'entity.too.large'
      ? jsonError(413, 'PAYLOAD_TOO_LARGE', 'request body is larger than the server accepts')
      : err.type === 'entity.parse.failed'
        ? jsonError(400, 'BAD_REQUEST', `request body must be a JSON object such as {"query": "{ sources { id } }"}: ${err.message ?? ''}`.trim())
        : null;
  if (!e) return next(err);
  res.status(e.status).json(e.body);
};

const lastResort: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  console.error('[http] unexpected error', err);
  if (!res.headersSent) res.status(500).json(jsonError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error').body);
};

export async function createApp({ store, config }: AppDeps): Promise<App> {
  const development = config.env === 'development';
  const service = new NexusService(store, { pathBudgetMs: config.limits.pathBudgetMs });
  const queryLimits = {
    maxDepth: config.limits.maxQueryDepth,
    maxFields: config.limits.maxQueryFields,
    maxAliases: config.limits.maxAliases,
    maxCost: config.limits.maxQueryCost,
  };
  const apollo = new ApolloServer<Context>({
    typeDefs: loadSdl(),
    resolvers: { Query: queryResolvers, ...typeResolvers, ...enumResolvers() },
    validationRules: [queryLimitRule(queryLimits)],
    formatError: formatError(development),
    includeStacktraceInErrorResponses: development,
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      queryCostPlugin<Context>(queryLimits, new HeavyLane(config.limits.heavyQueryCost)),
      compiledExecutionPlugin<Context>(formatError(development)),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are POSTs, never revalidated: hashing every body for an ETag is wasted work.
  app.set('etag', false);
  app.use(healthRouter(store));
  app.use(exportRouter(new ExportService(store)));
  if (development) {
    app.get('/graphql', (req, res, next) => (req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query['query'] ? res.type('html').send(ideHtml) : next()));
  }
  app.use(
    '/graphql',
    express.json({ limit: config.limits.maxBodyBytes }),
    bodyErrors,
    expressMiddleware(apollo, { context: async () => createContext(service) }),
  );

  let closeDevServer: () => Promise<void> = async () => {};
  if (development) {
    const { createServer } = await import('vite');
    const vite = await createServer({ configFile: path.resolve(config.clientDir, '../vite.config.ts'), server: { middlewareMode: true }, appType: 'spa' });
    app.use(vite.middlewares);
    closeDevServer = () => vite.close();
  } else {
    const index = path.join(config.clientDir, 'index.html');
    app.use(express.static(config.clientDir, { index: false, maxAge: '1h' }));
    // The explorer's routes (no file extension) get the page; a missing asset is a plain 404.
    app.get(/^\/(?!graphql|healthz|readyz|api\/)(?:[^.]*)$/, (_req, res) => {
      if (existsSync(index)) res.sendFile(index, { maxAge: 0 });
      else res.status(503).type('text').send('The explorer is not built yet: run `npm run build:client` (npm start does it for you).');
    });
  }
  app.use(lastResort);

  return {
    app,
    service,
    stop: async () => {
      await closeDevServer();
      await apollo.stop();
    },
  };
}
