import { orderedPairs, patternList, wordMap, wordSet } from '../lang/zh/lexicon.js';
import { looseName, plausibleName, surnameOf, titleWords } from '../lang/zh/names.js';
import { words } from '../lang/zh/tokenizer.js';
import { HAN, simplifyAligned } from '../lang/zh/script.js';

/**
 * Page metadata from the lines around an article: publication date, publisher, headline and
 * credits (bylines). Pure; reads the markers of `lang/zh/data`.
 */
export interface Credit {
  name: string;
  role: string;
}

/** 2024-02-29 is a date, 2023-02-29 and 2024-13-45 are not. */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const pad = (n: string) => n.padStart(2, '0');
function validDate(y: string, m: string, d: string): string | undefined {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return isCalendarDate(iso) && +y >= 1949 && +y <= 2100 ? iso : undefined;
}
const DATE = /(\d{4})\s*(?:-|\/|\.|年)\s*(\d{1,2})\s*(?:-|\/|\.|月)\s*(\d{1,2})(?![\d])/g;

/** Every calendar date written as year-month-day in `s`, in order. */
export function datesIn(s: string): string[] {
  return [...s.matchAll(DATE)].map((m) => validDate(m[1]!, m[2]!, m[3]!)).filter((d): d is string => !!d);
}

const DATE_MARKER = /(发布|时间|日期|来源|更新|发稿|稿件|编辑)[:：]?|^\s*\d{4}[-/.年]/;

/**
 * The publication date: a date on a header line that says so (发布时间:, 来源:…2026-01-20, a
 * leading "2024-07-12 09:40"), else the first full date near the top of the page.
 */
export function findDate(lines: string[]): string | undefined {
  const head = lines.slice(0, 20);
  for (const l of head) {
    if (DATE_MARKER.test(l) && l.length < 120) {
      const d = datesIn(l)[0];
      if (d) return d;
    }
  }
  for (const l of lines) {
    if (/(发布时间|发布日期|更新时间)[:：]/.test(l)) {
      const d = datesIn(l)[0];
      if (d) return d;
    }
  }
  return datesIn(head.join('\n').slice(0, 300))[0];
}

/** 来源:湖南日报, 来源:安徽先锋网2026-01-20作者: → the publisher's name. */
export function findPublisher(lines: string[]): string | undefined {
  for (const l of lines.slice(0, 30)) {
    const m = /(?:^|\s)(?:来源|消息来源|信息来源|文章来源|稿源)[:：]\s*([^\s\d:：|丨]{2,20}?)(?=\s|\d|作者|编辑|时间|$|[|丨])/.exec(l);
    if (m) return m[1];
  }
  // A news agency's dateline: 中新网贵阳3月8日电, 新华社北京5月2日电 — the agency published it.
  for (const l of lines.slice(0, 30)) {
    const m = /^\s*([\u4e00-\u9fff]{2,6}?(?:网|社|报|台))[\u4e00-\u9fff]{2,8}?\d{1,2}月\d{1,2}日(?:电|讯)/u.exec(l);
    if (m) return m[1];
  }
  return undefined;
}

let roleRe: RegExp | undefined;
/** Byline role words, longest first (本报通讯员 before 通讯员). */
function roles(): RegExp {
  roleRe ??= new RegExp(wordMap('credit-roles.txt').map(([w]) => w).join('|'), 'gu');
  return roleRe;
}

let openRe: RegExp | undefined;
/**
 * Does a simplified line open with a byline role (记者…, 【责任编辑:…】, (本报通讯员…)? The roles
 * are credit-roles.txt's; the one-character ones (文, 图, 摄) only before a separator.
 */
export function opensWithByline(simplifiedLine: string): boolean {
  openRe ??= new RegExp(
    `^[\\s(（【\\[]*(?:${wordMap('credit-roles.txt')
      .map(([w]) => (w.length === 1 ? `${w}(?=[\\s:：/丨|])` : w))
      .join('|')})`,
    'u',
  );
  return openRe.test(simplifiedLine);
}

/**
 * 记者 黄海, 摄影：黄海: a whole token after a byline role that starts with a surname is a name
 * even when it is also a word (黄海 the sea) — the role says a name follows.
 */
function bylineToken(simple: string): boolean {
  if (simple.length < 2 || simple.length > 3 || !new RegExp(`^[${HAN}]+$`, 'u').test(simple) || !surnameOf(simple[0]!)) return false;
  if (wordSet('not-names.txt').has(simple) || [...simple.slice(1)].some((c) => wordSet('name-stops.txt').has(c))) return false;
  // (作者单位: a common noun or verb that starts with a surname is no name; a proper noun may be.)
  const w = words(simple);
  return w.length > 1 || /^(?:nr|nrfg|nrt|ns|nz|x)$/.test(w[0]!.tag);
}

/** Names in a byline's name run: split on spaces and 、; a name with an inner space (刘 剑) joins. */
function bylineNames(run: string): string[] {
  const parts = run.split(/[、\s]+/).filter(Boolean);
  const ok = (p: string) => {
    const simple = simplifyAligned(p);
    return plausibleName(simple) || (looseName(simple) && p.length <= 3) || bylineToken(simple);
  };
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    // 作者：派出所民警 吴志强: the writer's post before the name is no name and no end of the run.
    // 文/图 永安镇党政办 周晓, 供稿:某镇 李四: nor is the writer's unit.
    const unit = p.length >= 3 && /(?:办|部|局|委|站|所|队|院|镇|乡|村|区|县|市|处|科|组|中心|街道|社区|公司)$/u.test(simplifyAligned(p));
    if (out.length === 0 && i === 0 && !ok(p) && (unit || titleWords().some((t) => simplifyAligned(p).endsWith(t))) && parts.length > 1) continue;
    if (p.length === 1 && parts[i + 1]?.length === 1 && ok(p + parts[i + 1])) out.push(p + parts[++i]);
    else if (p.length >= 2 && p.length <= 3 && ok(p)) out.push(p);
    else if (p.length >= 4 && p.length <= 6) {
      // Two names glued (骆炳浩钱文汇): split where both halves are names.
      const split = [3, 2].map((k) => [p.slice(0, k), p.slice(k)]).find(([a, b]) => ok(a!) && ok(b!) && b!.length >= 2 && b!.length <= 3);
      if (split) out.push(...(split as string[]));
      else break;
    } else break;
  }
  return out;
}

/**
 * Credits in one line: 记者郎哲敏 骆炳浩, 作者:记者 丁青 李慧 本报通讯员 冯华琳, □ 通讯员 余俞乐,
 * 责任编辑:刘钰, 文稿丨刘 剑, 李支方 摄. `line` is in original script; roles are matched in
 * simplified form and names are returned as written.
 */
export function creditsIn(raw: string): Credit[] {
  // 丨 and | separate bylines (记者:吴芳丨通讯员:李峤); 丨 is a Han character, so it goes first.
  const line = raw.replace(/[丨|｜]/g, ' ');
  const simple = simplifyAligned(line);
  const roleOf = new Map(wordMap('credit-roles.txt'));
  const marks = [...simple.matchAll(roles())].filter((m) => {
    // 文/图 only as bylines ("文/张三", "图 李四"), not inside words (文件, 图片展).
    // (杨帆 / 文 周杰 / 图: a role after a name and a slash is that name's, read below.)
    if (m[0] === '文' || m[0] === '图') return /^[\s:：/丨|]/.test(simple.slice(m.index! + 1)) && !new RegExp(`[${HAN}]`, 'u').test(simple[m.index! - 1] ?? '') && !new RegExp(`[${HAN}]\\s*/\\s*$`, 'u').test(simple.slice(0, m.index!));
    return true;
  });
  const out: Credit[] = [];
  for (const [i, m] of marks.entries()) {
    const from = m.index! + m[0].length;
    const to = marks[i + 1]?.index ?? simple.length;
    const run = /^[\s:：丨|/]*((?:[\u3400-\u9fff]+[\s、]*)+)/u.exec(line.slice(from, to));
    if (!run) continue;
    // 通讯员李华报道: the closing 报道 is glued to the last name.
    // (图片由刘洋提供: the name sits between 由 and 提供.)
    for (const n of bylineNames(run[1]!.replace(/(?:报道|報道|报导|報導)\s*$/u, '').replace(/^由(.{2,3}?)提供$/u, '$1'))) {
      const name = n.replace(/\s/g, '');
      if (!out.some((c) => c.name === name)) out.push({ name, role: roleOf.get(m[0])! });
    }
  }
  // 李支方 摄, 张三 文/图: the role after the name.
  // (张三 李四 文/摄: names before the role, each of them the role's.)
  for (const m of simple.matchAll(new RegExp(`((?:[${HAN}]{2,3}\\s+)*[${HAN}]{2,3})\\s*(摄(?:影)?|文/图|图/文|文/摄|/\\s*[文图摄])(?=[\\s)）]|$)`, 'gu'))) {
    const role = m[2]!.startsWith('摄') || (/[摄图]$/.test(m[2]!) && !m[2]!.startsWith('文') && !m[2]!.startsWith('图/')) ? 'photographer' : 'author';
    let at = m.index!;
    for (const part of m[1]!.split(/(\s+)/)) {
      const n = line.slice(at, at + part.length);
      at += part.length;
      if (!part.trim() || !plausibleName(part)) continue;
      if (!out.some((c) => c.name === n)) out.push({ name: n, role });
    }
  }
  return out;
}

/** A bare (宋康) or (X Y) closing a paragraph: the writers of a brief. */
export function trailingByline(para: string): { names: string[]; start: number } | undefined {
  const m = new RegExp(`[(（]\\s*([${HAN}]{2,3}(?:\\s+[${HAN}]{2,3})*)\\s*[)）]\\s*$`, 'u').exec(para);
  if (!m) return undefined;
  const names = m[1]!.split(/\s+/);
  return names.every((n) => plausibleName(simplifyAligned(n))) ? { names, start: m.index } : undefined;
}

/** A line that is only a byline: ■吴组轩, 王一敬 (the author's name on a line of its own). */
export function bylineLine(line: string): string | undefined {
  const m = new RegExp(`^[■□●◆▲]?\\s*([${HAN}]{2,3})$`, 'u').exec(line.trim());
  return m && plausibleName(simplifyAligned(m[1]!)) ? m[1] : undefined;
}

export const isChrome = (simplifiedLine: string) => patternList('chrome-lines.txt').some((re) => re.test(simplifiedLine));
export const isTail = (simplifiedLine: string) => patternList('tail-markers.txt').some((re) => re.test(simplifiedLine));

/**
 * The headline: of the lines before the body that are not chrome, bylines, column tags (【…】)
 * or kickers, the one that reads most like a headline — followed by a date or source line,
 * printed twice (breadcrumb and heading), naming the genre's subject, free of site words —
 * the first on a tie; a site suffix (" - 工会 - 中工网", "_某县新闻网") removed.
 */
const SUBTITLE = /^(?:——|—|－－|--)/u;

export function findTitle(lines: Array<{ text: string; simple: string }>): string | undefined {
  const cues = (k: string) => orderedPairs('title-cues.txt').filter(([c]) => c === k).flatMap(([, w]) => w.split(/\s+/));
  const chromeWords = cues('chrome');
  const topicWords = cues('topic');
  const head: Array<{ t: string; simple: string; i: number }> = [];
  for (const [i, { text, simple }] of lines.entries()) {
    if (!text.trim()) continue;
    if (isBody(simple)) break;
    head.push({ t: text.trim(), simple, i });
  }
  let best: { title: string; score: number } | undefined;
  for (const [k, { t, simple }] of head.entries()) {
    // 2025年5月14日 星期三 第03版：综合新闻: an e-paper's date line, however long, is no headline.
    if (/^\d{4}\s*[-年.\/]\s*\d{1,2}\s*[-月.\/]\s*\d{1,2}/.test(t) && /星期|周[一二三四五六日天]|第\s*[A-Z\d]+\s*版|[:：]\d{2}/.test(t)) continue;
    if (isChrome(simple) || bylineLine(t) || /^【.*】$/.test(t) || (creditsIn(t).length > 0 && t.length < 40)) continue;
    // ——记某村老支书杨德贵: a dash-led subtitle under the headline, never the headline itself.
    if (SUBTITLE.test(t)) continue;
    const stripped = t.replace(/\s*[-_|]\s*[^-_|]{1,12}\s*[-_|]\s*[^-_|]{1,12}$/, '').replace(/\s*[_|]\s*[^_|]{2,12}(网|报|台)$/, '');
    // A sentence (it ends in 。) is the start of the body, not a headline.
    if (stripped.length < 6 || stripped.length > 60 || /[。！？]$/.test(stripped)) continue;
    const next = head.slice(k + 1).find((h) => !SUBTITLE.test(h.t))?.simple ?? '';
    const s = simplifyAligned(stripped);
    let score = 0;
    if (/(来源|时间|发布|日期|作者|编辑|\d{4}[-年.\/]\d{1,2})/.test(next)) score += 3;
    if (lines.filter((l) => l.text.includes(stripped)).length >= 2) score += 2;
    if (topicWords.some((w) => s.includes(w))) score += 1;
    if (chromeWords.some((w) => s.includes(w))) score -= 3;
    if (!best || score > best.score) best = { title: stripped, score };
  }
  return best && best.score >= -1 ? best.title : undefined;
}

/** A line of running text rather than a header line. */
export function isBody(simple: string): boolean {
  return simple.length >= 60 || (simple.length >= 30 && /[。！？]/.test(simple)) || /。.+/.test(simple);
}
