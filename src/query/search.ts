import Cypher from '@neo4j/cypher-builder';
import neo4j from 'neo4j-driver';
import { simplifyAligned } from '../lang/zh/script.js';
import type { Db } from '../db/gateway.js';
import { LIMITS } from '../config.js';
import { BadInputError } from '../errors.js';
import type { GNodeRow } from './list.js';

export const SEARCH_TYPES = ['Place', 'Initiative', 'Person', 'Organization', 'Cohort', 'Article'] as const;

/** Lucene's syntax characters, escaped so that user text is searched as text. */
export function escapeLucene(s: string): string {
  return s.replace(/[+\-!(){}[\]^"~*?:\\/&|]/g, (c) => `\\${c}`);
}

/**
 * The Lucene query for user text: each word as a quoted phrase (so neither syntax characters nor
 * the keywords AND, OR, NOT act as operators), as given and in simplified script, so that 幫帶
 * finds 帮带. A single CJK character becomes a prefix query, because the cjk analyzer only
 * indexes bigrams.
 */
export function luceneQuery(raw: string): string {
  const text = raw.trim();
  if (!text) throw new BadInputError('search "query" is empty; give at least one word, e.g. 帮带');
  if (text.length > 100) throw new BadInputError(`search "query" is ${text.length} characters; at most 100 are allowed`);
  const words = [...new Set([text, simplifyAligned(text)].flatMap((v) => v.split(/\s+/)).filter(Boolean))];
  return words.map((w) => (/^\p{Script=Han}$/u.test(w) ? `${escapeLucene(w)}*` : `"${w.replace(/["\\]/g, '\\$&')}"`)).join(' OR ');
}

export interface SearchHitRow {
  score: number;
  type: string;
  node: GNodeRow;
}

/** Full-text hits of the wanted types, best first (more fetched than shown: other types drop out). */
export const SEARCH_CYPHER = (() => {
  const node = new Cypher.Node();
  const [score, type, props] = ['score', 'type', 'props'].map((v) => new Cypher.NamedVariable(v)) as unknown as [Cypher.Variable, Cypher.Variable, Cypher.Variable];
  return Cypher.db.index.fulltext
    .queryNodes('entity_text', new Cypher.NamedParam('q'), { limit: new Cypher.NamedParam('fetch') })
    .yield(['node', node], ['score', score])
    .with(node, score, [Cypher.head(Cypher.labels(node)), type])
    .where(Cypher.in(type, new Cypher.NamedParam('types')))
    .return([Cypher.properties(node), props], type, score)
    .orderBy([score, 'DESC'], [props.property('id'), 'ASC'])
    .limit(new Cypher.NamedParam('limit'))
    .build().cypher;
})();

export async function search(db: Db, query: string, first: number | null | undefined, types?: string[] | null): Promise<SearchHitRow[]> {
  const limit = Math.min(Math.max(first ?? 10, 1), LIMITS.maxSearchHits);
  const wanted = types && types.length > 0 ? types : [...SEARCH_TYPES];
  const rows = await db.read(SEARCH_CYPHER, { q: luceneQuery(query), types: wanted, limit: neo4j.int(limit), fetch: neo4j.int(limit * 4) });
  return rows.map((r) => ({ score: r.score, type: r.type, node: { ...r.props, __label: r.type } }));
}
