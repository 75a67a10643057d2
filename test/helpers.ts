import type { Driver } from 'neo4j-driver';
import { loadConfig, type AppConfig } from '../src/config.js';
import { createDb, createDriver, type Db } from '../src/db/gateway.js';
import { migrate } from '../src/db/migrations.js';
import { loadSeeds } from '../src/ingest/seed.js';
import { createApp, type App } from '../src/server.js';

/** A real Neo4j (the one scripts/run-tests.ts started), wiped and seeded, and the app over it. */
export interface TestGraph {
  driver: Driver;
  db: Db;
  app: App;
  config: AppConfig;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ data: T; errors: any; extensions: any; status: number }>;
  count(cypher: string, params?: Record<string, unknown>): Promise<number>;
  /** One number that changes when any node or relationship is added or removed. */
  snapshot(): Promise<number>;
  close(): Promise<void>;
}

export const TEST_API_KEY = 'test-ingest-key-0123456789';

export function testUri(): string {
  const uri = process.env.TEST_NEO4J_URI;
  if (!uri) throw new Error('TEST_NEO4J_URI is unset: run the tests with `npm test`, which starts a throw-away Neo4j');
  return uri;
}

export async function resetGraph(driver: Driver, db: Db): Promise<void> {
  await driver.executeQuery('MATCH (n) DETACH DELETE n');
  await migrate(driver, 'neo4j');
  await loadSeeds(db, { onlyIfEmpty: false });
}

export async function openTestGraph({ seed = true, env = {} as Record<string, string> } = {}): Promise<TestGraph> {
  const config = loadConfig({ NEO4J_URI: testUri(), LOG_LEVEL: 'warn', INGEST_API_KEY: TEST_API_KEY, RATE_LIMIT_PER_MINUTE: '0', ...env }, { dotenv: false });
  const driver = createDriver(testUri(), 'neo4j', '');
  const db = createDb(driver, 'neo4j');
  if (seed) await resetGraph(driver, db);
  const app = createApp({ db, config });
  const count = async (cypher: string, params: Record<string, unknown> = {}) => {
    const r = await driver.executeQuery(cypher, params);
    return Number(r.records[0]!.get(0));
  };
  return {
    driver,
    db,
    app,
    config,
    async gql(query, variables, headers = {}) {
      const res = await app.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { ...(await res.json()), status: res.status };
    },
    count,
    snapshot: () => count('MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) * 100000 + count(r)'),
    async close() {
      await app.close();
      await driver.close();
    },
  };
}
