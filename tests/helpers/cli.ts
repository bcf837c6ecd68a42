/**
 * Run one of our command lines as a user would (`node --import tsx <script>` from the project
 * root), never with the Neo4j the test run may have configured: these runs must not touch a real
 * database unless the test passes NEO4J_* itself.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout then stderr. */
  out: string;
}

export function runCli(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_')));
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...base, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, out: `${stdout}${stderr}` }));
  });
}
