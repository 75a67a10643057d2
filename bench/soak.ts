/**
 * A bounded soak (loopback, ≤ 60 s): an ordinary client's latency alone (the baseline) and
 * while hostile clients run the attacks of the hardening report, errors by kind, and the
 * server's RSS growth. Not a test: it prints numbers. Run: npx tsx bench/soak.ts [seconds]
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/server.js';
import { benchGraph } from './harness.js';

const SECONDS = Math.min(60, Number(process.argv[2] ?? 40));
const HOSTILE = 8;
const KEY = 'soak-test-key-0123456789';
const fixture = (n: string) => readFileSync(new URL(`../test/fixtures/hostile/${n}`, import.meta.url), 'utf8');

const graph = await benchGraph();
// The per-address limit would stop the hostile clients early (they share 127.0.0.1): off, to
// measure the other defences.
const app = createApp({ db: graph.db, config: loadConfig({ NEO4J_URI: graph.uri, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'error', INGEST_API_KEY: KEY }, { dotenv: false }) });
await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const ORDINARY = { query: fixture('ordinary-mentorships.graphql'), variables: { n: 100 } };
let huge = '';
while (huge.length < 300_000) huge += '孝昌县推出雁雏共翔计划首批三十八名县领导担任帮带导师结对七十四名年轻尖兵';
const ATTACKS: Array<[string, () => Promise<Response>]> = [
  ['amplification', () => gql({ query: fixture('amplification.graphql'), variables: { n: 100 } })],
  ['deep', () => gql({ query: `{ places { nodes { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } }` })],
  ['injection', () => gql({ query: 'query($s: String!) { search(query: $s) { type } }', variables: { s: "' OR 1=1 // AND NOT *:*" } })],
  ['form-post', () => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' })],
  ['bad-key', () => gql({ query: 'mutation { removeArticle(id: "article:0123456789abcdef") { removed } }' }, { authorization: 'Bearer not-the-key-0123456789' })],
  ['nested-html', () => gql({ query: 'mutation($i: IngestArticleInput!) { ingestArticle(input: $i) { status } }', variables: { i: { html: '<div>'.repeat(12000) } } }, { authorization: `Bearer ${KEY}` })],
  ['huge-article', () => gql({ query: 'mutation($i: IngestArticleInput!) { ingestArticle(input: $i) { status } }', variables: { i: { text: huge } } }, { authorization: `Bearer ${KEY}` })],
];

function gql(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

async function victim(ms: number): Promise<number[]> {
  const lat: number[] = [];
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const t = performance.now();
    const res = await gql(ORDINARY);
    const body = await res.json();
    if (body.errors) throw new Error(`the ordinary query failed: ${JSON.stringify(body.errors)}`);
    lat.push(performance.now() - t);
  }
  return lat.sort((a, b) => a - b);
}
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

const rss0 = process.memoryUsage().rss;
const alone = await victim(Math.min(10_000, (SECONDS * 1000) / 4));
const counts = new Map<string, number>();
const unexpected: string[] = [];
let stop = false;
const hostile = Array.from({ length: HOSTILE }, async (_, i) => {
  let k = i;
  while (!stop) {
    const [name, attack] = ATTACKS[k++ % ATTACKS.length]!;
    const res = await attack();
    const text = await res.text();
    const key = `${name} → ${res.status} ${/"code":"(\w+)"/.exec(text)?.[1] ?? ''}`.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (res.status >= 500 && res.status !== 503) unexpected.push(`${name}: ${text.slice(0, 200)}`);
  }
});
const attacked = await victim(SECONDS * 1000 - Math.min(10_000, (SECONDS * 1000) / 4));
stop = true;
await Promise.all(hostile);
const rss1 = process.memoryUsage().rss;

console.log(`cores: ${os.cpus().length}; ${SECONDS} s; ${HOSTILE} hostile connections; server, worker and client in one process`);
console.log(`ordinary query alone:       n=${alone.length} p50 ${pct(alone, 0.5).toFixed(0)} ms  p99 ${pct(alone, 0.99).toFixed(0)} ms`);
console.log(`ordinary query under attack: n=${attacked.length} p50 ${pct(attacked, 0.5).toFixed(0)} ms  p99 ${pct(attacked, 0.99).toFixed(0)} ms`);
console.log(`ratio under attack / alone: p50 ${(pct(attacked, 0.5) / pct(alone, 0.5)).toFixed(2)}x  p99 ${(pct(attacked, 0.99) / pct(alone, 0.99)).toFixed(2)}x`);
console.log('hostile requests by answer:');
for (const [k, v] of [...counts].sort()) console.log(`  ${k}: ${v}`);
console.log(`unexpected server errors: ${unexpected.length}${unexpected.length ? `\n  ${unexpected.slice(0, 5).join('\n  ')}` : ''}`);
console.log(`RSS: ${(rss0 / 2 ** 20).toFixed(0)} MB → ${(rss1 / 2 ** 20).toFixed(0)} MB (+${((rss1 - rss0) / 2 ** 20).toFixed(0)} MB)`);

await new Promise((r) => app.server.close(r));
await app.close();
await graph.close();
