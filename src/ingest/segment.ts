
/**
 * Stage "segment" (pure): sentences with their offsets; words and part-of-speech tags come
 * from the language room (lang/zh/tokenizer.ts: jieba with the genre's vocabulary).
 */
export interface Sentence {
  text: string;
  start: number;
  /** Index of the paragraph (line) the sentence belongs to. */
  paragraph: number;
}
export interface Segmented {
  sentences: Sentence[];
}

export { tokenizer, words } from '../lang/zh/tokenizer.js';

/** Longest sentence the extractors see. */
export const MAX_SENTENCE = 400;

const SENTENCE_END = /[。！？!?；;]+[”’"]?|\n+/g;

export function segment(text: string): Segmented {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (end: number) => {
    // Text without sentence punctuation is cut into pieces of at most MAX_SENTENCE characters
    // (at a comma where there is one), so no rule ever runs over a whole unpunctuated page.
    for (let a = start; a < end; ) {
      let b = Math.min(end, a + MAX_SENTENCE);
      if (b < end) {
        const comma = Math.max(text.lastIndexOf('，', b), text.lastIndexOf(',', b));
        if (comma > a + MAX_SENTENCE / 2) b = comma + 1;
      }
      const raw = text.slice(a, b);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      if (body) sentences.push({ text: body, start: a + lead, paragraph });
      a = b;
    }
  };
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index! + m[0].length;
    push(m[0].includes('\n') ? m.index! : end);
    if (m[0].includes('\n')) paragraph++;
    start = end;
  }
  push(text.length);
  return { sentences };
}
