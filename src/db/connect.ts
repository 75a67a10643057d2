import type { Driver } from 'neo4j-driver';
import type { AppConfig } from '../config.js';
import { logger } from '../logger.js';
import { createDb, createDriver, waitForDatabase, type Db } from './gateway.js';
import { runningServerEngine, startLocalNeo4j, type LocalNeo4j } from './local-neo4j.js';
import { migrate } from './migrations.js';

/**
 * Start-up of the data side: the Neo4j given by NEO4J_URI, or the bundled local one when it
 * is unset; then wait for it and run the migrations, so the server never listens without
 * its constraints and indexes.
 */
export interface Connected {
  driver: Driver;
  db: Db;
  local?: LocalNeo4j;
  close(): Promise<void>;
}

/**
 * `shareRunning` (the CLI): when NEO4J_URI is unset and a server already runs the local engine
 * on this data directory, use that engine rather than fail on its port.
 */
export async function connect(config: AppConfig, opts: { shareRunning?: boolean } = {}): Promise<Connected> {
  let uri = config.NEO4J_URI;
  let local: LocalNeo4j | undefined;
  const shared = !uri && opts.shareRunning ? await runningServerEngine({ port: config.NEO4J_LOCAL_PORT, dataDir: config.NEO4J_LOCAL_DATA_DIR }) : undefined;
  if (shared) {
    logger.info({ uri: shared.uri, pid: shared.pid }, 'NEO4J_URI is unset: using the local Neo4j of the server running on this data directory');
    uri = shared.uri;
  } else if (!uri) {
    logger.info({ port: config.NEO4J_LOCAL_PORT, dataDir: config.NEO4J_LOCAL_DATA_DIR }, 'NEO4J_URI is unset: starting the local Neo4j 5.26');
    local = await startLocalNeo4j({
      port: config.NEO4J_LOCAL_PORT,
      dataDir: config.NEO4J_LOCAL_DATA_DIR,
      heap: config.NEO4J_LOCAL_HEAP,
      pageCacheMb: config.NEO4J_LOCAL_PAGECACHE_MB,
      javaHomes: [config.NEO4J_JAVA_HOME, config.JAVA_HOME],
    });
    uri = local.uri;
  }
  // The local engine runs without auth; credentials apply only to a Neo4j we were pointed at.
  const driver = createDriver(uri, config.NEO4J_USER, local || shared ? '' : config.NEO4J_PASSWORD);
  try {
    await waitForDatabase(driver, config.NEO4J_DATABASE);
    await migrate(driver, config.NEO4J_DATABASE);
  } catch (err) {
    await driver.close();
    await local?.stop();
    throw err;
  }
  return {
    driver,
    db: createDb(driver, config.NEO4J_DATABASE),
    local,
    async close() {
      await driver.close();
      await local?.stop();
    },
  };
}
