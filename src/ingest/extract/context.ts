import type { Segmented, Sentence } from '../segment.js';

/** Longest evidence quote kept for a fact: the clause that states it, never a whole text. */
export const MAX_QUOTE = 200;

/** What every extractor reads: the simplified text, its sentences, and helpers for quotes. */
export interface ExtractContext {
  /** Simplified article text; offsets equal those of the stored original. */
  text: string;
  seg: Segmented;
  /** The article's one author credit (作者:X), who is the 我 of a first-person story. */
  author?: string;
}


/** The sentence that contains offset `at`. */
export function sentenceAt(ctx: ExtractContext, at: number): Sentence | undefined {
  let found: Sentence | undefined;
  for (const s of ctx.seg.sentences) {
    if (s.start <= at) found = s;
    else break;
  }
  return found;
}

/**
 * A quote for a match: the clause(s) around [start, end), cut at clause punctuation, at most
 * ~80 characters, always inside one sentence.
 */
export function quoteAround(ctx: ExtractContext, start: number, end: number): string {
  const s = sentenceAt(ctx, start);
  if (!s) return ctx.text.slice(start, end);
  const sEnd = s.start + s.text.length;
  let a = start;
  while (a > s.start && !/[,，;；:：。!?！？]/.test(ctx.text[a - 1]!) && start - a < 40) a--;
  let b = end;
  while (b < sEnd && !/[,，;；。!?！？]/.test(ctx.text[b]!) && b - end < 40) b++;
  return ctx.text.slice(a, Math.min(b, a + MAX_QUOTE)).trim();
}

/**
 * The clause(s) that hold [start, end): widened to clause punctuation inside the sentence, at
 * most 60 characters on either side, never longer than MAX_QUOTE.
 */
export function clauseQuote(ctx: ExtractContext, start: number, end: number): string {
  const s = sentenceAt(ctx, start);
  const lo = s ? s.start : 0;
  const hi = s ? s.start + s.text.length : ctx.text.length;
  let a = start;
  while (a > lo && !/[,，;；:：。!?！？\n]/.test(ctx.text[a - 1]!) && start - a < 60) a--;
  let b = Math.min(end, hi);
  while (b < hi && !/[,，;；。!?！？\n]/.test(ctx.text[b]!) && b - end < 60) b++;
  return ctx.text.slice(a, Math.min(b, a + MAX_QUOTE)).trim();
}

/** Every offset where `s` occurs in `text`. */
export function occurrences(text: string, s: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) out.push(i);
  return out;
}
