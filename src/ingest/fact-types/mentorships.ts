import { z } from 'zod';
import { sameParty } from './cohorts.js';
import { evidence } from './fields.js';
import { hash, type FactType } from './type.js';

export const MentorshipFact = z.object({
  /** Absent when the text names the mentee but not the mentor (在师傅的悉心指导下…). */
  mentor: z.string().optional(),
  mentee: z.string(),
  initiative: z.string().optional(),
  place: z.string().optional(),
  /** explicit: the text says A mentors B; implied: guidance stated less directly. */
  strength: z.enum(['explicit', 'implied']).default('explicit'),
  evidence,
});
export type MentorshipFact = z.infer<typeof MentorshipFact>;


/** Mentorships: reified, between two parties (a person or a cohort), under an initiative if named. */
export const mentorships: FactType<MentorshipFact> = {
  name: 'mentorships',
  schema: MentorshipFact,
  key: (f) => `${f.mentor ?? ''}→${f.mentee}`,
  same: (a, ad, b, bd) => sameParty(a.mentor, ad, b.mentor, bd) && sameParty(a.mentee, ad, b.mentee, bd),
  relink(f, ref, has) {
    const hadMentor = f.mentor !== undefined;
    f.mentor = ref(f.mentor, 'people', 'cohorts');
    f.mentee = ref(f.mentee, 'people', 'cohorts') ?? '';
    f.initiative = ref(f.initiative, 'initiatives');
    f.place = ref(f.place, 'places');
    return (!hadMentor || !!f.mentor) && !!f.mentee && !has('mentorships', mentorships.key(f));
  },
  contract: (m, offset) => ({ mentor: m.mentor ?? null, mentee: m.mentee, initiative: m.initiative ?? null, evidence: m.evidence, offset }),
  resolve(facts, ctx) {
    for (const m of facts) {
      const what = `mentorship ${m.mentor ?? '(mentor not named)'} → ${m.mentee}`;
      const e = ctx.ev(m.evidence, what);
      const mentor = m.mentor === undefined ? undefined : ctx.parties.get(m.mentor);
      const mentee = ctx.parties.get(m.mentee);
      if (m.mentor !== undefined && !mentor) ctx.problems.push(`${what}: unknown mentor "${m.mentor}" (a person's name or a cohort's label)`);
      if (!mentee) ctx.problems.push(`${what}: unknown mentee "${m.mentee}"`);
      const i = ctx.ref('initiative', m.initiative, what);
      if ((m.mentor !== undefined && !mentor) || !mentee || !e) continue;
      // A mentorship whose mentor the text does not name is one per article and mentee.
      const id = `mentorship:${hash(`${mentor?.id ?? `?${ctx.articleId}`}|${mentee.id}|${i?.id ?? ''}`)}`;
      const n = ctx.addNode('Mentorship', id, { strength: m.strength });
      if (mentor) ctx.rel('MENTOR_IN', mentor, n, e);
      ctx.rel('MENTEE_IN', mentee, n, e);
      if (i) ctx.rel('UNDER', n, i, e);
      const p = ctx.ref('place', m.place, what);
      if (p) ctx.rel('IN', n, p, e);
      ctx.report('Mentorship', id, e);
    }
  },
};
