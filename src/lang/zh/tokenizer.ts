import { Jieba, type TaggedWord } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { wordList } from './lexicon.js';

/** jieba with its default dictionary plus the genre's words (data/domain-words.txt). */
let jieba: Jieba | undefined;
export function tokenizer(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(wordList('domain-words.txt').map((w) => `${w} 100000 n`).join('\n')));
  }
  return jieba;
}

export function words(text: string): TaggedWord[] {
  return tokenizer().tag(text, true);
}

/** Dictionary words only (no HMM guessing of unknown words). */
export function cut(text: string, hmm = false): string[] {
  return tokenizer().cut(text, hmm);
}
