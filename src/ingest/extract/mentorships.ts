import { alternation, jsonData } from '../../lang/zh/lexicon.js';
import { NUMBER, parseNumber } from '../../lang/zh/numerals.js';
import { nameAt, nameBefore, titleWords } from '../../lang/zh/names.js';
import { HAN } from '../../lang/zh/script.js';
import type { MentorshipFact } from '../facts.js';
import { clauseQuote, occurrences, sentenceAt, type ExtractContext } from './context.js';
import type { InitiativeHit } from './initiatives.js';
import type { PersonHit } from './people.js';
import type { PlaceHit } from './places.js';

/**
 * Mentorships from the frames of lang/zh/data/mentorship-frames.json (X是Y的导师, 为每名Y配备X
 * 作为导师, N对师徒, 师傅代表X …), then from sentences that name a mentor group and a mentee
 * group around a pairing word, then from quoted speakers who learned "跟着前辈".
 * Group sides become cohorts (label, size); a person side is the person's name.
 */
export interface GroupParty {
  label: string;
  size?: number;
  approx: boolean;
  evidence: string;
}
export interface MentorshipHit extends MentorshipFact {
  start: number;
}

interface Frame {
  id: string;
  pattern: string;
  example: string;
  expect: { mentor: string | null; mentee: string };
  allMentors?: boolean;
  persons?: true | 'mentor' | 'mentee';
  bySide?: boolean;
  subjectMentor?: boolean;
  mentorMustBeRole?: boolean;
  mentee?: string;
  mentor?: string;
  menteeUnknown?: boolean;
  pairs?: boolean;
  strength?: 'explicit' | 'implied';
  /** A group side must hold a noun of its side's lexicon (not just 党员, 群众). */
  menteeNoun?: boolean;
  mentorNoun?: boolean;
  /** The mentor's label built from slots: "{X}{S}师傅" (科级“师带徒”… → 科级师带徒师傅). */
  mentorLabel?: string;
}
export const frames = () => jsonData<{ frames: Frame[] }>('mentorship-frames.json').frames;

const SLOT_CHARS = '[^,，。；;！？!?\\n:：]';
let compiled: Array<{ frame: Frame; re: RegExp }> | undefined;
function compiledFrames() {
  compiled ??= frames().map((frame) => {
    const p = frame.pattern;
    const slot = (name: string) => {
      const atEnd = p.endsWith(`{${name}}`);
      return `(?<${name}>${SLOT_CHARS}{1,${atEnd ? 16 : 48}}${atEnd ? '' : '?'})`;
    };
    return { frame, re: new RegExp(p.replace('{X}', slot('X')).replace('{Y}', slot('Y')).replace('{N}', `(?<N>${NUMBER})`), 'gu') };
  });
  return compiled;
}

/** 新任社区干部, 青年技术工人: a mentee group by its opening word (lang/zh/data/mentee-prefixes.txt). */
let prefixRe: RegExp | undefined;
const menteePrefix = () => (prefixRe ??= new RegExp(`^(?:\\d+\\s*[名位])?(?:${alternation('mentee-prefixes.txt')})`, 'u'));
const GENERIC_PEOPLE = '干部|人员|工作者|教师|民警|干警|职工|员工|医师|医生|法官|检察官|书记|领导|村官|大学生|学生|同志|骨干|人才|党员|能手|专家|成员|队员|代表|人|社工|新生|选调生|公务员|乡镇|模范';
let headRes: { mentor: RegExp; mentee: RegExp; any: RegExp } | undefined;
function heads() {
  headRes ??= {
    mentor: new RegExp(`(?:${alternation('mentor-nouns.txt')})`, 'gu'),
    mentee: new RegExp(`(?:${alternation('mentee-nouns.txt')})`, 'gu'),
    any: new RegExp(`(?:${alternation('mentor-nouns.txt')}|${alternation('mentee-nouns.txt')}|${GENERIC_PEOPLE})`, 'u'),
  };
  return headRes;
}
const BOUNDARY = /^.*(?:让|使|为|给|明确|强化|围绕|加强|针对|安排|选拔|选派|遴选|选择|确定|组织|通过|将|把|从|既有|又有|即|其中|要求|鼓励|推动|帮助|实施|开展|建立|组建|依托|引导|促进|聘请|邀请|动员|发动)/u;
const COUNT = new RegExp(`(${NUMBER})\\s*(?:名|位|个|人)`, 'gu');

/** A group phrase as a party: its label (quotes and leading function words removed) and size. */
export function groupOf(raw: string, evidence: string): GroupParty | undefined {
  let label = raw.replace(/[“”‘’"]/g, '').trim();
  const counts = [...label.matchAll(COUNT)].map((m) => parseNumber(m[1]!)).filter((n) => !!n);
  if (counts.length < 2) label = label.replace(BOUNDARY, '');
  label = label.replace(/^(?:[起出]了|了|着|过|的|和|与|及|对|向|由|是|有|共|均|都|也|还)+/, '').replace(/(?:们|等|每人|各|均)$/, '').trim();
  // 74名年轻“尖兵”: a head count of people makes a group even without a known noun.
  const counted = counts.length > 0 && new RegExp(`${NUMBER}\\s*(?:名|位|人)`, 'u').test(label);
  if (label.length < 2 || label.length > 60 || (!heads().any.test(label) && !counted)) return undefined;
  const size = counts.length > 0 ? counts.reduce((s, n) => s + n!.value, 0) : undefined;
  return { label, size, approx: counts.some((n) => n!.approx), evidence };
}

export function extractMentorships(
  ctx: ExtractContext,
  people: PersonHit[],
  initiatives: InitiativeHit[],
  main?: PlaceHit,
): { mentorships: MentorshipHit[]; groups: GroupParty[] } {
  const { text } = ctx;
  const personAt = people.flatMap((p) => occurrences(text, p.name).map((at) => ({ p, at, end: at + p.name.length }))).sort((a, b) => a.at - b.at);
  const out: MentorshipHit[] = [];
  const groups = new Map<string, GroupParty>();
  const seen = new Set<string>();
  const mentoringNear = (at: number) => {
    const s = sentenceAt(ctx, at);
    const inSentence = initiatives.filter((i) => i.kind === 'mentoring' && s && i.start >= s.start && i.start < s.start + s.text.length);
    if (inSentence.length) return inSentence.at(-1)!.name;
    return initiatives.filter((i) => i.kind === 'mentoring' && i.start < at && at - i.start < 300).at(-1)?.name;
  };
  const placeOf = (name: string | undefined) => people.find((p) => p.name === name)?.place?.name;
  const add = (mentor: string | undefined, mentee: string, start: number, end: number, strength: 'explicit' | 'implied' = 'explicit') => {
    const k = `${mentor ?? '?'}|${mentee}`;
    if (mentor === mentee || seen.has(k)) return;
    seen.add(k);
    out.push({
      mentor,
      mentee,
      initiative: mentoringNear(start),
      place: placeOf(mentee) ?? placeOf(mentor) ?? main?.name,
      strength,
      evidence: clauseQuote(ctx, start, end),
      start,
    });
  };
  const group = (g: GroupParty | undefined) => {
    if (!g) return undefined;
    const existing = groups.get(g.label);
    if (!existing) groups.set(g.label, g);
    return g.label;
  };

  /** Persons named inside [a, b). */
  const personsIn = (a: number, b: number) => personAt.filter((x) => x.at >= a && x.end <= b);
  /** The person a pronoun (他/她) refers to: the last one named before `at`. */
  const antecedent = (at: number) => personAt.filter((x) => x.end <= at).at(-1)?.p.name;

  const resolve = (side: 'mentor' | 'mentee', raw: string, start: number, frame: Frame, matchStart = start): string[] => {
    const end = start + raw.length;
    // 他/她: the person named last before (几年前,他与…马晔结成帮带对子).
    if (/^[他她]$|[,，]?[他她]$/.test(raw.trim()) || (side === 'mentee' && /^[他她](?![们])/.test(raw.trim()))) {
      // …before the sentence the frame reads, not inside it (在段富章的鼓励下,他… is not 段富章).
      const a = antecedent(matchStart);
      return a ? [a] : [];
    }
    // A slot that holds another pairing verb, or starts a relative clause (的…), is mis-cut.
    if (/配备|担任|作为|结成|签订|结对|拜师/.test(raw) || /^的/.test(raw)) {
      if (personsIn(start, end).length === 0) return [];
    }
    const named = personsIn(start, end);
    if (named.length > 0) {
      if (side === 'mentee' && /[、和及]/.test(text.slice(named[0]!.end, named.at(-1)!.at))) return [...new Set(named.map((n) => n.p.name))];
      return [side === 'mentor' ? named.at(-1)!.p.name : named[0]!.p.name];
    }
    // The frame itself is evidence of a name: 吴贵伦是楼楠的导师 (楼楠 has no title before it).
    const trimmed = raw.replace(/^[\s“”‘’]+|[\s“”‘’]+$/g, '');
    const name = side === 'mentor' ? nameBefore(trimmed, trimmed.length) : nameAt(trimmed, 0);
    // The name must fill the slot, but for a title or 的 before it (镇党委书记吴贵伦, 90后的范海猛).
    const rest = name ? (side === 'mentor' ? trimmed.slice(0, -name.length) : trimmed.slice(name.length)) : '';
    const fills = side === 'mentor' ? rest === '' || /(的|、|”|同志)$/.test(rest) || titleWords().some((t) => rest.endsWith(t)) : rest === '' || /^(的|这样|等|同志|老师)/.test(rest);
    if (name && fills && !heads().any.test(name)) {
      const at = side === 'mentor' ? end - name.length : start;
      if (!people.some((p) => p.name === name)) {
        const hit: PersonHit = { name, start: at, end: at + name.length, place: main };
        people.push(hit);
        for (const o of occurrences(text, name)) personAt.push({ p: hit, at: o, end: o + name.length });
        personAt.sort((a, b) => a.at - b.at);
      }
      return [name];
    }
    if (frame.persons === true || frame.persons === side) return [];
    const re = side === 'mentor' ? heads().mentor : heads().mentee;
    const needNoun = (side === 'mentor' && (frame.mentorMustBeRole || frame.mentorNoun)) || (side === 'mentee' && frame.menteeNoun);
    if (needNoun && !new RegExp(re.source, 'u').test(raw)) return [];
    const g = groupOf(raw, clauseQuote(ctx, start, end));
    return g ? [group(g)!] : [];
  };
  const defaultGroup = (word: string, at: number) => {
    // The nearest group of that side in the sentence names it better than the bare word.
    const s = sentenceAt(ctx, at);
    if (s) {
      const re = new RegExp(`[${HAN}“”]{0,10}?(?:${word === '徒弟' ? alternation('mentee-nouns.txt') : alternation('mentor-nouns.txt')})`, 'gu');
      for (const m of s.text.matchAll(re)) {
        const g = groupOf(m[0], s.text);
        if (g) g.label = g.label.replace(/^.*[了着过起]/u, '');
        if (g && g.label.length >= 2 && g.label !== word && !personAt.some((x) => x.at >= s.start + m.index! && x.at < s.start + m.index! + m[0].length)) return group(g)!;
      }
    }
    return group({ label: word, approx: false, evidence: s?.text.slice(0, 120) ?? word })!;
  };

  for (const s of ctx.seg.sentences) {
    // Frames are tried in order; a later frame does not reread words an earlier one explained.
    const claimed: Array<[number, number]> = [];
    for (const { frame, re } of compiledFrames()) {
      re.lastIndex = 0;
      for (const m of s.text.matchAll(re)) {
        const at = s.start + m.index!;
        const endAt = at + m[0].length;
        if (claimed.some(([a, b]) => a < endAt && at < b)) continue;
        const before = out.length;
        const g = m.groups ?? {};
        const offset = (name: string) => at + m[0].indexOf(g[name]!);
        if (frame.pairs) {
          const n = parseNumber(g.N!);
          if (!n || n.value < 2) continue;
          const quote = clauseQuote(ctx, at, at + m[0].length);
          const mentor = group({ label: `${n.value}名师傅`, size: n.value, approx: n.approx, evidence: quote })!;
          const mentee = group({ label: `${n.value}名徒弟`, size: n.value, approx: n.approx, evidence: quote })!;
          add(mentor, mentee, at, at + m[0].length);
          continue;
        }
        let mentors = g.X !== undefined ? resolve('mentor', g.X, offset('X'), frame, at) : [];
        if (frame.mentorLabel && g.X !== undefined && mentors.length === 0) {
          const label = frame.mentorLabel.replace('{X}', g.X.replace(/[“”‘’]/g, '').replace(BOUNDARY, '')).replace('{S}', g.S ?? '');
          mentors = [group({ label, approx: false, evidence: clauseQuote(ctx, at, endAt) })!];
        }
        let mentees = g.Y !== undefined ? resolve('mentee', g.Y, offset('Y'), frame, at) : [];
        if (frame.subjectMentor && mentees.length > 0) {
          // 钟建成是…也是和张伟结对的“老乡镇”: the subject of the sentence is the mentor.
          const subject = personAt.find((x) => x.at >= s.start && x.at < at);
          if (subject) mentors = [subject.p.name];
        }
        if (frame.bySide && mentors.length === 1 && mentees.length === 1) {
          // 一名新警与我结成师徒对子: the side nouns decide the direction, not the order.
          const [a, b] = [mentors[0]!, mentees[0]!];
          const mentorish = (x: string) => new RegExp(heads().mentor.source, 'u').test(x);
          const menteeish = (x: string) => (new RegExp(heads().mentee.source, 'u').test(x) || menteePrefix().test(x)) && !mentorish(x);
          if ((menteeish(a) && !menteeish(b)) || (mentorish(b) && !mentorish(a) && !people.some((p) => p.name === b))) [mentors, mentees] = [[b], [a]];
          if (!people.some((p) => p.name === mentors[0]) && !new RegExp(heads().mentor.source, 'u').test(mentors[0]!) && !people.some((p) => p.name === mentees[0])) continue;
        }
        if (g.X === undefined && frame.mentor) mentors = [defaultGroup(frame.mentor, at)];
        if (g.Y === undefined && frame.mentee) {
          // 带出了二十多名徒弟: a count in the frame is the size of the side it leaves implicit.
          const n = g.N ? parseNumber(g.N) : undefined;
          const approx = /[多余]/.test(m[0].slice(m[0].indexOf(g.N ?? '') + (g.N?.length ?? 0), m[0].indexOf(g.N ?? '') + (g.N?.length ?? 0) + 1));
          mentees = [n ? group({ label: `${n.value}名${frame.mentee}`, size: n.value, approx: approx || n.approx, evidence: clauseQuote(ctx, at, endAt) })! : defaultGroup(frame.mentee, at)];
        }
        if (mentees.length === 0) continue;
        if (frame.menteeUnknown) {
          for (const y of mentees) add(undefined, y, at, at + m[0].length, frame.strength ?? 'explicit');
          if (out.length > before) claimed.push([at, endAt]);
          continue;
        }
        if (mentors.length === 0) continue;
        if (frame.allMentors) {
          // …的两位导师一位是X,一位是Z: every person named after it in the sentence.
          const more = personsIn(at + m[0].length, s.start + s.text.length).map((x) => x.p.name);
          mentors = [...new Set([...mentors, ...more])];
        }
        for (const x of mentors) for (const y of mentees) add(x, y, at, at + m[0].length, frame.strength ?? 'explicit');
        if (out.length > before) claimed.push([at, endAt]);
      }
    }
  }

  // A sentence about pairing that names a mentor group and a mentee group: 为了让新入职社区工作者
  // 尽快进入角色,…组建导师队伍…帮带…结成帮带对子22对.
  const TRIGGER = /帮带|结对|传帮带|师徒|拜师|带徒|师带徒|一对一|以老带新|徒弟|学徒/;
  for (const s of ctx.seg.sentences) {
    if (!TRIGGER.test(s.text) || out.some((m) => m.start >= s.start && m.start < s.start + s.text.length)) continue;
    const find = (re: RegExp) => {
      for (const m of s.text.matchAll(new RegExp(`(?:\\d+\\s*名|[${HAN}“”]{0,8}?)(?:${re.source})`, 'gu'))) {
        const at = s.start + m.index!;
        if (personAt.some((x) => x.at >= at && x.at < at + m[0].length)) continue;
        const g = groupOf(m[0].replace(/^.*[了着过起]/u, ''), clauseQuote(ctx, at, at + m[0].length));
        if (g) return g;
      }
      return undefined;
    };
    const mentor = find(heads().mentor);
    const mentee = find(heads().mentee);
    if (mentor && mentee && !mentee.label.includes(mentor.label) && !mentor.label.includes(mentee.label)) {
      add(group(mentor)!, group(mentee)!, s.start, s.start + s.text.length);
    }
  }

  // Quoted speakers: “跟着前辈处理牧民草场纠纷…” 才台拉忠感慨道 (learned from); “我的师傅…” (a mentee
  // speaking); “我带的徒弟…” (a mentor speaking).
  const LEARNED = new RegExp(`(?:跟着|跟随|在|从)[‘“]?(前辈|老前辈|师傅|师父|导师|老[${HAN}]{1,2})[’”]?(?:的)?(?:言传身教|帮助|指导|带领|教导|手把手)?`, 'u');
  const MY_MENTOR = /我的(师傅|导师|师父)/u;
  const MY_APPRENTICE = /我(?:带的|带过的|的)(徒弟|学徒)/u;
  for (const q of text.matchAll(/“([^”]{4,200})”/g)) {
    const open = q.index!;
    const close = open + q[0].length;
    const speaker =
      personAt.find((x) => x.at >= close && x.at - close <= 40 && !/[。！？!?\n]/.test(text.slice(close, x.at))) ??
      personAt.filter((x) => x.end <= open && open - x.end <= 12).at(-1);
    if (!speaker) continue;
    const inner = q[1]!;
    const at = (i: number) => open + 1 + i;
    const mine = MY_MENTOR.exec(inner);
    const apprentices = MY_APPRENTICE.exec(inner);
    const l = LEARNED.exec(inner);
    if (mine && !out.some((m) => m.mentee === speaker.p.name && m.mentor)) {
      const named = personAt.find((x) => x.at >= at(mine.index + mine[0].length) && x.at <= at(mine.index + mine[0].length) + 2);
      const mentor = named ? named.p.name : group({ label: mine[1]!, approx: false, evidence: clauseQuote(ctx, at(mine.index), at(mine.index + mine[0].length)) })!;
      add(mentor, speaker.p.name, at(mine.index), at(mine.index + mine[0].length), named ? 'explicit' : 'implied');
    } else if (apprentices && !out.some((m) => m.mentor === speaker.p.name)) {
      add(speaker.p.name, group({ label: apprentices[1]!, approx: false, evidence: clauseQuote(ctx, at(apprentices.index), at(apprentices.index + apprentices[0].length)) })!, at(apprentices.index), at(apprentices.index + apprentices[0].length));
    } else if (l && /[我]|跟着/.test(inner) && !out.some((m) => m.mentee === speaker.p.name)) {
      add(group({ label: l[1]!, approx: false, evidence: clauseQuote(ctx, at(l.index), at(l.index + l[0].length)) })!, speaker.p.name, at(l.index), at(l.index + l[0].length), 'implied');
    }
  }

  // A post laid out as labels: 师傅:李云龙 / 徒弟:孙少杰 on lines of their own.
  for (const m of text.matchAll(new RegExp(`(?:^|\\n)\\s*(?:师傅|师父|导师)\\s*[:：]\\s*([${HAN}]{2,4})`, 'gu'))) {
    const mentorAt = m.index! + m[0].length - m[1]!.length;
    const after = text.slice(mentorAt, mentorAt + 120);
    const y = new RegExp(`\\n\\s*(?:徒弟|学徒)\\s*[:：]\\s*([${HAN}]{2,4})`, 'u').exec(after);
    if (!y) continue;
    const menteeAt = mentorAt + y.index + y[0].length - y[1]!.length;
    const mentor = nameAt(text, mentorAt);
    const mentee = nameAt(text, menteeAt);
    if (!mentor || !mentee) continue;
    for (const [name, pos] of [[mentor, mentorAt], [mentee, menteeAt]] as const) {
      if (!people.some((p) => p.name === name)) {
        const hit: PersonHit = { name, start: pos, end: pos + name.length, place: main };
        people.push(hit);
        for (const o of occurrences(text, name)) personAt.push({ p: hit, at: o, end: o + name.length });
      }
    }
    personAt.sort((a, b) => a.at - b.at);
    add(mentor, mentee, mentorAt, menteeAt + mentee.length);
  }

  // A named mentee with a named mentor needs no "unknown mentor" record; a named mentor with
  // named mentees needs no record with a bare 徒弟.
  const named = new Set(people.map((p) => p.name));
  const kept = out.filter((m) => {
    if (!m.mentor) return !out.some((o) => o.mentor && o.mentee === m.mentee);
    if (named.has(m.mentor) && m.mentee === '徒弟') return !out.some((o) => o.mentor === m.mentor && named.has(o.mentee));
    return true;
  });
  // Group-to-group records: those with a head count stand; of the rest only the first, and none
  // when a counted one exists (an article restates one scheme in several sentences).
  const isGroup = (x: string | undefined) => !!x && !named.has(x);
  const bare = (x: string | undefined) => !!x && /^(师傅|师父|导师|徒弟|学徒|老师|学生)$/.test(x);
  const counted = (x: string | undefined) => !!x && groups.get(x)?.size !== undefined;
  const groupPairs = kept.filter((m) => isGroup(m.mentor) && isGroup(m.mentee));
  const anyCounted = groupPairs.some((m) => counted(m.mentor) || counted(m.mentee));
  const firstUncounted = groupPairs.find((m) => !counted(m.mentor) && !counted(m.mentee) && !(bare(m.mentor) && bare(m.mentee)));
  // A pair of bare role words (师傅→徒弟) says nothing a reader can use.
  const final = kept.filter(
    (m) => !(bare(m.mentor) && bare(m.mentee)) && (!groupPairs.includes(m) || counted(m.mentor) || counted(m.mentee) || (!anyCounted && m === firstUncounted)),
  );
  // A bare role word (导师) says more with its scheme's name (青蓝工程导师).
  for (const m of final) {
    if (m.mentor && m.initiative && /^(导师|师傅|师父|帮带导师)$/.test(m.mentor)) {
      const label = `${m.initiative.replace(/(工程|计划|制度|机制|模式|活动)$/, '')}${m.mentor}`;
      const g = groups.get(m.mentor)!;
      if (!groups.has(label)) groups.set(label, { ...g, label });
      m.mentor = label;
    }
  }
  kept.splice(0, kept.length, ...final);
  const used = new Set(kept.flatMap((m) => [m.mentor, m.mentee]));
  return { mentorships: kept, groups: [...groups.values()].filter((g) => used.has(g.label)) };
}
