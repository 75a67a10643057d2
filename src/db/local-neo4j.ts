import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.js';
import { logger } from '../logger.js';

/**
 * Control of the Neo4j 5.26 engine kept in tools/neo4j-local (for machines without Docker):
 * build it with Maven on first use, start it on a port and data directory, stop it cleanly.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const LAUNCHER_DIR = path.join(ROOT, 'tools/neo4j-local');
const JAR = path.join(LAUNCHER_DIR, 'target/neo4j-local.jar');
const READY = /^NEO4J_LOCAL_READY (\S+)/m;
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

const INSTALL_HINT =
  'Install a JDK 17 or 21 and Maven (Debian: apt-get install openjdk-17-jdk-headless maven), ' +
  'or run Neo4j yourself (docker compose up) and set NEO4J_URI.';

function javaMajor(javaBin: string): number | undefined {
  const r = spawnSync(javaBin, ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr);
  if (!m) return undefined;
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

/** Neo4j 5.26 runs on Java 17 or 21 only; a newer default JDK (e.g. Temurin 25) must be skipped. */
export function findJavaHome(javaHomes: Array<string | undefined> = []): { javaBin: string; javaHome?: string } {
  const candidates = [...javaHomes];
  try {
    for (const d of readdirSync('/usr/lib/jvm')) candidates.push(path.join('/usr/lib/jvm', d));
  } catch {
    /* not a Debian-style layout */
  }
  for (const home of candidates) {
    if (!home) continue;
    const bin = path.join(home, 'bin/java');
    const v = existsSync(bin) ? javaMajor(bin) : undefined;
    if (v === 17 || v === 21) return { javaBin: bin, javaHome: home };
  }
  const v = javaMajor('java');
  if (v === 17 || v === 21) return { javaBin: 'java' };
  throw new ConfigError(
    `NEO4J_URI is unset, so the local Neo4j 5.26 would be started, but no Java 17 or 21 was found` +
      (v ? ` (the java on PATH is ${v}, which Neo4j 5.26 does not support)` : '') +
      `. ${INSTALL_HINT}`,
  );
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'target') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the launcher jar with Maven unless an up-to-date one exists. */
export function ensureLauncherBuilt(javaHomes: Array<string | undefined> = []): void {
  const lib = path.join(LAUNCHER_DIR, 'target/lib');
  if (existsSync(JAR) && existsSync(lib) && statSync(JAR).mtimeMs >= newestMtime(LAUNCHER_DIR)) return;
  const { javaHome } = findJavaHome(javaHomes);
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error) throw new ConfigError(`Maven (mvn) was not found on PATH. ${INSTALL_HINT}`);
  logger.info('building the local Neo4j launcher with Maven (the first build downloads ~120 MB)');
  const r = spawnSync('mvn', ['-B', '-q', 'package', '-DskipTests'], {
    cwd: LAUNCHER_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: javaHome ? { ...process.env, JAVA_HOME: javaHome } : process.env,
  });
  if (r.status !== 0) {
    throw new ConfigError(`building tools/neo4j-local with Maven failed (exit ${r.status}); see the Maven output above`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: '127.0.0.1' });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  dataDir: string;
  /** The engine's process id (a new one after a restart); undefined while it is down. */
  readonly pid: number | undefined;
  /** Sends SIGTERM and waits until the store is closed; no restart after this. */
  stop(): Promise<void>;
}

export interface StartOptions {
  port: number;
  dataDir: string;
  pageCacheMb?: number;
  heap?: string;
  /** JDK homes to try first (config: NEO4J_JAVA_HOME, JAVA_HOME). */
  javaHomes?: Array<string | undefined>;
  /** Restart the engine when it dies (default true); a stop() is never restarted. */
  supervise?: boolean;
  /** Called after an unexpected death has been answered by a successful restart. */
  onRestart?: () => void;
}

const PID_FILE = 'neo4j-local.pid';
/** True while a process with this id exists (signal 0 only checks). */
export const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * An engine left running on this data directory by a server that was killed (kill -9 before
 * --exit-with-stdin existed, or a launcher started by hand) holds the store lock and the port.
 * It is ours when its command line runs neo4j-local.jar; stop it cleanly before starting.
 */
/** Our engine running on this data directory, and whether the process that started it lives. */
function engineOn(dataDir: string): { pid: number; parentAlive: boolean } | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(dataDir, PID_FILE), 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid || !processAlive(pid)) return undefined;
  let cmdline = '';
  let ppid = 1;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined; // not Linux, or not ours to read: leave it alone
  }
  if (!cmdline.includes('neo4j-local.jar')) return undefined;
  // A server's engine watches its parent (--exit-with-stdin); one started by hand does not and
  // is stale whoever started it.
  const watched = cmdline.split('\0').includes('--exit-with-stdin');
  return { pid, parentAlive: watched && ppid > 1 && ppid !== process.pid && processAlive(ppid) };
}

/** The pid of our engine running on this data directory (whoever started it), if any. */
export function engineRunningOn(dataDir: string): number | undefined {
  return engineOn(path.resolve(dataDir))?.pid;
}

/**
 * The local engine of a running server (`npm start`) on this data directory, if there is one:
 * commands such as `npm run ingest` then write into it instead of failing on the busy port or
 * stopping the server's database. Undefined when none runs or its server is gone.
 */
export async function runningServerEngine(opts: { port: number; dataDir: string }): Promise<{ uri: string; pid: number } | undefined> {
  const e = engineOn(path.resolve(opts.dataDir));
  if (!e || !e.parentAlive || !(await portInUse(opts.port))) return undefined;
  return { uri: `bolt://127.0.0.1:${opts.port}`, pid: e.pid };
}

async function stopStale(dataDir: string): Promise<void> {
  const e = engineOn(dataDir);
  // An engine whose server still runs is not stale: that server is using it.
  if (!e || e.parentAlive) return;
  const { pid } = e;
  logger.warn({ pid, dataDir }, 'a local Neo4j left running on this data directory by an earlier run: stopping it');
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (processAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  while (processAlive(pid)) await new Promise((r) => setTimeout(r, 100));
}

const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 10 * 60_000;

export async function startLocalNeo4j(opts: StartOptions): Promise<LocalNeo4j> {
  ensureLauncherBuilt(opts.javaHomes);
  const { javaBin } = findJavaHome(opts.javaHomes);
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  await stopStale(dataDir);
  if (await portInUse(opts.port)) {
    throw new ConfigError(
      `port ${opts.port} on 127.0.0.1 is already in use, so the local Neo4j cannot start there; ` +
        `set NEO4J_LOCAL_PORT to a free port, or set NEO4J_URI to use the Neo4j already running`,
    );
  }
  const args = [
    `-Xmx${opts.heap ?? '1g'}`,
    '-XX:+UseG1GC',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-jar',
    JAR,
    '--port',
    String(opts.port),
    '--data-dir',
    dataDir,
    '--pagecache-mb',
    String(opts.pageCacheMb ?? 128),
    '--exit-with-stdin',
  ];

  let child: ChildProcess;
  let stderrTail = '';
  let stopping = false;
  const restarts: number[] = [];
  const spawnEngine = async (): Promise<string> => {
    stderrTail = '';
    // stdin is a pipe we never write to: when this process dies, the engine sees EOF and stops.
    child = spawn(javaBin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', (b: Buffer) => {
      stderrTail = (stderrTail + b.toString('utf8')).slice(-4000);
    });
    const uri = await waitReady(child, () => stderrTail);
    child.once('exit', (code, signal) => void onExit(code, signal));
    return uri;
  };
  const onExit = async (code: number | null, signal: NodeJS.Signals | null) => {
    if (stopping) return;
    logger.error({ code, signal, stderr: stderrTail.slice(-800) }, 'the local Neo4j died');
    if (opts.supervise === false) return;
    const now = Date.now();
    while (restarts.length && now - restarts[0]! > RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length >= MAX_RESTARTS) {
      logger.fatal({ restarts: restarts.length }, 'the local Neo4j keeps dying; not restarting it again (see its output above)');
      return;
    }
    restarts.push(now);
    const delay = Math.min(30_000, 1000 * 2 ** (restarts.length - 1));
    await new Promise((r) => setTimeout(r, delay));
    if (stopping) return;
    try {
      await spawnEngine();
      logger.warn({ pid: child.pid }, 'the local Neo4j was restarted');
      opts.onRestart?.();
    } catch (err) {
      logger.error({ err: (err as Error).message }, 'restarting the local Neo4j failed');
      if (!stopping) void onExit(null, null);
    }
  };

  const uri = await spawnEngine();
  logger.info({ uri, dataDir }, 'local Neo4j is ready');
  return {
    uri,
    port: opts.port,
    dataDir,
    get pid() {
      return child.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

function waitReady(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      child.kill('SIGKILL');
      reject(new ConfigError(`the local Neo4j did not become ready within ${START_TIMEOUT_MS / 1000}s: ${stderr().slice(-800)}`));
    }, START_TIMEOUT_MS);
    child.stdout!.on('data', (b: Buffer) => {
      if (settled) return;
      out += b.toString('utf8');
      const m = READY.exec(out);
      if (m) {
        settled = true;
        clearTimeout(timer);
        child.removeListener('exit', onEarlyExit);
        resolve(m[1]!);
      }
    });
    const onEarlyExit = (code: number | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const tail = stderr();
      const hint = /lock/i.test(tail)
        ? ' (another Neo4j is using this data directory; stop it or choose another NEO4J_LOCAL_DATA_DIR)'
        : '';
      reject(new ConfigError(`the local Neo4j exited (code ${code}) before it was ready${hint}: ${tail.slice(-800)}`));
    };
    child.once('exit', onEarlyExit);
  });
}
