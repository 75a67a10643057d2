import type { InitiativeKind } from '../../model.js';
import { alternation, orderedPairs, wordMap, wordSet } from '../../lang/zh/lexicon.js';
import { HAN } from '../../lang/zh/script.js';
import { words } from '../../lang/zh/tokenizer.js';
import type { InitiativeFact } from '../facts.js';
import { quoteAround, sentenceAt, type ExtractContext } from './context.js';
import { placeNear, type PlaceHit } from './places.js';

/**
 * Initiatives: quoted names (“雁雏共翔”计划, “书记帮带”, “1+N”模式), and names that end in a
 * programme word of lang/zh/data/initiative-heads.txt with the modifiers before it (村级后备
 * 力量链条式培育计划, 干部大讲堂). Quoted generic words (“传帮带”) are not programmes; meetings,
 * ceremonies and documents are events, not programmes.
 */
export interface InitiativeHit {
  name: string;
  kind: InitiativeKind;
  start: number;
  end: number;
  place?: PlaceHit;
  aliases: string[];
}

const EVENT = /(会|会议|座谈会|仪式|大会|典礼|方案|通知|意见|办法|规定|承诺书|决定)$/;
const PUNCT = /[,，、。；;:：“”‘’"()（）!！?？《》\s【】\[\]|丨·•…—]/;

let cache: { heads: Map<string, InitiativeKind>; alone: Set<string>; quotedOnly: Set<string>; launched: RegExp; headRe: RegExp; quoted: RegExp; quotedSingle: RegExp; kinds: Array<[InitiativeKind, RegExp]> } | undefined;
/** “X”, optionally followed by a short qualifier and a head: “清仓补短+百花齐放”培育体系. */
function quotedPattern(open: string, close: string, headWords: string): RegExp {
  // 对 is a preposition before a name's head, except in 结对 (“1+1+N”结对模式). A bare 制 right
  // after the quote is a head too (“双导师”制), but not the verb 制定 or the word 制度's cousins.
  return new RegExp(`${open}([^${close}${open}“”\\n]{2,24})${close}((?:(?:结对|[^\\s${'把将在的是为了和与及到让使对这那等'}，,。、；;“”‘’]){0,6}?(?:${headWords}))|制(?![定度作造约止服衡]))?`, 'gu');
}

function lexicon() {
  if (cache) return cache;
  const rows = orderedPairs('initiative-heads.txt') as Array<[string, InitiativeKind, string?]>;
  const heads = new Map(rows.map(([h, k]) => [h, k]));
  const alone = new Set(rows.filter((r) => r[2] === 'alone').map(([h]) => h));
  const quotedOnly = new Set(rows.filter((r) => r[2] === 'quoted').map(([h]) => h));
  const headAlt = alternation('initiative-heads.txt').split('|').filter((h) => !h.includes('\t')).join('|');
  const headWords = [...heads.keys()].sort((a, b) => b.length - a.length).join('|');
  const plainHeads = [...heads.keys()].filter((h) => !quotedOnly.has(h)).sort((a, b) => b.length - a.length).join('|');
  cache = {
    heads,
    alone,
    quotedOnly,
    // 成立年轻干部学习小组: after a verb that sets one up, a 小组 is a programme.
    launched: new RegExp(`(?:成立|组建|组织|开设|设置|实行|执行)(?:了)?([${HAN}]{2,10}?小组)(?=[,，。;；、]|$)`, 'gu'),
    headRe: new RegExp(`(?:${plainHeads})`, 'gu'),
    quoted: quotedPattern('“', '”', headWords),
    // ‘1+1+N’帮带模式: a name in single quotes, as nested inside a quotation.
    quotedSingle: quotedPattern('‘', '’', headWords),
    kinds: orderedPairs('initiative-kinds.txt').map(([kind, ws]) => [kind as InitiativeKind, new RegExp(ws.split(/\s+/).join('|'), 'u')]),
  };
  void headAlt;
  return cache;
}

export function kindOf(name: string, context = ''): InitiativeKind {
  const { kinds, heads } = lexicon();
  for (const [kind, re] of kinds) if (re.test(name)) return kind;
  for (const [head, kind] of heads) if (name.endsWith(head) && kind !== 'other') return kind;
  for (const [kind, re] of kinds) if (re.test(context)) return kind;
  return 'other';
}

const endsWithHead = (s: string) => [...lexicon().heads.keys()].some((h) => s.endsWith(h) && s.length > h.length);
const MENTORING = /帮带|带徒|带高徒|结对|导师|师徒|青蓝|以老带新|一带/;

/** A quoted phrase is a programme's name when it is followed by a head, ends like one, or says mentoring. */
function quotedName(inner: string, suffix: string | undefined, before: string, after = ''): string | undefined {
  inner = inner.replace(/[‘’'"]/g, '');
  // (“导师帮带，共同成长”活动: a two-part slogan with a head after it names one; without one it is a slogan.)
  const slogan = (!!suffix || /^(?:活动|行动)/u.test(after)) && /^[^,，。;；!！?？]{2,8}[,，][^,，。;；!！?？]{2,8}$/u.test(inner);
  if ((!slogan && /[,，。;；!！?？]/.test(inner)) || inner.length > 20) return undefined;
  // “1名县领导+1名科级干部+N名年轻干部”: a head-count formula describes a scheme, it names none.
  if (/\+/.test(inner) && /[\dN一二两三四五六七八九十]\s*名/.test(inner)) return undefined;
  if (/、/.test(inner) && !suffix) return undefined;
  // “三会一课”制度: a quoted generic mechanism is none either.
  if (suffix && /^(机制|体系|制度)$/.test(suffix) && wordSet('generic-mechanisms.txt').has(inner)) return undefined;
  if (suffix) {
    // “干部素质提升年”活动: the name already ends like one; 活动/行动 only describe it.
    if ((endsWithHead(inner) || /年$/.test(inner)) && /^(活动|行动|培训)$/.test(suffix)) return inner;
    // “青年干部成长驿站”平台, “墩苗岗”岗位: a type word after a name that has its own head.
    if (lexicon().quotedOnly.has(suffix) && (endsWithHead(inner) || inner.endsWith(suffix[0]!))) return inner;
    if (wordSet('generic-schemes.txt').has(inner)) {
      // “老带新”警师制: the scheme is the head that names one by itself, not the slogan before it.
      if (lexicon().alone.has(suffix)) return suffix;
      if (suffix.length <= 2 && !/机制|制度|模式|活动/.test(suffix)) return undefined;
    }
    return inner + suffix;
  }
  if (wordSet('generic-schemes.txt').has(inner)) return undefined;
  if (endsWithHead(inner) && inner.length >= 3) return inner;
  if (MENTORING.test(inner) && inner.length <= 8) return inner;
  // 实施“千万工程”, 推广“枫桥经验”, 开展“代理一周书记”: a launch verb names it.
  if (/(实施|推行|推出|开展|启动|打造|创新|探索|学习借鉴|推进|推广|依托|建立|采取|构建)[了]?$/.test(before) && inner.length >= 3) return inner;
  if (/(工程|经验|计划|行动|品牌|[^体机]制)$/.test(inner)) return inner;
  return undefined;
}

let peopleRe: RegExp | undefined;
/** 社区人才, 年轻干部, 递进式社区书记: a kind of people (a descriptor, a level, then a people noun) and nothing else. */
function peopleOnly(mod: string): boolean {
  peopleRe ??= new RegExp(
    `^(?:[${HAN}]{1,3}式)?(?:${alternation('people-levels.txt')}|${alternation('mentee-prefixes.txt')})*(?:${alternation('people-nouns.txt')}|${alternation('mentee-nouns.txt')}|${alternation('mentor-nouns.txt')})$`,
    'u',
  );
  return mod.length >= 2 && peopleRe.test(mod);
}

/** The name ending at `end` whose last word is the head found there: modifiers back to a boundary. */
function nameBefore(text: string, sentenceStart: number, headStart: number, head: string): string | undefined {
  const from = Math.max(sentenceStart, headStart - 20);
  const toks = words(text.slice(from, headStart));
  // The window may cut a word in two: its first token is not trusted.
  if (from > sentenceStart) toks.shift();
  const boundary = wordSet('initiative-boundaries.txt');
  let mod = '';
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i]!;
    if (PUNCT.test(t.word) || boundary.has(t.word) || /^(p|c|uj|ul|u|d|r|y|e|o|zg)$/.test(t.tag)) break;
    // 建立健全, 不断完善, 积极探索: two boundary words jieba keeps as one (组织部门 is no such pair).
    if (t.word.length === 4 && boundary.has(t.word.slice(0, 2)) && boundary.has(t.word.slice(2))) break;
    if (/^\d+$/.test(t.word) && /^[年月日]/.test(toks[i + 1]?.word ?? '')) break;
    // 2025年新任村干部培训班: a date stops the walk before its 年 too.
    if (/^[年月日]$/.test(t.word) && /^\d+$/.test(toks[i - 1]?.word ?? '')) break;
    if (mod.length + t.word.length > 14) break;
    mod = t.word + mod;
  }
  mod = mod.replace(/^(今年|去年|近年来|目前|同时|此外)+/, '').replace(/^(第?[\d两一二三四五六七八九十]+[个期项名批次场支家所座届])/, '');
  // 推行导师制, 组建导师组: some heads name a programme by themselves.
  // (导师帮带制 read on as 导师帮带制度 is still the head that stands alone.)
  // (安排到5个村跟班学习: the unit left of a counted place is no part of the name.)
  if (mod.length < 2) return (lexicon().alone.has(head) || lexicon().alone.has(head.replace(/度$/, ''))) && head.length >= 3 ? mod.replace(/^[村镇乡县市区省]$/u, '') + head : undefined;
  // 一项基础性、战略性工程: a quality (…性) describes a programme, it names none.
  if (/性$/.test(mod) && mod.length <= 4) return undefined;
  // 个性化培养计划, 常态化帮带机制: how a plan is made (…化 and a verb) names no programme.
  if (/^(计划|方案|机制|模式|制度|体系)$/.test(head) && /^[\p{Script=Han}]{2,3}化[\p{Script=Han}]{1,2}$/u.test(mod)) return undefined;
  // 社区人才培养模式, 年轻书记培养体系, 递进式社区书记培养体系: who is trained, and how, describes
  // the work every county does; a programme has a name of its own (链条式培育计划 keeps its head).
  if (/^(模式|机制|体系)$/.test(head) && peopleOnly(mod.replace(/(?:培养|培育|管理|选拔|成长|发展|储备|使用)+$/u, ''))) return undefined;
  // 容错纠错机制, 考核评价体系: how every institution works (generic-mechanisms.txt), no programme.
  if (/^(机制|体系|制度)$/.test(head) && wordSet('generic-mechanisms.txt').has(mod)) return undefined;
  // A general word (模式, 机制) needs a modifier that names something (not 一种合作模式, 竞争机制).
  if (/^(模式|机制|体系|制度|计划|工程|行动|系列活动|专班)$/.test(head) && (mod.length < 3 || /^(一种|一套|一项|一个|这|该|各|有关|相关|长效)/.test(mod) || /新$/.test(mod))) return undefined;
  return mod + head;
}

export function extractInitiatives(ctx: ExtractContext, places: PlaceHit[], main?: PlaceHit): InitiativeHit[] {
  const { text } = ctx;
  const { quoted, quotedSingle, launched, headRe } = lexicon();
  const hits: InitiativeHit[] = [];
  const covered = (a: number, b: number) => hits.some((h) => h.start < b && a < h.end);
  const add = (name: string, start: number, end: number, aliases: string[] = []) => {
    if (EVENT.test(name) || /《/.test(name) || name.length < 3) return;
    hits.push({ name, kind: kindOf(name, text.slice(start, start + 40)), start, end, aliases });
  };
  // 开展“导师面对面”“岗位练兵”“基层墩苗”等系列活动: each quoted item of the run is an activity.
  // (打造“书记讲堂”“村官夜话”等特色品牌: a run named as brands or projects is one too.)
  for (const m of text.matchAll(/((?:“[^”“\n]{2,12}”、?){2,})等(?:一系列|系列)?(?:特色|工作|培训|培养|实践)?(?:活动|举措|行动|载体|品牌|项目|平台)/gu)) {
    for (const item of m[1]!.matchAll(/“([^”]+)”、?/gu)) {
      const [inner, at] = [item[1]!, m.index! + item.index!];
      if (!wordSet('generic-schemes.txt').has(inner) && !/[,，。]/.test(inner)) add(inner, at, at + item[0].length);
    }
  }
  // 全面实施“老街干”结对帮带“新街干”: a launched pairing of two quoted sides is one scheme.
  // (推行“老党员”带“新党员”机制: with the head that follows.)
  for (const m of text.matchAll(/(?:实施|推行|开展|推进|建立|探索|推广)(?:了)?(“([^”“\n]{2,8})”(结对帮带|结对帮扶|帮带|结对|带|传帮带)“([^”“\n]{2,8})”(机制|模式|制度|活动|工程|计划|行动)?)/gu)) {
    const at = m.index! + m[0].length - m[1]!.length;
    add(`${m[2]}${m[3]}${m[4]}${m[5] ?? ''}`, at, at + m[1]!.length);
  }
  for (const re of [quoted, quotedSingle]) {
    for (const m of text.matchAll(re)) {
      if (covered(m.index!, m.index! + m[0].length)) continue;
      // 评选“金牌导师”10名, 被评为“优秀导师”: an honour people are given, counted or awarded, is no programme.
      // (开展“优秀师徒”评选: the honour is the thing chosen, 评选 after it.)
      const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 6);
      if (!m[2] && (/^\s*(?:\d+|[一二两三四五六七八九十]+)\s*[名位人]/u.test(after) || /^(?:评选|评比|评定|表彰)/u.test(after) || /(?:评选|评为|评出|授予|荣获|获评|表彰)(?:了|出|的)?$/u.test(text.slice(Math.max(0, m.index! - 4), m.index!)))) continue;
      const name = quotedName(m[1]!, m[2], text.slice(Math.max(0, m.index! - 6), m.index!), after.slice(0, 2));
      if (name) add(name, m.index!, m.index! + m[0].length, m[2] ? [m[1]!.replace(/[‘’]/g, '')] : []);
    }
  }
  for (const m of text.matchAll(launched)) {
    const start = m.index! + m[0].length - m[1]!.length;
    if (!covered(start, start + m[1]!.length)) add(m[1]!, start, start + m[1]!.length);
  }
  for (const s of ctx.seg.sentences) {
    for (const m of s.text.matchAll(headRe)) {
      const at = s.start + m.index!;
      let end = at + m[0].length;
      let head = m[0];
      // 导师制度: a head ending in 制 that runs into 度 is 制度.
      if (head.endsWith('制') && text[end] === '度') {
        head += '度';
        end++;
      }
      if (covered(at, end) || text[end] === '”' || /^[员长]/.test(text[end] ?? '')) continue;
      // A head that is itself the start of a longer word (计划生育, 工程师) names no programme.
      if (/^(生育|师|款|队伍建设)/.test(text.slice(end, end + 4)) && m[0] !== '导师队伍') continue;
      // (为每对师徒制定计划: 制 that opens a verb, 制定 or 制作, is no 师徒制.)
      if (head.endsWith('制') && /^[定订作约止造]/.test(text[end] ?? '')) continue;
      // (导师团队, 导师组成: a team of mentors or a verb, not the 导师团/导师组 of a scheme.)
      if (/[团组]$/.test(head) && /^[队成织]/.test(text[end] ?? '')) continue;
      const name = nameBefore(text, s.start, at, head);
      if (!name) continue;
      // 采用案例解析、情景模拟、分组研讨模式: the last of a list of methods, the head said of them all.
      if (/^(?:模式|方式|形式|方法)$/.test(head) && text[end - name.length - 1] === '、') continue;
      const start = end - name.length;
      if (covered(start, end)) continue;
      add(name, start, end);
    }
  }
  for (const h of hits) h.place = placeNear(ctx, places, h.start, main);
  // One programme named twice (浙江宁海跟班学习 and 宁海跟班学习): the shorter is an alias.
  hits.sort((a, b) => a.start - b.start);
  // “薪火工程”又称“老支书传帮带计划”, 青苗培育工程（又称“育苗行动”）: the second name is the first one's alias.
  for (const [i, h] of hits.entries()) {
    const next = hits[i + 1];
    if (next && /^[”’]?[(（]?(?:又称|又名|也称|也叫|亦称|简称|俗称|即)[:：]?[“‘]?$/.test(text.slice(h.end, next.start)) && !h.aliases.includes(next.name)) h.aliases.push(next.name);
  }
  // 建强村级后备干部储备库，…纳入社区后备干部人才库: one pool named twice in a sentence (the same
  // head 库, the same people in it), not two pools — unless listed together (X库和Y库).
  // (县级后备人才库 … 村级后备人才库 in two clauses are two pools: different levels.)
  const level = (x: string) => /^[县市乡镇村]级/u.exec(x)?.[0];
  for (const [i, h] of hits.entries()) {
    const s = h.name.endsWith('库') ? sentenceAt(ctx, h.start) : undefined;
    const core = /(后备干部|后备力量|年轻干部|青年干部|后备人才|人才)/u.exec(h.name)?.[1];
    if (!s || !core) continue;
    for (const o of hits.slice(i + 1)) {
      if (!o.name.endsWith('库') || h.aliases.includes(o.name)) continue;
      if (o.start >= s.start + s.text.length || /[和及与、]\s*$/.test(text.slice(h.end, o.start))) continue;
      if (level(h.name) && level(o.name) && level(h.name) !== level(o.name)) continue;
      if (o.name.includes(core)) h.aliases.push(o.name);
    }
  }
  for (const h of hits) {
    const longer = hits.find((o) => o !== h && o.name.length > h.name.length && o.name.includes(h.name) && h.name.length >= 4);
    if (longer && !longer.aliases.includes(h.name)) longer.aliases.push(h.name);
  }
  return hits.filter((h) => !hits.some((o) => o !== h && o.aliases.includes(h.name)));
}

const SYSTEM_HEAD = /(?:制度|机制|模式|体系|制)$/u;

export function initiativeFacts(ctx: ExtractContext, hits: InitiativeHit[], main?: PlaceHit): InitiativeFact[] {
  const byName = new Map<string, InitiativeFact>();
  for (const h of hits) {
    const place = h.place ?? main;
    // “双导师”培养制度 and “双导师”制度: one quoted core with two system heads is one scheme.
    const sameCore = (f: InitiativeFact) => SYSTEM_HEAD.test(f.name) && SYSTEM_HEAD.test(h.name) && f.aliases.some((a) => h.aliases.includes(a));
    const existing = byName.get(h.name) ?? [...byName.values()].find((f) => f.aliases.includes(h.name) || h.aliases.includes(f.name) || sameCore(f));
    if (existing) {
      if (place && !existing.places.includes(place.name)) existing.places.push(place.name);
      for (const a of [h.name, ...h.aliases]) if (a !== existing.name && !existing.aliases.includes(a)) existing.aliases.push(a);
      continue;
    }
    byName.set(h.name, {
      name: h.name,
      kind: h.kind,
      aliases: h.aliases.filter((a) => a !== h.name),
      places: place ? [place.name] : [],
      // Year-long campaigns (…提升年) are provincial: one node across the province's articles.
      scope: /年$/.test(h.name) && place?.place ? place.place.code.slice(0, 2) : undefined,
      runBy: [],
      evidence: quoteAround(ctx, h.start, h.end),
    });
  }
  return [...byName.values()];
}
