import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/gateway.js';
import { cleanArticle } from '../ingest/clean.js';
import { FactDoc } from '../ingest/facts.js';
import { articleId } from '../ingest/pipeline.js';
import { resolveFacts, type GraphWrite } from '../ingest/resolve.js';
import { writeArticles } from '../ingest/write.js';
import { syntheticArticle } from './article.js';
import type { ChunkJob } from './worker.js';

/**
 * A scale fixture in our exact model: synthetic articles resolved by the product's own
 * resolve stage (ids, gazetteer hierarchy, located quotes) and written by its batch writer,
 * skipping only extraction (their facts are known). Article i of a seed is always the same,
 * so a graph grows from 10k to 100k articles by writing articles 10,000 to 99,999.
 */
export function syntheticWrite(i: number, seed = 1): GraphWrite {
  const a = syntheticArticle(i, seed);
  const cleaned = cleanArticle(a.text);
  const gw = resolveFacts(FactDoc.parse({ ...a.facts, article: a.meta }), cleaned, articleId({ url: a.meta.url }, cleaned));
  gw.article.props.curated = false;
  return gw;
}

export const SYNTHETIC_URL_PREFIX = 'https://synthetic.example/';

/** How many synthetic articles of a seed the graph holds (their indices run 0..n-1). */
export async function syntheticCount(db: Db, seed = 1): Promise<number> {
  const [row] = await db.read('MATCH (a:Article) WHERE a.url STARTS WITH $prefix RETURN count(a) AS n', { prefix: `${SYNTHETIC_URL_PREFIX}${seed}/` });
  return Number(row?.n ?? 0);
}

export interface GenerateOptions {
  /** Total synthetic articles the graph should hold when done. */
  articles: number;
  seed?: number;
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Writes articles [already present, articles) in batches; returns how many it wrote. */
export async function generateGraph(db: Db, opts: GenerateOptions): Promise<{ written: number; from: number; failed: number }> {
  const seed = opts.seed ?? 1;
  const batch = opts.batch ?? 500;
  const from = await syntheticCount(db, seed);
  let failed = 0;
  // The next batch is built while the last one is being written.
  let writing: Promise<void> = Promise.resolve();
  for (let i = from; i < opts.articles; i += batch) {
    const end = Math.min(opts.articles, i + batch);
    const writes = Array.from({ length: end - i }, (_, k) => syntheticWrite(i + k, seed));
    await writing;
    writing = writeArticles(db, writes).then((r) => {
      failed += r.failed.length;
      opts.onProgress?.(end - from, opts.articles - from);
    });
  }
  await writing;
  return { written: Math.max(0, opts.articles - from) - failed, from, failed };
}

/**
 * Synthetic articles [from, to) of a seed (syntheticWrite), resolved by `workers` threads (one
 * per core by default) in chunks and yielded in order: resolving is most of the cost of an
 * offline import.
 */
export async function* syntheticWritesParallel(to: number, seed = 1, from = 0, workers = os.availableParallelism()): AsyncGenerator<GraphWrite> {
  const CHUNK = 250;
  const ts = import.meta.url.endsWith('.ts');
  const pool = Array.from(
    { length: Math.max(1, Math.min(workers, Math.ceil((to - from) / CHUNK))) },
    () => new Worker(new URL('../ingest/worker/entry.mjs', import.meta.url), { workerData: { entry: new URL(ts ? './worker.ts' : './worker.js', import.meta.url).href } }),
  );
  // Each worker answers its chunks in the order it got them; chunk k goes to worker k mod n.
  const replies = pool.map((w) => {
    const waiting: Array<{ resolve(v: GraphWrite[]): void; reject(e: Error): void }> = [];
    w.on('message', (writes: GraphWrite[]) => waiting.shift()?.resolve(writes));
    w.on('error', (err) => waiting.splice(0).forEach((p) => p.reject(err)));
    return (job: ChunkJob) =>
      new Promise<GraphWrite[]>((resolve, reject) => {
        waiting.push({ resolve, reject });
        w.postMessage(job);
      });
  });
  const inFlight: Array<Promise<GraphWrite[]>> = [];
  let next = from;
  let k = 0;
  const refill = () => {
    // Two chunks ahead per worker: enough to keep them busy, not a corpus in memory.
    while (inFlight.length < pool.length * 2 && next < to) {
      const end = Math.min(to, next + CHUNK);
      inFlight.push(replies[k++ % pool.length]!({ from: next, to: end, seed }));
      next = end;
    }
  };
  try {
    refill();
    while (inFlight.length > 0) {
      const writes = await inFlight.shift()!;
      refill();
      yield* writes;
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
