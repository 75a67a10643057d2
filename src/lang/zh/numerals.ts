import Nzh from 'nzh';

/**
 * Numbers as the genre writes them: digits (18, 1.5万), Chinese numerals (两名, 三个月, 二十一),
 * and vague quantities (十几个 → 10, approximate; 百对 → 100).
 */
export const CN_NUM = '[零一二两三四五六七八九十百千万几]';
export const NUMBER = `(?:\\d+(?:\\.\\d+)?|${CN_NUM}+)`;

export interface ParsedNumber {
  value: number;
  approx: boolean;
}

export function parseNumber(raw: string): ParsedNumber | undefined {
  let s = raw.trim();
  let approx = false;
  if (/^\d+(\.\d+)?万$/.test(s)) return { value: Math.round(Number(s.slice(0, -1)) * 10000), approx };
  if (/^\d+(\.\d+)?亿$/.test(s)) return { value: Math.round(Number(s.slice(0, -1)) * 1e8), approx };
  if (/^\d+(\.\d+)?$/.test(s)) return { value: Number(s), approx };
  if (/几/.test(s)) {
    // 十几 → 10, 几十 → 10, 几 → undefined: vague, kept as the lower bound and marked approximate.
    approx = true;
    s = s.replace(/几十/, '十').replace(/几/g, '');
    if (!s) return undefined;
  }
  s = s.replace(/两/g, '二');
  // 九十五点五: nzh reads a decimal point written 点 too.
  if (!/^[零一二三四五六七八九十百千万]+(?:点[零一二三四五六七八九]+)?$/.test(s)) return undefined;
  const v = Number(Nzh.cn.decodeS(s));
  return Number.isFinite(v) && v > 0 ? { value: v, approx } : undefined;
}
