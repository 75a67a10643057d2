import type { ExtractContext } from '../context.js';
import type { InitiativeHit } from '../initiatives.js';
import type { PersonHit } from '../people.js';
import type { PlaceHit } from '../places.js';
import { clauseQuote, sentenceAt } from '../context.js';
import { Collector, type MentorshipHit } from './collector.js';
import { readFrames } from './frames.js';
import type { GroupParty } from './groups.js';
import { readBothPaired, readDashPairs, readGroupPairs, readPairLists, readTitledPair } from './pairs.js';
import { readLabelLayout, readSpeakers } from './speakers.js';

export type { MentorshipHit } from './collector.js';
export type { GroupParty } from './groups.js';
export { frames } from './frames.js';

/**
 * Mentorships: the frames first, then sentences that pair a mentor group with a mentee group,
 * then quoted speakers and label layouts; last, what the records say twice is said once.
 * Group sides become cohorts (label, size); a person side is the person's name. Readers may add
 * people they find themselves to `people`.
 */
export function extractMentorships(
  ctx: ExtractContext,
  people: PersonHit[],
  initiatives: InitiativeHit[],
  main?: PlaceHit,
): { mentorships: MentorshipHit[]; groups: GroupParty[] } {
  const c = new Collector(ctx, people, initiatives, main);
  readPairLists(c);
  readDashPairs(c);
  readFrames(c);
  readBothPaired(c);
  readTitledPair(c);
  readGroupPairs(c);
  readSpeakers(c);
  readLabelLayout(c);
  const kept = dedupe(c);
  const used = new Set(kept.flatMap((m) => [m.mentor, m.mentee]));
  return { mentorships: kept, groups: [...c.groups.values()].filter((g) => used.has(g.label)) };
}

const BARE = /^(师傅|师父|导师|徒弟|学徒|老师|学生)$/;

function dedupe(c: Collector): MentorshipHit[] {
  const { out, groups } = c;
  const named = new Set(c.people.map((p) => p.name));
  const titleOf = new Map(c.people.map((p) => [p.name, p.title ?? '']));
  // A named mentee with a named mentor needs no "unknown mentor" record; a named mentor with
  // named mentees needs no record with a bare 徒弟.
  const kept = out.filter((m) => {
    // (“在师傅的悉心指导下，我…”张小红说: a bare 师傅 is no one named; the unknown-mentor record says it.)
    if (!m.mentor) return !out.some((o) => o.mentor && !BARE.test(o.mentor) && o.mentee === m.mentee);
    // 楼楠在导师的指导下 after 吴贵伦是楼楠的导师: the bare role word is that named mentor.
    if (BARE.test(m.mentor) && named.has(m.mentee)) return !out.some((o) => o !== m && o.mentee === m.mentee && (!o.mentor || named.has(o.mentor)));
    if (named.has(m.mentor) && m.mentee === '徒弟') return !out.some((o) => o.mentor === m.mentor && named.has(o.mentee));
    // 在老支书的指导下，杨再兴… after 是老支书吴通贤带着我 (杨再兴 speaking): the role word is the
    // named mentor of the same mentee, titled so.
    if (!named.has(m.mentor) && named.has(m.mentee)) {
      return !out.some((o) => o !== m && o.mentee === m.mentee && o.mentor && named.has(o.mentor) && (titleOf.get(o.mentor) ?? '').endsWith(m.mentor!));
    }
    return true;
  });
  // 为132名新录用公务员确定帮带导师，选派68名干部担任导师: one sentence, one scheme — the
  // counted mentors of the second clause are the bare 导师 of the first.
  const sentenceOf = (m: MentorshipHit) => sentenceAt(c.ctx, m.start)?.start;
  for (const a of [...kept]) {
    if (!a.mentor || !/^(?:帮带|成长|结对)?(?:导师|师傅|师父)$/.test(a.mentor) || groups.get(a.mentee)?.size === undefined) continue;
    const b = kept.find(
      (o) => o !== a && o.mentor && !named.has(o.mentor) && groups.get(o.mentor)?.size !== undefined &&
        !named.has(o.mentee) && groups.get(o.mentee)?.size === undefined && sentenceOf(o) === sentenceOf(a),
    );
    if (!b) {
      // 为每名新录用公务员配备…作为导师 … 首批32名新录用公务员已与导师签订帮带协议: a later
      // sentence restating the same mentees with a bare 导师 is that scheme, said again.
      const restated = kept.some(
        (o) => o !== a && o.mentor && !named.has(o.mentor) && !BARE.test(o.mentor) && !named.has(o.mentee) &&
          o.mentee !== a.mentee && a.mentee.endsWith(o.mentee) && o.initiative === a.initiative && o.start < a.start,
      );
      if (restated) kept.splice(kept.indexOf(a), 1);
      continue;
    }
    a.mentor = b.mentor;
    // The quote spans both clauses: the one naming the mentees and the one naming the mentors.
    const [lo, hi] = [Math.min(a.start, b.start), Math.max(a.start, b.start)];
    const hiQuote = a.start > b.start ? a.evidence : b.evidence;
    const hiAt = c.text.indexOf(hiQuote, lo);
    a.evidence = clauseQuote(c.ctx, lo, hiAt >= 0 ? hiAt + hiQuote.length : hi);
    kept.splice(kept.indexOf(b), 1);
  }
  // Group-to-group records: those with a head count stand; of the rest only the first, and none
  // when a counted one exists (an article restates one scheme in several sentences). A pair of
  // bare role words (师傅→徒弟) says nothing a reader can use.
  const isGroup = (x: string | undefined) => !!x && !named.has(x);
  const bare = (x: string | undefined) => !!x && BARE.test(x);
  const counted = (x: string | undefined) => !!x && groups.get(x)?.size !== undefined;
  const groupPairs = kept.filter((m) => isGroup(m.mentor) && isGroup(m.mentee));
  const anyCounted = groupPairs.some((m) => counted(m.mentor) || counted(m.mentee));
  const firstUncounted = groupPairs.find((m) => !counted(m.mentor) && !counted(m.mentee) && !(bare(m.mentor) && bare(m.mentee)));
  // 6名名中医与12名青年中医师结成师徒 … 12名继承人向老师行拜师礼: a bare mentor over a mentee
  // group of a size another record's mentees have is that record again.
  const sizeOf = (x: string | undefined) => (x ? groups.get(x)?.size : undefined);
  const restated = (m: MentorshipHit) =>
    bare(m.mentor) && sizeOf(m.mentee) !== undefined && kept.some((o) => o !== m && !bare(o.mentor) && sizeOf(o.mentee) === sizeOf(m.mentee));
  // (确定业务骨干担任导师，安排退休老同志帮带新进人员: one sentence naming two mentor groups
  // states two pairings, not one twice.)
  const alongside = (m: MentorshipHit) =>
    !!firstUncounted && m !== firstUncounted && m.mentor !== firstUncounted.mentor && sentenceOf(m) === sentenceOf(firstUncounted) && !bare(m.mentor);
  const final = kept.filter(
    (m) =>
      !(bare(m.mentor) && bare(m.mentee)) &&
      !restated(m) &&
      (!groupPairs.includes(m) || counted(m.mentor) || counted(m.mentee) || (!anyCounted && (m === firstUncounted || alongside(m)))),
  );
  // A bare role word (导师) says more with its scheme's name (青蓝工程导师).
  for (const m of final) {
    if (m.mentor && m.initiative && /^(导师|师傅|师父|帮带导师)$/.test(m.mentor)) {
      // A scheme that names its mentors (青蓝导师库 → 青蓝导师) gives that; 导师帮带 gives nothing more.
      const schemeMentor = /^(.*?(?:导师|师傅|师父))/.exec(m.initiative)?.[1];
      if (schemeMentor === m.mentor) continue;
      const label = schemeMentor ?? `${m.initiative.replace(/(工程|计划|制度|机制|模式|活动)$/, '')}${m.mentor}`;
      if (!groups.has(label)) groups.set(label, { ...groups.get(m.mentor)!, label });
      m.mentor = label;
    }
  }
  return final;
}
