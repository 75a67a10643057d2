import type { FactDoc } from '../ingest/facts.js';
import { FACT_TYPES, sameFact, type FactType } from '../ingest/match.js';

/**
 * Precision: share of extracted facts that match a curated fact.
 * Recall: share of curated facts that some extracted fact matches.
 */
export interface Score {
  extracted: number;
  correct: number;
  curated: number;
  found: number;
}

export function score(extracted: FactDoc, curated: FactDoc): Record<FactType, Score> {
  const out = {} as Record<FactType, Score>;
  for (const t of FACT_TYPES) {
    const ex = extracted[t] as any[];
    const cu = curated[t] as any[];
    out[t] = {
      extracted: ex.length,
      correct: ex.filter((e) => cu.some((c) => sameFact(t, e, extracted, c, curated))).length,
      curated: cu.length,
      found: cu.filter((c) => ex.some((e) => sameFact(t, e, extracted, c, curated))).length,
    };
  }
  return out;
}

export function addScores(a: Record<FactType, Score>, b: Record<FactType, Score>): Record<FactType, Score> {
  const out = {} as Record<FactType, Score>;
  for (const t of FACT_TYPES) {
    out[t] = {
      extracted: a[t].extracted + b[t].extracted,
      correct: a[t].correct + b[t].correct,
      curated: a[t].curated + b[t].curated,
      found: a[t].found + b[t].found,
    };
  }
  return out;
}

export const precision = (s: Score) => (s.extracted === 0 ? 1 : s.correct / s.extracted);
export const recall = (s: Score) => (s.curated === 0 ? 1 : s.found / s.curated);

export function table(scores: Record<FactType, Score>): string {
  const rows = FACT_TYPES.map((t) => {
    const s = scores[t];
    return `| ${t.padEnd(13)} | ${String(s.extracted).padStart(9)} | ${String(s.curated).padStart(7)} | ${precision(s).toFixed(2).padStart(9)} | ${recall(s).toFixed(2).padStart(6)} |`;
  });
  return ['| fact type     | extracted | curated | precision | recall |', '|---|---:|---:|---:|---:|', ...rows].join('\n');
}
