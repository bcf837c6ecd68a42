/**
 * Runtime configuration, parsed once from the environment by zod. Unset NEO4J_URI means the
 * embedded store; every limit has a safe default.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SEED_SYNC_MODES, type SeedSyncMode } from './store/seed-sync.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const intFrom = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const bool = (fallback: boolean) => flag.optional().transform((v) => v ?? fallback);

/** Comma-separated origins such as `https://a.example,https://b.example`, or `*`. */
const originList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((o) => o.trim()).filter((o) => o !== ''))
  .refine((list) => list.every((o) => o === '*' || /^https?:\/\/[^/\s]+$/.test(o)), 'each origin is scheme://host[:port] (no path), or *');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: intFrom(4000, 0, 65535),
  HOST: z.string().default('0.0.0.0'),
  DATA_FILE: z.string().default(path.join(ROOT, 'data', 'nexus.json')),
  SEED_DIR: z.string().default(path.join(ROOT, 'seed', 'data')),
  CLIENT_DIR: z.string().default(path.join(ROOT, 'client', 'dist')),
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().optional(),
  PATH_BUDGET_MS: intFrom(1500, 10, 60_000),
  MAX_BODY_BYTES: intFrom(64 * 1024, 1024, 10 * 1024 * 1024),
  MAX_IMPORT_BYTES: intFrom(10 * 1024 * 1024, 1024, 512 * 1024 * 1024),
  MAX_QUERY_DEPTH: intFrom(10, 2, 50),
  MAX_QUERY_FIELDS: intFrom(600, 10, 10_000),
  MAX_ALIASES: intFrom(30, 1, 1000),
  MAX_QUERY_COST: intFrom(200_000, 100, 10_000_000),
  HEAVY_QUERY_COST: intFrom(20_000, 1, 10_000_000),
  TOKENS_FILE: z.string().default(path.join(ROOT, 'data', 'tokens.json')),
  READ_REQUIRES_TOKEN: z.enum(['true', 'false']).default('false'),
  SEED_SYNC: z.enum(SEED_SYNC_MODES).default('safe'),
  STARTUP_CHECK_TIMEOUT_MS: intFrom(5000, 100, 120_000),
  NEO4J_TIMEOUT_MS: intFrom(5000, 100, 120_000),
  NEO4J_RETRY_MAX_MS: intFrom(30_000, 100, 600_000),
  DRAIN_MS: intFrom(10_000, 0, 600_000),
  CORS_ORIGINS: originList,
  INTROSPECTION: flag.optional(),
  TRUST_PROXY: bool(false),
  REQUEST_LOG: z.enum(['json', 'off']).optional(),
  REQUEST_LOG_VARIABLES: bool(false),
  CLIENT_RATE_PER_MIN: intFrom(1200, 0, 10_000_000),
  CLIENT_RATE_BURST: intFrom(200, 1, 10_000_000),
  CLIENT_CONCURRENCY: intFrom(16, 0, 100_000),
  TEST_REQUEST_DELAY_MS: intFrom(0, 0, 60_000),
  IMPORT_TRANSACTION_RECORDS: intFrom(50_000, 1, 100_000_000),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataFile: string;
  seedDir: string;
  /** safe: an empty or partial seed folder is not synced; prune: a partial one removes what its missing documents brought; off: never sync. */
  seedSync: SeedSyncMode;
  /** Startup gives up on a path check (DATA_FILE, SEED_DIR) that takes longer. */
  startupCheckTimeoutMs: number;
  /** SIGTERM: in-flight requests get this long to finish before the process exits anyway. */
  drainMs: number;
  clientDir: string;
  neo4j: { uri: string; user: string; password: string; database?: string; timeoutMs: number; retryMaxMs: number } | null;
  /** Neo4j: an import into an empty database of more records is written in batched transactions (BulkLoadOptions). */
  importTransactionRecords: number;
  http: {
    /** Origins allowed to call the API from a browser (CORS); empty: same origin only. */
    corsOrigins: string[];
    introspection: boolean;
    /** Take the client's address from X-Forwarded-For (behind a reverse proxy). */
    trustProxy: boolean;
    requestLog: 'json' | 'off';
    logVariables: boolean;
    /** Per client: requests a minute (0: no limit), the burst allowed, and requests at once (0: no limit). */
    clientRatePerMin: number;
    clientRateBurst: number;
    clientConcurrency: number;
    /** NODE_ENV=test only: hold every /graphql request this long (the SIGTERM drain test). */
    testRequestDelayMs: number;
  };
  limits: {
    pathBudgetMs: number;
    maxBodyBytes: number;
    /** The largest file POST /api/import takes. */
    maxImportBytes: number;
    maxQueryDepth: number;
    maxQueryFields: number;
    maxAliases: number;
    maxQueryCost: number;
    /** Operations costing more take turns in the heavy lane (graphql/lanes.ts). */
    heavyQueryCost: number;
  };
  /** API tokens (server/auth/tokens.ts) and whether reading needs one (a viewer token). */
  access: { tokensFile: string; readRequiresToken: boolean };
}

/** Parse the environment; throws with every bad variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataFile: e.DATA_FILE,
    seedDir: e.SEED_DIR,
    seedSync: e.SEED_SYNC,
    startupCheckTimeoutMs: e.STARTUP_CHECK_TIMEOUT_MS,
    drainMs: e.DRAIN_MS,
    clientDir: e.CLIENT_DIR,
    neo4j: e.NEO4J_URI
      ? {
          uri: e.NEO4J_URI,
          user: e.NEO4J_USER,
          password: e.NEO4J_PASSWORD,
          ...(e.NEO4J_DATABASE ? { database: e.NEO4J_DATABASE } : {}),
          timeoutMs: e.NEO4J_TIMEOUT_MS,
          retryMaxMs: e.NEO4J_RETRY_MAX_MS,
        }
      : null,
    importTransactionRecords: e.IMPORT_TRANSACTION_RECORDS,
    http: {
      corsOrigins: e.CORS_ORIGINS,
      introspection: e.INTROSPECTION ?? e.NODE_ENV === 'development',
      trustProxy: e.TRUST_PROXY,
      // Test runs build many apps in one process: their logs are asked for, not printed.
      requestLog: e.REQUEST_LOG ?? (e.NODE_ENV === 'test' ? 'off' : 'json'),
      logVariables: e.REQUEST_LOG_VARIABLES,
      clientRatePerMin: e.CLIENT_RATE_PER_MIN,
      clientRateBurst: e.CLIENT_RATE_BURST,
      clientConcurrency: e.CLIENT_CONCURRENCY,
      testRequestDelayMs: e.NODE_ENV === 'test' ? e.TEST_REQUEST_DELAY_MS : 0,
    },
    limits: {
      pathBudgetMs: e.PATH_BUDGET_MS,
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxImportBytes: e.MAX_IMPORT_BYTES,
      maxQueryDepth: e.MAX_QUERY_DEPTH,
      maxQueryFields: e.MAX_QUERY_FIELDS,
      maxAliases: e.MAX_ALIASES,
      maxQueryCost: e.MAX_QUERY_COST,
      heavyQueryCost: e.HEAVY_QUERY_COST,
    },
    access: { tokensFile: e.TOKENS_FILE, readRequiresToken: e.READ_REQUIRES_TOKEN === 'true' },
  };
}
