import { z } from 'zod';
import { ORG_KINDS } from '../../model.js';
import { evidence, name } from './fields.js';
import { sameNamed, type FactType } from './type.js';

export const OrganizationFact = z.object({
  name,
  kind: z.enum(ORG_KINDS),
  place: z.string().optional(),
  aliases: z.array(name).default([]),
  evidence,
});
export type OrganizationFact = z.infer<typeof OrganizationFact>;

export const organizations: FactType<OrganizationFact> = {
  name: 'organizations',
  schema: OrganizationFact,
  key: (f) => f.name,
  same: (a, _ad, b) => sameNamed(a, b),
  relink(f, ref) {
    f.place = ref(f.place, 'places');
    return true;
  },
  contract: (o, offset) => ({ name: o.name, kind: o.kind, evidence: o.evidence, offset }),
  resolve(facts, ctx) {
    for (const o of facts) {
      const e = ctx.ev(o.evidence, `organization ${o.name}`);
      const n = ctx.addNode('Organization', `org:${o.name}`, { name: o.name, kind: o.kind }, e, o.aliases);
      ctx.organizations.set(o.name, n);
      for (const a of o.aliases) ctx.organizations.set(a, n);
      const p = ctx.ref('place', o.place, `organization ${o.name}`);
      if (p) ctx.rel('LOCATED_IN', n, p, e);
    }
  },
};
