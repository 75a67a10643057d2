import type { FactDoc } from './facts.js';
import { factType } from './fact-types/index.js';
import { FACT_TYPES, sameFact, type FactType } from './match.js';

/**
 * Curated facts layered over extraction: a curated fact replaces its extracted twin, a
 * curated "not a fact" (notFacts) removes an extraction, and extracted facts nobody curated
 * stay — with their references renamed to the curated names, and dropped when what they
 * refer to is gone.
 */
export type Corrections = FactDoc;

export function factKey(type: FactType, f: any): string {
  return factType(type).key(f);
}

export function applyCorrections(extracted: FactDoc, curated: Corrections): FactDoc {
  const out: FactDoc = structuredClone({ ...curated, notFacts: [] });
  out.article = { ...extracted.article, ...Object.fromEntries(Object.entries(curated.article).filter(([, v]) => v !== undefined)) };
  if (out.credits.length === 0) out.credits = extracted.credits;
  const rejected = new Set(curated.notFacts.map((n) => `${n.type}|${n.name}`));
  const rename = new Map<string, string>(); // "type|extracted name" → final name, or '' when removed

  const has = (type: FactType, name: string | undefined) =>
    !!name && (out[type] as any[]).some((f) => factKey(type, f) === name || (f.aliases ?? []).includes(name));
  const ref = (types: FactType[], name: string | undefined): string | undefined => {
    if (!name) return undefined;
    for (const t of types) {
      const r = rename.get(`${t}|${name}`);
      if (r === '') return undefined;
      const final = r ?? name;
      if (has(t, final)) return final;
    }
    return /^\d+$/.test(name) ? name : undefined;
  };

  for (const type of FACT_TYPES) {
    for (const e of extracted[type] as any[]) {
      const key = factKey(type, e);
      if (rejected.has(`${type}|${key}`)) {
        rename.set(`${type}|${key}`, '');
        continue;
      }
      const twin = (curated[type] as any[]).find((c) => sameFact(type, e, extracted, c, curated));
      if (twin) {
        rename.set(`${type}|${key}`, factKey(type, twin));
        continue;
      }
      const f = structuredClone(e);
      const keep = factType(type).relink(f, (name, ...types) => ref(types, name), has);
      if (keep) {
        (out[type] as any[]).push(f);
        rename.set(`${type}|${key}`, factKey(type, f));
      } else {
        rename.set(`${type}|${key}`, '');
      }
    }
  }
  return out;
}
