import { words } from '../../../lang/zh/tokenizer.js';
import { alternation } from '../../../lang/zh/lexicon.js';
import { NUMBER, parseNumber } from '../../../lang/zh/numerals.js';

/** A group side of a mentorship (38名县领导, 徒弟): a cohort with a label and maybe a head count. */
export interface GroupParty {
  label: string;
  size?: number;
  approx: boolean;
  evidence: string;
}

let headRes: { mentor: RegExp; mentee: RegExp; isMentor: RegExp; isMentee: RegExp; any: RegExp; everyAny: RegExp; menteePrefix: RegExp; boundary: RegExp; boundaryBeforeNoun: RegExp; leadIn: RegExp } | undefined;
/** The side nouns (lang/zh/data/mentor-nouns.txt, mentee-nouns.txt, people-nouns.txt) as patterns. */
export function heads() {
  headRes ??= {
    mentor: new RegExp(`(?:${alternation('mentor-nouns.txt')})`, 'gu'),
    mentee: new RegExp(`(?:${alternation('mentee-nouns.txt')})`, 'gu'),
    // The same without the global flag, for tests (a global pattern's test() keeps state).
    isMentor: new RegExp(`(?:${alternation('mentor-nouns.txt')})`, 'u'),
    isMentee: new RegExp(`(?:${alternation('mentee-nouns.txt')})`, 'u'),
    any: new RegExp(`(?:${alternation('mentor-nouns.txt')}|${alternation('mentee-nouns.txt')}|${alternation('people-nouns.txt')})`, 'u'),
    // …and with it, for every side noun in a label (matchAll).
    everyAny: new RegExp(`(?:${alternation('mentor-nouns.txt')}|${alternation('mentee-nouns.txt')}|${alternation('people-nouns.txt')})`, 'gu'),
    // 新任社区干部, 青年技术工人: a mentee group by its opening word.
    menteePrefix: new RegExp(`^(?:\\d+\\s*[名位])?(?:${alternation('mentee-prefixes.txt')})`, 'u'),
    // 选拔5名检察骨干 → 5名检察骨干: the verb before a group is not part of it.
    // (…but not inside a noun: 村党组织书记 holds 组织 and is no verb phrase.)
    boundary: new RegExp(`^.*(?:${alternation('group-boundaries.txt')})(?!书记|部|委|关系|生活)`, 'u'),
    // (选拔48名村级后备力量入库培养: the verb cut at is the last one a side noun still follows.)
    boundaryBeforeNoun: new RegExp(`^.*(?:${alternation('group-boundaries.txt')})(?!书记|部|委|关系|生活)(?=.*(?:${alternation('mentor-nouns.txt')}|${alternation('mentee-nouns.txt')}|${alternation('people-nouns.txt')}))`, 'u'),
    leadIn: new RegExp(`^.*?(?:${alternation('group-boundaries.txt')}|有|共)(?=${NUMBER}\\s*[名位个人])`, 'u'),
  };
  return headRes;
}

export const mentorish = (x: string) => heads().isMentor.test(x);
export const menteeish = (x: string) => (heads().isMentee.test(x) || heads().menteePrefix.test(x)) && !mentorish(x);

// (一百二十余名, 三百多人: a hedge between the number and its measure word.)
const COUNT_SOURCE = `(${NUMBER})\\s*([余多])?\\s*(?:名|位|个|人)`;
const COUNT = new RegExp(COUNT_SOURCE, 'gu');
const COUNT_AT_END = new RegExp(`${COUNT_SOURCE}$`, 'u');

/** A group phrase as a party: its label (quotes and leading function words removed) and size. */
export function groupOf(raw: string, evidence: string): GroupParty | undefined {
  // 年轻干部“接好班” (a headline): a quoted phrase after the group's noun is a slogan, not the group.
  const unquoted = raw.trim().replace(/[“‘][^“”‘’]*[”’]?$/u, '');
  // (“政治导师”和“业务导师”: a quoted item after 和 or 、 is the list going on, not a slogan.)
  // (65名“老支书”: a quotation right after a count is the group's noun.)
  if (unquoted !== raw.trim() && heads().any.test(unquoted) && !/[和与及、]\s*$/u.test(unquoted) && !COUNT_AT_END.test(unquoted)) raw = unquoted;
  let label = raw.replace(/[“”‘’"]/g, '').trim();
  const counts = [...label.matchAll(COUNT)]
    .map((m) => { const n = parseNumber(m[1]!); return n && m[2] ? { ...n, approx: true } : n; })
    .filter((n) => !!n);
  // 1名村两委老干部和1名驻村工作队员: several counted parts are one group, kept whole.
  if (counts.length < 2) {
    // (19名年轻干部通过: a label that ends in one is a clause, and nothing is left of it.)
    label = label.replace(heads().boundaryBeforeNoun.test(label) ? heads().boundaryBeforeNoun : heads().boundary, '');
    // 全镇已有19名退休老干部 → 19名退休老干部: a lead-in that names no people before the count.
    const lead = heads().leadIn.exec(label)?.[0];
    if (lead && !heads().any.test(lead)) label = label.slice(lead.length);
  }
  // …but what comes before its first count is no part of it (目前全县已有36名县级领导、15名…).
  else label = label.replace(heads().leadIn, '');
  // …and the adverbs of the verb after it (24名年轻干部现场签订: 现场 belongs to 签订).
  // (全县186名村党组织书记: the scope before a count is no part of the group either.)
  // (目前全县导师, 全镇像我这样的帮带导师: a time, a scope or a comparison before the noun neither.)
  label = label.replace(/^(?:目前|当前|如今|现在|截至目前|得益于|受益于|多亏了?|有了)/u, '').replace(/^全[县市区镇乡州省旗](?=(?:共|已|累计|有)*\d|像)/u, '').replace(/^像.{1,6}?这样的(?=.{2})/u, '').replace(/^(?:[起出]了|了|着|过|的|和|与|及|对|向|由|是|先后|累计|有(?![\p{Script=Han}]{1,4}的)|共|均|都|也|还|已)+/u, '').replace(/(?:们|等|每人|各|均|都|已|已经|也|还|现场|当场|正式|共同|一起|分别|逐一|依次|纷纷|一一|集体|至少|最少|亲自|主动|带头|一对[一二三多N])+$/, '').trim();
  // 由12名县级领导组成的导师团: the people the team is made of are the group.
  const madeOf = /^(.{2,}?)(?:组成|构成)的[^的]{1,6}$/u.exec(label);
  if (madeOf && heads().any.test(madeOf[1]!)) label = madeOf[1]!;
  // 她的导师, 李娜每周都要向导师: a possessive pronoun, or a clause up to 向/跟/给, before the noun
  // is no part of the group.
  label = label.replace(/^(?:他|她|他们|她们|我|我们|其|自己)的/u, '');
  const toward = /^.+[向跟给]([^向跟给]{2,8})$/u.exec(label)?.[1];
  if (toward && heads().any.test(toward) && !/\d|[一二两三四五六七八九十百]名/u.test(label)) label = toward;
  // 将…等42人纳入村级后备力量库: the pool a group is put into is no part of it.
  const into = /^(.{2,}?)(?:纳入|列入|编入|选入|充实到|吸纳进)[^、和及]{1,14}$/u.exec(label);
  if (into && (heads().any.test(into[1]!) || /\d\s*[名位人]/u.test(into[1]!))) label = into[1]!;
  // 32名机关年轻干部到乡镇: where a group is sent is no part of it.
  const dest = /^(.{2,}?)(?:到|赴|下沉到|下派到|派驻)[^、和及]{1,10}$/u.exec(label);
  if (dest && heads().any.test(dest[1]!)) label = dest[1]!;
  // 帮带1名新入职干部的“2+1”模式: a thing of the group's (…的模式) is no part of it.
  const owned = /^(.{2,}?)的([^的]{1,12})$/u.exec(label);
  if (owned && heads().any.test(owned[1]!) && !heads().any.test(owned[2]!)) label = owned[1]!;
  // 74名年轻“尖兵”: a head count of people makes a group even without a known noun.
  label = withoutPredicate(label);
  // 到结对干部所在单位走访1次: the unit people work in is no group of people (所在单位主要负责人,
  // who heads it, is).
  const unit = /所在(?:单位|地|村|社区|部门|科室)(.*)$/u.exec(label);
  if (unit && !heads().any.test(unit[1]!)) return undefined;
  const counted = counts.length > 0 && new RegExp(`${NUMBER}\\s*(?:名|位|人)`, 'u').test(label);
  if (label.length < 2 || label.length > 60 || (!heads().any.test(label) && !counted)) return undefined;
  const size = counts.length > 0 ? counts.reduce((s, n) => s + n!.value, 0) : undefined;
  return { label, size, approx: counts.some((n) => n!.approx), evidence };
}

/**
 * 新人写材料, 年轻干部一头扎进田间: a frame's slot may run on past the group's noun into what the
 * group does; a verb (or an adverb or measure and then a verb) after the last side noun ends it.
 */
function withoutPredicate(label: string): string {
  let end = -1;
  for (const m of label.matchAll(heads().everyAny)) end = m.index! + m[0].length;
  if (end <= 0 || end >= label.length - 1) return label;
  const tail = words(label.slice(end)).filter((w) => w.word.trim());
  // (48名村级后备力量入库培养: a two-word tail that ends in a verb is one too, whatever jieba
  // tags its first word.)
  const verbAt = tail[0]?.tag.startsWith('v') ? 0 : /^[dm]/.test(tail[0]?.tag ?? '') && tail[1]?.tag.startsWith('v') ? 1 : tail.length === 2 && tail[1]!.tag === 'v' && tail[0]!.word.length === 2 ? 0 : -1;
  return verbAt >= 0 ? label.slice(0, end) : label;
}
