import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { LIMITS } from '../config.js';
import { BadInputError } from '../errors.js';

/**
 * HTML → text with a real parser (linkedom) and main-content extraction (Readability), so
 * navigation, share bars, comment boxes and scripts never reach the text. Block elements
 * become lines, which the text cleaner then works on.
 */
export interface HtmlArticle {
  text: string;
  title?: string;
  publisher?: string;
  publishedAt?: string;
  url?: string;
}

const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BR', 'TR', 'BLOCKQUOTE', 'FIGCAPTION']);

function textWithLines(node: any): string {
  let out = '';
  const walk = (n: any) => {
    if (n.nodeType === 3) out += n.textContent;
    else if (n.nodeType === 1) {
      if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|IFRAME)$/.test(n.tagName)) return;
      const block = BLOCKS.has(n.tagName);
      if (block) out += '\n';
      for (const c of n.childNodes) walk(c);
      if (block) out += '\n';
    }
  };
  walk(node);
  return out
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function meta(document: any, ...names: string[]): string | undefined {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

/** Elements a parser closes by itself or that never have content: they do not nest. */
const NO_NESTING = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option']);

/**
 * How deep elements nest, from the tags alone (no parser): a page nested thousands deep
 * makes the DOM and Readability recurse out of stack, so it is refused before parsing.
 */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const name = m[2]!.toLowerCase();
    if (NO_NESTING.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
  }
  return max;
}

export function htmlToArticle(html: string): HtmlArticle {
  const depth = nestingDepth(html);
  if (depth > LIMITS.maxHtmlDepth) {
    throw new BadInputError(
      `the HTML nests elements ${depth} deep; at most ${LIMITS.maxHtmlDepth} are accepted (news pages nest fewer than 60). Give the article's text instead`,
    );
  }
  // A fragment (<p>…</p>) gets a document around it, so that it has a body.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  for (const el of document.querySelectorAll('script, style, noscript, template, iframe')) el.remove();
  const date = meta(document, 'article:published_time', 'publishdate', 'PubDate', 'pubdate')?.slice(0, 10);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url');
  const headTitle = meta(document, 'og:title') ?? (document.querySelector('h1')?.textContent?.trim() || undefined);
  const publisher = meta(document, 'og:site_name', 'publisher', 'source');
  // Readability mutates the document; run it on a copy of the markup.
  const reader = new Readability(parseHTML(document.toString()).document as never, { charThreshold: 100 });
  const parsed = reader.parse();
  let text: string;
  if (parsed?.content) {
    const { document: frag } = parseHTML(`<html><body>${parsed.content}</body></html>`);
    text = textWithLines(frag.body);
  } else {
    text = textWithLines(document.body ?? document);
  }
  return {
    text,
    title: (headTitle || parsed?.title || document.title || undefined)?.trim(),
    publisher,
    publishedAt: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
    url: canonical && /^https?:\/\//.test(canonical) ? canonical : undefined,
  };
}
