import type { MentorshipFact } from '../facts.js';
import { occurrences, sentenceAt, type ExtractContext } from './context.js';
import { cohortLabel, type CohortHit } from './cohorts.js';
import type { InitiativeHit } from './initiatives.js';
import type { PersonHit } from './people.js';

/**
 * Mentorships from the ways the genre says it: A带着B, A帮带B, A结对B, A担任“帮带导师”,结对B,
 * “导师”51人,结对帮带…93名, 科级“师带徒”覆盖860余名骨干, 在A的鼓励/指导下 (implied).
 */
interface Party {
  key: string;
  kind: 'person' | 'cohort';
  start: number;
  end: number;
  side?: CohortHit['side'];
}

const VERB = /带着|帮带|结对帮带|结对|传帮带|手把手带|带领|指导|覆盖/g;
const GUIDED = /在([^,，。]{0,14}?)([\u3400-\u9fff]{2,3})的(鼓励|指导|帮助|带领|关心)下/g;

export function extractMentorships(
  ctx: ExtractContext,
  people: PersonHit[],
  cohorts: CohortHit[],
  initiatives: InitiativeHit[],
): MentorshipFact[] {
  const { text } = ctx;
  const parties: Party[] = [
    ...people.flatMap((p) => occurrences(text, p.name).map((at) => ({ key: p.name, kind: 'person' as const, start: at, end: at + p.name.length }))),
    ...cohorts.map((c) => ({ key: cohortLabel(c), kind: 'cohort' as const, start: c.start, end: c.end, side: c.side })),
  ].sort((a, b) => a.start - b.start);
  const out: MentorshipFact[] = [];
  const seen = new Set<string>();
  const add = (m: MentorshipFact) => {
    const k = `${m.mentor}|${m.mentee}`;
    if (m.mentor === m.mentee || seen.has(k)) return;
    seen.add(k);
    out.push(m);
  };
  const mentoringNear = (at: number) => {
    const s = sentenceAt(ctx, at);
    const inSentence = initiatives.filter((i) => i.kind === 'mentoring' && s && i.start >= s.start && i.start < s.start + s.text.length);
    if (inSentence.length) return inSentence.at(-1)!.name;
    const before = initiatives.filter((i) => i.kind === 'mentoring' && i.start < at && at - i.start < 200);
    return before.at(-1)?.name;
  };

  for (const s of ctx.seg.sentences) {
    const sEnd = s.start + s.text.length;
    const inS = parties.filter((p) => p.start >= s.start && p.end <= sEnd);
    for (const v of s.text.matchAll(VERB)) {
      const at = s.start + v.index!;
      const after = inS.filter((p) => p.start >= at + v[0].length && p.start - (at + v[0].length) <= 12);
      const mentee = after[0];
      if (!mentee || mentee.side === 'mentor') continue;
      let mentor = inS.filter((p) => p.end <= at && at - p.end <= 16).at(-1);
      const initiative = mentoringNear(at);
      if (!mentor && v[0] === '覆盖' && initiative && mentee.kind === 'cohort') {
        // “师带徒”已覆盖860余名骨干: the mentors are the scheme's unnamed masters.
        mentor = { key: `${initiative}导师`, kind: 'cohort', start: at, end: at };
      }
      if (!mentor || mentor.side === 'mentee') continue;
      if (v[0] === '覆盖' && !initiative) continue;
      add({ mentor: mentor.key, mentee: mentee.key, initiative, strength: 'explicit', evidence: s.text });
    }
    // A担任导师,与B结对 / 与B签订师徒协议: the pairing verb comes after the mentee.
    for (const w of s.text.matchAll(/与([^,，。]{2,20}?)(结对|签订师徒协议|结成师徒)/g)) {
      const at = s.start + w.index!;
      const mentee = inS.find((p) => p.start >= at + 1 && p.end <= at + 1 + w[1]!.length + 1);
      const mentor = inS.filter((p) => p.end <= at && (p.side === 'mentor' || p.kind === 'person')).at(-1);
      if (mentor && mentee) add({ mentor: mentor.key, mentee: mentee.key, initiative: mentoringNear(at), strength: 'explicit', evidence: s.text });
    }
    for (const g of s.text.matchAll(GUIDED)) {
      const mentor = inS.find((p) => p.kind === 'person' && p.key === g[2]);
      if (!mentor) continue;
      // The one guided is the person this passage is about: named after, or just before.
      const later = parties.find((p) => p.kind === 'person' && p.key !== mentor.key && p.start > s.start + g.index!);
      const earlier = parties.filter((p) => p.kind === 'person' && p.key !== mentor.key && p.start < s.start).at(-1);
      const mentee = /^[他她]/.test(s.text.slice(g.index! + g[0].length).replace(/^[,，]/, '')) ? earlier : later ?? earlier;
      if (mentee) add({ mentor: mentor.key, mentee: mentee.key, strength: 'implied', evidence: s.text.slice(g.index!, g.index! + g[0].length + 12) });
    }
  }

  // A training scheme with tutors (导师) and paired training (结对培养) for a cohort of
  // trainees: an implied mentorship of the scheme's tutors over that cohort.
  const paragraphs = new Map<number, string>();
  for (const s of ctx.seg.sentences) paragraphs.set(s.paragraph, (paragraphs.get(s.paragraph) ?? '') + s.text);
  for (const [para, body] of paragraphs) {
    const window = (paragraphs.get(para - 1) ?? '') + body;
    if (!/导师/.test(window) || !/结对培养|结对帮带|结对/.test(body)) continue;
    const sents = ctx.seg.sentences.filter((s) => s.paragraph === para || s.paragraph === para - 1);
    const first = sents[0]!.start;
    const last = sents.at(-1)!.start + sents.at(-1)!.text.length;
    const trainees = cohorts.find((c) => c.start >= first && c.end <= last && /学员/.test(c.label));
    const scheme = initiatives.find((i) => i.start >= first && i.start <= last && (i.kind === 'training' || i.kind === 'mentoring'));
    if (!trainees || !scheme) continue;
    const quote = sents.find((s) => /结对/.test(s.text))!.text;
    add({ mentor: `${scheme.name}导师`, mentee: cohortLabel(trainees), initiative: scheme.name, strength: 'implied', evidence: quote });
  }
  return out;
}
