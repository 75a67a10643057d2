import { z } from 'zod';
import type { FactDoc } from '../facts.js';
import { evidence, name } from './fields.js';
import { hash, norm, type FactType } from './type.js';

export const CohortFact = z.object({
  label: name,
  size: z.number().int().positive().optional(),
  approx: z.boolean().default(false),
  place: z.string().optional(),
  members: z.array(z.string()).default([]),
  initiatives: z.array(z.object({ name: z.string(), role: z.string() })).default([]),
  evidence,
});
export type CohortFact = z.infer<typeof CohortFact>;

export function sameCohort(a: CohortFact, b: CohortFact): boolean {
  if (a.size !== undefined || b.size !== undefined) return a.size === b.size && (a.place === b.place || !a.place || !b.place);
  // Unsized cohorts (a scheme's tutors): the same when their labels name the same scheme.
  const core = (l: string) => norm(l).replace(/(导师|师傅)$/, '');
  return norm(b.label).includes(core(a.label)) || norm(a.label).includes(core(b.label));
}

/** A mentorship party: a person's name or a cohort's label, looked up in its document. */
export function sameParty(aName: string | undefined, aDoc: FactDoc, bName: string | undefined, bDoc: FactDoc): boolean {
  if (aName === bName) return true;
  if (!aName || !bName) return false;
  const ac = aDoc.cohorts.find((c) => c.label === aName);
  const bc = bDoc.cohorts.find((c) => c.label === bName);
  if (ac && bc) return sameCohort(ac, bc);
  if (!ac && !bc) return norm(aName) === norm(bName);
  // An implied cohort that exists only in a mentorship (extraction's “师带徒”导师).
  const cohort = ac ?? bc;
  const other = ac ? bName : aName;
  return !cohort!.size && norm(cohort!.label).includes(norm(other).replace(/(导师|师傅)$/, ''));
}


/** Cohorts: unnamed groups of an article (38名县领导), one node per article and label. */
export const cohorts: FactType<CohortFact> = {
  name: 'cohorts',
  schema: CohortFact,
  key: (f) => f.label,
  same: (a, _ad, b) => sameCohort(a, b),
  relink(f, ref, has) {
    f.place = ref(f.place, 'places');
    f.members = f.members.map((m) => ref(m, 'people')).filter((m): m is string => !!m);
    f.initiatives = f.initiatives.filter((i) => (i.name = ref(i.name, 'initiatives') ?? ''));
    return !has('people', f.label);
  },
  contract: (c, offset) => ({ label: c.label, size: c.size ?? null, evidence: c.evidence, offset }),
  resolve(facts, ctx) {
    for (const c of facts) {
      const e = ctx.ev(c.evidence, `cohort ${c.label}`);
      const n = ctx.addNode('Cohort', `cohort:${ctx.articleId.replace(/^article:/, '')}:${hash(c.label, 10)}`, { label: c.label, size: c.size ?? null, approx: c.approx }, e);
      if (ctx.parties.has(c.label)) ctx.problems.push(`cohort ${c.label}: label clashes with a person's name`);
      ctx.parties.set(c.label, n);
      const p = ctx.ref('place', c.place, `cohort ${c.label}`);
      if (p) ctx.rel('BASED_IN', n, p, e);
      for (const part of c.initiatives) {
        const i = ctx.ref('initiative', part.name, `cohort ${c.label}`);
        if (i) ctx.rel('PARTICIPATES_IN', n, i, e, { role: part.role });
      }
    }
    for (const c of facts) {
      const cn = ctx.parties.get(c.label)!;
      for (const m of c.members) {
        const pn = ctx.parties.get(m);
        if (!pn || pn.label !== 'Person') ctx.problems.push(`cohort ${c.label}: member "${m}" is not a person of this document`);
        else ctx.rel('MEMBER_OF', pn, cn, cn.evidence[0]);
      }
    }
  },
};
