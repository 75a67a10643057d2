import { createHash } from 'node:crypto';
import { LIMITS } from '../config.js';
import type { Db } from '../db/gateway.js';
import { BadInputError } from '../errors.js';
import { cleanArticle, type CleanedArticle } from './clean.js';
import { extractFacts } from './extract/index.js';
import type { FactDoc } from './facts.js';
import { htmlToArticle, type HtmlArticle } from './html.js';
import { applyCorrections, type Corrections } from './corrections.js';
import { resolveFacts, type GraphWrite } from './resolve.js';
import { writeArticle, type WriteSummary } from './write.js';
import { check, IngestInput } from '../validation.js';

/**
 * The one path into the graph: input → clean → segment/extract → corrections → resolve → write.
 * Everything before `write` is pure; bad input is refused before anything is written.
 */
export interface ArticleInput {
  text?: string | null;
  html?: string | null;
  title?: string | null;
  publisher?: string | null;
  publishedAt?: string | null;
  url?: string | null;
  /** Where it came from (file name), for messages and provenance. */
  source?: string | null;
}

export interface Prepared {
  cleaned: CleanedArticle;
  extracted: FactDoc;
  doc: FactDoc;
  write: GraphWrite;
}

export class IngestInputError extends BadInputError {}

/** Invalid UTF-8 is refused rather than silently turned into replacement characters. */
export function decodeUtf8(bytes: Uint8Array, what = 'input'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IngestInputError(`${what} is not valid UTF-8; save it as UTF-8 (GBK/GB18030 pages must be converted first)`);
  }
}

const HAN = /\p{Script=Han}/u;

function checkInput(input: ArticleInput): { raw: string; html: boolean } {
  check(IngestInput(LIMITS.maxArticleChars), input, IngestInputError);
  const html = typeof input.html === 'string';
  return { raw: (html ? input.html : input.text)!, html };
}

/** Stable id: the URL when known (an edited page keeps its id), else the cleaned text. */
export function articleId(input: ArticleInput, cleaned: CleanedArticle): string {
  const basis = input.url ? `url:${input.url}` : `text:${cleaned.text}`;
  return `article:${createHash('sha256').update(basis).digest('hex').slice(0, 16)}`;
}

export function prepareArticle(input: ArticleInput, opts: { id?: string; corrections?: Corrections } = {}): Prepared {
  const { raw, html } = checkInput(input);
  const page: HtmlArticle = html ? htmlToArticle(raw) : { text: raw };
  const cleaned = cleanArticle(page.text);
  if (!HAN.test(cleaned.text)) throw new IngestInputError('the article contains no Chinese text (after removing page chrome)');
  const meta: FactDoc['article'] = {
    title: input.title ?? page.title ?? cleaned.title,
    publisher: input.publisher ?? page.publisher ?? cleaned.publisher,
    publishedAt: input.publishedAt ?? page.publishedAt ?? cleaned.publishedAt,
    url: input.url ?? page.url,
    source: input.source ?? undefined,
  };
  const extracted = extractFacts(cleaned, meta);
  const doc = opts.corrections ? applyCorrections(extracted, opts.corrections) : extracted;
  const id = opts.id ?? articleId({ ...input, url: meta.url }, cleaned);
  const write = resolveFacts(doc, cleaned, id);
  // Curated facts (seeds) win over extracted ones where articles disagree (claims.ts).
  write.article.props.curated = Boolean(opts.corrections);
  return { cleaned, extracted, doc, write };
}

export async function ingestArticle(db: Db, input: ArticleInput, opts: { id?: string; corrections?: Corrections } = {}): Promise<WriteSummary & { prepared: Prepared }> {
  const prepared = prepareArticle(input, opts);
  const summary = await writeArticle(db, prepared.write);
  return { ...summary, prepared };
}
