/**
 * What the data command lines share: opening the configured store (Neo4j when NEO4J_URI is set,
 * else the embedded store's DATA_FILE) and running a main function to an exit code, printing a
 * refusal's problems (or an error's message, never a stack trace for a domain error).
 */
import { loadConfig } from '../config.js';
import { DomainError, SeedValidationError, type SeedProblem } from '../domain/errors.js';
import { EmbeddedStore } from '../store/embedded/adapter.js';
import type { GraphStore } from '../store/port.js';

export async function openConfiguredStore(): Promise<GraphStore> {
  const config = loadConfig();
  if (config.neo4j) {
    const { openNeo4jStore } = await import('../store/neo4j/adapter.js');
    return openNeo4jStore(config.neo4j);
  }
  return EmbeddedStore.open({ dataFile: config.dataFile });
}

export function reportProblems(problems: readonly SeedProblem[]): void {
  for (const p of problems.slice(0, 50)) console.error(`  ${p.file} › ${p.record} › ${p.field}: ${p.reason}`);
  if (problems.length > 50) console.error(`  … and ${problems.length - 50} more`);
}

export function runMain(name: string, main: (argv: readonly string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (e instanceof SeedValidationError) {
        console.error(`${name}: refused, nothing was written:`);
        reportProblems(e.problems);
      } else console.error(`${name}: ${e instanceof DomainError || e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
