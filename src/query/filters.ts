import type { NodeLabel } from '../model.js';

/**
 * The list filters as fixed Cypher fragments per label. Only these strings reach Cypher;
 * user values travel as parameters ($placeIds, $initiative, $kind, $text, $from, $to).
 */
export interface ListFilter {
  place?: string | null;
  initiative?: string | null;
  kind?: string | null;
  text?: string | null;
  /** Reported in this range of publication dates (YYYY-MM-DD, both ends included). */
  published?: { from?: string | null; to?: string | null } | null;
}

/**
 * The place or initiative a filter names, by id, name or alias — each through an index
 * (the alias through the full-text index, then checked exactly), never a label scan — and
 * everything below it in the hierarchy. Only the scopes a filter sets are computed.
 */
function scope(o: { label: 'Place' | 'Initiative'; v: string; d: string; param: string; depth: number; list: string }): string {
  return `
CALL {
  CALL {
    MATCH (${o.v}:${o.label} {id: $${o.param}}) RETURN ${o.v}
    UNION MATCH (${o.v}:${o.label} {name: $${o.param}}) RETURN ${o.v}
    UNION CALL db.index.fulltext.queryNodes('entity_text', $${o.param}Phrase) YIELD node AS ${o.v}
      WITH ${o.v} WHERE ${o.v}:${o.label} AND $${o.param} IN ${o.v}.aliases RETURN ${o.v}
  }
  MATCH (${o.d}:${o.label})-[:PART_OF*0..${o.depth}]->(${o.v})
  RETURN collect(DISTINCT ${o.d}) AS ${o.list}
}`;
}
// The place filter arrives resolved (query/places.ts: script, short forms, several places).
const PLACE_SCOPE = `
CALL {
  MATCH (p:Place) WHERE p.id IN $placeIds
  MATCH (d:Place)-[:PART_OF*0..8]->(p)
  RETURN collect(DISTINCT d) AS places
}`;
// The initiative filter is also a WHERE (INITIATIVE below) when a place filter starts the list.
const INITIATIVE_SCOPE = `${scope({ label: 'Initiative', v: 'i', d: 'c', param: 'initiative', depth: 5, list: 'initiatives' })}
WITH *, [x IN initiatives | x.id] AS initiativeIds`;

/** A Lucene phrase query for an exact name (only quote and backslash need escaping inside one). */
export function phrase(s: string | null | undefined): string | null {
  return s ? `"${s.replace(/["\\]/g, '\\$&')}"` : null;
}

/** From a place q of the scope to the listed node n: the candidates are the union. */
const FROM_PLACE: Record<NodeLabel, string[]> = {
  Place: ['WITH q AS n'],
  Initiative: ['MATCH (q)<-[:IN]-(n:Initiative)'],
  Person: ['MATCH (q)<-[:BASED_IN]-(n:Person)'],
  Cohort: ['MATCH (q)<-[:BASED_IN]-(n:Cohort)'],
  Organization: ['MATCH (q)<-[:LOCATED_IN]-(n:Organization)'],
  Mentorship: ['MATCH (q)<-[:IN]-(n:Mentorship)', 'MATCH (q)<-[:IN]-(:Initiative)<-[:UNDER]-(n:Mentorship)'],
  Figure: ['MATCH (q)<-[:ABOUT]-(n:Figure)', 'MATCH (q)<-[:IN]-(:Initiative)<-[:ABOUT]-(n:Figure)'],
  Article: ['MATCH (q)<-[:MENTIONS]-(n:Article)'],
};

/** From an initiative q of the scope (or of the kind) to the listed node n. */
const FROM_INITIATIVE: Record<NodeLabel, string[]> = {
  Place: ['MATCH (q)-[:IN]->(n:Place)'],
  Initiative: ['WITH q AS n'],
  Person: ['MATCH (q)<-[:PARTICIPATES_IN]-(n:Person)', 'MATCH (q)<-[:UNDER]-(:Mentorship)<-[:MENTOR_IN|MENTEE_IN]-(n:Person)'],
  Cohort: ['MATCH (q)<-[:PARTICIPATES_IN]-(n:Cohort)', 'MATCH (q)<-[:UNDER]-(:Mentorship)<-[:MENTOR_IN|MENTEE_IN]-(n:Cohort)'],
  Organization: ['MATCH (q)-[:RUN_BY]->(n:Organization)'],
  Mentorship: ['MATCH (q)<-[:UNDER]-(n:Mentorship)'],
  Figure: ['MATCH (q)<-[:ABOUT]-(n:Figure)'],
  Article: ['MATCH (q)<-[:MENTIONS]-(n:Article)'],
};

/** Of a kind means taking part directly (not through a mentorship), as KIND below says. */
const FROM_KIND: Record<NodeLabel, string[]> = {
  ...FROM_INITIATIVE,
  Person: ['MATCH (q)<-[:PARTICIPATES_IN]-(n:Person)'],
  Cohort: ['MATCH (q)<-[:PARTICIPATES_IN]-(n:Cohort)'],
};

/**
 * The candidates of a list as Cypher binding n: started from the narrowest index the filter
 * offers (the place sub-tree, the initiative sub-tree, the initiatives of a kind) and
 * narrowed by the other filters; a label scan only when no filter is set (or text alone).
 */
export function candidates(label: NodeLabel, f: ListFilter): string {
  const scopes = [f.place ? PLACE_SCOPE : '', f.initiative ? INITIATIVE_SCOPE : ''].join('\n');
  let start: string;
  let rest: Omit<ListFilter, 'place'>;
  const union = (source: string, patterns: string[]) =>
    `CALL {\n  ${patterns.map((p) => `WITH ${source} UNWIND ${source} AS q ${p} RETURN DISTINCT n`).join('\n  UNION\n  ')}\n}`;
  if (f.place) {
    start = union('places', FROM_PLACE[label]);
    rest = f;
  } else if (f.initiative) {
    start = union('initiatives', FROM_INITIATIVE[label]);
    rest = { ...f, initiative: null };
  } else if (f.kind && label !== 'Initiative') {
    start = `CALL {\n  MATCH (k:Initiative {kind: $kind}) RETURN collect(k) AS kinds\n}\n${union('kinds', FROM_KIND[label])}`;
    rest = { ...f, kind: null };
  } else {
    start = `MATCH (n:${label})`;
    rest = f;
  }
  const where = whereClause(label, rest);
  return `${scopes}\n${start}\n${where ? `WITH ${f.initiative ? 'initiativeIds, ' : ''}n ${where}` : ''}`;
}

/** A place filter is never a WHERE: lists start from the place's sub-tree (FROM_PLACE). */
const INITIATIVE: Record<NodeLabel, string> = {
  Place: 'EXISTS { (q:Initiative)-[:IN]->(n) WHERE q.id IN initiativeIds }',
  Initiative: 'n.id IN initiativeIds',
  Person: `(EXISTS { (n)-[:PARTICIPATES_IN]->(q:Initiative) WHERE q.id IN initiativeIds }
      OR EXISTS { (n)-[:MENTOR_IN|MENTEE_IN]->(:Mentorship)-[:UNDER]->(q:Initiative) WHERE q.id IN initiativeIds })`,
  Cohort: `(EXISTS { (n)-[:PARTICIPATES_IN]->(q:Initiative) WHERE q.id IN initiativeIds }
      OR EXISTS { (n)-[:MENTOR_IN|MENTEE_IN]->(:Mentorship)-[:UNDER]->(q:Initiative) WHERE q.id IN initiativeIds })`,
  Organization: 'EXISTS { (q:Initiative)-[:RUN_BY]->(n) WHERE q.id IN initiativeIds }',
  Mentorship: 'EXISTS { (n)-[:UNDER]->(q:Initiative) WHERE q.id IN initiativeIds }',
  Figure: 'EXISTS { (n)-[:ABOUT]->(q:Initiative) WHERE q.id IN initiativeIds }',
  Article: 'EXISTS { (n)-[:MENTIONS]->(q:Initiative) WHERE q.id IN initiativeIds }',
};

const KIND: Record<NodeLabel, string> = {
  Place: 'EXISTS { (q:Initiative {kind: $kind})-[:IN]->(n) }',
  Initiative: 'n.kind = $kind',
  Person: 'EXISTS { (n)-[:PARTICIPATES_IN]->(:Initiative {kind: $kind}) }',
  Cohort: 'EXISTS { (n)-[:PARTICIPATES_IN]->(:Initiative {kind: $kind}) }',
  Organization: 'EXISTS { (:Initiative {kind: $kind})-[:RUN_BY]->(n) }',
  Mentorship: 'EXISTS { (n)-[:UNDER]->(:Initiative {kind: $kind}) }',
  Figure: 'EXISTS { (n)-[:ABOUT]->(:Initiative {kind: $kind}) }',
  Article: 'EXISTS { (n)-[:MENTIONS]->(:Initiative {kind: $kind}) }',
};

const TEXT: Record<NodeLabel, string> = {
  Place: '(n.name CONTAINS $text OR coalesce(n.aliasText, "") CONTAINS $text)',
  Initiative: '(n.name CONTAINS $text OR coalesce(n.aliasText, "") CONTAINS $text OR coalesce(n.summary, "") CONTAINS $text)',
  Person: '(n.name CONTAINS $text OR coalesce(n.title, "") CONTAINS $text)',
  Cohort: 'n.label CONTAINS $text',
  Organization: '(n.name CONTAINS $text OR coalesce(n.aliasText, "") CONTAINS $text)',
  Mentorship: 'EXISTS { (p)-[:MENTOR_IN|MENTEE_IN]->(n) WHERE coalesce(p.name, p.label) CONTAINS $text }',
  Figure: 'n.subject CONTAINS $text',
  Article: '(coalesce(n.title, "") CONTAINS $text OR n.text CONTAINS $text OR coalesce(n.searchText, "") CONTAINS $text)',
};

/**
 * Published in a range: an article by its date; a mentorship or figure when an article in the
 * range reports it; anything else when an article in the range mentions it.
 */
const IN_RANGE = (a: string) => `${a}.publishedAt IS NOT NULL AND ($from IS NULL OR ${a}.publishedAt >= $from) AND ($to IS NULL OR ${a}.publishedAt <= $to)`;
function published(label: NodeLabel): string {
  if (label === 'Article') return `(${IN_RANGE('n')})`;
  const rel = label === 'Mentorship' || label === 'Figure' ? 'REPORTS' : 'MENTIONS';
  return `EXISTS { (a:Article)-[:${rel}]->(n) WHERE ${IN_RANGE('a')} }`;
}

/** The WHERE clause for a label given which filters are set (the values are parameters). */
function whereClause(label: NodeLabel, f: Omit<ListFilter, 'place'>): string {
  const parts: string[] = [];
  if (f.initiative) parts.push(INITIATIVE[label]);
  if (f.kind) parts.push(KIND[label]);
  if (f.text) parts.push(TEXT[label]);
  if (f.published && (f.published.from || f.published.to)) parts.push(published(label));
  return parts.length ? `WHERE ${parts.join('\n  AND ')}` : '';
}
