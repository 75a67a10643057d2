/**
 * Articles per second: cleaning alone (the baseline), the pure pipeline (clean → segment →
 * extract → resolve), and ingestion into a throw-away Neo4j (one write transaction each).
 * Corpus: the seeds, our own test articles and, when ../shared is beside the repository, the
 * shared development corpus (real pages). Extraction runs on one thread, so its rate is per core.
 * Run: npm run bench (or `tsx bench/extract.ts --no-db` for extraction only)
 */
import os from 'node:os';
import { evalCorpus } from '../src/eval/corpus.js';
import { cleanArticle } from '../src/ingest/clean.js';
import { htmlToArticle } from '../src/ingest/html.js';
import { ingestArticle, prepareArticle } from '../src/ingest/pipeline.js';
import { benchGraph } from './harness.js';

const all = evalCorpus();
const corpus = all.map((a) => a.input);
const ROUNDS = 20;

function rate(label: string, n: number, ms: number) {
  const perSec = (n / ms) * 1000;
  console.log(`${label.padEnd(34)} ${perSec.toFixed(1).padStart(8)} articles/s  (${n} in ${ms.toFixed(0)} ms)`);
  return perSec;
}
function timeSync(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

// Warm-up: loads the division dataset, jieba's dictionary and OpenCC once.
for (const a of corpus) prepareArticle(a);

const clean = rate('clean only (baseline)', corpus.length * ROUNDS, timeSync(() => {
  for (let r = 0; r < ROUNDS; r++) for (const a of corpus) cleanArticle(a.html ? htmlToArticle(a.html).text : a.text!);
}));
const extract = rate('extraction (pure pipeline)', corpus.length * ROUNDS, timeSync(() => {
  for (let r = 0; r < ROUNDS; r++) for (const a of corpus) prepareArticle(a);
}));

const sets = [...new Set(all.map((a) => a.set))].map((s) => `${all.filter((a) => a.set === s).length} ${s}`).join(', ');
console.log(`\ncores: ${os.cpus().length}; corpus: ${corpus.length} articles (${sets}); extraction is single-threaded: ${extract.toFixed(0)} articles/s per core`);
console.log(`ratio extraction / clean-only: ${(extract / clean).toFixed(3)}  (extraction costs ${(clean / extract).toFixed(1)}x cleaning)`);
if (process.argv.includes('--no-db')) process.exit(0);

const graph = await benchGraph({ seed: false });
const { db } = graph;
const N = 40;
const inputs = Array.from({ length: N }, (_, i) => {
  const a = corpus[i % corpus.length]!;
  const url = `https://bench.example.cn/${i}.html`;
  // A distinct URL per copy makes each a new article (a real write, not "unchanged").
  return { ...a, url };
});
// Warm-up: the JVM and Neo4j's query plans (one per statement template) before timing.
for (const [i, a] of corpus.entries()) await ingestArticle(db, { ...a, url: `https://bench.example.cn/warm-up-${i}.html` });
const t0 = performance.now();
for (const input of inputs) await ingestArticle(db, input);
const ingest = rate('ingestion into Neo4j (1 tx each)', N, performance.now() - t0);

console.log(`ratio ingestion / extraction:  ${(ingest / extract).toFixed(3)}  (the database write costs ${(extract / ingest).toFixed(1)}x extraction)`);
await graph.close();
