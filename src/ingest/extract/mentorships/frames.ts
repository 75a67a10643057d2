import { alternation, jsonData } from '../../../lang/zh/lexicon.js';
import { addressedPerson, nameAt, nameBefore, surnameOf, titleWords } from '../../../lang/zh/names.js';
import { NUMBER, parseNumber } from '../../../lang/zh/numerals.js';
import { HAN } from '../../../lang/zh/script.js';
import { clauseQuote, sentenceAt } from '../context.js';
import type { Collector } from './collector.js';
import { groupOf, heads, menteeish, mentorish } from './groups.js';
import { insideQuote, speakerAround } from './speakers.js';

/**
 * The frames of lang/zh/data/mentorship-frames.json (X是Y的导师, 为每名Y配备X作为导师, N对师徒,
 * 师傅代表X …), read sentence by sentence. lang/zh/README.md explains the frame options.
 */
export interface Frame {
  id: string;
  pattern: string;
  example: string;
  expect: { mentor: string | null; mentee: string };
  allMentors?: boolean;
  persons?: true | 'mentor' | 'mentee';
  bySide?: boolean;
  subjectMentor?: boolean;
  /** With no mentee in its slot, the person the sentence is about (named before the frame) is it
   * — when the mentor is named, or always ('any': 刘洋说，是老支书带出来的). */
  subjectMentee?: boolean | 'any';
  mentorMustBeRole?: boolean;
  mentee?: string;
  mentor?: string;
  menteeUnknown?: boolean;
  pairs?: boolean;
  strength?: 'explicit' | 'implied';
  /** The mentor is the person just said to have a counted band of apprentices; with none, no record. */
  mentorFromBefore?: boolean;
  /** A group side must hold a noun of its side's lexicon (not just 党员, 群众). */
  menteeNoun?: boolean;
  mentorNoun?: boolean;
  /** The mentor's label built from slots: "{X}{S}师傅" (科级“师带徒”… → 科级师带徒师傅). */
  mentorLabel?: string;
}
export const frames = () => jsonData<{ frames: Frame[] }>('mentorship-frames.json').frames;

const SLOT_CHARS = '[^,，。；;！？!?\\n:：｜|丨]';
let compiled: Array<{ frame: Frame; re: RegExp }> | undefined;
function compiledFrames() {
  compiled ??= frames().map((frame) => {
    const p = frame.pattern;
    // A slot is lazy between words; at the end of a pattern it takes what follows (up to 24).
    const slot = (name: string) => {
      const atEnd = p.endsWith(`{${name}}`);
      return `(?<${name}>${SLOT_CHARS}{1,${atEnd ? 24 : 48}}${atEnd ? '' : '?'})`;
    };
    const source = p
      .replace('{X}', slot('X'))
      .replace('{Y}', slot('Y'))
      .replace('{N}', `(?<N>${NUMBER})`)
      .replaceAll('{MENTOR_NOUN}', `(?:${alternation('mentor-nouns.txt')})`)
      .replaceAll('{MENTEE_NOUN}', `(?:${alternation('mentee-nouns.txt')})`);
    return { frame, re: new RegExp(source, 'gu') };
  });
  return compiled;
}

const COUNTED = new RegExp(`(?:${NUMBER})\\s*[余多]?\\s*(?:名|位|人)`, 'u');
/** A head count and the noun after it, up to where the clause goes on (到, 在, 赴 …). */
const COUNTED_NOUN = new RegExp(`(?:${NUMBER})\\s*[余多]?\\s*(?:名|位)[${HAN}]{2,12}?(?=到|在|赴|进|参加|[,，]|$)`, 'gu');

/** A slot cut where a quotation it did not open closes (74名年轻“尖兵” stays whole). */
function unbalancedCut(raw: string): string {
  const close = raw.search(/[”’]/u);
  return close > 0 && !/[“‘]/u.test(raw.slice(0, close)) ? raw.slice(0, close) : raw;
}

/** A slot's text → the parties it names: a person (or several in a list), else a group. */
function resolve(c: Collector, side: 'mentor' | 'mentee', raw: string, start: number, frame: Frame, matchStart: number): string[] {
  const end = start + raw.length;
  // 他/她: the person named last before the frame (在段富章的鼓励下,他… is not 段富章).
  // 自己当年就是在老书记的帮带下…: 自己 is the speaker named before it (范永胜说,自己…).
  // (…，先后带出了5名徒弟: a slot of adverbs only is the subject left unsaid, the same person.)
  const unsaid = side === 'mentor' && /^(?:先后|陆续|累计|共|已经|已|还|也|又|便|就|更)+$/u.test(raw.trim());
  // (他一人结对了3名…: 一人, 本人 after the pronoun are still the one person.)
  if (unsaid || /^[他她](?:一人|本人|自己|独自)?$|[,，]?[他她]$/.test(raw.trim()) || (side === 'mentee' && /^(?:[他她](?![们])|自己)/.test(raw.trim()))) {
    // 钱国栋带出了李俊、周晨等12名徒弟。在他的指导下…: when the person named last is an apprentice,
    // a mentor's 他 is the mentor named last.
    const last = c.antecedent(matchStart);
    // (周雨晴说，如今她也带起了两名大学生: one named in the same sentence is who 她 is.)
    const lastAt = c.personAt.filter((x) => x.end <= matchStart).at(-1)?.at ?? -1;
    const sameSentence = lastAt >= (sentenceAt(c.ctx, matchStart)?.start ?? Infinity);
    const apprentice = last !== undefined && !sameSentence && c.out.some((m) => m.mentee === last);
    const a = (side === 'mentor' && apprentice && c.antecedent(matchStart, (name) => c.out.some((m) => m.mentor === name))) || last;
    return a ? [a] : [];
  }
  // 选派了18名年轻干部到乡镇跟岗锻炼，每人由1名乡镇领导班子成员负责带教: 每人 is the counted
  // newcomers named before it in the sentence.
  if (side === 'mentee' && /^(?:每人|每名|每位|每个人)$/u.test(raw.trim())) {
    const sentence = sentenceAt(c.ctx, start);
    const before = sentence ? c.text.slice(sentence.start, start) : '';
    const counted = [...before.matchAll(COUNTED_NOUN)].filter((m) => menteeish(m[0])).at(-1);
    const g = counted && groupOf(counted[0], clauseQuote(c.ctx, (sentence?.start ?? 0) + counted.index!, end));
    if (g) return [c.group(g)];
  }
  if (/^我(?!们)/.test(raw.trim())) {
    if (insideQuote(c.text, start)) {
      // “…镇党委副书记刘建华给我当师傅…”, 陈思雨说: inside a quotation, 我 is its speaker.
      const speaker = speakerAround(c, start);
      if (speaker) return [speaker];
    } else if (c.ctx.author) {
      // 我便自告奋勇带他 in a signed first-person story: 我 is the author.
      c.addPerson(c.ctx.author, start);
      return [c.ctx.author];
    }
  }
  const named = c.personsIn(start, end);
  // “一名县领导联系、一名乡镇党委书记帮带、一名村党组织书记传授”: a slot that opens on a list's
  // separator is the list's next item, not a party of the verb before it. (冯国强的徒弟、青年医师
  // 段宏宇: before a name the separator sets off its title.)
  if (/^[、,，;；]/u.test(raw) && named.length === 0) return [];
  // A slot that holds another pairing verb, or starts a relative clause (的…), is mis-cut.
  if ((/配备|担任|作为|结成|签订|结对|拜师/.test(raw) || /^的/.test(raw)) && named.length === 0) return [];
  if (named.length > 0) {
    if (side === 'mentee' && /[、和及]/.test(c.text.slice(named[0]!.end, named.at(-1)!.at))) return [...new Set(named.map((n) => n.p.name))];
    return [side === 'mentor' ? named.at(-1)!.p.name : named[0]!.p.name];
  }
  // The frame itself is evidence of a name: 吴贵伦是楼楠的导师 (楼楠 has no title before it).
  // (张建国负责帮带…, 王强亲自带: the adverb or 负责 before the verb is no part of the name.)
  let trimmed = raw.replace(/^[\s“”‘’]+|[\s“”‘’]+$/g, '');
  if (side === 'mentor') trimmed = trimmed.replace(/(?:(?:具体|主要|专门)?负责|亲自|主动)$/u, '');
  // 负责帮带王晓雯和赵志强: a mentee slot that is two names joined is both of them.
  const both = side === 'mentee' ? new RegExp(`^([${HAN}]{2,3})(?:和|与|、|及)([${HAN}]{2,3})$`, 'u').exec(trimmed) : null;
  if (both && [both[1]!, both[2]!].every((n) => nameAt(n, 0) === n && !heads().any.test(n))) {
    c.addPerson(both[1]!, start + raw.indexOf(both[1]!));
    c.addPerson(both[2]!, start + raw.lastIndexOf(both[2]!));
    return [both[1]!, both[2]!];
  }
  let name = side === 'mentor' ? nameBefore(trimmed, trimmed.length) : nameAt(trimmed, 0);
  // The name must fill the slot, but for a title or 的 before it (镇党委书记吴贵伦, 90后的范海猛).
  let rest = name ? (side === 'mentor' ? trimmed.slice(0, -name.length) : trimmed.slice(name.length)) : '';
  let fills = side === 'mentor' ? rest === '' || /(的|、|”|同志)$/.test(rest) || titleWords().some((t) => rest.endsWith(t)) : rest === '' || /^(的|这样|等|同志|老师)/.test(rest);
  // 作为陈刚的徒弟，王芳每天跟着他查房: a person-only slot that ends the frame starts with the name.
  if (side === 'mentee' && (frame.persons === true || frame.persons === 'mentee') && frame.pattern.endsWith('{Y}')) fills = true;
  let nameStart = side === 'mentor' ? end - (name?.length ?? 0) : start;
  if (side === 'mentee' && !(name && fills)) {
    // 新入职的蒋浩然在导师指导下: a mentee slot that ends in a name after 的.
    const de = trimmed.lastIndexOf('的');
    const after = de >= 0 ? nameAt(trimmed, de + 1) : undefined;
    if (after && de + 1 + after.length === trimmed.length) [name, rest, fills, nameStart] = [after, '', true, start + raw.indexOf(after)];
  }
  if (name && fills && !heads().any.test(name)) {
    c.addPerson(name, nameStart);
    return [name];
  }
  // 郝老师, 任叔: a surname with a form of address is the one person named before with that surname.
  // (是杨书记带着她: the copula before the address is no part of it.)
  const addressed = addressedPerson(trimmed.replace(/(?:每周|每天|每月|经常|常常|总是|一直|时常)$/u, '').replace(/^(?:正是|就是|是|由|让|请)/u, ''), c.personAt.filter((x) => x.at < start).map((x) => x.p.name));
  if (addressed) return [addressed];
  // 刚从警校毕业的小陈: a nickname (小/老 + surname) is a label for one person.
  const nick = new RegExp(`(?:^|的)([小老][${HAN}])$`, 'u').exec(trimmed)?.[1];
  if (nick && surnameOf(nick.slice(1))) return [c.group({ label: nick, approx: false, evidence: clauseQuote(c.ctx, start, end) })];
  if (frame.persons === true || frame.persons === side) return [];
  const needNoun = (side === 'mentor' && (frame.mentorMustBeRole || frame.mentorNoun)) || (side === 'mentee' && frame.menteeNoun);
  if (needNoun && !(side === 'mentor' ? mentorish(raw) : heads().isMentee.test(raw))) return [];
  const g = groupOf(raw, clauseQuote(c.ctx, start, end));
  return g ? [c.group(g)] : [];
}

/** A side the sentence leaves implicit: the nearest group of that side in it, else the bare word. */
function defaultGroup(c: Collector, word: string, at: number): string {
  const s = sentenceAt(c.ctx, at);
  if (s) {
    const re = new RegExp(`[${HAN}“”]{0,10}?(?:${word === '徒弟' ? alternation('mentee-nouns.txt') : alternation('mentor-nouns.txt')})`, 'gu');
    for (const m of s.text.matchAll(re)) {
      const g = groupOf(m[0], s.text);
      // (带出了5名徒弟: a measure word cut from its count is no part of the label.)
      // (安排退休老同志帮带新进人员: the mentees are who is paired, after the pairing verb.)
      if (g) g.label = g.label.replace(/^.*(?:[了着过起]|帮带|结对|带教)(?=.{2})/u, '').replace(/^[名位个]/u, '');
      if (g && g.label.length >= 2 && g.label !== word && !c.personAt.some((x) => x.at >= s.start + m.index! && x.at < s.start + m.index! + m[0].length)) return c.group(g);
    }
  }
  return c.group({ label: word, approx: false, evidence: s?.text.slice(0, 120) ?? word });
}

export function readFrames(c: Collector): void {
  const { ctx } = c;
  for (const s of ctx.seg.sentences) {
    // Frames are tried in order; a later frame does not reread words an earlier one explained.
    const claimed: Array<[number, number]> = [...c.explained];
    for (const { frame, re } of compiledFrames()) {
      re.lastIndex = 0;
      for (const m of s.text.matchAll(re)) {
        const at = s.start + m.index!;
        const endAt = at + m[0].length;
        if (claimed.some(([a, b]) => a < endAt && at < b)) continue;
        const before = c.out.length;
        const g = m.groups ?? {};
        const offset = (name: string) => at + m[0].indexOf(g[name]!);
        const quote = () => clauseQuote(ctx, at, endAt);
        if (frame.pairs) {
          // N对师徒: N masters and N apprentices.
          const n = parseNumber(g.N!);
          if (!n || n.value < 2) continue;
          // (采取“一对一”“一对多”“多对一”等形式，结成对子22对: with mixed forms the pairs count
          // neither side; 22对 stays a figure.)
          if (/一对多|多对一|一对[二三四五两]|[一1]带[多二三两N]|[多N]带一/u.test(s.text)) continue;
          // (累计结对120余对: about 120.)
          const approx = n.approx || /^[余多]/u.test(m[0].slice(m[0].lastIndexOf(g.N!) + g.N!.length));
          const mentor = c.group({ label: `${n.value}名师傅`, size: n.value, approx, evidence: quote() });
          const mentee = c.group({ label: `${n.value}名徒弟`, size: n.value, approx, evidence: quote() });
          c.add(mentor, mentee, at, endAt);
          continue;
        }
        let mentors = g.X !== undefined ? resolve(c, 'mentor', g.X, offset('X'), frame, at) : [];
        if (frame.mentorLabel && g.X !== undefined && mentors.length === 0) {
          const label = frame.mentorLabel.replace('{X}', g.X.replace(/[“”‘’]/g, '').replace(heads().boundary, '')).replace('{S}', g.S ?? '');
          mentors = [c.group({ label, approx: false, evidence: quote() })];
        }
        if (g.C !== undefined) {
          // 选派县级领导干部担任导师126人次: a count after the role noun is the mentors' head count.
          const n = parseNumber(g.C.replace(/(?:人次|人|名)$/u, ''));
          const named = new Set(c.people.map((p) => p.name));
          if (n) {
            mentors = mentors.map((x) =>
              named.has(x) ? x : c.group({ ...c.groups.get(x)!, label: `${x}${g.C}`, size: n.value, approx: n.approx }),
            );
          }
        }
        // 与40名近三年新录用的青年干部: a relative clause (D) that holds the group's count is part of it.
        const counted = g.D !== undefined && g.Y !== undefined && COUNTED.test(g.D);
        // (推行“一名导师带一名后备干部”机制: a quotation closing inside the slot ends it.)
        const y = g.Y === undefined ? undefined : unbalancedCut(g.Y);
        let mentees = y !== undefined ? resolve(c, 'mentee', counted ? `${g.D}的${y}` : y, counted ? offset('D') : offset('Y'), frame, at) : [];
        if (frame.subjectMentor && mentees.length > 0) {
          // 钟建成是…也是和张伟结对的“老乡镇”: the subject of the sentence is the mentor.
          const subject = c.personAt.find((x) => x.at >= s.start && x.at < at);
          if (subject) mentors = [subject.p.name];
        }
        if (frame.subjectMentee && mentees.length === 0 && mentors.length === 1 && (frame.subjectMentee === 'any' || c.people.some((p) => p.name === mentors[0]))) {
          // 李红梅是…大学生,回村后拜王德福为师: who takes a named master is the sentence's subject
          // (…表示将虚心向导师学习: a bare 导师 is no one's in particular).
          const subject = c.personAt.find((x) => x.at >= s.start && x.at < at && !mentors.includes(x.p.name));
          if (subject) mentees = [subject.p.name];
        }
        if (frame.bySide && g.X !== undefined && g.Y !== undefined && /分别|各自|一一/.test(m[0])) {
          // 胡佳怡、李振宇、程雪三名年轻干部分别与余建平、吴昊、熊伟结成帮带对子: two lists of
          // names paired in order; the side nouns say which list mentors.
          const namesIn = (slot: string) => [...new Set(c.personsIn(offset(slot), offset(slot) + g[slot]!.length).map((x) => x.p.name))];
          const [xs, ys] = [namesIn('X'), namesIn('Y')];
          if (xs.length >= 2 && xs.length === ys.length) {
            const xMentees = (menteeish(g.X) && !menteeish(g.Y)) || (mentorish(g.Y) && !mentorish(g.X));
            for (const [i, x] of xs.entries()) (xMentees ? c.add(ys[i], x, at, endAt) : c.add(x, ys[i]!, at, endAt));
            claimed.push([at, endAt]);
            continue;
          }
        }
        if (frame.bySide && mentors.length === 1 && mentees.length === 1) {
          // 一名新警与我结成师徒对子: the side nouns decide the direction, not the order.
          const [a, b] = [mentors[0]!, mentees[0]!];
          const isPerson = (x: string) => c.people.some((p) => p.name === x);
          // 徒弟宋雨涵与师傅贾文斌: the role noun written before each name decides for named people.
          const roleOf = (raw: string) => (mentorish(raw) ? 'mentor' : menteeish(raw) ? 'mentee' : undefined);
          const [ra, rb] = [roleOf(g.X ?? ''), roleOf(g.Y ?? '')];
          const namedRoles = isPerson(a) && isPerson(b) && (ra === 'mentee' || rb === 'mentor') && ra !== rb;
          if (namedRoles || (menteeish(a) && !menteeish(b)) || (mentorish(b) && !mentorish(a) && !isPerson(b))) [mentors, mentees] = [[b], [a]];
          if (!isPerson(mentors[0]!) && !mentorish(mentors[0]!) && !isPerson(mentees[0]!) && !menteeish(mentees[0]!)) continue;
        }
        if (g.X === undefined && frame.mentor) mentors = [defaultGroup(c, frame.mentor, at)];
        if (g.Y === undefined && frame.mentee) {
          // 带出了二十多名徒弟: a count in the frame is the size of the side it leaves implicit.
          const n = g.N ? parseNumber(g.N) : undefined;
          const afterN = g.N ? m[0].slice(m[0].indexOf(g.N) + g.N.length)[0] ?? '' : '';
          mentees = [n ? c.group({ label: `${n.value}名${frame.mentee}`, size: n.value, approx: /[多余]/.test(afterN) || n.approx, evidence: quote() }) : defaultGroup(c, frame.mentee, at)];
        }
        // 他又收了两名徒弟——陈思远和林晓: the people named after a dash or colon are that group.
        if (/^\s*[—：:]/.test(c.text.slice(endAt, endAt + 3))) {
          const named = [...new Set(c.personsIn(endAt, s.start + s.text.length).map((x) => x.p.name))];
          if (named.length > 0) mentees = named;
        }
        if (mentees.length === 0) continue;
        if (frame.mentorFromBefore) {
          const master = c.masterBefore(at);
          if (master) for (const y of mentees) c.add(master, y, at, endAt, frame.strength ?? 'explicit');
        } else if (frame.menteeUnknown) {
          for (const y of mentees) c.add(undefined, y, at, endAt, frame.strength ?? 'explicit');
        } else {
          if (mentors.length === 0) continue;
          if (frame.allMentors) {
            // …的两位导师一位是X,一位是Z: every person named after it in the sentence.
            const more = c.personsIn(endAt, s.start + s.text.length).map((x) => x.p.name);
            mentors = [...new Set([...mentors, ...more])];
          }
          for (const x of mentors) for (const y of mentees) c.add(x, y, at, endAt, frame.strength ?? 'explicit');
        }
        if (c.out.length > before) claimed.push([at, endAt]);
      }
    }
  }
}
