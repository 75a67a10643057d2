import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDb, createDriver, type Db } from '../src/db/gateway.js';
import { freePort, startLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrations.js';
import { importArticles } from '../src/ingest/offline/import.js';
import { loadSeeds, resolveSeeds } from '../src/ingest/seed.js';
import { syntheticWritesParallel } from '../src/synthetic/graph.js';

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

/**
 * A kept scale graph (the seeds, then n synthetic articles) built once with the offline import
 * when its store does not exist yet (~30k articles/min here, against ~5k through Cypher).
 */
export async function ensureScaleGraph(dataDir: string, n: number): Promise<void> {
  if (existsSync(path.join(dataDir, 'data/databases/neo4j'))) return;
  process.stderr.write(`building the ${n}-article graph in ${dataDir} with the offline import\n`);
  const started = performance.now();
  async function* writes() {
    yield* resolveSeeds();
    yield* syntheticWritesParallel(n);
  }
  let last = 0;
  const r = await importArticles(writes(), {
    dataDir,
    heap: '3g',
    onProgress: (phase, done, stage) => {
      if (performance.now() - last < 10_000) return;
      last = performance.now();
      process.stderr.write(`  ${phase === 'fold' ? `${done} articles resolved` : `import stage ${done}: ${stage}`}\n`);
    },
  });
  process.stderr.write(`  ${r.nodes} nodes, ${r.relationships} relationships in ${((performance.now() - started) / 1000).toFixed(0)} s (indexes follow at the first start)\n`);
}
