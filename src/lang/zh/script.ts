import * as OpenCC from 'opencc-js';

/** The Han character range used in patterns, and conversion between scripts (OpenCC). */
export const HAN = '\\u3400-\\u9fff';
export const HAN_RE = /\p{Script=Han}/u;

let toSimplified: ((s: string) => string) | undefined;
export function t2s(s: string): string {
  toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return toSimplified!(s);
}

/** Simplified form with exactly the same length, so offsets found in it hold for the original. */
export function simplifyAligned(text: string): string {
  const whole = t2s(text);
  if (whole.length === text.length) return whole;
  // Phrase conversion changed the length somewhere: fall back to one character at a time.
  return Array.from(text, (ch) => {
    const s = t2s(ch);
    return s.length === ch.length ? s : ch;
  }).join('');
}

const TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';
/** A pinyin gloss: a parenthesis holding only lower-case pinyin, e.g. (bēnyǒng), (de). */
export const PINYIN_GLOSS = new RegExp(`\\((?:[a-z${TONE}]+ ?)+\\)`, 'g');
/** A garbled character: the character and its "(" were lost to "?", leaving e.g. "?jī)". */
export const GARBLED_GLOSS = new RegExp(`\\?(?:[a-z${TONE}]+)\\)`, 'g');
