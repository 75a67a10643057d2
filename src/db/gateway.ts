import neo4j, { type Driver, type ManagedTransaction, routing } from 'neo4j-driver';
import { LIMITS } from '../config.js';
import { mapDriverError } from '../errors.js';

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
}

export function createDriver(uri: string, user: string, password: string): Driver {
  const auth = password ? neo4j.auth.basic(user, password) : undefined;
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: LIMITS.connectionAcquisitionTimeoutMs,
    maxTransactionRetryTime: 5_000,
    connectionTimeout: 5_000,
    userAgent: 'cadre-graph/0.1',
  });
}

export function createDb(driver: Driver, database: string): Db {
  const make = (counter: { n: number }): Db => ({
    get queryCount() {
      return counter.n;
    },
    async read(cypher, params = {}) {
      counter.n++;
      try {
        const res = await driver.executeQuery(cypher, params, {
          database,
          routing: routing.READ,
          transactionConfig: { timeout: LIMITS.txTimeoutMs },
        });
        return res.records.map((r) => r.toObject());
      } catch (err) {
        throw mapDriverError(err);
      }
    },
    async writeTx(work) {
      counter.n++;
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
      try {
        return await session.executeWrite(work, { timeout: 120_000 });
      } catch (err) {
        throw mapDriverError(err);
      } finally {
        await session.close();
      }
    },
    scoped: () => make({ n: 0 }),
  });
  return make({ n: 0 });
}

/** True when a trivial query runs: the readiness probe. */
export async function isReachable(driver: Driver, database: string): Promise<boolean> {
  try {
    await driver.executeQuery('RETURN 1', {}, { database, routing: routing.READ, transactionConfig: { timeout: 2_000 } });
    return true;
  } catch {
    return false;
  }
}

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
