import type { NodeLabel } from '../model.js';
import type { Direction } from './page.js';

/**
 * The orders each list offers (`orderBy: {field, direction}`), as Cypher expressions over a
 * variable (`n` in top-level lists, `m` in neighbour lists).
 * The schema's `<Type>OrderField` enums list the same names (test/cypher.test.ts checks it).
 * Keys are strings compared as strings: a missing value sorts as ''.
 */
const prop = (k: string) => (v: string) => `${v}.${k}`;
/** The earliest publication date of the articles that report (or mention) v. */
const firstReported = (rel: 'REPORTS' | 'MENTIONS') => (v: string) =>
  `head(COLLECT { MATCH (a:Article)-[:${rel}]->(${v}) WHERE a.publishedAt IS NOT NULL RETURN a.publishedAt ORDER BY a.publishedAt LIMIT 1 })`;
export const ORDER_FIELDS = {
  Place: { NAME: prop('name'), ID: prop('id') },
  Initiative: { NAME: prop('name'), ID: prop('id'), FIRST_REPORTED: firstReported('MENTIONS') },
  Person: { NAME: prop('name'), ID: prop('id') },
  Cohort: { LABEL: prop('label'), ID: prop('id') },
  Organization: { NAME: prop('name'), ID: prop('id') },
  Mentorship: { ID: prop('id'), FIRST_REPORTED: firstReported('REPORTS') },
  Figure: { SUBJECT: prop('subject'), ID: prop('id') },
  // Same-day articles in title order.
  Article: { PUBLISHED_AT: (v: string) => `coalesce(${v}.publishedAt, "") + coalesce(${v}.title, "")`, TITLE: prop('title'), ID: prop('id') },
  Party: { NAME: (v: string) => `coalesce(${v}.name, ${v}.label)`, ID: prop('id') },
} as const satisfies Record<NodeLabel | 'Party', Record<string, (v: string) => string>>;

export type OrderedList = keyof typeof ORDER_FIELDS;

export interface OrderBy {
  field: string;
  direction: Direction;
}

/** The default order of each list: the first field, ascending (articles: oldest first). */
export function defaultOrder(list: OrderedList): OrderBy {
  return { field: Object.keys(ORDER_FIELDS[list])[0]!, direction: 'ASC' };
}

/**
 * The order a request asks for: `orderBy`, else the deprecated `sort: NAME|ID`, else the
 * default. GraphQL has already checked the enum values against the schema.
 */
export function resolveOrder(list: OrderedList, orderBy?: Partial<OrderBy> | null, sort?: 'NAME' | 'ID' | null): OrderBy & { key: (v: string) => string } {
  const fields = ORDER_FIELDS[list] as Record<string, (v: string) => string>;
  const d = defaultOrder(list);
  let field = orderBy?.field ?? (sort === 'ID' ? 'ID' : d.field);
  if (!(field in fields)) field = d.field;
  return { field, direction: orderBy?.direction === 'DESC' ? 'DESC' : 'ASC', key: fields[field]! };
}
