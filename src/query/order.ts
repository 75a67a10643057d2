import Cypher from '@neo4j/cypher-builder';
import { orEmpty } from './cypher.js';
import type { NodeLabel } from '../model.js';
import type { Direction } from './page.js';

/**
 * The orders each list offers (`orderBy: {field, direction}`), as builder expressions over a
 * node (`n` in top-level lists, the neighbour in nested ones).
 * The schema's `<Type>OrderField` enums list the same names (test/cypher.test.ts checks it).
 * Keys are strings compared as strings: a missing value sorts as ''.
 */
type OrderKey = (v: Cypher.Node) => Cypher.Expr;
const prop = (k: string): OrderKey => (v) => v.property(k);
/** The earliest publication date of the articles that report (or mention) v. */
const firstReported =
  (rel: 'REPORTS' | 'MENTIONS'): OrderKey =>
  (v) => {
    const a = new Cypher.Node();
    const earliest = new Cypher.Match(new Cypher.Pattern(a, { labels: ['Article'] }).related({ type: rel, direction: 'right' }).to(v))
      .where(Cypher.isNotNull(a.property('publishedAt')))
      .return(a.property('publishedAt'))
      .orderBy(a.property('publishedAt'))
      .limit(1);
    return Cypher.head(new Cypher.Collect(earliest));
  };
export const ORDER_FIELDS = {
  Place: { NAME: prop('name'), ID: prop('id') },
  Initiative: { NAME: prop('name'), ID: prop('id'), FIRST_REPORTED: firstReported('MENTIONS') },
  Person: { NAME: prop('name'), ID: prop('id') },
  Cohort: { LABEL: prop('label'), ID: prop('id') },
  Organization: { NAME: prop('name'), ID: prop('id') },
  Mentorship: { ID: prop('id'), FIRST_REPORTED: firstReported('REPORTS') },
  Figure: { SUBJECT: prop('subject'), ID: prop('id') },
  // Same-day articles in title order.
  Article: { PUBLISHED_AT: (v) => Cypher.plus(orEmpty(v.property('publishedAt')), orEmpty(v.property('title'))), TITLE: prop('title'), ID: prop('id') },
  Party: { NAME: (v) => Cypher.coalesce(v.property('name'), v.property('label')), ID: prop('id') },
} as const satisfies Record<NodeLabel | 'Party', Record<string, OrderKey>>;

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
export function resolveOrder(list: OrderedList, orderBy?: Partial<OrderBy> | null, sort?: 'NAME' | 'ID' | null): OrderBy & { key: OrderKey } {
  const fields = ORDER_FIELDS[list] as Record<string, OrderKey>;
  const d = defaultOrder(list);
  let field = orderBy?.field ?? (sort === 'ID' ? 'ID' : d.field);
  if (!(field in fields)) field = d.field;
  return { field, direction: orderBy?.direction === 'DESC' ? 'DESC' : 'ASC', key: fields[field]! };
}
