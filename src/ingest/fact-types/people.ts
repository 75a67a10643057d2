import { z } from 'zod';
import { evidence, name } from './fields.js';
import type { FactType } from './type.js';

export const PersonFact = z.object({
  name,
  title: z.string().optional(),
  org: z.string().optional(),
  /** For identity across articles; without it the person is known only within this article. */
  place: z.string().optional(),
  roles: z.array(z.string()).default([]),
  initiatives: z.array(z.object({ name: z.string(), role: z.string() })).default([]),
  evidence,
});
export type PersonFact = z.infer<typeof PersonFact>;

/** People: one node per place and name (no cross-article merge for people without a place). */
export const people: FactType<PersonFact> = {
  name: 'people',
  schema: PersonFact,
  key: (f) => f.name,
  same: (a, _ad, b) => a.name === b.name,
  relink(f, ref) {
    f.place = ref(f.place, 'places');
    f.org = ref(f.org, 'organizations');
    f.initiatives = f.initiatives.filter((i) => (i.name = ref(i.name, 'initiatives') ?? ''));
    return true;
  },
  contract: (p, offset) => ({ name: p.name, title: p.title ?? null, roles: p.roles, evidence: p.evidence, offset }),
  resolve(facts, ctx) {
    for (const p of facts) {
      const e = ctx.ev(p.evidence, `person ${p.name}`);
      const home = ctx.ref('place', p.place, `person ${p.name}`);
      if (p.place && !home) continue;
      const n = ctx.addNode('Person', `person:${home ? home.id.replace(/^place:/, '') : ctx.articleId}:${p.name}`, { name: p.name, title: p.title ?? null, roles: p.roles }, e);
      ctx.parties.set(p.name, n);
      if (home) ctx.rel('BASED_IN', n, home, e);
      const o = ctx.ref('organization', p.org, `person ${p.name}`);
      if (o) ctx.rel('WORKS_FOR', n, o, e, { title: p.title ?? null });
      for (const part of p.initiatives) {
        const i = ctx.ref('initiative', part.name, `person ${p.name}`);
        if (i) ctx.rel('PARTICIPATES_IN', n, i, e, { role: part.role });
      }
    }
  },
};
