import Cypher from '@neo4j/cypher-builder';
import neo4j from 'neo4j-driver';
import type { Db } from '../db/gateway.js';
import { BadInputError } from '../errors.js';
import { wordList } from '../lang/zh/lexicon.js';
import { t2s } from '../lang/zh/script.js';
import { phrase } from './filters.js';

/**
 * What a user means by a place: an id (place:420921), a name as the graph writes it (孝昌县),
 * the same in traditional script (孝昌縣), an alias, or a short form without its
 * administrative suffix (湖北, 孝感). Names as written win over short forms; a short form that
 * fits several places (朝阳: a district, a city, a county) means all of them. A place the
 * graph does not hold is the user's mistake, said with the nearest names it does hold —
 * never an empty list that looks like "no mentoring there".
 */
export function placeForms(raw: string): { exact: string[]; short: string[] } {
  const text = raw.trim();
  const exact = [...new Set([text, t2s(text)])];
  const suffixes = wordList('place-suffixes.txt');
  const short = exact.flatMap((s) => suffixes.filter((x) => !s.endsWith(x)).map((x) => s + x));
  return { exact, short: [...new Set(short)] };
}

/** The ids of the places any of $forms names: by id, by name, or by alias through the full-text index. */
export const RESOLVE_CYPHER = (() => {
  const forms = new Cypher.NamedParam('forms');
  const p = new Cypher.Node();
  const byProperty = (key: 'id' | 'name') => {
    const f = new Cypher.Variable();
    return new Cypher.Unwind([forms, f]).match(new Cypher.Pattern(p, { labels: ['Place'], properties: { [key]: f } })).return(p);
  };
  const f = new Cypher.Variable();
  const byAlias = Cypher.db.index.fulltext
    .queryNodes('entity_text', new Cypher.NamedParam('phrases'))
    .yield(['node', p])
    .with(p)
    .where(Cypher.and(p.hasLabel('Place'), Cypher.any(f, forms, Cypher.in(f, Cypher.coalesce(p.property('aliases'), new Cypher.List([]))))))
    .return(p);
  return Cypher.utils
    .concat(new Cypher.Call(new Cypher.Union(byProperty('id'), byProperty('name'), byAlias)), new Cypher.Return([p.property('id'), 'id']).distinct())
    .build().cypher;
})();

/** Place names that share a part with what the user wrote (the suggestions of an unknown place). */
export const NEAR_CYPHER = (() => {
  const node = new Cypher.Node();
  const score = new Cypher.Variable();
  const name = new Cypher.NamedVariable('name');
  return Cypher.db.index.fulltext
    .queryNodes('entity_text', new Cypher.NamedParam('q'), { limit: 50 })
    .yield(['node', node], ['score', score])
    .with(node, score)
    .where(node.hasLabel('Place'))
    .return([node.property('name'), name])
    .orderBy([score, 'DESC'], [name, 'ASC'])
    .limit(new Cypher.NamedParam('limit'))
    .build().cypher;
})();

const phrases = (forms: string[]) => forms.map(phrase).join(' OR ');

/** Any of the text's character pairs (the index holds CJK bigrams): names that share a part. */
function nearQuery(raw: string): string {
  const s = t2s(raw.trim());
  const pairs = [...s].length < 2 ? [s] : [...s].slice(0, -1).map((c, i) => c + [...s][i + 1]);
  return pairs.map(phrase).join(' OR ');
}

/** The ids of the places `raw` names (BadInputError with suggestions when there are none). */
export async function resolvePlaces(db: Db, raw: string, what = 'place'): Promise<string[]> {
  const { exact, short } = placeForms(raw);
  for (const forms of [exact, short]) {
    const rows = await db.read(RESOLVE_CYPHER, { forms, phrases: phrases(forms) });
    if (rows.length > 0) return rows.map((r) => r.id as string).sort();
  }
  const near = await db.read(NEAR_CYPHER, { q: nearQuery(raw), limit: neo4j.int(5) });
  const names = [...new Set(near.map((r) => r.name as string))];
  throw new BadInputError(
    `the graph holds no place called ${JSON.stringify(raw)} for "${what}"` +
      (names.length ? `; did you mean ${names.map((n) => JSON.stringify(n)).join(', ')}?` : '; give a place id (place:420921) or a name such as 孝昌县 or 湖北'),
  );
}

/** The places a `within` argument names, or null (no restriction) when it is not given. */
export async function resolveWithin(db: Db, within: string | null | undefined): Promise<string[] | null> {
  return within ? resolvePlaces(db, within, 'within') : null;
}
