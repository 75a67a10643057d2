import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDb, createDriver, type Db } from '../src/db/gateway.js';
import { freePort, startLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrations.js';
import { loadSeeds } from '../src/ingest/seed.js';

/** A local Neo4j for a benchmark: migrated, optionally seeded; `close` removes a throw-away one. */
export interface BenchGraph {
  uri: string;
  driver: Driver;
  db: Db;
  close(): Promise<void>;
}

export interface BenchGraphOptions {
  seed?: boolean;
  /** A store to keep and reuse between runs (large synthetic graphs are built once). */
  dataDir?: string;
  heap?: string;
  pageCacheMb?: number;
}

export async function benchGraph({ seed = true, dataDir, heap, pageCacheMb }: BenchGraphOptions = {}): Promise<BenchGraph> {
  const keep = dataDir !== undefined;
  const dir = dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'cadre-graph-bench-'));
  const neo = await startLocalNeo4j({ port: await freePort(), dataDir: dir, heap, pageCacheMb });
  const driver = createDriver(neo.uri, 'neo4j', '');
  const db = createDb(driver, 'neo4j');
  await migrate(driver, 'neo4j');
  // A kept store already holding articles is not seeded again.
  if (seed) await loadSeeds(db, { onlyIfEmpty: true });
  return {
    uri: neo.uri,
    driver,
    db,
    async close() {
      await driver.close();
      await neo.stop();
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}
