import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FactDoc } from '../ingest/facts.js';
import type { ArticleInput } from '../ingest/pipeline.js';
import { readSeeds } from '../ingest/seed.js';

/** Articles with curated facts: the five seeds and our own test articles of the genre. */
export interface EvalArticle {
  name: string;
  corpus: 'seeds' | 'own';
  input: ArticleInput;
  curated: FactDoc;
}

export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/articles');

export function evalCorpus(): EvalArticle[] {
  const seeds: EvalArticle[] = readSeeds().map((s) => ({ name: s.file, corpus: 'seeds', input: { text: s.raw, source: s.file }, curated: s.doc }));
  const own: EvalArticle[] = readdirSync(FIXTURES_DIR)
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort()
    .map((f) => {
      const raw = readFileSync(path.join(FIXTURES_DIR, f), 'utf8');
      const curated = FactDoc.parse(JSON.parse(readFileSync(path.join(FIXTURES_DIR, f.replace(/\.(txt|html)$/, '.facts.json')), 'utf8')));
      return { name: f, corpus: 'own', input: f.endsWith('.html') ? { html: raw, source: f } : { text: raw, source: f }, curated };
    });
  return [...seeds, ...own];
}
