/**
 * createApp builds the Express application — GraphQL API, health endpoints, the explorer's
 * static files — around a store, without listening. index.ts wires it to a port. Around the API:
 * request logs, security headers and CORS, per-client limits, and 4xx for client mistakes
 * (server/http/).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Config } from './config.js';
import type { GraphStore } from './store/port.js';
import { NexusService } from './services/nexus.js';
import { createContext, type Context } from './graphql/context.js';
import { loadSdl } from './graphql/codegen.js';
import { enumResolvers } from './graphql/enums.js';
import { errorCodesPlugin, formatError } from './graphql/errors.js';
import { queryCostPlugin, queryLimitRule } from './graphql/limits.js';
import { compiledExecutionPlugin } from './graphql/compiled.js';
import { HeavyLane } from './graphql/lanes.js';
import { queryResolvers } from './graphql/resolvers/query.js';
import { typeResolvers } from './graphql/resolvers/types.js';
import { healthRouter } from './http/health.js';
import { exportRouter } from './http/export.js';
import { importRouter } from './http/import.js';
import { ExportService } from './services/exports.js';
import { ideHtml } from './http/ide.js';
import { EditService } from './services/edits.js';
import { AuditService } from './services/audit.js';
import { TokenVerifier } from './auth/tokens.js';
import { accessOf, readAccessPlugin } from './graphql/access.js';
import { mutationResolvers } from './graphql/resolvers/mutation.js';
import { bodyErrors, lastResort } from './http/body-errors.js';
import { cors, securityHeaders } from './http/security.js';
import { GRAPHQL_ERROR_CODES, requestLog, stdoutSink, type LogSink } from './http/request-log.js';
import { clientLimits } from './http/client-limits.js';

export interface AppDeps {
  store: GraphStore;
  config: Pick<Config, 'env' | 'clientDir' | 'limits' | 'http'> & Partial<Pick<Config, 'access'>>;
  /** Where request log lines go (stdout unless a test listens). */
  requestLogSink?: LogSink;
  /** The requests being answered (shown by /healthz). */
  inFlight?: () => number;
}

export interface App {
  app: Express;
  service: NexusService;
  stop(): Promise<void>;
}

export async function createApp({ store, config, requestLogSink = stdoutSink, inFlight }: AppDeps): Promise<App> {
  const development = config.env === 'development';
  const service = new NexusService(store, { pathBudgetMs: config.limits.pathBudgetMs });
  const edits = new EditService(store);
  const audit = new AuditService(store);
  const readRequiresToken = config.access?.readRequiresToken ?? false;
  const tokens = config.access ? new TokenVerifier(config.access.tokensFile) : null;
  const queryLimits = {
    maxDepth: config.limits.maxQueryDepth,
    maxFields: config.limits.maxQueryFields,
    maxAliases: config.limits.maxAliases,
    maxCost: config.limits.maxQueryCost,
  };
  const apollo = new ApolloServer<Context>({
    typeDefs: loadSdl(),
    resolvers: { Query: queryResolvers, Mutation: mutationResolvers, ...typeResolvers, ...enumResolvers() },
    validationRules: [queryLimitRule(queryLimits)],
    formatError: formatError(development),
    includeStacktraceInErrorResponses: development,
    introspection: config.http.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      queryCostPlugin<Context>(queryLimits, new HeavyLane(config.limits.heavyQueryCost)),
      readAccessPlugin<Context>(readRequiresToken),
      compiledExecutionPlugin<Context>(formatError(development)),
      errorCodesPlugin<Context>(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are POSTs, never revalidated: hashing every body for an ETag is wasted work.
  app.set('etag', false);
  app.set('trust proxy', config.http.trustProxy);
  if (config.http.requestLog === 'json') app.use(requestLog({ sink: requestLogSink, logVariables: config.http.logVariables }));
  app.use(securityHeaders({ csp: !development }));
  app.use(healthRouter(store, inFlight));
  app.use(exportRouter(new ExportService(store)));
  app.use('/api/import', cors(config.http.corsOrigins));
  app.use(importRouter(store, tokens, config.limits.maxImportBytes));
  if (development) {
    app.get('/graphql', (req, res, next) => (req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query['query'] ? res.type('html').send(ideHtml) : next()));
  }
  const delay = config.http.testRequestDelayMs;
  app.use(
    '/graphql',
    cors(config.http.corsOrigins),
    clientLimits({ ratePerMin: config.http.clientRatePerMin, burst: config.http.clientRateBurst, concurrency: config.http.clientConcurrency }),
    express.json({ limit: config.limits.maxBodyBytes }),
    bodyErrors,
    ...(delay > 0 ? [(_req: unknown, _res: unknown, next: () => void) => void setTimeout(next, delay)] : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const access = tokens ? await accessOf(req.headers.authorization, tokens) : { caller: null, invalidToken: req.headers.authorization !== undefined };
        const context = createContext(service, { edits, audit, access, readRequiresToken }, req.ip ?? '');
        context.reportErrorCodes = (codes) => void (res.locals[GRAPHQL_ERROR_CODES] = codes);
        return context;
      },
    }),
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
