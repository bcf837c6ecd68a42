/**
 * Runtime configuration, parsed once from the environment by zod. Unset NEO4J_URI means the
 * embedded store; every limit has a safe default.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const intFrom = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

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
  MAX_QUERY_DEPTH: intFrom(10, 2, 50),
  MAX_QUERY_FIELDS: intFrom(600, 10, 10_000),
  MAX_ALIASES: intFrom(30, 1, 1000),
  MAX_QUERY_COST: intFrom(200_000, 100, 10_000_000),
  HEAVY_QUERY_COST: intFrom(20_000, 1, 10_000_000),
  IMPORT_TRANSACTION_RECORDS: intFrom(50_000, 1, 100_000_000),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataFile: string;
  seedDir: string;
  clientDir: string;
  neo4j: { uri: string; user: string; password: string; database?: string } | null;
  /** Neo4j: an import into an empty database of more records is written in batched transactions (BulkLoadOptions). */
  importTransactionRecords: number;
  limits: {
    pathBudgetMs: number;
    maxBodyBytes: number;
    maxQueryDepth: number;
    maxQueryFields: number;
    maxAliases: number;
    maxQueryCost: number;
    /** Operations costing more take turns in the heavy lane (graphql/lanes.ts). */
    heavyQueryCost: number;
  };
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
    clientDir: e.CLIENT_DIR,
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, ...(e.NEO4J_DATABASE ? { database: e.NEO4J_DATABASE } : {}) }
      : null,
    importTransactionRecords: e.IMPORT_TRANSACTION_RECORDS,
    limits: {
      pathBudgetMs: e.PATH_BUDGET_MS,
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxQueryDepth: e.MAX_QUERY_DEPTH,
      maxQueryFields: e.MAX_QUERY_FIELDS,
      maxAliases: e.MAX_ALIASES,
      maxQueryCost: e.MAX_QUERY_COST,
      heavyQueryCost: e.HEAVY_QUERY_COST,
    },
  };
}
