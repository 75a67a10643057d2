import type { NodeLabel } from '../model.js';
import type { Direction } from './page.js';

/**
 * The orders each list offers (`orderBy: {field, direction}`), as Cypher expressions over n.
 * The schema's `<Type>OrderField` enums list the same names (test/schema.test.ts checks it).
 * Keys are strings compared as strings: a missing value sorts as ''.
 */
export const ORDER_FIELDS = {
  Place: { NAME: 'n.name', ID: 'n.id' },
  Initiative: { NAME: 'n.name', ID: 'n.id' },
  Person: { NAME: 'n.name', ID: 'n.id' },
  Cohort: { LABEL: 'n.label', ID: 'n.id' },
  Organization: { NAME: 'n.name', ID: 'n.id' },
  Mentorship: { ID: 'n.id' },
  Figure: { SUBJECT: 'n.subject', ID: 'n.id' },
  // Same-day articles in title order.
  Article: { PUBLISHED_AT: 'coalesce(n.publishedAt, "") + coalesce(n.title, "")', TITLE: 'n.title', ID: 'n.id' },
  Party: { NAME: 'coalesce(n.name, n.label)', ID: 'n.id' },
} as const satisfies Record<NodeLabel | 'Party', Record<string, string>>;

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
export function resolveOrder(list: OrderedList, orderBy?: Partial<OrderBy> | null, sort?: 'NAME' | 'ID' | null): OrderBy & { key: string } {
  const fields = ORDER_FIELDS[list] as Record<string, string>;
  const d = defaultOrder(list);
  let field = orderBy?.field ?? (sort === 'ID' ? 'ID' : sort === 'NAME' ? d.field : d.field);
  if (!(field in fields)) field = d.field;
  return { field, direction: orderBy?.direction ?? 'ASC', key: fields[field]! };
}
