import { words } from '../../lang/zh/tokenizer.js';
import { alternation, wordSet } from '../../lang/zh/lexicon.js';
import { listItemAt, looseName, nameAt, nameBefore, plausibleName, transliteratedAt, transliteratedBefore } from '../../lang/zh/names.js';
import { HAN } from '../../lang/zh/script.js';
import type { PersonFact } from '../facts.js';
import { occurrences, quoteAround, type ExtractContext } from './context.js';
import { placeNear, type PlaceHit } from './places.js';

/**
 * People: names after a title or role word (乡党委书记段富章, 师傅褚雪松, 种植户徐根法), before
 * a verb of speech or 同志 (楼楠说, 安金强同志), at the head of a clause (劉天龍就是…),
 * in lists (陈玉龙、弋石泉), in photo captions (张学进(左)); then wherever else they occur.
 */
export interface PersonHit {
  name: string;
  title?: string;
  start: number;
  end: number;
  place?: PlaceHit;
}

let res: { title: RegExp; speech: RegExp; quoted: RegExp; suffix: RegExp } | undefined;
function patterns() {
  if (res) return res;
  const speech = alternation('speech-verbs.txt');
  res = {
    title: new RegExp(`(?:${alternation('name-titles.txt')})[”’]?(?:[:：])?(?=[${HAN}]{2})`, 'gu'),
    speech: new RegExp(`(?:同志|${speech})`, 'gu'),
    // ”才台拉忠感慨道: a speaker right after a quotation.
    quoted: new RegExp(`[”"]\\s*([${HAN}]{2,4}?)(?:${speech})`, 'gu'),
    // 唐小艳老师, 晏清校长: a title after the name, the name at a clause boundary.
    suffix: new RegExp(`(?<=^|[\\s,，。、;；:：“”(（和与及的向由被让给对是为把跟同])([${HAN}]{2,3}?)(?:${alternation('name-suffixes.txt')})(?![${HAN}]{0,1}(?:部|会|室|处|组|委))`, 'gmu'),
  };
  return res;
}

let titleEnd: RegExp | undefined;
const titleAtEnd = () => (titleEnd ??= new RegExp(`(?:${alternation('name-titles.txt')})$`, 'u'));
let joinedRe: RegExp | undefined;
/** 杨光明和徒弟: a name, 和/与/同 and a title word, ending where the titled name begins. */
const joinedBeforeTitle = () => (joinedRe ??= new RegExp(`(?:^|[,，。;；:：\\s“”、])([${HAN}]{2,3})(?:和|与|同)(?:${alternation('name-titles.txt')})$`, 'u'));

/** A function word before a title, but not the first character of a place (和政县, 向阳村). */
const LEADING_WORD = new RegExp(`^(?:在|由|据|经|让|是|将|把|对|向|和|与)(?![${HAN}]{1,2}[省市县区镇乡村])`, 'u');

/**
 * The title is the clause before the name, back to punctuation (市发展改革委党组书记、主任),
 * or back to another person's name in that clause: in 王梦瑶拜镇党委副书记刘建军 the title of
 * 刘建军 is 镇党委副书记, not the clause that names his apprentice.
 */
function titleBefore(text: string, at: number, known: readonly string[]): string | undefined {
  let a = at;
  // (【青春在基层】90后女书记周雨晴: a column's bracketed name is no part of the title.)
  while (a > 0 && !/[,，。;；:：!?！？\s(（“”—→】]/.test(text[a - 1]!) && at - a < 20) a--;
  let t = text.slice(a, at);
  // ——记石阡县聚凤乡党委副书记杨光荣: the subtitle's 记 ("a portrait of") is no part of the title.
  if (text[a - 1] === '—' || text[a - 1] === '-') t = t.replace(/^记(?=.{2})/u, '');
  for (const name of known) {
    const i = t.lastIndexOf(name);
    if (i >= 0) t = t.slice(i + name.length).replace(/^(?:\d+[人名位]|[一二两三四五六七八九十]+[人名位])?(?:分别|各自)?(?:带着|带领|跟着|拜|与|和|同|跟|给|向|为|是|及|由|等)?/, '').replace(/^的[^、，]{0,4}、/u, '');
  }
  // 出席仪式的有县委常委、组织部部长陈志强: who the list is of comes before 的有, no title.
  t = t.replace(/^.*?的有/u, '');
  // 她的导师、民事审判庭庭长田大兵: whose mentor he is makes no part of his title.
  t = t.replace(/^[他她我]的(?:导师|师傅|师父|老师)、/u, '');
  // 她拜老支书黄德胜: a pronoun and its verb are the clause, not the title.
  t = t.replace(/^(?:[他她我]们?)(?:还|也|便|就|又)?(?:拜|跟着|跟随|师从|带着|带领|请教|向|跟|给|与|和|同)/u, '');
  // …but 和政县, 和平镇, 向阳村: a place that starts with one of those words keeps it.
  t = t.replace(/^(?:得益于|受益于|多亏了?|感谢)/u, '').replace(LEADING_WORD, '').replace(/^(?:如今|现在|目前|当时)?(?:已经是|已是|现为|现任|曾任)/, '').replace(/的$/, '');
  // 该局还邀请了西南大学研究生导师李明: what comes before the verb is no part of the title.
  // (我的师傅是村里的老会计谢德明: nor what comes before 是.)
  // (回村后拜村党支部书记王德福, 倾囊相授给新来的大学生村官王丽: nor what comes before 拜 or 给.)
  // (该所为新警刘洋, 镇党委安排组织委员蓝志强: nor what comes before 为 — but not at the start:
  // 为民服务中心主任 — or 安排.)
  // (老支书张建国带新书记王晓雯: nor what comes before 带 and a newcomer.)
  // (去年结对的新任社区干部郑凯: nor the 的 that ties that clause to the title.)
  // (艾买提·吐尔逊手把手教大学生村官古丽米拉…: nor what comes before 手把手教.)
  const afterVerb = /(?:[了是着拜给]|(?<=.)为|帮带|结对|指导|师从|安排|指定|带(?=新)|手把手地?教)((?:(?!帮带|结对|指导|师从|为|安排|指定)[^了是着拜给]){2,})$/u.exec(t)?.[1];
  if (afterVerb) t = afterVerb.replace(/^的(?=.{2})/u, '');
  // 的有王建国, 表彰了黄志明: function words and verbs are no title.
  if (/^[的有是为了和与及]+$/u.test(t) || /[了与和同及]$/u.test(t)) return undefined;
  // 刚从地里回来的谭晓峰, 2024年入职的徐佳怡: a clause that ends in a verb describes, it is no title.
  // (jieba tags some title words as verbs — 选调生 — so a title word at the end keeps it.)
  if (words(t).filter((w) => w.word.trim()).at(-1)?.tag === 'v' && !titleAtEnd().test(t)) return undefined;
  return t.length >= 2 ? t : undefined;
}

export function extractPeople(ctx: ExtractContext, places: PlaceHit[], main: PlaceHit | undefined, exclude: Set<string>): PersonHit[] {
  const { text } = ctx;
  const { title, speech, quoted, suffix } = patterns();
  const found = new Map<string, PersonHit>();
  const add = (name: string | undefined, start: number) => {
    if (!name || exclude.has(name) || found.has(name)) return;
    // (Titles are read at the end, once every name is known.)
    found.set(name, { name, start, end: start + name.length });
  };
  const isPlace = (at: number) => places.some((p) => at >= p.start && at < p.end);

  // 书记任重道远: an idiom (or a verb) that starts with a surname is no name.
  const idiomAt = (at: number, name: string) => {
    const w = words(text.slice(at, at + name.length + 4))[0];
    // (jieba knows 任重道远 as one word, whatever it tags it: a dictionary word that runs on past
    // the name; its guesses for unknown strings, 胡云晓一, tagged x, prove nothing.)
    return !!w && ((w.word.length >= 4 && w.word.length > name.length && w.tag !== 'x') || (w.word === name && /^(?:v|vd|vi|a|ad|d|i|l)$/.test(w.tag)));
  };
  for (const m of text.matchAll(title)) {
    const at = m.index! + m[0].length;
    const name = nameAt(text, at);
    // 乡党委书记才让东智, 村党支部书记艾买提·吐尔逊: a transliterated name reads on past the
    // two or three characters a Han name has.
    const long = transliteratedAt(text, at);
    if (long && !isPlace(at) && long.length > (name?.length ?? 0)) add(long, at);
    else if (!isPlace(at) && name && !idiomAt(at, name)) add(name, at);
  }
  for (const m of text.matchAll(speech)) {
    const name = transliteratedBefore(text, m.index!) ?? nameBefore(text, m.index!);
    if (!name) continue;
    const start = m.index! - name.length;
    // The name must start a clause or follow a title/的 (…主任曹愛青說, 90后的范海猛).
    if (!isPlace(start)) add(name, start);
  }
  for (const m of text.matchAll(suffix)) {
    const name = nameBefore(text, m.index! + m[1]!.length);
    if (name && name === m[1] && !isPlace(m.index!)) add(name, m.index!);
  }
  // 谢世明等13名医师, 张三等人: a name heading a list of people, after a clause boundary or 了/是/有.
  for (const m of text.matchAll(new RegExp(`(?<=^|[\\s,，。、;；:：“”(（了是有和与及的])([${HAN}]{2,3})等(?=\\d|[一二三四五六七八九十两几]|人|同志)`, 'gmu'))) {
    const name = nameBefore(text, m.index! + m[1]!.length);
    if (name && name === m[1] && !isPlace(m.index!)) add(name, m.index!);
  }
  // 如张三、李四等 / 包括王五、赵六在内: a list of names after 如, 像, 包括.
  for (const m of text.matchAll(new RegExp(`(?:如|像|包括|例如|比如|有)((?:[${HAN}]{2,3}、)+[${HAN}]{2,3})(?=等|在内)`, 'gu'))) {
    let at = m.index! + m[0].length - m[1]!.length;
    for (const part of m[1]!.split('、')) {
      if (plausibleName(part) && !isPlace(at)) add(part, at);
      at += part.length + 1;
    }
  }
  for (const m of text.matchAll(quoted)) {
    // (才台拉忠, 扎西多吉: a transliterated name may open with a character that is elsewhere an
    // adverb; after a quotation and before a verb of speech it is the name's.)
    const transliterated =
      m[1]!.length === 4 &&
      !/[们都的了这那也还就每个该此其各位名些]/u.test(m[1]!) &&
      !wordSet('pronouns.txt').has(m[1]![0]!) &&
      words(m[1]!).every((w) => w.word.length === 1 || /^(nr|nrfg|nrt|ns|x)$/.test(w.tag));
    const at = m.index! + m[0].indexOf(m[1]!);
    // ”新警李明说: a title and a Chinese name, not one four-character name.
    const k = m[1]!.length === 4 ? [2, 1].find((n) => titleAtEnd().test(m[1]!.slice(0, n)) && plausibleName(m[1]!.slice(n))) : undefined;
    if (k !== undefined) add(m[1]!.slice(k), at + k);
    else if (looseName(m[1]!) || plausibleName(m[1]!) || transliterated) add(m[1]!, at);
  }
  // Head of a clause: 趙袍是…, 劉天龍就是…, 范海猛,是…; caption: 張學進(左)帶…
  const head = new RegExp(`(?:^|[。！？!?；;，,\\n“”:：、])\\s*(?:[\\d]+后的)?([${HAN}]{2,3})(?=[(（](?:左|右|中|前|后)[一二三四五六]?[)）]|[,，](?:男|女)[,，]|就是|也是|是|作为|曾|已|正|今年|现年|如今|年仅|当时|从小|也|又|还|便|一直|始终|很快|迅速|逐渐|渐渐|先后|,|，)`, 'gmu');
  for (const m of text.matchAll(head)) {
    const at = m.index! + m[0].length - m[1]!.length;
    const name = nameAt(text, at);
    if (name && !isPlace(at) && (name === m[1] || text.slice(at + name.length).startsWith('是'))) add(name, at);
  }
  // 黄栗杵村的储光明是一名90后村干部: a name after 的 that is the subject of 是.
  for (const m of text.matchAll(new RegExp(`的([${HAN}]{2,3})(?=是|就是|也是|今年|现年)`, 'gu'))) {
    const at = m.index! + 1;
    const name = nameAt(text, at);
    if (name && name === m[1] && !isPlace(at)) add(name, at);
  }
  // A list of names with no title before it (获评优秀导师的有王建国、李红梅、赵志刚, 王建国、李红梅
  // 分别发言): every item a plausible name, one at least of three characters (two-character
  // items alone are too often words).
  // (欧阳明华、司马小红: an item with a compound surname has four.)
  for (const m of text.matchAll(new RegExp(`([${HAN}]{2,6})((?:、[${HAN}]{2,4}){1,8})`, 'gu'))) {
    const rest = m[2]!.split('、').slice(1);
    // The last item may run into the verb after it (…、邓光辉颁发了): where the name ends decides.
    const lastAt = m.index! + m[0].length - rest.at(-1)!.length;
    const last = nameAt(text, lastAt);
    if (!last || !rest.at(-1)!.startsWith(last)) continue;
    rest[rest.length - 1] = last;
    const firstRun = m[1]!;
    const first = [4, 3, 2].map((k) => firstRun.slice(-k)).find((n) => n.length <= firstRun.length && plausibleName(n) && (n.length === firstRun.length || /[了是有的为和与及：:]$/.test(firstRun.slice(0, -n.length))));
    if (!first || !rest.every((n) => plausibleName(n))) continue;
    const items = [first, ...rest];
    if (!items.some((n) => n.length >= 3)) continue;
    let at = m.index! + firstRun.length - first.length;
    for (const n of items) {
      if (!isPlace(at) && !exclude.has(n)) add(n, at);
      at += n.length + 1;
    }
  }
  // Lists after a known name: 陈玉龙、弋石泉、彭伍四 …; 甘依欣、赖玉敏; 孙少杰(左)和李云龙.
  const CAPTION = /^[(（](?:左|右|中|前|后)[一二三四五六]?[)）]/;
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of [...found.values()]) {
      for (const at of occurrences(text, p.name)) {
        let i = at + p.name.length;
        i += CAPTION.exec(text.slice(i))?.[0].length ?? 0;
        while (/[、和及]/.test(text[i] ?? '')) {
          const next = nameAt(text, i + 1) ?? listItemAt(text, i + 1);
          if (!next || exclude.has(next)) break;
          if (!found.has(next)) {
            add(next, i + 1);
            grew = true;
          }
          i += 1 + next.length;
          i += CAPTION.exec(text.slice(i))?.[0].length ?? 0;
        }
        // Backwards too: 周丽华、陈志远、黄海涛等3名 — a list item is bounded by 、 on its right and
        // by a clause boundary or another 、 on its left, so the surname check is enough.
        let j = at;
        while (text[j - 1] === '、') {
          const left = text.slice(Math.max(0, j - 6), j - 1);
          let item = /(?:^|[、,，。;；:：\s“”(（])([^、,，。;；:：\s“”(（]{2,4})$/u.exec(left)?.[1];
          // 带出了李俊、孙悦…: the first item may follow a verb and 了/是/有 instead of a boundary.
          if (!item || !plausibleName(item)) {
            const tail = nameBefore(text, j - 1);
            if (tail && /[了是有和的为给把与及对向由]/.test(text[j - 2 - tail.length] ?? '')) item = tail;
          }
          if (!item || !plausibleName(item) || exclude.has(item) || isPlace(j - 1 - item.length)) break;
          if (!found.has(item)) {
            add(item, j - 1 - item.length);
            grew = true;
          }
          j -= 1 + item.length;
        }
      }
    }
  }
  // 90后的范海猛, 像张思远这样: a name after 的/像 with a clause boundary after it.
  for (const m of text.matchAll(new RegExp(`(?:的|像)([${HAN}]{2,3})(?=[,，。！!]|这样|等)`, 'gu'))) {
    const at = m.index! + 1;
    const name = nameAt(text, at);
    if (name && (found.has(name) || name.length === 3)) add(name, at);
  }
  // A protagonist named without a title: at the head of a clause, followed by a verb or a time,
  // and named again elsewhere (李长余从2018年起…, 李长余说服…). (化名) marks a name too.
  const SUBJECT = new RegExp(`(?:^|[。！？!?；;，,\\n“”])\\s*([${HAN}]{2,3})(?=从|在|于|自|今年|去年|曾|已经|一直|每天|主动|连续|先后|多次|常常|经常|总是|带领|带着|深知|坚持|扎根|来到|回到|毕业|出生|被选为|被评为|被任命为|当选|[(（]化名[)）])`, 'gmu');
  for (const m of text.matchAll(SUBJECT)) {
    const at = m.index! + m[0].length - m[1]!.length;
    const name = nameAt(text, at);
    if (!name || isPlace(at) || exclude.has(name) || found.has(name)) continue;
    // Once is enough for a three-character name before a verb of arriving or staying (张晓燕来到
    // 白沙村任职…): words that start with a surname are rarely three characters before 来到.
    const strong = name.length === 3 && /^(?:来到|回到|扎根|毕业|出生|深知|坚持|被选为|被评为|被任命为|当选)/.test(text.slice(at + name.length));
    if (occurrences(text, name).length >= 2 || strong || /^[(（]化名/.test(text.slice(at + name.length))) add(name, at);
  }
  // 杨光明和徒弟刘晓: a name joined by 和/与/同 to a titled name found above is a person too.
  const joined = joinedBeforeTitle();
  for (const p of [...found.values()]) {
    for (const at of occurrences(text, p.name)) {
      const m = joined.exec(text.slice(Math.max(0, at - 16), at));
      if (!m) continue;
      const start = at - m[0].length + m[0].indexOf(m[1]!);
      const name = nameAt(text, start);
      if (name === m[1] && !isPlace(start)) add(name, start);
    }
  }
  // A name is one person wherever it occurs; a longer name (吴李焕) beats its prefix (吴李).
  const names = [...found.values()];
  // …and a shorter name found only inside a longer one (应辉 in 滚应辉说) is that one's tail.
  const inside = (p: PersonHit, q: PersonHit) =>
    occurrences(text, p.name).every((at) => occurrences(text, q.name).some((b) => b <= at && at + p.name.length <= b + q.name.length));
  // (李红梅分别发言 → 梅分别 before 发言: a name that starts inside another wherever it occurs is
  // that one's tail and the words after it.)
  const straddles = (p: PersonHit, q: PersonHit) =>
    occurrences(text, p.name).every((at) => occurrences(text, q.name).some((b) => b < at && at < b + q.name.length && at + p.name.length > b + q.name.length));
  const kept = names.filter(
    (p) =>
      !names.some((q) => q !== p && ((q.name.length > p.name.length && (q.name.startsWith(p.name) || (q.name.endsWith(p.name) && inside(p, q)))) || straddles(p, q))),
  );
  for (const p of kept) p.place = placeNear(ctx, places, p.start, main);
  // Titles once every name is known: 谢晓燕、林志强、周敏3人由老支书陈永福 titles 陈永福 老支书
  // even when the names before him were found after him.
  const all = kept.map((p) => p.name);
  for (const p of kept) p.title = titleBefore(text, p.start, all.filter((n) => n !== p.name));
  return kept.sort((a, b) => a.start - b.start);
}

export function personFacts(ctx: ExtractContext, hits: PersonHit[], roles: Map<string, Set<string>>): PersonFact[] {
  return hits.map((h) => ({
      name: h.name,
      title: h.title,
      place: h.place?.name,
      roles: [...(roles.get(h.name) ?? [])],
      initiatives: [],
      evidence: quoteAround(ctx, h.start, h.end),
    }));
}
