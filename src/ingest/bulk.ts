import os from 'node:os';
import { LIMITS } from '../config.js';
import type { Db } from '../db/gateway.js';
import type { ArticleInput, Prepared } from './pipeline.js';
import { ArticlePreparer } from './worker/pool.js';
import { writeArticles } from './write.js';

/**
 * Many articles at corpus speed: extraction in a pool of worker threads (one per core),
 * writes batched across articles (write.ts `writeArticles`), the next batch extracted while
 * the last one is written. A bad article — unreadable, unextractable, or refused by the
 * database — fails alone; the rest commit. Idempotent like single ingestion.
 */
export interface BulkOptions {
  workers?: number;
  /** Articles per write transaction. */
  batch?: number;
  /** Called once per article when its outcome is known. */
  onArticle?: (source: string, outcome: 'created' | 'updated' | 'unchanged' | 'failed') => void;
}

export interface BulkSummary {
  created: number;
  updated: number;
  unchanged: number;
  failed: Array<{ source: string; message: string }>;
  nodesCreated: number;
  relationshipsCreated: number;
  seconds: number;
  /** Articles per second, failures included (each was read and judged). */
  rate: number;
}

export interface BulkItem {
  source: string;
  /** Reading happens when the article's turn comes, so a large corpus is not held in memory. */
  read(): ArticleInput;
}

export async function ingestMany(db: Db, items: BulkItem[], opts: BulkOptions = {}): Promise<BulkSummary> {
  const started = performance.now();
  const workers = Math.max(1, opts.workers ?? os.availableParallelism());
  const batchSize = Math.max(1, opts.batch ?? 200);
  const preparers = Array.from({ length: workers }, () => new ArticlePreparer(LIMITS));
  const s: BulkSummary = { created: 0, updated: 0, unchanged: 0, failed: [], nodesCreated: 0, relationshipsCreated: 0, seconds: 0, rate: 0 };
  const fail = (source: string, err: unknown) => {
    s.failed.push({ source, message: (err as Error).message });
    opts.onArticle?.(source, 'failed');
  };

  // Each worker takes a few articles ahead of the writer; results are consumed in input order.
  const window = workers * 4;
  const inFlight: Array<{ source: string; done: Promise<Prepared | Error> }> = [];
  let next = 0;
  const refill = () => {
    while (inFlight.length < window && next < items.length) {
      const item = items[next]!;
      const preparer = preparers[next % workers]!;
      next++;
      let done: Promise<Prepared | Error>;
      try {
        done = preparer.prepare({ ...item.read(), source: item.source }).catch((e: Error) => e);
      } catch (e) {
        done = Promise.resolve(e as Error);
      }
      inFlight.push({ source: item.source, done });
    }
  };

  let pending: Array<{ source: string; prepared: Prepared }> = [];
  let writing: Promise<void> = Promise.resolve();
  const flush = (batch: Array<{ source: string; prepared: Prepared }>) => {
    const sourceOf = new Map(batch.map((b) => [b.prepared.write.article.id, b.source]));
    writing = writing.then(async () => {
      try {
        const r = await writeArticles(db, batch.map((b) => b.prepared.write));
        s.nodesCreated += r.totals.nodesCreated;
        s.relationshipsCreated += r.totals.relationshipsCreated;
        for (const w of r.written) {
          s[w.status]++;
          opts.onArticle?.(sourceOf.get(w.articleId) ?? w.articleId, w.status);
        }
        for (const f of r.failed) fail(sourceOf.get(f.articleId) ?? f.articleId, f.error);
        // The same article twice in one batch (two files, one URL): the last one is written.
        for (const b of batch) {
          const last = sourceOf.get(b.prepared.write.article.id);
          if (last !== b.source) fail(b.source, new Error(`the same article as ${last}, which was written in its place`));
        }
      } catch (err) {
        for (const b of batch) fail(b.source, err);
      }
    });
  };

  try {
    refill();
    while (inFlight.length > 0) {
      const head = inFlight.shift()!;
      refill();
      const result = await head.done;
      if (result instanceof Error) fail(head.source, result);
      else pending.push({ source: head.source, prepared: result });
      if (pending.length >= batchSize) {
        // At most one batch waits for the writer: extraction runs ahead by one batch, no more.
        await writing;
        flush(pending);
        pending = [];
      }
    }
    if (pending.length > 0) flush(pending);
    await writing;
  } finally {
    await Promise.all(preparers.map((p) => p.close()));
  }
  s.seconds = (performance.now() - started) / 1000;
  s.rate = items.length / Math.max(s.seconds, 1e-9);
  return s;
}
