import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDb, createDriver, type Db } from '../src/db/gateway.js';
import { freePort, startLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrations.js';
import { loadSeeds } from '../src/ingest/seed.js';

/** A throw-away local Neo4j for a benchmark: migrated, optionally seeded; `close` removes it. */
export interface BenchGraph {
  uri: string;
  driver: Driver;
  db: Db;
  close(): Promise<void>;
}

export async function benchGraph({ seed = true } = {}): Promise<BenchGraph> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cadre-graph-bench-'));
  const neo = await startLocalNeo4j({ port: await freePort(), dataDir });
  const driver = createDriver(neo.uri, 'neo4j', '');
  const db = createDb(driver, 'neo4j');
  await migrate(driver, 'neo4j');
  if (seed) await loadSeeds(db, { onlyIfEmpty: false });
  return {
    uri: neo.uri,
    driver,
    db,
    async close() {
      await driver.close();
      await neo.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
