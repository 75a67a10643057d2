import net from 'node:net';
import tls from 'node:tls';
import neo4j, { type Driver, type ManagedTransaction, routing } from 'neo4j-driver';
import { LIMITS } from '../config.js';
import { DatabaseUnavailableError, mapDriverError } from '../errors.js';
import { logger } from '../logger.js';

/**
 * The one database gateway: read/write routing, timeouts and error mapping are decided here,
 * never at call sites. Query modules receive a Db and only write Cypher with parameters.
 */
export type Params = Record<string, unknown>;
export type Row = Record<string, any>;

export interface Db {
  read(cypher: string, params?: Params): Promise<Row[]>;
  /** Runs `work` in one write transaction: all of it lands or none of it. */
  writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T>;
  /** Cypher round-trips made through this handle (per request when scoped). */
  readonly queryCount: number;
  /** A handle that counts its own round-trips (one per GraphQL request). */
  scoped(): Db;
  /** True unless the monitor's last probe failed. */
  readonly available: boolean;
  /** `RETURN 1` within LIMITS.probeTimeoutMs: the readiness probe. */
  probe(): Promise<boolean>;
  /**
   * Probes the database every `intervalMs`; while it is down every call fails at once with
   * DATABASE_UNAVAILABLE (and calls in flight are answered so, not left hanging), and it
   * recovers by itself when a probe succeeds again. Returns the function that stops it.
   */
  watch(intervalMs?: number): () => void;
}

/**
 * TCP_NODELAY for the driver's sockets. neo4j-driver has no option for it, and without it any
 * Bolt message over one segment (~1400 bytes: a batch of CJK ids, an article write) waits
 * ~40 ms on Nagle's algorithm and the server's delayed ACK. The driver opens its sockets with
 * `net.connect`/`tls.connect`, so this hook sets no-delay on every client socket the process
 * opens that way (harmless for the others: HTTP clients set it too).
 */
let noDelayHooked = false;
function hookNoDelay(): void {
  if (noDelayHooked) return;
  noDelayHooked = true;
  for (const mod of [net, tls] as Array<Record<string, unknown>>) {
    const original = mod.connect as (...a: unknown[]) => import('node:net').Socket;
    mod.connect = function connectNoDelay(this: unknown, ...args: unknown[]) {
      const socket = original.apply(this, args);
      socket.setNoDelay(true);
      return socket;
    };
  }
}

export function createDriver(uri: string, user: string, password: string): Driver {
  hookNoDelay();
  const auth = password ? neo4j.auth.basic(user, password) : undefined;
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: LIMITS.connectionAcquisitionTimeoutMs,
    maxConnectionPoolSize: LIMITS.maxPoolSize,
    // Retries of transient errors; short, so that a dead database is reported in seconds.
    maxTransactionRetryTime: 2_000,
    connectionTimeout: 5_000,
    userAgent: 'cadre-graph/0.1',
  });
}

/** How recent a completed statement must be for a failed probe to mean "busy", not "down". */
const ANSWERED_WINDOW_MS = 3_000;

/** Shared by every scoped handle of one database: the monitor's state and who waits on it. */
class Health {
  up = true;
  private downWaiters = new Set<() => void>();
  private pending: Promise<boolean> | undefined;
  constructor(
    private driver: Driver,
    private database: string,
  ) {}

  /** Runs a probe unless one is still running (a stopped Neo4j never answers; do not pile up). */
  probe(): Promise<boolean> {
    this.pending ??= probeOnce(this.driver, this.database).finally(() => (this.pending = undefined));
    return this.pending;
  }

  private failures = 0;
  private lastAnswer = 0;

  /** A statement of ours completed: the database is slow at worst, not gone. */
  answered(): void {
    this.lastAnswer = Date.now();
  }

  /**
   * A probe's result. Down after three failures in a row (~4.5 s), so that slow answers on a busy
   * machine do not fail every request; up again after one success. A probe that fails while
   * other statements still complete (a saturated pool or engine: the probe waited its turn) is
   * no failure: a stopped or dead Neo4j completes nothing.
   */
  record(ok: boolean): void {
    const busy = !ok && Date.now() - this.lastAnswer < ANSWERED_WINDOW_MS;
    this.failures = ok || busy ? 0 : this.failures + 1;
    this.setUp(ok || busy || this.failures < 3);
  }

  private setUp(up: boolean): void {
    if (up === this.up) return;
    this.up = up;
    if (up) logger.info('the database answers again');
    else {
      logger.warn('the database does not answer: requests get DATABASE_UNAVAILABLE until it does');
      for (const w of this.downWaiters) w();
      this.downWaiters.clear();
    }
  }

  /** Resolves the callback when the database is found down; returns the unsubscribe. */
  onDown(fn: () => void): () => void {
    this.downWaiters.add(fn);
    return () => this.downWaiters.delete(fn);
  }
}

async function probeOnce(driver: Driver, database: string): Promise<boolean> {
  const query = driver
    .executeQuery('RETURN 1', {}, { database, routing: routing.READ, transactionConfig: { timeout: LIMITS.probeTimeoutMs } })
    .then(() => true, () => false);
  let timer: NodeJS.Timeout | undefined;
  const started = Date.now();
  let extended = false;
  const timeout = new Promise<boolean>((r) => {
    const fire = () => {
      // A timer that fires late means this process was stalled (a blocking call, a long GC),
      // not that Neo4j was silent: the answer may be waiting in the socket. One more period.
      if (!extended && Date.now() - started > LIMITS.probeTimeoutMs * 1.5) {
        extended = true;
        timer = setTimeout(fire, LIMITS.probeTimeoutMs);
        return;
      }
      r(false);
    };
    timer = setTimeout(fire, LIMITS.probeTimeoutMs);
  });
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `work` but gives up with DATABASE_UNAVAILABLE at the deadline or as soon as the monitor
 * finds the database down: a stopped (SIGSTOP) Neo4j accepts connections and never answers,
 * and the driver alone would wait for it.
 */
async function guarded<T>(health: Health, deadlineMs: number, work: () => Promise<T>): Promise<T> {
  if (!health.up) throw new DatabaseUnavailableError();
  const running = work();
  running.catch(() => undefined); // the loser of the race must not become an unhandled rejection
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError(new Error(`no answer within ${deadlineMs} ms`))), deadlineMs);
    unsubscribe = health.onDown(() => reject(new DatabaseUnavailableError()));
  });
  try {
    return await Promise.race([running, guard]);
  } catch (err) {
    throw mapDriverError(err);
  } finally {
    clearTimeout(timer);
    unsubscribe?.();
  }
}

export function createDb(driver: Driver, database: string): Db {
  const health = new Health(driver, database);
  const make = (counter: { n: number }): Db => ({
    get queryCount() {
      return counter.n;
    },
    get available() {
      return health.up;
    },
    async read(cypher, params = {}) {
      counter.n++;
      return guarded(health, LIMITS.txTimeoutMs + 2_000, async () => {
        // An auto-commit read in a READ session: RUN and PULL go in one message and one round
        // trip, where a managed transaction (executeQuery) adds BEGIN and COMMIT — half the
        // throughput on this machine (bench/peer.ts). It still routes to followers, and shares
        // the bookmarks of writes (read-your-writes on a cluster). A read is idempotent, so a
        // transient failure (a leader switch, a deadlock) is retried here as executeQuery would.
        for (let attempt = 1; ; attempt++) {
          const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, bookmarkManager: driver.executeQueryBookmarkManager });
          try {
            const res = await session.run(cypher, params, { timeout: LIMITS.txTimeoutMs });
            health.answered();
            return res.records.map((r) => r.toObject());
          } catch (err) {
            if (attempt >= READ_ATTEMPTS || !neo4j.isRetriableError(err as Error)) throw err;
            await new Promise((r) => setTimeout(r, 50 * attempt));
          } finally {
            await session.close();
          }
        }
      });
    },
    async writeTx(work) {
      counter.n++;
      // A write cut off by the guard may still land when a stopped database resumes; writes
      // are idempotent, so the answer (retry) is the same either way.
      return guarded(health, WRITE_TIMEOUT_MS + 5_000, async () => {
        const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: driver.executeQueryBookmarkManager });
        try {
          const result = await session.executeWrite(work, { timeout: WRITE_TIMEOUT_MS });
          health.answered();
          return result;
        } finally {
          await session.close();
        }
      });
    },
    async probe() {
      const ok = await health.probe();
      if (ok) health.record(true);
      return ok;
    },
    watch(intervalMs = 1_000) {
      const timer = setInterval(() => {
        void health.probe().then((ok) => health.record(ok));
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    scoped: () => make({ n: 0 }),
  });
  return make({ n: 0 });
}

const WRITE_TIMEOUT_MS = 120_000;
const READ_ATTEMPTS = 3;

/** Waits until Neo4j answers, for start-up against a database that is still booting. */
export async function waitForDatabase(driver: Driver, database: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await driver.executeQuery('RETURN 1', {}, { database, routing: routing.READ });
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  throw new Error(`Neo4j did not answer within ${timeoutMs / 1000}s: ${(lastError as Error)?.message}`);
}
