import { alternation, wordMap } from '../../lang/zh/lexicon.js';
import { CN_NUM, parseNumber } from '../../lang/zh/numerals.js';
import { HAN } from '../../lang/zh/script.js';
import type { FigureFact } from '../facts.js';
import { quoteAround, sentenceAt, type ExtractContext } from './context.js';
import type { InitiativeHit } from './initiatives.js';
import type { PlaceHit } from './places.js';

/**
 * Reported figures: a number (digits or Chinese numerals) with the measure word the text gives
 * it (名, 位, 对, 个月, 万元, %, 成 …); 余/多/左右/超/近 make it approximate; rates such as
 * 每周…一次 become value 1, unit 次/周. Years, dates, ordinals and ranges are not figures.
 */
let re: { figure: RegExp; rate: RegExp; formula: RegExp; before: string[]; after: string[] } | undefined;
function patterns() {
  if (re) return re;
  const marks = wordMap('figure-markers.txt');
  const before = marks.filter(([w]) => w === 'before').map(([, v]) => v);
  const after = marks.filter(([w]) => w === 'after').map(([, v]) => v);
  const units = alternation('units.txt');
  re = {
    figure: new RegExp(
      `(\\d+(?:\\.\\d+)?|${CN_NUM}{1,5})\\s?(万|亿)?(${after.filter((a) => a.length === 1).join('|')})?\\s?(${units})(${after.filter((a) => a.length > 1).join('|')})?`,
      'gu',
    ),
    rate: new RegExp(`每(?:个)?(学期|半年|周|月|季度|年|天|日)[^,，。;；]{0,14}?(至少)?(一|1)\\s?(次|项|篇|场|期|节|堂|课|个)`, 'gu'),
    // 中央八项规定, 四个意识: a numbered formula; 1对1, 一对多: a pairing form.
    formula: new RegExp(`^(?:${alternation('numbered-phrases.txt')}|(?:\\d+|${CN_NUM})对(?:\\d|${CN_NUM}|多|N|n|群))`, 'u'),
    before,
    after,
  };
  return re;
}

export function extractFigures(ctx: ExtractContext, initiatives: InitiativeHit[], main?: PlaceHit, places: PlaceHit[] = []): FigureFact[] {
  const { figure, rate, formula, before } = patterns();
  const out: FigureFact[] = [];
  const seen = new Set<string>();
  const push = (at: number, len: number, value: number, unit: string, approx: boolean, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const s = sentenceAt(ctx, at);
    const quote = quoteAround(ctx, at, at + len);
    const about = initiatives.filter((i) => s && i.start >= s.start && i.start < s.start + s.text.length && i.start <= at).at(-1);
    out.push({
      subject: quote.slice(0, 40),
      value,
      unit,
      approx,
      about: about?.name ?? main?.name,
      evidence: quote,
    });
  };
  const text = ctx.text;
  // 每周谈心1次 is the rate 1次/周, not also a count of 1次.
  const rates = [...text.matchAll(rate)];
  for (const m of text.matchAll(figure)) {
    const at = m.index!;
    if (rates.some((r) => at >= r.index! && at < r.index! + r[0].length)) continue;
    const [whole, num, wan, approxAfter, unit, approxAfter2] = m as unknown as string[];
    const prev = text[at - 1] ?? '';
    const next = text.slice(at + whole!.length, at + whole!.length + 2);
    const chinese = !/^\d/.test(num!);
    if ((!chinese && /[\d.—\-~～－]/.test(prev)) || prev === '第') continue; // ranges (1—2件), ordinals
    // 二三十年, 三四个: a range written with two numerals.
    if (chinese && /[一二两三四五六七八九][一二两三四五六七八九]/.test(num!)) continue;
    // 七组东山坝 (a hamlet), 千头万绪 (an idiom): not counts.
    if (chinese && (unit === '组' || /[百千万]/.test(next[0] ?? ''))) continue;
    // 千家万户, 千年古镇, 万亩良田: a bare 千 or 万 is a figure of speech; 百对 (100 pairs) is a count.
    // (近百个村, 上百名: after an approximation marker a bare 百 is a count too.)
    // 千余名, 近千人: a bare 千 hedged as a count is one (a thousand).
    const hedgedThousand = num === '千' && (/^[余多]/.test(approxAfter ?? '') || /[近上逾数]$/.test(prev)) && /^(名|人|位|人次|户|家)$/.test(unit!);
    if ((/^[千万]$/.test(num!) && !hedgedThousand) || (num === '百' && !/^(对|名|位)$/.test(unit!) && !/[近上逾数]$/.test(prev))) continue;
    if (chinese && /[\u3400-\u9fff]/.test(prev) && /[一二两三四五六七八九十]/.test(prev)) continue;
    if (formula.test(text.slice(at, at + 8))) continue;
    // 七台河市, 五家渠市, 三台县: the number is part of a place's name.
    if (places.some((p) => at >= p.start && at < p.end)) continue;
    // “乡村振兴四项行动”, “四个样板区”: a numeral inside a short quoted name belongs to the name.
    if (chinese && insideShortQuote(text, at)) continue;
    const n = parseNumber(num!);
    if (!n) continue;
    // Years and dates: 2022年, 3月21日 (only 个月 is a duration), 2008年9月.
    if (unit === '年' && (n.value >= 1900 || /^[度级代初末底中前后起来]/.test(next))) continue;
    if (unit === '天' && /^[内]/.test(next)) continue;
    // 24小时值班, 7×24小时: round the clock, not a reported duration.
    if (/小时$/.test(unit!) && n.value === 24) continue;
    // 工作了几十年, 十几年如一日: a vague span of years tells how long, it reports no figure.
    if (unit === '年' && (/几/.test(num!) || prev === '数')) continue;
    // 十六字方针, 八字要诀, 一字一句: characters counted in words name a formula; a written count
    // (笔记3万余字) is a figure.
    if (unit === '字' && chinese) continue;
    // 35岁以下年轻干部, 35岁以下占比: an age bracket modifying a noun, not a reported age.
    const bracket = text.slice(at + whole!.length, at + whole!.length + 3);
    if (unit!.endsWith('岁') && new RegExp(`^(以下|以上)[${HAN}]`, 'u').test(bracket) && bracket[2] !== '的') continue;
    // 二人就商量着…, 两人一起…: "the two of them" opening a clause is a pronoun, not a count.
    // (师徒二人, 他们三人: after the pair or the pronoun it stands for, likewise.)
    if (/^[二两兩三]$/.test(num!) && unit === '人' && /(?:师徒|夫妻|父子|母子|母女|父女|兄弟|姐妹|[他她我你咱]们)$/u.test(text.slice(Math.max(0, at - 2), at)) && !/^次/.test(next)) continue;
    if (/^[二两兩]$/.test(num!) && unit === '人' && (/^[,，。;；:：!！?？\s]?$/.test(prev) || at === 0) && !/^次/.test(next)) continue;
    // 一 is an article (一名大学生, 一批), not a count; idioms (一步一个, 三言两语) have no unit after.
    if (chinese && (n.value === 1 || /[一二两三四五六七八九十]/.test(next[0] ?? ''))) continue;
    if (n.value === 1 && /^(名|位|个)$/.test(unit!)) continue;
    // 9点, 下午三点: a time of day.
    if (unit === '点' && (!chinese || /(上午|下午|晚上|早上|中午|凌晨|傍晚|夜里|清晨)$/.test(text.slice(Math.max(0, at - 2), at)))) continue;
    if (unit === '成' && !/^[,，。、以]|^$/.test(next[0] ?? '') && !/超|近|约/.test(text.slice(at - 2, at))) continue;
    // 8万余只 stays 8 with the unit 万只: the unit is the measure word as the text writes it.
    const value = n.value;
    const unitOut = `${wan ?? ''}${unit}`;
    const approx = n.approx || Boolean(approxAfter || approxAfter2) || before.some((b) => text.slice(at - b.length, at) === b);
    // The same count restated in another sentence is one figure (dedupe by value, unit, sentence).
    const other = out.find((f) => f.value === value && f.unit === unitOut);
    if (other && sentenceAt(ctx, at)?.text !== sentenceAt(ctx, text.indexOf(other.evidence))?.text) continue;
    push(at, whole!.length, value, unitOut, approx, `${at}`);
  }
  // 百分之三十五, 百分之九十五点五: a percentage written out (35% is a unit above).
  for (const m of text.matchAll(new RegExp(`百分之(${CN_NUM}{1,5}(?:点[零一二三四五六七八九]{1,3})?|\\d+(?:\\.\\d+)?)`, 'gu'))) {
    const [whole, num] = m as unknown as string[];
    const n = parseNumber(num!);
    if (n && n.value <= 100) push(m.index!, whole!.length, n.value, '%', n.approx, `${m.index}`);
  }
  for (const m of rates) {
    const [whole, period, atLeast, , unit] = m as unknown as string[];
    const at = m.index!;
    // 每月至少开展1次: the hedge may stand before the verb; 每月…1次以上 after it.
    const hedgedAfter = /^(?:以上|及以上|多)/.test(text.slice(at + whole!.length, at + whole!.length + 3));
    push(at, whole!.length, 1, `${unit}/${period}`, Boolean(atLeast) || /至少|不少于/.test(whole!) || hedgedAfter, `rate|${at}`);
  }
  return out;
}

/** Whether `at` lies inside a “…” quotation of at most 12 characters on one line. */
function insideShortQuote(text: string, at: number): boolean {
  const open = text.lastIndexOf('“', at);
  if (open < 0 || at - open > 12) return false;
  const between = text.slice(open + 1, at);
  if (/[”\n]/.test(between)) return false;
  const close = text.indexOf('”', at);
  return close > at && close - open <= 13 && !/\n/.test(text.slice(at, close));
}
