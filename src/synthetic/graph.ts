import type { Db } from '../db/gateway.js';
import { cleanArticle } from '../ingest/clean.js';
import { FactDoc } from '../ingest/facts.js';
import { articleId } from '../ingest/pipeline.js';
import { resolveFacts, type GraphWrite } from '../ingest/resolve.js';
import { writeArticles } from '../ingest/write.js';
import { syntheticArticle } from './article.js';

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
