import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { assertImportable, runOfflineImport } from '../../db/offline-import.js';
import type { GraphWrite } from '../resolve.js';
import { ImportFileWriter } from './csv.js';
import { GraphFold } from './fold.js';

/**
 * Many articles into a new local store at once: folded in memory (fold.ts), written as the
 * importer's files (csv.ts), imported offline (db/offline-import.ts). The result is the graph
 * write.ts would have written; the store gets its constraints and indexes from the migrations
 * when the engine first starts on it (connect.ts).
 */
export interface OfflineImportOptions {
  dataDir: string;
  heap?: string;
  javaHomes?: Array<string | undefined>;
  /** Articles folded so far (called every few hundred), then each stage of the importer as it starts. */
  onProgress?: (phase: 'fold' | 'import', done: number, stage?: string) => void;
}

export interface OfflineImportSummary {
  articles: number;
  nodes: number;
  relationships: number;
  foldSeconds: number;
  importSeconds: number;
}

export async function importArticles(writes: Iterable<GraphWrite> | AsyncIterable<GraphWrite>, opts: OfflineImportOptions): Promise<OfflineImportSummary> {
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  // Before the work: a directory that cannot take the import is refused at once.
  assertImportable(dataDir);
  const dir = mkdtempSync(path.join(dataDir, '.import-files-'));
  try {
    const started = performance.now();
    const files = new ImportFileWriter(dir);
    const fold = new GraphFold(files.onArticle);
    let n = 0;
    for await (const gw of writes) {
      fold.add(gw);
      if (++n % 250 === 0) opts.onProgress?.('fold', n);
    }
    opts.onProgress?.('fold', n);
    const out = files.finish(fold);
    const foldSeconds = (performance.now() - started) / 1000;
    const { seconds } = await runOfflineImport({
      dataDir,
      files: out.args,
      heap: opts.heap,
      javaHomes: opts.javaHomes,
      onProgress: (stage, index) => opts.onProgress?.('import', index, stage),
    });
    return { articles: n, ...out.counts, foldSeconds, importSeconds: seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
