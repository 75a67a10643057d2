import type { Neighbour } from '../../query/neighbours.js';

/** Evidence from MENTIONS edges (many quotes each) or REPORTS edges (one quote each). */
export interface EvidenceRow {
  quote: string;
  offset: number | null;
  article: Neighbour;
}

export function fromMentions(articles: Neighbour[]): EvidenceRow[] {
  return articles.flatMap((a) =>
    ((a.__rel.quotes as string[] | undefined) ?? []).map((quote, i) => ({
      quote,
      offset: (a.__rel.offsets as number[] | undefined)?.[i] ?? null,
      article: a,
    })),
  );
}

export function fromReports(articles: Neighbour[]): EvidenceRow[] {
  return articles.map((a) => ({ quote: a.__rel.quote as string, offset: (a.__rel.offset as number) ?? null, article: a }));
}
