import type { FigureFact } from '../facts.js';
import { parseNumber, quoteAround, sentenceAt, type ExtractContext } from './context.js';
import type { InitiativeHit } from './initiatives.js';
import type { PlaceHit } from './places.js';

/** Reported figures: a number with a counting unit; 余/多/左右 make it approximate. */
const FIGURE = /(\d+(?:\.\d+)?)(万)?(余|多)?(名|人次|人|场次|场|期|个|家|项|件|户|支|种|批|所|%)(左右)?(?![年月日岁小时])/gu;

export function extractFigures(ctx: ExtractContext, initiatives: InitiativeHit[], main?: PlaceHit): FigureFact[] {
  const out: FigureFact[] = [];
  for (const m of ctx.text.matchAll(FIGURE)) {
    const prev = ctx.text[m.index! - 1] ?? '';
    if (/[\d.—\-~～+]/.test(prev)) continue; // ranges (1—2件) and formulas (1+3)
    const s = sentenceAt(ctx, m.index!);
    const quote = quoteAround(ctx, m.index!, m.index! + m[0].length);
    const about = initiatives.filter((i) => s && i.start >= s.start && i.start < s.start + s.text.length && i.start <= m.index!).at(-1);
    out.push({
      subject: quote.replace(m[0], '').replace(/^[,，、\s]+|[,，、\s]+$/g, '').slice(0, 40) || quote,
      value: parseNumber(m[1]!, m[2]),
      unit: m[4]!,
      approx: Boolean(m[3] || m[5]),
      about: about?.name ?? main?.name,
      evidence: quote,
    });
  }
  return out;
}
