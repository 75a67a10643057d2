import * as OpenCC from 'opencc-js';

/**
 * Stage 1 of the pipeline (pure): page text → article text.
 * Strips site chrome, pinyin glosses and credits, keeps the original script in `text`
 * and a simplified copy of the same length in `simplified` for matching and extraction.
 */
export interface CleanedArticle {
  /** The article body in its original script: what the graph stores and quotes point into. */
  text: string;
  /** `text` converted to simplified Chinese, character for character (same length). */
  simplified: string;
  title?: string;
  publishedAt?: string;
  publisher?: string;
  script: 'simplified' | 'traditional';
  credits: Array<{ name: string; role: string }>;
}

const TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';
// A gloss is a parenthesis holding only lower-case pinyin, e.g. (bēnyǒng), (de), (jiàoyù).
const PINYIN_GLOSS = new RegExp(`\\((?:[a-z${TONE}]+ ?)+\\)`, 'g');
// A garbled character: the character and its "(" were lost to "?", leaving e.g. "?jī)".
const GARBLED_GLOSS = new RegExp(`\\?(?:[a-z${TONE}]+)\\)`, 'g');

/** Lines that are navigation or metadata, never article text. */
const CHROME_LINE = [
  /^首页(\s+\S{1,4})*\s+正文$/,
  /^\S{0,6}正文\s+\d+\s+\d+$/,
  /^时间[:：]\s*\d{4}-\d{2}-\d{2}/,
  /^编辑[:：]\s*\S+$/,
  // A dateline under the headline: 来源:赣南日报 时间:2023-09-18
  /^(来源|作者|发布时间|时间)[:：].{0,40}(时间|日期)[:：]\s*\d{4}/,
];

/** From the first of these lines on, the page is footer, comments or teasers of other news. */
const TAIL_MARKER = [
  /^上一篇[:：]?/,
  /^下一篇[:：]?/,
  /^责任编辑[:：]/,
  /^来源[:：]/,
  /^版权声明/,
  /^欢迎\s*发表评论/,
  /^评论(一下|列表)/,
  /^主办单位[:：]/,
  /^标签[:：]/,
  /^Copyright/i,
  /^\(?未经许可\s*不得转载\)?$/,
  /^记者[:：]/,
  /ICP备/,
  /^欢迎您?访问/,
];

const CREDIT_ROLES = ['特约记者', '记者', '通讯员', '编辑', '校对', '责编', '审核', '摄影'];
const CREDIT_BLOCK = new RegExp(`[(（]\\s*((?:${CREDIT_ROLES.join('|')})[^()（）]*)[)）]`, 'g');

let toSimplified: ((s: string) => string) | undefined;
function t2s(s: string): string {
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

export function parseCredits(block: string): Array<{ name: string; role: string }> {
  const out: Array<{ name: string; role: string }> = [];
  const re = new RegExp(`(${CREDIT_ROLES.join('|')})\\s*[:：]?\\s*([^\\s丨|:：]+(?:\\s+(?!${CREDIT_ROLES.join('|')})[^\\s丨|:：]+)*)`, 'g');
  for (const m of block.matchAll(re)) {
    for (const name of m[2]!.split(/\s+/)) if (name) out.push({ role: m[1]!, name });
  }
  return out;
}

export function cleanArticle(raw: string): CleanedArticle {
  let s = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
  s = s.replace(/[\u00A0\u3000]/g, ' ');
  s = s.replace(PINYIN_GLOSS, '').replace(GARBLED_GLOSS, '?');

  const lines = s.split('\n').map((l) => l.trim());
  const kept: string[] = [];
  const seen = new Set<string>();
  const credits: Array<{ name: string; role: string }> = [];
  let publishedAt: string | undefined;
  let publisher: string | undefined;

  for (const line of lines) {
    const date = /(?:^|\s)(?:时间|日期)[:：]\s*(\d{4}-\d{2}-\d{2})/.exec(line);
    if (date) publishedAt ??= date[1];
    const source = /^来源[:：]\s*(\S+)/.exec(line);
    if (source) publisher ??= source[1]!.trim();
  }
  for (const line of lines) {
    // Markers are matched in simplified form so that traditional footers (主辦單位) match too.
    // Footers follow a body: a marker before any real text is a dateline, not the end.
    if (kept.join('').length > 150 && TAIL_MARKER.some((re) => re.test(t2s(line)))) {
      // Bylines in the footer are credits of the article, not actors in it.
      for (const l of lines.slice(lines.indexOf(line))) {
        if (/^(记者|编辑|责编)[:：]/.test(l)) credits.push(...parseCredits(l.replace(/丨/g, ' ')));
      }
      break;
    }
    if (!line || CHROME_LINE.some((re) => re.test(line))) continue;
    // Pages repeat their headline; keep the first copy.
    if (line.length < 120 && seen.has(line)) continue;
    seen.add(line);
    kept.push(line);
  }

  let text = kept.join('\n');
  text = text.replace(CREDIT_BLOCK, (_m, block: string) => {
    credits.push(...parseCredits(block));
    return '';
  });
  // An app's self-promotion glued to the last paragraph ("湖北日报客户端,关注湖北及天下大事…").
  const promo = /\s*(\S{2,12}客户端)[,，]关注[^\n]*$/m.exec(text);
  if (promo) {
    publisher ??= promo[1];
    text = text.slice(0, promo.index) + text.slice(promo.index + promo[0].length);
  }
  text = text.replace(/[ \t]+\n/g, '\n').trim();

  const first = kept[0];
  const title = first && first.length <= 80 && !/[。！？]$/.test(first) ? first : undefined;
  const simplified = simplifyAligned(text);
  let differing = 0;
  for (let i = 0; i < text.length; i++) if (text[i] !== simplified[i]) differing++;
  return {
    text,
    simplified,
    title,
    publishedAt,
    publisher,
    script: differing > Math.max(3, text.length / 200) ? 'traditional' : 'simplified',
    credits,
  };
}

/**
 * Where a quote (simplified or original script) stands in the article.
 * Returns the span and the quote as the stored text has it, or undefined.
 */
export function locateQuote(
  article: Pick<CleanedArticle, 'text' | 'simplified'>,
  quote: string,
): { start: number; end: number; quote: string } | undefined {
  let start = article.text.indexOf(quote);
  if (start < 0) start = article.simplified.indexOf(simplifyAligned(quote));
  if (start < 0) return undefined;
  const end = start + quote.length;
  return { start, end, quote: article.text.slice(start, end) };
}
