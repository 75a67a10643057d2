/**
 * How much DataLoader batching saves on a typical nested query, measured against a baseline
 * in the same run: the same data fetched with one Cypher query per parent node (N+1).
 * Starts its own throw-away Neo4j. Run: npm run bench
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { createDb, createDriver } from '../src/db/gateway.js';
import { freePort, startLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrations.js';
import { loadSeeds } from '../src/ingest/seed.js';
import { createApp } from '../src/server.js';

const ROUNDS = 30;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cadre-graph-bench-'));
const neo = await startLocalNeo4j({ port: await freePort(), dataDir });
const driver = createDriver(neo.uri, 'neo4j', '');
const db = createDb(driver, 'neo4j');
await migrate(driver, 'neo4j');
await loadSeeds(db, { onlyIfEmpty: false });
const app = createApp({ db, config: loadConfig({ NEO4J_URI: neo.uri, RATE_LIMIT_PER_MINUTE: '0' }, { dotenv: false }) });

const QUERY = `{ initiatives(first: 100) { nodes { name places { name } parent { name } articles { title } } } }`;
async function batched() {
  const res = await app.yoga.fetch('http://x/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}
async function naive() {
  const list = await db.read('MATCH (n:Initiative) RETURN n.id AS id ORDER BY n.name LIMIT 100');
  await Promise.all(
    list.map(async ({ id }) => {
      await db.read('MATCH (:Initiative {id: $id})-[:IN]->(m:Place) RETURN m.name', { id });
      await db.read('MATCH (:Initiative {id: $id})-[:PART_OF]->(m:Initiative) RETURN m.name', { id });
      await db.read('MATCH (:Initiative {id: $id})<-[:MENTIONS]-(m:Article) RETURN m.title', { id });
    }),
  );
}
async function time(fn: () => Promise<void>) {
  for (let i = 0; i < 5; i++) await fn(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) await fn();
  return (performance.now() - t0) / ROUNDS;
}
const base = await time(naive);
const ours = await time(batched);
console.log(`cores: ${os.cpus().length}; ${ROUNDS} rounds each; seed graph of 5 articles`);
console.log(`baseline N+1 Cypher:   ${base.toFixed(1)} ms/query`);
console.log(`GraphQL with batching: ${ours.toFixed(1)} ms/query`);
console.log(`ratio baseline/batched: ${(base / ours).toFixed(2)}x`);
await app.close();
await driver.close();
await neo.stop();
rmSync(dataDir, { recursive: true, force: true });
