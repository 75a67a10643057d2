import { Jieba, type TaggedWord } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Stage "segment" (pure): sentences with their offsets, and words with part-of-speech tags
 * from jieba, whose dictionary is extended with this genre's vocabulary.
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

/** Words of the cadre-development genre jieba's default dictionary lacks or splits. */
export const DOMAIN_WORDS = [
  '帮带', '传帮带', '师带徒', '结对', '导师', '帮带导师', '蹲苗', '选调生', '挂职', '驻企', '下沉',
  '年轻干部', '青年干部', '基层干部', '后备干部', '村干部', '特训营', '讲堂', '大讲堂', '一带二',
  '干部素质提升年', '书记工程', '头雁工程', '练兵场', '取经', '研学', '对标',
];

let jieba: Jieba | undefined;
export function tokenizer(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 100000 n`).join('\n')));
  }
  return jieba;
}

export function words(text: string): TaggedWord[] {
  return tokenizer().tag(text, true);
}

const SENTENCE_END = /[。！？!?；;]+[”’"]?|\n+/g;

export function segment(text: string): Segmented {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) sentences.push({ text: body, start: start + lead, paragraph });
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
