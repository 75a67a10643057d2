import type { FactDoc } from './facts.js';

/**
 * When an extracted fact and a curated fact are the same fact. Used by the evaluation
 * (precision/recall) and by the corrections layer (a curated fact replaces its extracted twin).
 */
export type FactType = 'places' | 'organizations' | 'initiatives' | 'people' | 'cohorts' | 'mentorships' | 'figures';
export const FACT_TYPES: FactType[] = ['places', 'organizations', 'initiatives', 'people', 'cohorts', 'mentorships', 'figures'];

const norm = (s: string) => s.replace(/[“”"‘’'《》\s]/g, '');

function namesOf(f: { name: string; aliases?: string[] }): string[] {
  return [f.name, ...(f.aliases ?? [])].map(norm);
}

export function sameNamed(a: { name: string; aliases?: string[] }, b: { name: string; aliases?: string[] }): boolean {
  const bn = new Set(namesOf(b));
  return namesOf(a).some((n) => bn.has(n));
}

type Cohort = FactDoc['cohorts'][number];
export function sameCohort(a: Cohort, b: Cohort): boolean {
  if (a.size !== undefined || b.size !== undefined) return a.size === b.size && (a.place === b.place || !a.place || !b.place);
  // Unsized cohorts (a scheme's tutors): the same when their labels name the same scheme.
  const core = (l: string) => norm(l).replace(/(导师|师傅)$/, '');
  return norm(b.label).includes(core(a.label)) || norm(a.label).includes(core(b.label));
}

/** A mentorship party: a person's name or a cohort's label, looked up in its document. */
function partyMatches(aName: string, aDoc: FactDoc, bName: string, bDoc: FactDoc): boolean {
  if (aName === bName) return true;
  const ac = aDoc.cohorts.find((c) => c.label === aName);
  const bc = bDoc.cohorts.find((c) => c.label === bName);
  if (ac && bc) return sameCohort(ac, bc);
  if (!ac && !bc) return norm(aName) === norm(bName);
  // An implied cohort that exists only in a mentorship (extraction's “师带徒”导师).
  const cohort = ac ?? bc;
  const other = ac ? bName : aName;
  return !cohort!.size && norm(cohort!.label).includes(norm(other).replace(/(导师|师傅)$/, ''));
}

export function sameFact(type: FactType, a: any, aDoc: FactDoc, b: any, bDoc: FactDoc): boolean {
  switch (type) {
    case 'places':
      return (a.code && a.code === b.code) || sameNamed(a, b);
    case 'organizations':
    case 'initiatives':
      return sameNamed(a, b);
    case 'people':
      return a.name === b.name;
    case 'cohorts':
      return sameCohort(a, b);
    case 'mentorships':
      return partyMatches(a.mentor, aDoc, b.mentor, bDoc) && partyMatches(a.mentee, aDoc, b.mentee, bDoc);
    case 'figures':
      return a.value === b.value && a.unit === b.unit;
  }
}
