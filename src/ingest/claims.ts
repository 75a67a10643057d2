/**
 * When articles disagree about a shared node (one says 雁雏共翔计划 is a mentoring scheme,
 * another a study tour), every article's values are kept on its MENTIONS/REPORTS relationship
 * as a claim, and the node shows, key by key, the value of the rule:
 *   1. curated over extracted (a seed's hand-checked facts win),
 *   2. then the value most articles state,
 *   3. then the value of the article ingested first (a newcomer does not overwrite).
 * Removing or re-writing an article recomputes its nodes from the claims that remain. Pure.
 */
export interface Claim {
  articleId: string;
  curated: boolean;
  /** ISO time the article was first ingested (its rank among equals). */
  since: string;
  props: Record<string, unknown>;
  /** How many articles state exactly this claim (the database groups equal claims); default 1. */
  weight?: number;
}

/** Properties that are not the article's to claim: ids, and what the writer derives itself. */
const NOT_CLAIMED = new Set(['id', 'aliases', 'aliasText']);

/** What an article claims about a node: its properties but ids and what the writer derives. */
export function claimProps(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k, v]) => !NOT_CLAIMED.has(k) && v !== undefined));
}

/** The claim as stored on MENTIONS/REPORTS. */
export function claimOf(props: Record<string, unknown>): string {
  return JSON.stringify(claimProps(props));
}

export function settle(claims: Claim[]): Record<string, unknown> {
  // One claim per article (an article may both mention and report a node).
  const byArticle = new Map<string, Claim>();
  for (const c of claims) if (!byArticle.has(c.articleId)) byArticle.set(c.articleId, c);
  const values = new Map<string, Map<string, { value: unknown; curated: boolean; support: number; since: string }>>();
  for (const c of byArticle.values()) {
    for (const [k, v] of Object.entries(c.props)) {
      if (v === null || v === undefined || NOT_CLAIMED.has(k)) continue;
      const forKey = values.get(k) ?? new Map();
      values.set(k, forKey);
      const key = JSON.stringify(v);
      const e = forKey.get(key) ?? { value: v, curated: false, support: 0, since: c.since };
      e.curated ||= c.curated;
      e.support += c.weight ?? 1;
      if (c.since < e.since) e.since = c.since;
      forKey.set(key, e);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, forKey] of values) {
    const best = [...forKey.values()].sort(
      (a, b) => Number(b.curated) - Number(a.curated) || b.support - a.support || a.since.localeCompare(b.since),
    )[0]!;
    out[k] = best.value;
  }
  return out;
}
