import { z } from 'zod';
import { INITIATIVE_KINDS } from '../../model.js';
import { evidence, name } from './fields.js';
import { sameNamed, type FactType } from './type.js';

export const InitiativeFact = z.object({
  name,
  kind: z.enum(INITIATIVE_KINDS),
  aliases: z.array(name).default([]),
  /** Places that run it; none when the article names no place (then it belongs to the article). */
  places: z.array(z.string()).default([]),
  /** Where the initiative belongs for identity; defaults to its first place. */
  scope: z.string().optional(),
  parent: z.string().optional(),
  runBy: z.array(z.string()).default([]),
  summary: z.string().optional(),
  evidence,
});
export type InitiativeFact = z.infer<typeof InitiativeFact>;

const scopeKey = (id: string) => id.replace(/^place:/, '');

/** Initiatives: one node per scope place and name (干部素质提升年 of 湖北省 is one across articles). */
export const initiatives: FactType<InitiativeFact> = {
  name: 'initiatives',
  schema: InitiativeFact,
  key: (f) => f.name,
  same: (a, _ad, b) => sameNamed(a, b),
  relink(f, ref) {
    f.places = f.places.map((p) => ref(p, 'places')).filter((p): p is string => !!p);
    f.parent = ref(f.parent, 'initiatives');
    f.runBy = f.runBy.map((o) => ref(o, 'organizations')).filter((o): o is string => !!o);
    if (f.scope && !/^\d+$/.test(f.scope)) f.scope = ref(f.scope, 'places');
    return true;
  },
  contract: (i, offset) => ({ name: i.name, kind: i.kind, place: i.places[0] ?? null, evidence: i.evidence, offset }),
  resolve(facts, ctx) {
    for (const i of facts) {
      const e = ctx.ev(i.evidence, `initiative ${i.name}`);
      const ps = i.places.map((r) => ctx.ref('place', r, `initiative ${i.name}`)).filter((x) => !!x);
      const scope = i.scope ? ctx.ref('place', i.scope, `initiative ${i.name}`) : ps[0];
      if (i.scope && !scope) continue;
      // Without a place the initiative is known only within this article.
      const n = ctx.addNode(
        'Initiative',
        `initiative:${scope ? scopeKey(scope.id) : ctx.articleId}:${i.name}`,
        { name: i.name, kind: i.kind, ...(i.summary ? { summary: i.summary } : {}) },
        e,
        i.aliases,
      );
      ctx.initiatives.set(i.name, n);
      for (const a of i.aliases) ctx.initiatives.set(a, n);
      for (const p of ps) ctx.rel('IN', n, p!, e);
      for (const o of i.runBy) {
        const on = ctx.ref('organization', o, `initiative ${i.name}`);
        if (on) ctx.rel('RUN_BY', n, on, e);
      }
    }
    for (const i of facts) {
      if (!i.parent) continue;
      const child = ctx.initiatives.get(i.name);
      const parent = ctx.ref('initiative', i.parent, `initiative ${i.name}: parent`);
      if (parent && child) ctx.rel('PART_OF', child, parent, child.evidence[0]);
    }
  },
};
