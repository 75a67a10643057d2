import type { CohortFact } from '../facts.js';
import { alternation } from '../../lang/zh/lexicon.js';
import { parseNumber } from '../../lang/zh/numerals.js';
import { HAN } from '../../lang/zh/script.js';
import { quoteAround, type ExtractContext } from './context.js';
import type { PlaceHit } from './places.js';
import { placeNear } from './places.js';

/**
 * Cohorts: unnamed groups with a size — 38名县领导, 860余名骨干, “导师”51人,
 * 年轻镇村干部93名 — the mentors, mentees and trainees of the genre.
 */
export interface CohortHit {
  label: string;
  size?: number;
  approx: boolean;
  start: number;
  end: number;
  place?: PlaceHit;
  /** Mentor-side cohorts (导师, 县领导) and mentee-side ones, from their nouns. */
  side: 'mentor' | 'mentee' | 'other';
}

const NUM = '(\\d+(?:\\.\\d+)?)(万)?(余|多)?';
let res: { numberFirst: RegExp; nounFirst: RegExp } | undefined;
function patterns() {
  const nouns = alternation('cohort-nouns.txt');
  res ??= {
    numberFirst: new RegExp(`${NUM}(名|位)(左右)?((?:[${HAN}“”]){0,12}?(?:${nouns})”?)`, 'gu'),
    nounFirst: new RegExp(`((?:[${HAN}“”]){0,8}?(?:${nouns})”?)${NUM}(名|人)(?![次])`, 'gu'),
  };
  return res;
}
const size = (digits: string, wan?: string) => Math.round(parseNumber(digits)!.value * (wan ? 10000 : 1));

function sideOf(label: string): CohortHit['side'] {
  if (/导师|领导|师傅/.test(label)) return 'mentor';
  if (/年轻|青年|学员|尖兵|骨干|新/.test(label)) return 'mentee';
  return 'other';
}

export function extractCohorts(ctx: ExtractContext, places: PlaceHit[], main?: PlaceHit): CohortHit[] {
  const { text } = ctx;
  const hits: CohortHit[] = [];
  for (const m of text.matchAll(patterns().numberFirst)) {
    const noun = m[6]!;
    const label = `${m[1]}${m[2] ?? ''}${m[3] ?? ''}${m[4]}${m[5] ?? ''}${noun}`;
    hits.push({
      label,
      size: size(m[1]!, m[2]),
      approx: Boolean(m[3] || m[5]),
      start: m.index!,
      end: m.index! + m[0].length,
      side: sideOf(noun),
    });
  }
  for (const m of text.matchAll(patterns().nounFirst)) {
    if (hits.some((h) => m.index! < h.end && m.index! + m[0].length > h.start)) continue;
    const noun = m[1]!.replace(/^(结对帮带|结对|帮带|聘请|共聘请|共)/, '');
    if (/被|为|以上|发展|的/.test(noun)) continue;
    hits.push({
      label: `${noun}${m[2]}${m[3] ?? ''}${m[4] ?? ''}${m[5]}`,
      size: size(m[2]!, m[3]),
      approx: Boolean(m[4]),
      start: m.index! + m[1]!.length - noun.length,
      end: m.index! + m[0].length,
      side: sideOf(noun),
    });
  }
  for (const h of hits) {
    h.place = placeNear(ctx, places, h.start, main);
    // 42名业务骨干担任导师: the role they take decides their side.
    if (/^[^,，。]{0,3}担任[“"]?(帮带)?(导师|师傅)/.test(text.slice(h.end, h.end + 12))) h.side = 'mentor';
  }
  // A clause, not a group (5名…被发展为预备党员, …以上学历的优秀青年48人).
  return hits.filter((h) => !/被|为|以上|发展/.test(h.label)).sort((a, b) => a.start - b.start);
}

export function cohortFacts(ctx: ExtractContext, hits: CohortHit[]): CohortFact[] {
  const seen = new Set<string>();
  const out: CohortFact[] = [];
  for (const h of hits) {
    const label = cohortLabel(h);
    if (seen.has(label)) continue;
    seen.add(label);
    out.push({ label, size: h.size, approx: h.approx, place: h.place?.name, members: [], initiatives: [], evidence: quoteAround(ctx, h.start, h.end) });
  }
  return out;
}

export function cohortLabel(h: CohortHit): string {
  return h.place ? `${h.place.name}${h.label}` : h.label;
}
