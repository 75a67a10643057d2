import { z } from 'zod';
import { evidence } from './fields.js';
import { hash, type FactType } from './type.js';

export const FigureFact = z.object({
  subject: z.string().min(1),
  value: z.number(),
  unit: z.string(),
  approx: z.boolean().default(false),
  about: z.string().optional(),
  evidence,
});
export type FigureFact = z.infer<typeof FigureFact>;


/** Figures: a reported number with its unit, about an initiative or a place. */
export const figures: FactType<FigureFact> = {
  name: 'figures',
  schema: FigureFact,
  key: (f) => `${f.value}${f.unit}`,
  same: (a, _ad, b) => a.value === b.value && a.unit === b.unit,
  relink(f, ref) {
    f.about = ref(f.about, 'initiatives', 'places');
    return true;
  },
  contract: (f, offset) => ({ subject: f.subject, value: f.value, unit: f.unit, approx: f.approx, evidence: f.evidence, offset }),
  resolve(facts, ctx) {
    for (const f of facts) {
      const what = `figure ${f.subject}`;
      const e = ctx.ev(f.evidence, what);
      if (!e) continue;
      const id = `figure:${ctx.articleId.replace(/^article:/, '')}:${hash(`${f.subject}|${f.value}|${f.unit}`, 10)}`;
      const n = ctx.addNode('Figure', id, { subject: f.subject, value: f.value, unit: f.unit, approx: f.approx });
      if (f.about) {
        const target = ctx.initiatives.get(f.about) ?? ctx.places.get(f.about);
        if (!target) ctx.problems.push(`${what}: "about" names no initiative or place of this document: "${f.about}"`);
        else ctx.rel('ABOUT', n, target, e);
      }
      ctx.report('Figure', id, e);
    }
  },
};
