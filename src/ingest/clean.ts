import { GARBLED_GLOSS, PINYIN_GLOSS, simplifyAligned } from '../lang/zh/script.js';
import { bylineLine, creditsIn, opensWithByline, findDate, findPublisher, findTitle, isBody, isChrome, isTail, trailingByline, type Credit } from './metadata.js';

export { simplifyAligned } from '../lang/zh/script.js';

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
  credits: Credit[];
}

/**
 * Quotation marks as the extractors expect them, character for character: 「」 and 『』 (Hong Kong
 * and Taiwan pages) become “” and ‘’, and straight "…" pairs within a line become “…”.
 */
export function normalizeQuotes(s: string): string {
  const curly = s.replace(/「/g, '“').replace(/」/g, '”').replace(/『/g, '‘').replace(/』/g, '’');
  return curly
    .split('\n')
    .map((line) => {
      let open = true;
      return (line.match(/"/g) ?? []).length % 2 === 0 ? line.replace(/"/g, () => ((open = !open) ? '”' : '“')) : line;
    })
    .join('\n');
}

export function cleanArticle(raw: string): CleanedArticle {
  let s = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
  s = s.replace(/[\u00A0\u3000]/g, ' ');
  s = s.replace(PINYIN_GLOSS, '').replace(GARBLED_GLOSS, '?');

  const lines = s.split('\n').map((l) => l.trim());
  const simple = lines.map((l) => simplifyAligned(l));
  const credits: Credit[] = [];
  const addCredits = (cs: Credit[]) => {
    for (const c of cs) if (!credits.some((x) => x.name === c.name)) credits.push(c);
  };
  const publishedAt = findDate(simple);
  const publisher = findPublisher(simple);
  const title = findTitle(lines.map((text, i) => ({ text, simple: simple[i]! })));

  const kept: string[] = [];
  const seen = new Set<string>();
  let bodyStarted = false;
  let bodyChars = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const simp = simple[i]!;
    if (!line) continue;
    // Footers follow a body: a marker before any real text is a dateline, not the end.
    // (A short brief's body may be under 150 characters: a paragraph of body is enough then.)
    if ((kept.join('').length > 150 || bodyChars >= 40) && isTail(simp)) {
      // Bylines in the footer are credits of the article, not actors in it.
      for (const l of lines.slice(i).filter(Boolean).slice(0, 12)) if (opensWithByline(simplifyAligned(l))) addCredits(creditsIn(l));
      break;
    }
    if (!bodyStarted && isBody(simp)) bodyStarted = true;
    if (bodyStarted && /[。！？!?]/.test(simp)) bodyChars += line.length;
    if (!bodyStarted) {
      // Header lines: bylines and credit lines are metadata, not text.
      const author = bylineLine(line);
      if (author && line !== title) {
        addCredits([{ name: author, role: 'author' }]);
        continue;
      }
      const cs = creditsIn(line);
      if (cs.length > 0 && line.length < 80 && !/[。！？]/.test(simp)) {
        addCredits(cs);
        continue;
      }
    }
    // A byline on a line of its own anywhere (记者 张伟 通讯员 李华 报道 closing the body).
    if (bodyStarted && line.length < 60 && !/[。！？!?]/.test(simp) && opensWithByline(simp)) {
      const cs = creditsIn(line);
      if (cs.length > 0) {
        addCredits(cs);
        continue;
      }
    }
    if (isChrome(simp)) {
      addCredits(creditsIn(line));
      continue;
    }
    // Pages repeat their headline; keep the first copy.
    if (line.length < 120 && seen.has(line)) continue;
    seen.add(line);
    // The headline line without the site's name after it (…助年轻干部成长_某县新闻网): that name
    // is chrome, and places in it are no facts of the article.
    kept.push(title && line !== title && line.startsWith(title) && /^\s*[-_|]/.test(line.slice(title.length)) ? title : line);
  }

  let text = kept.join('\n');
  // (记者郎哲敏 骆炳浩), (通讯员钱文汇 南吟): bylines inside the text.
  // A block is a byline when it opens with a byline role and names someone.
  const bylineOf = (block: string) => {
    const cs = creditsIn(block);
    return cs.length > 0 && opensWithByline(simplifyAligned(block.trim())) ? cs : undefined;
  };
  text = text.replace(/[(（]\s*([^()（）\n]{2,40})\s*[)）]/g, (m, block: string) => {
    const cs = bylineOf(block);
    if (!cs) return m;
    addCredits(cs);
    return '';
  });
  // 记者黄昊 实习生刘雨欣报道：近日… — a closing 报道： ends the byline, glued to its last name.
  // Only lines holding 报道： are tried: the nested quantifiers cost milliseconds on every
  // long paragraph otherwise (the most expensive step of cleaning).
  text = text.replace(/^.*(?:报道|報道)[:：].*$/gm, (line) =>
    line.replace(/^(\S{0,12}[讯訊][ \t\u3000]*)?((?:\S{1,5}[ \t\u3000]?[\u3400-\u9fff]{2,3}[ \t\u3000]*){1,4}?)(?:报道|報道)[:：]/u, (m, lead: string | undefined, block: string) => {
      const cs = bylineOf(block);
      if (!cs) return m;
      addCredits(cs);
      return lead ? `${lead.trimEnd()} ` : '';
    }),
  );
  // 本报讯 记者陈明 通讯员林华 今年以来…: an unbracketed byline after the dateline, each name
  // closed by a space (a glued one cannot be told from the first words of the text).
  // (Greedy role words: a lazy one would read 实习生 as 实 + the name 习生.) 记者 X 报道：closes it.
  text = text.replace(/^(\S{0,12}[讯訊])[ \t\u3000]+((?:\S{1,5}[ \t\u3000]?[\u3400-\u9fff]{2,3}[ \t\u3000]+){1,4})(?:(?:报道|報道)[:：]?)?/gmu, (m, lead: string, block: string) => {
    const cs = bylineOf(block);
    if (!cs) return m;
    addCredits(cs);
    return `${lead} `;
  });
  // A bare (宋康) closing a paragraph: the writer of a brief.
  text = text
    .split('\n')
    .map((para) => {
      const b = trailingByline(para);
      if (!b) return para;
      addCredits(b.names.map((name) => ({ name, role: 'journalist' })));
      return para.slice(0, b.start).trimEnd();
    })
    .join('\n');
  // Captions with a photographer (李支方 摄) stay in the text; the name is a credit.
  for (const para of text.split('\n')) addCredits(creditsIn(para).filter((c) => c.role === 'photographer'));
  // An app's self-promotion glued to the last paragraph ("湖北日报客户端,关注湖北及天下大事…").
  const promo = /\s*(\S{2,12}客户端)[,，]关注[^\n]*$/m.exec(text);
  let pub = publisher;
  if (promo) {
    pub ??= promo[1];
    text = text.slice(0, promo.index) + text.slice(promo.index + promo[0].length);
  }
  text = text.replace(/[ \t]+\n/g, '\n').trim();

  const simplified = normalizeQuotes(simplifyAligned(text));
  let differing = 0;
  for (let i = 0; i < text.length; i++) if (text[i] !== simplified[i]) differing++;
  return {
    text,
    simplified,
    title,
    publishedAt,
    publisher: pub,
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
