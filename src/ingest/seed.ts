import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/gateway.js';
import { DataError } from '../errors.js';
import { logger } from '../logger.js';
import { FactDoc } from './facts.js';
import { prepareArticle, type Prepared } from './pipeline.js';
import type { GraphWrite } from './resolve.js';
import { writeArticle, type WriteSummary } from './write.js';

/**
 * The seed graph: each seeds/NNN_<hash>.txt with its curated seeds/NNN_<hash>.facts.json.
 * The curated facts are corrections layered over what extraction finds in the text.
 */
export const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seeds');

export interface SeedArticle {
  file: string;
  articleId: string;
  raw: string;
  doc: FactDoc;
}

export function readSeeds(dir = SEEDS_DIR): SeedArticle[] {
  const files = readdirSync(dir).filter((f) => /^\d+_[0-9a-f]+\.txt$/.test(f)).sort();
  return files.map((file) => {
    const factsFile = path.join(dir, file.replace(/\.txt$/, '.facts.json'));
    if (!existsSync(factsFile)) throw new DataError(`seed ${file} has no curated facts file ${path.basename(factsFile)}`);
    const parsed = FactDoc.safeParse(JSON.parse(readFileSync(factsFile, 'utf8')));
    if (!parsed.success) {
      const msg = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new DataError(`${path.basename(factsFile)} is not a valid fact document: ${msg}`);
    }
    const hashPart = /_([0-9a-f]+)\.txt$/.exec(file)![1]!;
    return { file, articleId: `article:${hashPart}`, raw: readFileSync(path.join(dir, file), 'utf8'), doc: parsed.data };
  });
}

/**
 * Pure: every seed through the same pipeline as any article — extraction, then the curated
 * facts layered on top as corrections — resolved to what would be written.
 */
export function prepareSeeds(seeds = readSeeds()): Prepared[] {
  return seeds.map((s) => prepareArticle({ text: s.raw, source: s.file }, { id: s.articleId, corrections: s.doc }));
}

export function resolveSeeds(seeds = readSeeds()): GraphWrite[] {
  return prepareSeeds(seeds).map((p) => p.write);
}

export async function loadSeeds(db: Db, { onlyIfEmpty = true } = {}): Promise<WriteSummary[]> {
  if (onlyIfEmpty) {
    const [row] = await db.read('MATCH (a:Article) RETURN count(a) AS n');
    if ((row?.n ?? 0) > 0) {
      logger.info({ articles: row!.n }, 'graph already holds articles; seeds not loaded');
      return [];
    }
  }
  const writes = resolveSeeds();
  const out: WriteSummary[] = [];
  for (const [i, gw] of writes.entries()) {
    const s = await writeArticle(db, gw);
    logger.info({ progress: `${i + 1}/${writes.length}`, articleId: s.articleId, status: s.status, nodesCreated: s.nodesCreated }, 'seed article written');
    out.push(s);
  }
  return out;
}
