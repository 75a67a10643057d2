import { z } from 'zod';
import { PLACE_LEVELS } from '../../model.js';
import { placeByCode } from '../gazetteer.js';
import { evidence, name } from './fields.js';
import { sameNamed, type FactType } from './type.js';

export const PlaceFact = z.object({
  name,
  /** Division code (GB/T 2260 and below) when the place is in the dataset. */
  code: z.string().regex(/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/).optional(),
  level: z.enum(PLACE_LEVELS).optional(),
  /** For places without a code: the name of a place of this document, or a division code. */
  parent: z.string().optional(),
  aliases: z.array(name).default([]),
  evidence,
});
export type PlaceFact = z.infer<typeof PlaceFact>;

/** Places: the gazetteer chain for coded places (PART_OF from the dataset); named parents for the rest. */
export const places: FactType<PlaceFact> = {
  name: 'places',
  schema: PlaceFact,
  key: (f) => f.name,
  same: (a, _ad, b) => (!!a.code && a.code === b.code) || sameNamed(a, b),
  relink(f, ref) {
    if (f.parent) f.parent = ref(f.parent, 'places');
    return !!(f.code || f.parent);
  },
  contract: (p, offset) => ({ name: p.name, level: p.level ?? null, code: p.code ?? null, parent: p.parent ?? null, evidence: p.evidence, offset }),
  resolve(facts, ctx) {
    const pending = [...facts];
    for (let round = 0; pending.length > 0 && round < 10; round++) {
      for (const p of [...pending]) {
        const e = ctx.ev(p.evidence, `place ${p.name}`);
        if (p.code) {
          const g = placeByCode(p.code);
          pending.splice(pending.indexOf(p), 1);
          if (!g) {
            ctx.problems.push(`place ${p.name}: code ${p.code} is not in the division dataset`);
            continue;
          }
          const n = ctx.gazNode(p.code)!;
          const aliases = [...p.aliases, ...(g.name !== p.name ? [g.name] : [])];
          ctx.addNode('Place', n.id, { name: p.name, level: p.level ?? g.level }, e, aliases);
          ctx.places.set(p.name, n);
          // Other facts may name it as the text did elsewhere (麻阳县 for 麻阳苗族自治县).
          for (const a of aliases) if (!ctx.places.has(a)) ctx.places.set(a, n);
          continue;
        }
        if (!p.parent) {
          ctx.problems.push(`place ${p.name}: needs a code or a parent`);
          pending.splice(pending.indexOf(p), 1);
          continue;
        }
        const parent = ctx.places.get(p.parent) ?? (/^\d+$/.test(p.parent) ? ctx.gazNode(p.parent) : undefined);
        if (!parent) continue; // parent not resolved yet: next round
        const n = ctx.addNode('Place', `${parent.id}/${p.name}`, { name: p.name, level: p.level ?? 'other', code: null }, e, p.aliases);
        ctx.rel('PART_OF', n, parent, e);
        ctx.places.set(p.name, n);
        pending.splice(pending.indexOf(p), 1);
      }
    }
    for (const p of pending) ctx.problems.push(`place ${p.name}: parent "${p.parent}" is not a place of this document`);
  },
};
