import { nameAt } from '../../../lang/zh/names.js';
import { NUMBER, parseNumber } from '../../../lang/zh/numerals.js';
import { HAN } from '../../../lang/zh/script.js';
import { clauseQuote } from '../context.js';
import type { Collector } from './collector.js';

/**
 * Quoted speakers: “跟着前辈处理牧民草场纠纷…” 才台拉忠感慨道 (learned from someone); “我的师傅王建华…”
 * (a mentee speaking); “我带的徒弟…” (a mentor speaking). The speaker is named right after the
 * quote (in the same sentence) or right before it (X说:“…”).
 */
const LEARNED = new RegExp(`(?:跟着|跟随|在|从)[‘“]?(前辈|老前辈|师傅|师父|导师|老[${HAN}]{1,2})[’”]?(?:的)?(?:言传身教|帮助|指导|带领|教导|手把手)?`, 'u');
const MY_MENTOR = /我的(师傅|导师|师父)/u;
const MY_APPRENTICE = new RegExp(`我(?:带的|带过的|带出的|的)((${NUMBER})\\s*[个名位])?(徒弟|学徒)`, 'u');
/** The master's role word, and how the master teaches (经常, 耐心地, 手把手地 …). */
const MASTERS = '师傅|师父|导师|老师傅';
const TEACHES = '(?:经常|常常|一直|总是|耐心地?|手把手地?|一点点|一步步)?';
/** “师傅黄建平教会我…”: a named master who teaches the speaker. */
const TAUGHT_ME = new RegExp(`(?:${MASTERS})([${HAN}]{2,3}?)${TEACHES}(?:教会|教给|教|带着|带|帮)(?:了)?我`, 'u');
/** “是师傅教会了我…”: an unnamed master who teaches the speaker. */
const UNNAMED_TAUGHT_ME = new RegExp(`(${MASTERS})${TEACHES}(?:教会|教给|教|带着|带)(?:了)?我`, 'u');

/** Who says the quotation “…” that opens at `open` and closes at `close`: the person named right
 * after it in the same sentence (“…”才台拉忠感慨道), else right before it (X说：“…”). */
export function quoteSpeaker(c: Collector, open: number, close: number): string | undefined {
  const { text } = c;
  const speaker =
    c.personAt.find((x) => x.at >= close && x.at - close <= 40 && !/[。！？!?\n]/.test(text.slice(close, x.at))) ??
    c.personAt.filter((x) => x.end <= open && open - x.end <= 12).at(-1);
  return speaker?.p.name;
}

/** Is offset `at` inside a “…” quotation? */
export function insideQuote(text: string, at: number): boolean {
  return text.lastIndexOf('“', at) > text.lastIndexOf('”', at - 1);
}

/** The speaker of the quotation around offset `at`, if it is inside one. */
export function speakerAround(c: Collector, at: number): string | undefined {
  if (!insideQuote(c.text, at)) return undefined;
  const open = c.text.lastIndexOf('“', at);
  const close = c.text.indexOf('”', at);
  if (close < 0 || close - open > 201) return undefined;
  return quoteSpeaker(c, open, close + 1);
}

export function readSpeakers(c: Collector): void {
  const { text, ctx } = c;
  for (const q of text.matchAll(/“([^”]{4,200})”/g)) {
    const open = q.index!;
    const close = open + q[0].length;
    const who = quoteSpeaker(c, open, close);
    if (!who) continue;
    const inner = q[1]!;
    const at = (i: number) => open + 1 + i;
    const quote = (m: RegExpExecArray) => clauseQuote(ctx, at(m.index), at(m.index + m[0].length));
    const mine = MY_MENTOR.exec(inner);
    const apprentices = MY_APPRENTICE.exec(inner);
    const learned = LEARNED.exec(inner) ?? UNNAMED_TAUGHT_ME.exec(inner);
    const taught = TAUGHT_ME.exec(inner);
    const teacher = taught && c.personAt.find((x) => x.at === at(taught.index + taught[0].indexOf(taught[1]!)))?.p.name;
    if (teacher && teacher !== who && !c.out.some((m) => m.mentee === who && m.mentor === teacher)) {
      c.add(teacher, who, at(taught!.index), at(taught!.index + taught![0].length));
    } else if (mine && !c.out.some((m) => m.mentee === who && m.mentor)) {
      const after = at(mine.index + mine[0].length);
      // 我的师傅王建华, 我的师傅是杨家村的老书记罗德福: the person named next in the clause.
      const named = c.personAt.find((x) => x.at >= after && x.at <= after + 24 && !/[,，。;；!！?？]/.test(text.slice(after, x.at)));
      const mentor = named ? named.p.name : c.group({ label: mine[1]!, approx: false, evidence: quote(mine) });
      c.add(mentor, who, at(mine.index), after, named ? 'explicit' : 'implied');
    } else if (apprentices && !c.out.some((m) => m.mentor === who)) {
      // (“我带的3个徒弟…”: with their head count.)
      const n = apprentices[2] ? parseNumber(apprentices[2]) : undefined;
      const label = `${apprentices[1] ?? ''}${apprentices[3]!}`;
      c.add(who, c.group({ label, ...(n ? { size: n.value } : {}), approx: n?.approx ?? false, evidence: quote(apprentices) }), at(apprentices.index), at(apprentices.index + apprentices[0].length));
    } else if (learned && /[我]|跟着/.test(inner) && !c.out.some((m) => m.mentee === who)) {
      c.add(c.group({ label: learned[1]!, approx: false, evidence: quote(learned) }), who, at(learned.index), at(learned.index + learned[0].length), 'implied');
    }
  }
}

/** A post laid out as labels: 师傅:李云龙 / 徒弟:孙少杰 on lines of their own. */
export function readLabelLayout(c: Collector): void {
  const { text } = c;
  for (const m of text.matchAll(new RegExp(`(?:^|\\n)\\s*(?:师傅|师父|导师)\\s*[:：]\\s*([${HAN}]{2,4})`, 'gu'))) {
    const mentorAt = m.index! + m[0].length - m[1]!.length;
    const y = new RegExp(`\\n\\s*(?:徒弟|学徒)\\s*[:：]\\s*([${HAN}]{2,4})`, 'u').exec(text.slice(mentorAt, mentorAt + 120));
    if (!y) continue;
    const menteeAt = mentorAt + y.index + y[0].length - y[1]!.length;
    const mentor = nameAt(text, mentorAt);
    const mentee = nameAt(text, menteeAt);
    if (!mentor || !mentee) continue;
    c.addPerson(mentor, mentorAt);
    c.addPerson(mentee, menteeAt);
    c.add(mentor, mentee, mentorAt, menteeAt + mentee.length);
  }
}
