import { allOfLevel, ancestry, placesNamed, townshipsOf, villagesOf, type GazPlace } from '../gazetteer.js';
import type { PlaceFact } from '../facts.js';
import { orderedPairs, wordList, wordSet } from '../../lang/zh/lexicon.js';
import { cut, words } from '../../lang/zh/tokenizer.js';
import { HAN } from '../../lang/zh/script.js';
import { surnameOf, titleWords } from '../../lang/zh/names.js';
import { occurrences, quoteAround, sentenceAt, type ExtractContext } from './context.js';

/**
 * Places: administrative divisions from the gazetteer (full names, and short forms such as
 * 孝昌 for 孝昌县), townships and villages disambiguated by the counties the article itself
 * mentions (白沙镇 in an article about 孝昌县 is 420921106), plus industrial parks.
 */
export interface PlaceHit {
  name: string;
  start: number;
  end: number;
  place?: GazPlace;
  level: string;
  parentName?: string;
  aliases: string[];
}

const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const LEVEL_RANK: Record<string, number> = { province: 0, prefecture: 1, county: 2, township: 3, street: 3, village: 4 };

let upper: Array<{ form: string; place: GazPlace; short: boolean }> | undefined;
/** The short forms of a full name (lang/zh/data/place-forms.txt): 务川仡佬族苗族自治县 → 务川县, 务川. */
export function shortForms(name: string): string[] {
  for (const [pattern, repl] of orderedPairs('place-forms.txt')) {
    const re = new RegExp(pattern, 'u');
    if (re.test(name)) return repl.split('|').map((r) => name.replace(re, r)).filter((f) => f !== name && f.length >= 2);
  }
  return [];
}
let byFirst: Map<string, Array<{ form: string; place: GazPlace; short: boolean }>> | undefined;
/** Every (offset, form) of the division names in `text`: one pass, forms grouped by first character. */
function formsIn(text: string): Array<[number, { form: string; place: GazPlace; short: boolean }]> {
  if (!byFirst) {
    byFirst = new Map();
    for (const f of upperForms()) byFirst.set(f.form[0]!, [...(byFirst.get(f.form[0]!) ?? []), f]);
  }
  const out: Array<[number, { form: string; place: GazPlace; short: boolean }]> = [];
  for (let i = 0; i < text.length; i++) {
    for (const f of byFirst.get(text[i]!) ?? []) if (text.startsWith(f.form, i)) out.push([i, f]);
  }
  return out;
}
function upperForms() {
  if (upper) return upper;
  upper = [];
  const stop = wordSet('place-stop-forms.txt');
  for (const level of ['province', 'prefecture', 'county'] as const) {
    for (const p of allOfLevel(level)) {
      if (stop.has(p.name) || PLACEHOLDERS.has(p.name)) continue;
      upper.push({ form: p.name, place: p, short: false });
      for (const short of shortForms(p.name)) {
        // 务川县 (for 务川仡佬族苗族自治县) reads as a full name; 务川 is a short form.
        if (!stop.has(short)) upper.push({ form: short, place: p, short: !/[县州旗]$/.test(short) });
      }
    }
  }
  // Longer forms first, so 濮阳县 wins over 濮阳 at the same place in the text.
  upper.sort((a, b) => b.form.length - a.form.length);
  return upper;
}


/** Whether [a, b) starts and ends on word boundaries (搭建平台 holds no 建平). */
function onWordBoundaries(text: string, a: number, b: number): boolean {
  const from = Math.max(0, a - 4);
  const cuts = new Set<number>([from]);
  let pos = from;
  for (const t of cut(text.slice(from, Math.min(text.length, b + 4)))) cuts.add((pos += t.length));
  return cuts.has(a) && cuts.has(b);
}

/** 参训村, 帮扶村, 各村: words that describe villages (lang/zh/data/village-descriptors.txt). */
function describesVillages(name: string): boolean {
  // A one-character verb (下村, 驻村) describes only when it is all there is before 村: 下五屯社区 is a name.
  return wordList('village-descriptors.txt').some((w) => (w.length === 1 ? name === `${w}村` || name === `${w}社区` : name.startsWith(w)));
}

export function extractPlaces(ctx: ExtractContext): { hits: PlaceHit[]; main?: PlaceHit } {
  const { text } = ctx;
  const taken = new Array<boolean>(text.length).fill(false);
  const hits: PlaceHit[] = [];
  const take = (h: PlaceHit) => {
    for (let i = h.start; i < h.end; i++) taken[i] = true;
    hits.push(h);
  };
  const free = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (taken[i]) return false;
    return true;
  };

  // 0. Industrial parks and development zones first (武汉新港潘湾产业园 is a park, not 武汉);
  // they go under the article's main place, known at the end.
  const PARK = new RegExp(`([${HAN}]{2,12}?)(产业园区|产业园|工业园区|工业园|经济开发区|开发区|高新区)`, 'gu');
  const BOUNDARY = /^.*(、|依托|借鉴|下沉|进驻|深入|走进|奔赴|让|使|在|到|县|和|及|与)/u;
  for (const m of text.matchAll(PARK)) {
    let name = m[0].replace(BOUNDARY, '');
    if (name === m[2]) name = m[0].slice(-m[2]!.length - 2);
    // 苏州市吴江开发区: the city is a place of its own; the park is 吴江开发区.
    for (let again = true; again; ) {
      again = false;
      for (const f of upperForms()) {
        if (!f.short && f.place.level !== 'county' && name.startsWith(f.form) && name.length - f.form.length >= 4) {
          name = name.slice(f.form.length);
          again = true;
          break;
        }
      }
    }
    const start = m.index! + m[0].length - name.length;
    if (/^[三四五六七八九十几各多大]|^等|园区$/.test(name) && !/开发区|高新区/.test(name)) continue;
    if (!free(start, start + name.length) || name.length < 4) continue;
    take({ name, start, end: start + name.length, level: 'park', aliases: [] });
  }
  // 1. Provinces, prefectures, counties: collect candidates per text span, then disambiguate.
  const candidates = new Map<string, { start: number; end: number; form: string; places: GazPlace[]; short: boolean }>();
  for (const [at, f] of formsIn(text)) {
    {
      const key = `${at}:${f.form.length}`;
      const c = candidates.get(key) ?? { start: at, end: at + f.form.length, form: f.form, places: [], short: f.short };
      c.places.push(f.place);
      candidates.set(key, c);
    }
  }
  // Context: places named in full, and province/prefecture short forms (湖北, 襄阳), with
  // their ancestors. A county's short form (振兴, 资源, 合作 are also words) needs context.
  const trusted = [...candidates.values()].filter(
    (c) => c.places.length === 1 && (!c.short || c.places[0]!.level !== 'county'),
  );
  const context = new Set(trusted.flatMap((c) => ancestry(c.places[0]!.code).map((a) => a.code)));
  const inContext = (p: GazPlace) => ancestry(p.code).slice(1).some((a) => context.has(a.code));
  const sorted = [...candidates.values()].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const c of sorted) {
    if (!free(c.start, c.end)) continue;
    let choice = c.places;
    // 浙江万抹农业发展有限公司, 湖北嘉特…公司: a place word inside a company's name.
    if (c.short && new RegExp(`^[${HAN}]{2,14}?(有限公司|公司|集团)|^[${HAN}]{0,4}(大学|学院)(?!生)`).test(text.slice(c.end, c.end + 18))) continue;
    // 北京路派出所, 长安街, 兰州拉面: a street, a school or a product named after the place.
    if (wordList('place-followers.txt').some((w) => text.startsWith(w, c.end))) continue;
    // 院长彭朝阳: a short form right after a title and a surname is a given name (朝阳 is no 朝阳市).
    if (c.short && surnameOf(text[c.start - 1] ?? '') && titleWords().some((t) => t.length >= 2 && text.slice(0, c.start - 1).endsWith(t))) continue;
    // A short form must be a word of its own: 搭建平台 is not 建平(县), 资源共享 not 资源(县).
    if (c.short && !onWordBoundaries(text, c.start, c.end)) continue;
    // 花垣镇, 高铁岭镇: a short form that runs into a township's or village's suffix is part of that name.
    if (c.short && /^[镇乡村]|^街道/.test(text.slice(c.end, c.end + 2))) continue;
    // 富阳富春街道: a county's short form right before one of its townships needs no other context.
    const beforeTownship = (p: GazPlace) =>
      p.level === 'county' && townshipsOf(p.code).some((t) => text.startsWith(t.name, c.end) || (t.name.length > 3 && text.startsWith(t.name.replace(/(镇|乡|街道)$/, ''), c.end)));
    if (c.short) choice = choice.filter((p) => p.level !== 'county' || inContext(p) || beforeTownship(p));
    if (choice.length > 1) {
      const near = choice.filter((p) => inContext(p) || context.has(p.code));
      if (near.length > 0) choice = near;
      else if (new Set(choice.map((p) => p.code.slice(0, 2))).size > 1) continue;
      choice = [...choice].sort((a, b) => LEVEL_RANK[a.level]! - LEVEL_RANK[b.level]!);
    }
    const place = choice[0];
    if (!place) continue;
    // 务川仡佬族苗族自治县 is mostly written and read 务川县: that is its name where the text
    // writes it so, the official one an alias; where the text writes the official name, that is it.
    const readable = /自治/.test(place.name) ? shortForms(place.name)[0] : undefined;
    const name = readable && c.form !== place.name ? readable : place.name;
    take({ name, start: c.start, end: c.end, place, level: place.level, aliases: [...new Set([c.form, place.name, ...(readable ? [readable] : [])])].filter((a) => a !== name) });
  }

  // 2. Townships and villages below the counties the article mentions.
  const counties = [...new Set(hits.filter((h) => h.place?.level === 'county').map((h) => h.place!.code))];
  const townships: GazPlace[] = counties.flatMap((code) => townshipsOf(code));
  for (const t of townships) {
    // 聚凤仡佬族侗族乡 is written 聚凤乡 (a full name as the text has it) and 聚凤.
    const [written, ethnicShort] = shortForms(t.name);
    const short = ethnicShort ?? t.name.replace(/(镇|乡|街道)$/, '');
    const forms = [t.name, ...(written && ethnicShort ? [written] : []), ...(short.length >= 2 && short !== t.name ? [short] : [])];
    for (const form of forms) {
      for (const at of occurrences(text, form)) {
        if (!free(at, at + form.length)) continue;
        // A short form must not run into more of a name (周巷 in 周巷村 is the village).
        // (下五屯社区居委会 likewise: a community named after the street is not the street.)
        if (form === short && /^(?:[村镇乡]|社区|居委)/.test(text.slice(at + form.length, at + form.length + 2))) continue;
        // Inside a quoted slogan it is a name part (“雷锋人社服务+”), not the street.
        if (form === short && text[at - 1] === '“') continue;
        // 渠东街道 holds 东街 (the short form of 东街街道) only across a word boundary.
        if (form === short && !onWordBoundaries(text, at, at + form.length)) continue;
        // 计划新建高标准农田 is no mention of 新建镇: short forms that are ordinary words.
        if (form === short && wordSet('place-stop-forms.txt').has(short)) continue;
        // 文峰派出所, 白沙供电所: a unit named after the township is no mention of the township.
        if (form === short && wordList('place-followers.txt').some((w) => text.startsWith(w, at + form.length))) continue;
        // Named as written where it is written in full (聚凤乡), the official name an alias.
        const name = form === t.name || !written || !ethnicShort ? t.name : written;
        take({ name, start: at, end: at + form.length, place: t, level: t.level, aliases: [...new Set([form, t.name])].filter((x) => x !== name) });
      }
    }
  }
  // Townships written in full whose county the article does not name: keep when unique.
  for (const m of text.matchAll(new RegExp(`[${HAN}]{1,5}(镇|乡|街道)`, 'gu'))) {
    const end = m.index! + m[0].length;
    for (let len = Math.min(7, m[0].length); len >= 2; len--) {
      const start = end - len;
      const name = text.slice(start, end);
      const found = placesNamed(name).filter((p) => p.level === 'township' || p.level === 'street');
      // 文明村镇: the name must start at a word boundary (明村镇 is no township here).
      // (Only the start: a township's suffix often merges with what follows, 镇党委.)
      const startsWord = () => onWordBoundaries(text, start, start);
      if (found.length === 1 && free(start, end) && startsWord()) {
        take({ name, start, end, place: found[0], level: found[0]!.level, aliases: [] });
        break;
      }
    }
  }
  const mentionedTownships = [...new Set(hits.filter((h) => h.place && (h.level === 'township' || h.level === 'street')).map((h) => h.place!.code))];
  for (const code of mentionedTownships) {
    for (const v of villagesOf(code)) {
      for (const at of occurrences(text, v.name)) {
        if (free(at, at + v.name.length)) take({ name: v.name, start: at, end: at + v.name.length, place: v, level: 'village', aliases: [] });
      }
    }
  }

  // Villages the dataset lacks (or names otherwise): 小市镇韭菜园子村 right after its township,
  // 龙泉村村支书 before a village office. Placed under that township, else the nearest place.
  // (东街居委会: a neighbourhood by its committee.)
  // (西江镇的新任村干部: a particle opens no name, and 村干部 is a noun.)
  const VILLAGE_AFTER = new RegExp(`^(?![的了在和与及是等])([${HAN}]{1,5}?(?:村|社区|居委会))(?![民委里庄镇干级务])`, 'u');
  for (const t of hits.filter((h) => h.level === 'township' || h.level === 'street')) {
    const m = VILLAGE_AFTER.exec(text.slice(t.end, t.end + 8));
    if (m && free(t.end, t.end + m[1]!.length) && !describesVillages(m[1]!) && !/^社区/.test(m[1]!)) {
      take({ name: m[1]!, start: t.end, end: t.end + m[1]!.length, level: 'village', parentName: t.name, aliases: [] });
    }
  }
  for (const m of text.matchAll(new RegExp(`(?<=^|[,，、。；;的是在和与及到\\n])([${HAN}]{2,4}村)(?=村支书|村党|村委|村两委|党支部|党总支)`, 'gu'))) {
    const at = m.index!;
    if (!free(at, at + m[1]!.length) || describesVillages(m[1]!)) continue;
    // 参训村, 帮扶村: a verb before 村 describes villages, it does not name one.
    if (words(m[1]!.slice(0, -1)).some((w) => /^v/.test(w.tag))) continue;
    const parent = hits.filter((h) => h.start < at && h.level !== 'village' && h.level !== 'park').at(-1);
    take({ name: m[1]!, start: at, end: at + m[1]!.length, level: 'village', parentName: parent?.name, aliases: [] });
  }

  const main = mainPlace(hits, text);
  for (const h of hits) if ((h.level === 'park' || h.level === 'village') && !h.place && !h.parentName) h.parentName = main?.name;
  return { hits: hits.sort((a, b) => a.start - b.start), main };
}

/** The place the article is about: the most mentioned county or prefecture, else township, else province. */
export function mainPlace(hits: PlaceHit[], text = ''): PlaceHit | undefined {
  // An article that speaks of 全镇/该镇 is about a township (羊角塘镇), not its county.
  if (/(全|该|本)(镇|乡|街道)/.test(text)) {
    const townships = hits.filter((h) => h.level === 'township' || h.level === 'street');
    const names = new Map<string, number>();
    for (const t of townships) names.set(t.name, (names.get(t.name) ?? 0) + 1);
    const top = [...names].sort((a, b) => b[1] - a[1]);
    if (top.length > 0 && (top.length === 1 || top[0]![1] > top[1]![1])) return townships.find((t) => t.name === top[0]![0]);
  }
  for (const levels of [['county', 'prefecture'], ['township', 'street'], ['province']]) {
    const counts = new Map<string, { n: number; h: PlaceHit }>();
    for (const h of hits.filter((x) => levels.includes(x.level))) {
      const c = counts.get(h.name) ?? { n: 0, h };
      c.n++;
      counts.set(h.name, c);
    }
    const best = [...counts.values()].sort((a, b) => b.n - a.n || a.h.start - b.h.start)[0];
    if (best) return best.h;
  }
  return undefined;
}

/** The nearest place mentioned before `at` in the same sentence, else the main place. */
export function placeNear(ctx: ExtractContext, hits: PlaceHit[], at: number, main?: PlaceHit): PlaceHit | undefined {
  const s = sentenceAt(ctx, at);
  const before = hits.filter((h) => h.start < at && s && h.start >= s.start && h.level !== 'province');
  return before.at(-1) ?? main;
}

export function placeFacts(ctx: ExtractContext, hits: PlaceHit[]): PlaceFact[] {
  const byName = new Map<string, PlaceFact>();
  // One fact per place: 麻阳苗族自治县 and, later, 麻阳县 are one county named as first written.
  const keyOf = (h: PlaceHit) => h.place?.code ?? h.name;
  for (const h of [...hits].sort((a, b) => a.start - b.start)) {
    const existing = byName.get(keyOf(h));
    if (existing) {
      existing.aliases = [...new Set([...existing.aliases, ...h.aliases, h.name])].filter((a) => a !== existing.name);
      continue;
    }
    byName.set(keyOf(h), {
      name: h.name,
      code: h.place?.code,
      level: h.level as PlaceFact['level'],
      parent: h.place ? undefined : h.parentName,
      aliases: h.aliases,
      evidence: quoteAround(ctx, h.start, h.end),
    });
  }
  // A park whose county could not be found has no parent: it cannot be placed, so drop it.
  return [...byName.values()].filter((p) => p.code || p.parent);
}
