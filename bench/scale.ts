/**
 * Does the server stay fast as the graph grows? The issue's questions over HTTP, single
 * connection, p50 and p95 of interleaved repetitions, on the seed graph (5 articles) and on
 * synthetic graphs in our model (src/synthetic/) of 10k and 100k articles, built once with the
 * offline import (src/ingest/offline/, the graph the product's batch writer would write) and
 * kept in $TMPDIR/cadre-graph-scale-<n> for the next run (a kept smaller one grows through the
 * batch writer). The
 * ratio that matters: each question's p50 at size n over its p50 on the seed graph.
 *
 *   npx tsx bench/scale.ts [sizes, default 10000,100000] [repetitions, default 30]
 *
 * Building the 100k graph takes ~3.5 min on 2 cores (~20 min through the batch writer).
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/server.js';
import { removeArticle, writeArticles } from '../src/ingest/write.js';
import { generateGraph, syntheticCount, syntheticWrite } from '../src/synthetic/graph.js';
import { benchGraph, ensureScaleGraph, type BenchGraph } from './harness.js';

const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
const REPS = Number(process.argv[3] ?? 30);

const QUESTIONS: Record<string, string> = {
  a: `{ mentorships(filter: {place: "孝昌县"}, first: 50) { totalCount nodes { mentor { ... on Person { name } ... on Cohort { label } } mentee { ... on Person { name } ... on Cohort { label } } initiative { name } evidence { quote article { title } } } } }`,
  b: `{ initiatives(filter: {place: "湖北省", kind: mentoring}, first: 50) { totalCount nodes { name places { name } } } }`,
  c: `{ search(query: "帮带", first: 10) { score type node { ... on Initiative { name } ... on Article { title } ... on Person { name } ... on Place { name } } } }`,
  d: `query($id: ID!) { node(id: $id) { ... on Place { name parent { name } children { name } initiatives(first: 20) { nodes { name } } articles { title } } } }`,
  e: `{ initiatives(first: 100) { nodes { name places { name } articles { title } } } }`,
  f: `{ articles(filter: {place: "湖北省"}, first: 20) { totalCount nodes { title publishedAt } } }`,
};

async function measure(g: BenchGraph, label: string): Promise<Record<string, { p50: number; p95: number }>> {
  const app = createApp({ db: g.db, config: loadConfig({ NEO4J_URI: g.uri, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'error' }, { dotenv: false }) });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
  const [county] = await g.db.read(`MATCH (p:Place {name: '孝昌县'}) RETURN p.id AS id`);
  const ask = async (q: string) => {
    const t = performance.now();
    const res = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q, variables: { id: county?.id } }) });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`${label}: ${JSON.stringify(body.errors).slice(0, 300)}`);
    return performance.now() - t;
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(QUESTIONS).map((k) => [k, []]));
  for (let rep = -3; rep < REPS; rep++) {
    for (const [k, q] of Object.entries(QUESTIONS)) {
      const ms = await ask(q);
      if (rep >= 0) times[k]!.push(ms);
    }
  }
  await app.close();
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, { p50: pct(xs, 0.5), p95: pct(xs, 0.95) }]));
}

const removals: string[] = [];
const results: Array<{ size: string; nodes: number; rels: number; r: Record<string, { p50: number; p95: number }> }> = [];
const counts = async (g: BenchGraph) => {
  const [n] = await g.db.read('MATCH (n) RETURN count(n) AS n');
  const [r] = await g.db.read('MATCH ()-[r]->() RETURN count(r) AS n');
  return { nodes: Number(n!.n), rels: Number(r!.n) };
};

{
  const g = await benchGraph({ seed: true });
  try {
    results.push({ size: '5 (seeds)', ...(await counts(g)), r: await measure(g, 'seeds') });
  } finally {
    await g.close();
  }
}
for (const n of sizes) {
  const dataDir = path.join(os.tmpdir(), `cadre-graph-scale-${n}`);
  await ensureScaleGraph(dataDir, n);
  const g = await benchGraph({ seed: true, dataDir, heap: '3g', pageCacheMb: 4096 });
  try {
    const have = await syntheticCount(g.db);
    if (have < n) {
      process.stderr.write(`building the ${n}-article graph in ${dataDir} (${have} there)\n`);
      const t = performance.now();
      let last = 0;
      await generateGraph(g.db, {
        articles: n,
        batch: 1000,
        onProgress: (done, total) => {
          if (performance.now() - last > 10_000 || done === total) {
            last = performance.now();
            process.stderr.write(`  ${done}/${total}, ${((done / ((last - t) / 1000)) * 60).toFixed(0)} articles/min\n`);
          }
        },
      });
    }
    results.push({ size: String(n), ...(await counts(g)), r: await measure(g, String(n)) });
    // Removing an article (and every fact only it supported), then writing it back. The first
    // ten only warm the engine (a freshly started JVM plans each statement in ~0.3 s and answers
    // even a trivial one in 5-10 ms for a while); the next twenty are measured.
    const ms: number[] = [];
    for (let i = 0; i < 30; i++) {
      const gw = syntheticWrite(1000 + i * 37);
      const t = performance.now();
      await removeArticle(g.db, gw.article.id);
      if (i >= 10) ms.push(performance.now() - t);
      await writeArticles(g.db, [gw]);
    }
    ms.sort((a, b) => a - b);
    removals.push(`${n} articles: removeArticle p50 ${ms[10]!.toFixed(0)} ms, max ${ms.at(-1)!.toFixed(0)} ms over 20 articles (after 10 to warm the engine)`);
  } finally {
    await g.close();
  }
}

console.log(`cores: ${os.availableParallelism()}; single connection; p50 (p95) in ms over ${REPS} interleaved repetitions`);
console.log(`| question | ${results.map((x) => `${x.size} articles (${x.nodes} nodes, ${x.rels} rels)`).join(' | ')} | ${results.slice(1).map((x) => `p50 ratio ${x.size}/seeds`).join(' | ')} |`);
console.log(`|---|${results.map(() => '---').join('|')}|${results.slice(1).map(() => '---').join('|')}|`);
for (const k of Object.keys(QUESTIONS)) {
  const base = results[0]!.r[k]!.p50;
  console.log(
    `| ${k} | ${results.map((x) => `${x.r[k]!.p50.toFixed(1)} (${x.r[k]!.p95.toFixed(1)})`).join(' | ')} | ${results
      .slice(1)
      .map((x) => `${(x.r[k]!.p50 / base).toFixed(2)}×`)
      .join(' | ')} |`,
  );
}
for (const r of removals) console.log(r);
// Done: the driver's and the engines' handles are closed; do not wait on stray timers.
process.exit(0);
