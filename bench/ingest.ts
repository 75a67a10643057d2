/**
 * Ingestion rate on synthetic articles (src/synthetic/article.ts) into a throw-away Neo4j:
 * the baseline is the one-article path (extraction on the main thread, one transaction per
 * article, as the GraphQL mutation does), measured in the same run as bulk ingestion
 * (extraction in worker threads, batched writes; what `npm run ingest` uses).
 *
 *   npx tsx bench/ingest.ts [bulk articles, default 1500] [baseline articles, default 150]
 */
import os from 'node:os';
import { ingestMany } from '../src/ingest/bulk.js';
import { ingestArticle } from '../src/ingest/pipeline.js';
import { syntheticArticle } from '../src/synthetic/article.js';
import { benchGraph } from './harness.js';

const bulkN = Number(process.argv[2] ?? 1500);
const baseN = Number(process.argv[3] ?? 150);
const g = await benchGraph({ seed: false, heap: '2g', pageCacheMb: 1024 });
try {
  const input = (i: number) => {
    const a = syntheticArticle(i, 42);
    return { text: a.text, url: a.meta.url };
  };
  let t = performance.now();
  for (let i = 0; i < baseN; i++) {
    await ingestArticle(g.db, input(i));
    if (i % 50 === 49) process.stderr.write(`baseline ${i + 1}/${baseN}\n`);
  }
  const baseRate = baseN / ((performance.now() - t) / 1000);
  t = performance.now();
  let done = 0;
  const items = Array.from({ length: bulkN }, (_, k) => ({ source: `synthetic-${baseN + k}`, read: () => input(baseN + k) }));
  const s = await ingestMany(g.db, items, {
    onArticle: () => {
      if (++done % 250 === 0) process.stderr.write(`bulk ${done}/${bulkN}\n`);
    },
  });
  const bulkRate = bulkN / ((performance.now() - t) / 1000);
  console.log(`cores: ${os.availableParallelism()}`);
  console.log(`one article per transaction, main-thread extraction: ${baseRate.toFixed(1)} articles/s (${baseN} articles)`);
  console.log(`bulk (${os.availableParallelism()} workers, batches of 200): ${bulkRate.toFixed(1)} articles/s (${bulkN} articles, ${s.failed.length} failed)`);
  console.log(`ratio bulk/baseline: ${(bulkRate / baseRate).toFixed(2)}x`);
} finally {
  await g.close();
}
