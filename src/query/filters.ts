import type { NodeLabel } from '../model.js';

/**
 * The list filters as fixed Cypher fragments per label. Only these strings reach Cypher;
 * user values travel as parameters ($placeIds, $initiativeIds, $kind, $text).
 */
export interface ListFilter {
  place?: string | null;
  initiative?: string | null;
  kind?: string | null;
  text?: string | null;
}

/** Resolves $place and $initiative to id sets, each including what lies below. */
export const SCOPE_PREAMBLE = `
CALL {
  OPTIONAL MATCH (p:Place) WHERE $place IS NOT NULL AND (p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, []))
  OPTIONAL MATCH (d:Place)-[:PART_OF*0..8]->(p)
  RETURN collect(DISTINCT d.id) AS placeIds
}
CALL {
  OPTIONAL MATCH (i:Initiative) WHERE $initiative IS NOT NULL AND (i.id = $initiative OR i.name = $initiative OR $initiative IN coalesce(i.aliases, []))
  OPTIONAL MATCH (c:Initiative)-[:PART_OF*0..5]->(i)
  RETURN collect(DISTINCT c.id) AS initiativeIds
}`;

const PLACE: Record<NodeLabel, string> = {
  Place: 'n.id IN placeIds',
  Initiative: 'EXISTS { (n)-[:IN]->(q:Place) WHERE q.id IN placeIds }',
  Person: 'EXISTS { (n)-[:BASED_IN]->(q:Place) WHERE q.id IN placeIds }',
  Cohort: 'EXISTS { (n)-[:BASED_IN]->(q:Place) WHERE q.id IN placeIds }',
  Organization: 'EXISTS { (n)-[:LOCATED_IN]->(q:Place) WHERE q.id IN placeIds }',
  Mentorship: `(EXISTS { (n)-[:IN]->(q:Place) WHERE q.id IN placeIds }
      OR EXISTS { (n)-[:UNDER]->(:Initiative)-[:IN]->(q:Place) WHERE q.id IN placeIds })`,
  Figure: `(EXISTS { (n)-[:ABOUT]->(q:Place) WHERE q.id IN placeIds }
      OR EXISTS { (n)-[:ABOUT]->(:Initiative)-[:IN]->(q:Place) WHERE q.id IN placeIds })`,
  Article: 'EXISTS { (n)-[:MENTIONS]->(q:Place) WHERE q.id IN placeIds }',
};

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

/** The WHERE clause for a label given which filters are set (the values are parameters). */
export function whereClause(label: NodeLabel, f: ListFilter, variable = 'n'): string {
  const parts: string[] = [];
  if (f.place) parts.push(PLACE[label]);
  if (f.initiative) parts.push(INITIATIVE[label]);
  if (f.kind) parts.push(KIND[label]);
  if (f.text) parts.push(TEXT[label]);
  const clause = parts.length ? `WHERE ${parts.join('\n  AND ')}` : '';
  return variable === 'n' ? clause : clause.replace(/\bn\b/g, variable);
}

/** Sort key of each label, as a Cypher expression over n. */
export const SORT_KEY: Record<NodeLabel, string> = {
  Place: 'n.name',
  Initiative: 'n.name',
  Person: 'n.name',
  Cohort: 'n.label',
  Organization: 'n.name',
  Mentorship: 'n.id',
  Figure: 'n.subject',
  Article: 'coalesce(n.publishedAt, "") + coalesce(n.title, "")',
};
