import type { InitiativeKind } from '../../model.js';
import type { InitiativeFact } from '../facts.js';
import { HAN, quoteAround, type ExtractContext } from './context.js';
import { placeNear, type PlaceHit } from './places.js';

/**
 * Initiatives: quoted names (“雁雏共翔”计划, “书记工程”, “导师帮带制”), names after verbs of
 * launching (实施…计划, 开办…特训营), with a kind from their vocabulary and the place that runs them.
 */
export interface InitiativeHit {
  name: string;
  kind: InitiativeKind;
  start: number;
  end: number;
  place?: PlaceHit;
  aliases: string[];
}

const SUFFIX = '计划|工程|行动|机制|制度|模式|体系|讲堂|学堂|特训营|提升年(?!轻)|服务圈|故事会|党建品牌|品牌|活动|之旅|历练|培训|战区';
const NAME_SUFFIX = new RegExp(`(${SUFFIX}|制|(建设|攻坚|作风|能力|落实|服务|效能)年)$`);
// The suffix may carry a short qualifier: “清仓补短+百花齐放”培育体系, “探路破局”研学行动.
const QUOTED = new RegExp(`“([^”“]{2,20})”((?:[${HAN}]{0,2}?(?:${SUFFIX}))+)?`, 'gu');
const LAUNCH = new RegExp(
  `(?:创新开办|创新推出|实施|推出|推行|开办|建立|构建|启动|做实|深化|举办|打造)(?:了)?((?:首届|第[一二三四五六七八九十\\d]+期)?[${HAN}]{2,14}?(?:计划|工程|行动|机制|特训营|讲堂|大讲堂))`,
  'gu',
);
const MENTORING_WORDS = /帮带|带徒|传帮带|结对|导师|一带/;

const KIND_RULES: Array<[RegExp, InitiativeKind]> = [
  [MENTORING_WORDS, 'mentoring'],
  [/研学|取经|之旅|考察/, 'study-tour'],
  [/对标/, 'benchmarking'],
  [/挂职|下沉|蹲苗|驻企|蹲点|练兵|战区|一线锻炼|领航/, 'field-placement'],
  [/培训|讲堂|学堂|特训营|课|夜读|故事会|大学生|提升计划|提升行动|能力提升|培育|头雁/, 'training'],
  [/服务|护航|帮扶|进千企|微实事/, 'service'],
  [/提升年|攻坚年|活动|行动|创建/, 'campaign'],
  [/机制|制度|治理|工程|制$|互助/, 'governance'],
];

export function kindOf(name: string, context = ''): InitiativeKind {
  for (const [re, kind] of KIND_RULES) if (re.test(name)) return kind;
  for (const [re, kind] of KIND_RULES) if (re.test(context)) return kind;
  return 'other';
}

/** A quoted phrase is an initiative's name when it ends like one or a suffix follows it. */
function quotedName(inner: string, suffix: string | undefined, before: string): string | undefined {
  if (/[,，、。;；!！?？]/.test(inner)) return undefined;
  // A role in quotes (“帮带导师”, “导师”51人) names people, not a scheme.
  if (/导师$|员$/.test(inner) && !suffix) return undefined;
  // “干部素质提升年”活动: the name already ends like a name; 活动/行动 only describe it.
  if (suffix && NAME_SUFFIX.test(inner) && /^(活动|行动|培训)$/.test(suffix)) return inner;
  if (suffix) return inner + (suffix === '党建品牌' ? '' : suffix);
  // 黄金园街道的“淬锋行动”, 区人社局…“雷锋人社服务+”: a unit's own named brand.
  if (/(街道|镇|乡|村|局|区|县)的$/.test(before)) return inner;
  if (NAME_SUFFIX.test(inner) && inner.length >= 3) return inner;
  if (MENTORING_WORDS.test(inner) && inner.length <= 6) return inner;
  return undefined;
}

export function extractInitiatives(ctx: ExtractContext, places: PlaceHit[], main?: PlaceHit): InitiativeHit[] {
  const { text } = ctx;
  const hits: InitiativeHit[] = [];
  const quoted = [...text.matchAll(QUOTED)];
  const named = new Set<number>();
  for (const [i, m] of quoted.entries()) {
    let name = quotedName(m[1]!, m[2], text.slice(Math.max(0, m.index! - 6), m.index!));
    // “千名干部进千企”“乡村振兴四项行动”“党员干部下沉社区……”: names listed together.
    const adjacent = (j: number) => quoted[j] && named.has(j) && quoted[j]!.index! + quoted[j]![0].length === m.index!;
    if (!name && !/[,，、。;；!！?？]/.test(m[1]!.replace(/…+$/, '')) && (adjacent(i - 1) || (quotedName(quoted[i + 1]?.[1] ?? '', quoted[i + 1]?.[2], '') && quoted[i + 1]!.index === m.index! + m[0].length))) {
      name = m[1]!.replace(/…+$/, '');
    }
    if (!name) continue;
    named.add(i);
    hits.push({ name, kind: kindOf(name, text.slice(m.index!, m.index! + 40)), start: m.index!, end: m.index! + m[0].length, aliases: m[2] ? [m[1]!] : [] });
  }
  for (const m of text.matchAll(LAUNCH)) {
    const name = m[1]!.replace(/^(首届|第[一二三四五六七八九十\d]+期)/, '');
    const start = m.index! + m[0].length - m[1]!.length;
    if (hits.some((h) => h.start <= start && h.end >= start)) continue;
    hits.push({ name, kind: kindOf(name), start, end: start + m[1]!.length, aliases: [] });
  }
  for (const h of hits) h.place = placeNear(ctx, places, h.start, main);
  return hits.sort((a, b) => a.start - b.start);
}

export function initiativeFacts(ctx: ExtractContext, hits: InitiativeHit[], main?: PlaceHit): InitiativeFact[] {
  const byName = new Map<string, InitiativeFact>();
  for (const h of hits) {
    const place = h.place ?? main;
    if (!place) continue;
    const existing = byName.get(h.name);
    if (existing) {
      if (!existing.places.includes(place.name)) existing.places.push(place.name);
      continue;
    }
    byName.set(h.name, {
      name: h.name,
      kind: h.kind,
      aliases: h.aliases.filter((a) => a !== h.name),
      places: [place.name],
      // Year-long campaigns (…提升年) are provincial: one node across the province's articles.
      scope: /年$/.test(h.name) && place.place ? place.place.code.slice(0, 2) : undefined,
      runBy: [],
      evidence: quoteAround(ctx, h.start, h.end),
    });
  }
  return [...byName.values()];
}
