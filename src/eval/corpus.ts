import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FactDoc } from '../ingest/facts.js';
import type { ArticleInput } from '../ingest/pipeline.js';
import { readSeeds } from '../ingest/seed.js';

/**
 * Articles with known facts, in sets: the five seeds and our own test articles (curated fact
 * documents in the repo), and every batch of the shared development corpus under
 * ../shared/corpus/dev/<batch>/ (real pages with hand-annotated gold; read from there, never
 * copied into the repository).
 */
export interface EvalArticle {
  name: string;
  set: string;
  input: ArticleInput;
  /** A gold file in the scorer's format, or a curated fact document to convert to one. */
  goldFile?: string;
  curated?: FactDoc;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES_DIR = path.join(ROOT, 'test/fixtures/articles');
/** Where the shared materials live (CI has ../shared beside the repository). */
export const SHARED_DIR = process.env.SHARED_DIR ?? path.resolve(ROOT, '../shared');
export const DEV_CORPUS_DIR = path.join(SHARED_DIR, 'corpus/dev');
export const SCORER = process.env.SCORER ?? path.join(SHARED_DIR, 'eval/score.mjs');

export function curatedSets(): EvalArticle[] {
  const seeds: EvalArticle[] = readSeeds().map((s) => ({ name: s.file, set: 'seeds', input: { text: s.raw, source: s.file }, curated: s.doc }));
  const own: EvalArticle[] = readdirSync(FIXTURES_DIR)
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort()
    .map((f) => {
      const raw = readFileSync(path.join(FIXTURES_DIR, f), 'utf8');
      const curated = FactDoc.parse(JSON.parse(readFileSync(path.join(FIXTURES_DIR, f.replace(/\.(txt|html)$/, '.facts.json')), 'utf8')));
      return { name: f, set: 'own', input: f.endsWith('.html') ? { html: raw, source: f } : { text: raw, source: f }, curated };
    });
  return [...seeds, ...own];
}

/** The batches of the shared development corpus, or [] when ../shared is not there. */
export function devBatches(): string[] {
  if (!existsSync(DEV_CORPUS_DIR)) return [];
  return readdirSync(DEV_CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function devSet(batch: string): EvalArticle[] {
  const dir = path.join(DEV_CORPUS_DIR, batch);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && existsSync(path.join(dir, f.replace(/\.txt$/, '.json'))))
    .sort()
    .map((f) => ({ name: f, set: `dev/${batch}`, input: { text: readFileSync(path.join(dir, f), 'utf8'), source: f }, goldFile: path.join(dir, f.replace(/\.txt$/, '.json')) }));
}

/** Every set: seeds, own, then each dev batch present. */
export function evalCorpus(): EvalArticle[] {
  return [...curatedSets(), ...devBatches().flatMap(devSet)];
}
