/**
 * `npm run neo4j:start` / `npm run neo4j:stop` (and `neo4j:jars`): a real Neo4j 5.26 for development
 * and CI without Docker. The jars come from Maven Central (neo4j/pom.xml → neo4j/lib/); the server
 * runs from neo4j/run/ (config, data, logs, PID file) as `java … org.neo4j.server.CommunityEntryPoint`
 * with the flags Neo4j's launcher would pass. Start waits until `RETURN 1` succeeds on the `neo4j`
 * database (up to 180 s); stop ends the process by its PID.
 *
 * Environment: NEO4J_BOLT_PORT (7687), NEO4J_PASSWORD (nexus-explorer), NEO4J_HEAP (1g),
 * NEO4J_RUN_DIR (neo4j/run: a second server needs its own, with its own port), JAVA (java, or
 * $JAVA_HOME/bin/java).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const LIB = path.join(HERE, 'lib');
const RUN = path.resolve(process.env.NEO4J_RUN_DIR || path.join(HERE, 'run'));
const CONF_DIR = path.join(RUN, 'conf');
const PID_FILE = path.join(RUN, 'neo4j.pid');
const LOG_FILE = path.join(RUN, 'neo4j.log');
const PORT = Number(process.env.NEO4J_BOLT_PORT ?? 7687);
const PASSWORD = process.env.NEO4J_PASSWORD || 'nexus-explorer';
const HEAP = process.env.NEO4J_HEAP ?? '1g';
const PAGECACHE = process.env.NEO4J_PAGECACHE;
const JAVA = process.env.JAVA ?? (process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java');
const READY_TIMEOUT_MS = 180_000;

/** What Neo4j 5.26's launcher adds (its default server.jvm.additional), without which it warns or fails on Java 17. */
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '-XX:FlightRecorderOptions=stackdepth=256',
  '-XX:+UnlockDiagnosticVMOptions',
  '-XX:+DebugNonSafepoints',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--add-opens=java.base/java.net=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
];

const log = (message: string) => console.log(`[neo4j] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fail(message: string): never {
  console.error(`[neo4j] ${message}`);
  process.exit(1);
}

function jars(): void {
  if (existsSync(LIB) && readdirSync(LIB).some((f) => f.startsWith('neo4j-server-'))) return;
  log('copying the Neo4j jars from Maven Central into neo4j/lib (mvn dependency:copy-dependencies)…');
  const mvn = spawnSync('mvn', ['-q', '-B', '-f', path.join(HERE, 'pom.xml'), 'dependency:copy-dependencies'], { stdio: 'inherit' });
  if (mvn.error) fail(`cannot run mvn: ${mvn.error.message} (install Maven, or copy the jars into neo4j/lib)`);
  if (mvn.status !== 0) fail(`mvn exited with ${mvn.status}: a dependency did not resolve (see above)`);
}

function runningPid(): number | null {
  if (!existsSync(PID_FILE)) return null;
  const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function answers(timeoutMs: number): Promise<boolean> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${PORT}`, neo4j.auth.basic('neo4j', PASSWORD), { connectionTimeout: 2000 });
  const session = driver.session({ database: 'neo4j' });
  try {
    const result = await Promise.race([session.run('RETURN 1 AS one'), sleep(timeoutMs).then(() => null)]);
    return result !== null && result.records[0]?.get('one')?.toNumber?.() === 1;
  } catch {
    return false;
  } finally {
    await session.close().catch(() => undefined);
    await driver.close().catch(() => undefined);
  }
}

async function start(): Promise<void> {
  jars();
  if (runningPid() !== null && (await answers(5000))) {
    log(`already running (PID ${runningPid()}), bolt://127.0.0.1:${PORT}`);
    return;
  }
  mkdirSync(CONF_DIR, { recursive: true });
  let conf = readFileSync(path.join(HERE, 'neo4j.conf'), 'utf8').replace('127.0.0.1:7687', `127.0.0.1:${PORT}`);
  // A bigger page cache for benchmarks of large graphs (the default suits the tests).
  if (PAGECACHE) conf = conf.replace(/^server\.memory\.pagecache\.size=.*$/m, `server.memory.pagecache.size=${PAGECACHE}`);
  writeFileSync(path.join(CONF_DIR, 'neo4j.conf'), conf);
  const classpath = `${LIB}/*`;
  const env = { ...process.env, NEO4J_HOME: RUN, NEO4J_CONF: CONF_DIR };
  if (!existsSync(path.join(RUN, 'data', 'dbms'))) {
    log('setting the initial password (neo4j-admin dbms set-initial-password)');
    const admin = spawnSync(JAVA, ['-cp', classpath, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', PASSWORD], { env, encoding: 'utf8' });
    if (admin.error) fail(`cannot run ${JAVA}: ${admin.error.message}`);
    if (admin.status !== 0) fail(`set-initial-password failed:\n${admin.stdout}${admin.stderr}`);
  }
  const out = openSync(LOG_FILE, 'a');
  const child = spawn(
    JAVA,
    [`-Xms${HEAP}`, `-Xmx${HEAP}`, ...JVM_FLAGS, '-cp', classpath, 'org.neo4j.server.CommunityEntryPoint', `--home-dir=${RUN}`, `--config-dir=${CONF_DIR}`, '--console-mode'],
    { env, detached: true, stdio: ['ignore', out, out] },
  );
  child.unref();
  if (!child.pid) fail(`could not start ${JAVA}`);
  writeFileSync(PID_FILE, String(child.pid));
  log(`started (PID ${child.pid}); waiting until RETURN 1 succeeds on bolt://127.0.0.1:${PORT} (log: ${path.relative(process.cwd(), LOG_FILE)})`);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (runningPid() === null) fail(`the server exited during startup; last lines of the log:\n${readFileSync(LOG_FILE, 'utf8').split('\n').slice(-25).join('\n')}`);
    if (await answers(5000)) {
      log(`ready after ${Math.round((READY_TIMEOUT_MS - (deadline - Date.now())) / 1000)} s: NEO4J_URI=bolt://127.0.0.1:${PORT} NEO4J_USER=neo4j NEO4J_PASSWORD=${PASSWORD}`);
      return;
    }
    await sleep(1000);
  }
  fail(`not ready after ${READY_TIMEOUT_MS / 1000} s; see ${LOG_FILE}`);
}

async function stop(): Promise<void> {
  const pid = runningPid();
  if (pid === null) {
    log('not running');
    rmSync(PID_FILE, { force: true });
    return;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && runningPid() !== null) await sleep(500);
  if (runningPid() !== null) {
    log('still running after 60 s: SIGKILL');
    process.kill(pid, 'SIGKILL');
  }
  rmSync(PID_FILE, { force: true });
  log(`stopped (PID ${pid})`);
}

const command = process.argv[2];
if (command === 'start') await start();
else if (command === 'stop') await stop();
else if (command === 'jars') jars();
else fail('usage: tsx neo4j/server.ts start|stop|jars');
