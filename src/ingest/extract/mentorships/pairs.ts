import { HAN } from '../../../lang/zh/script.js';
import { clauseQuote } from '../context.js';
import type { Collector } from './collector.js';
import { plausibleName } from '../../../lang/zh/names.js';
import { groupOf, heads, menteeish, mentorish } from './groups.js';

/**
 * A sentence about pairing that no frame explained, naming a mentor group and a mentee group:
 * 为了让新入职社区工作者尽快进入角色,…组建导师队伍…结成帮带对子22对.
 */
const COUNTED = `(?:\\d+\\s*[至到~-]\\s*)?\\d+\\s*[名位]`;
const TRIGGER = /帮带|结对|传帮带|师徒|拜师|带徒|师带徒|一对一|以老带新|徒弟|学徒/;
/** Verbs of rising to a post (当上了村支书): what follows them is an outcome, not a side. */
const OUTCOME = /(?:当上|成为|成长为|当选|选为|升任|走上|接任|接过)了?/u;
/** Verbs of taking a role (担任导师): the group is the phrase before them. */
const SERVES = /担任|作为|出任|充当/u;
const OUTCOME_BEFORE = new RegExp(`${OUTCOME.source}$`, 'u');

export function readGroupPairs(c: Collector): void {
  for (const s of c.ctx.seg.sentences) {
    if (!TRIGGER.test(s.text) || c.hasRecordIn(s.start, s.start + s.text.length)) continue;
    // `re` finds the side's nouns in a sentence; `side` (its non-global twin) tests a label.
    const find = (re: RegExp, side: RegExp) => {
      // 6名退休老支书, 2至3名村级后备干部: a count (or a range) may stand before the modifiers.
      for (const m of s.text.matchAll(new RegExp(`(?:${COUNTED}[${HAN}“”]{0,8}?|[${HAN}“”]{0,8}?)(?:${re.source})`, 'gu'))) {
        const at = s.start + m.index!;
        if (c.personAt.some((x) => x.at >= at && x.at < at + m[0].length)) continue;
        // 我带的徒弟当上了村支书: a post someone rose to is an outcome, not a mentor group.
        if (OUTCOME.test(m[0]) || OUTCOME_BEFORE.test(s.text.slice(0, m.index!))) continue;
        // 遴选65名种养大户、农技能手担任“田秀才”导师: the group is who serves, before the verb,
        // not the tail of it that fits before the noun (手担任田秀才导师).
        const serves = SERVES.exec(m[0]);
        const phrase = serves ? (new RegExp(`(?:${COUNTED})?[${HAN}、“”]{2,24}$`, 'u').exec(s.text.slice(0, m.index! + serves.index))?.[0] ?? '') : m[0];
        const g = groupOf(phrase.replace(/^.*[了着过起]/u, ''), clauseQuote(c.ctx, at, at + m[0].length));
        // 通过帮带走上乡镇领导岗位: a phrase that opens with the pairing verb and does not go on
        // with its noun (as 帮带导师 does) is a clause about an outcome, not a group.
        const verb = g && TRIGGER.exec(g.label);
        if (verb && verb.index === 0 && !new RegExp(`^(?:${re.source})`, 'u').test(g!.label.slice(verb.index + verb[0].length))) continue;
        if (!g) continue;
        // 自己带的两个徒弟: what a relative clause (…的) says before a counted group is no part of it.
        // (结成帮带关系的村级后备干部: nor is a clause about the pairing itself.)
        const rel = /^(.*)的(.+)$/u.exec(g.label);
        if (rel && (g.size !== undefined || TRIGGER.test(rel[1]!)) && side.test(rel[2]!)) g.label = rel[2]!;
        // 每名年轻干部都有一名导师: the owner before 有 is the other side, not part of this group.
        const has = /^.{2,}?(?:都|均|也)?(?:有|配有|配备了?)(.{2,})$/u.exec(g.label);
        if (has && heads().any.test(g.label.slice(0, g.label.length - has[1]!.length)) && side.test(has[1]!)) {
          const again = groupOf(has[1]!, g.evidence);
          if (again) Object.assign(g, again);
        }
        return { g, end: at + m[0].length };
      }
      return undefined;
    };
    const mentor = find(heads().mentor, heads().isMentor);
    const mentee = find(heads().mentee, heads().isMentee);
    // 组织42名老党员、老干部与新任村干部结对: the mentee phrase found runs over the mentor list's
    // last item and 与; that item belongs to the mentors.
    const joined = mentor && mentee && /^(.+?)(?:与|和|同)(.+)$/u.exec(mentee.g.label);
    if (joined && mentorish(joined[1]!) && menteeish(joined[2]!)) {
      const rest = groupOf(joined[2]!, mentee.g.evidence);
      if (rest) {
        mentee.g = rest;
        const listed = `、${joined[1]}`;
        if (c.text.startsWith(listed, mentor!.end)) mentor!.g = { ...mentor!.g, label: mentor!.g.label + listed };
      }
    }
    if (mentor && mentee && !mentee.g.label.includes(mentor.g.label) && !mentor.g.label.includes(mentee.g.label)) {
      // 露湖村老支书刘福生说…: a mentor noun right before a name is that person's title.
      const named = c.personAt.find((x) => x.at === mentor.end)?.p.name;
      // (…指导徒弟周敏: likewise a mentee noun right before a name.)
      const namedMentee = c.personAt.find((x) => x.at === mentee.end)?.p.name;
      c.add(named ?? c.group(mentor.g), namedMentee ?? c.group(mentee.g), s.start, s.start + s.text.length);
    }
  }
}

/**
 * A list of named pairs: 王建国与刘晓、李红梅与陈佳等5组师徒签订了帮带协议 — each pair mentor first
 * (the genre names the master before the apprentice), read before the frames.
 */
export function readPairLists(c: Collector): void {
  const NAME = `[${HAN}]{2,3}`;
  const re = new RegExp(`(${NAME}(?:与|和|同)${NAME}(?:、${NAME}(?:与|和|同)${NAME})+)(?=等|[,，。;；]|(?:签订|结成|结对))`, 'gu');
  for (const s of c.ctx.seg.sentences) {
    if (!TRIGGER.test(s.text)) continue;
    for (const m of s.text.matchAll(re)) {
      const pairs = m[1]!.split('、').map((p) => /^(.{2,3}?)(?:与|和|同)(.{2,3})$/u.exec(p)).map((x) => x && [x[1]!, x[2]!] as const);
      if (pairs.some((p) => !p || !plausibleName(p[0]) || !plausibleName(p[1]))) continue;
      const at = s.start + m.index!;
      for (const p of pairs) {
        const [x, y] = p!;
        c.addPerson(x, at + m[0].indexOf(x));
        c.addPerson(y, at + m[0].indexOf(y));
        c.add(x, y, at, at + m[0].length);
      }
      c.explained.push([at, at + m[0].length]);
    }
  }
}

/**
 * A pairing list written with dashes, mentor first: 结对名单如下:镇党委副书记罗明——选调生田甜;
 * 镇人大主席王兴国——大学生村官刘洋洋. The pairs stand in a paragraph about pairing; both sides
 * are people the people stage found, a title may stand before the mentee's name.
 */
export function readDashPairs(c: Collector): void {
  const paragraphs = new Map<number, { start: number; end: number }>();
  for (const s of c.ctx.seg.sentences) {
    const p = paragraphs.get(s.paragraph);
    paragraphs.set(s.paragraph, { start: p?.start ?? s.start, end: s.start + s.text.length });
  }
  for (const { start, end } of paragraphs.values()) {
    const text = c.text.slice(start, end);
    if (!TRIGGER.test(text)) continue;
    for (const m of text.matchAll(/\s*(?:——|—|－－|--|→)\s*/gu)) {
      const at = start + m.index!;
      const mentor = c.personAt.find((x) => x.end === at);
      const after = at + m[0].length;
      const mentee = c.personAt.find((x) => x.at >= after && x.at - after <= 12 && !/[,，。;；、:：\s]/u.test(c.text.slice(after, x.at)));
      if (!mentor || !mentee || mentor.p.name === mentee.p.name) continue;
      c.add(mentor.p.name, mentee.p.name, mentor.at, mentee.end);
      c.explained.push([mentor.at, mentee.end]);
    }
  }
}

/** 两人结成了帮带对子: the pair is the two people the sentence named before it. */
const BOTH = /(?:两人|二人|俩人|两个人|他们俩|她们俩|他俩|她俩)(?:就|便|也|从此|由此|随即|当场|正式)?(?:结成|结为|结下|结对成为|成为|建立)(?:了)?(?:[“‘]?(?:帮带|师徒|结对|传帮带)[”’]?)?(?:对子|关系|师徒)/u;

/**
 * 老党员张德明成了年轻书记吴斌的“参谋长”，两人结成了帮带对子: two people named before 两人结成对子
 * are its pair. Their titles decide who mentors (老党员, 师傅 against 年轻书记, 新任…); with
 * nothing to tell, the one named first (the genre names the master first).
 */
export function readBothPaired(c: Collector): void {
  for (const s of c.ctx.seg.sentences) {
    const m = BOTH.exec(s.text);
    if (!m) continue;
    const at = s.start + m.index;
    if (c.hasRecordIn(s.start, s.start + s.text.length)) continue;
    const named = [...new Map(c.personsIn(s.start, at).map((x) => [x.p.name, x])).values()];
    if (named.length !== 2) continue;
    const [a, b] = named as [(typeof named)[0], (typeof named)[0]];
    const side = (x: typeof a) => {
      const title = x.p.title ?? '';
      // (新任村支书: a newcomer's marker outweighs the post's noun, which mentors often hold.)
      if (/^(?:年轻|青年|新任|新上任|新来|新入职|新录用|新招录)/u.test(title)) return 'mentee';
      if (mentorish(title) || /^(?:老|退休|资深)/u.test(title)) return 'mentor';
      if (menteeish(title)) return 'mentee';
      return undefined;
    };
    const [sa, sb] = [side(a), side(b)];
    if (sa === sb && sa !== undefined) continue;
    const swap = sa === 'mentee' || sb === 'mentor';
    const [mentor, mentee] = swap ? [b, a] : [a, b];
    c.add(mentor.p.name, mentee.p.name, a.at, at + m[0].length);
  }
}

/**
 * 师傅李建华退休后，徒弟周峰接过了他的“接力棒”; “师傅”王永红，“徒弟”刘佳; 带教老师：张明；学员：李丽 —
 * in a sentence no other reader explained, one person titled master and one titled apprentice
 * are a pair, whatever the verbs between them.
 */
export function readTitledPair(c: Collector): void {
  const MASTER = /(?:师傅|师父|导师|带教老师)[”’]?\s*[:：]?\s*$/u;
  const APPRENTICE = /(?:徒弟|学徒|学员)[”’]?\s*[:：]?\s*$/u;
  for (const s of c.ctx.seg.sentences) {
    const end = s.start + s.text.length;
    if (c.hasRecordIn(s.start, end)) continue;
    const here = c.personAt.filter((x) => x.at >= s.start && x.end <= end);
    const before = (x: (typeof here)[0]) => c.text.slice(Math.max(s.start, x.at - 6), x.at);
    const masters = [...new Set(here.filter((x) => MASTER.test(before(x))).map((x) => x.p.name))];
    const apprentices = [...new Set(here.filter((x) => APPRENTICE.test(before(x))).map((x) => x.p.name))];
    if (masters.length !== 1 || apprentices.length !== 1 || masters[0] === apprentices[0]) continue;
    c.add(masters[0], apprentices[0]!, s.start, end);
  }
}
