/**
 * How much DataLoader batching saves on a typical nested query, measured against a baseline
 * in the same run: the same data fetched with one Cypher query per parent node (N+1).
 * Starts its own throw-away Neo4j. Run: npm run bench
 */
import os from 'node:os';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/server.js';
import { benchGraph } from './harness.js';

const ROUNDS = 30;
const graph = await benchGraph();
const { db } = graph;
const app = createApp({ db, config: loadConfig({ NEO4J_URI: graph.uri, RATE_LIMIT_PER_MINUTE: '0' }, { dotenv: false }) });

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
await graph.close();
