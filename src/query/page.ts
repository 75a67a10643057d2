import { LIMITS } from '../config.js';
import { BadInputError } from '../errors.js';

/**
 * Keyset paging, both ways (Relay's connection specification): a cursor is the (sort key, id)
 * of a row, so pages never skip or repeat rows even when the graph changes between requests.
 * A cursor also names the list and order it came from: a cursor of `places` sorted by name is
 * refused by `articles`, or by `places` sorted by id, instead of silently paging something else.
 */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}
export interface Cursor {
  k: string;
  id: string;
}

export type Direction = 'ASC' | 'DESC';

/** What a page asks for: which way it reads the order, how many rows, between which cursors. */
export interface Window {
  /** True for last/before: the rows are read from the end of the order backwards. */
  backward: boolean;
  size: number;
  after: Cursor | null;
  before: Cursor | null;
}

export function encodeCursor(list: string, c: Cursor): string {
  return Buffer.from(JSON.stringify([list, c.k, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(s: string, list: string, arg: 'after' | 'before' = 'after'): Cursor {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    /* refused below */
  }
  if (!Array.isArray(v) || v.length !== 3 || !v.every((x) => typeof x === 'string')) {
    throw new BadInputError(`"${arg}" is not a cursor this API issued: ${JSON.stringify(s.slice(0, 40))}; pass a cursor from pageInfo or edges of the same list`);
  }
  const [from, k, id] = v as [string, string, string];
  if (from !== list) {
    throw new BadInputError(`"${arg}" is a cursor of another list or order (${from}), not of ${list}; pass a cursor from this list with the same orderBy`);
  }
  return { k, id };
}

function size(n: number | null | undefined, arg: 'first' | 'last'): number {
  if (n === null || n === undefined) return LIMITS.defaultPageSize;
  if (!Number.isInteger(n) || n < 0) throw new BadInputError(`"${arg}" must be a whole number from 0 to ${LIMITS.maxPageSize}, got ${n}`);
  return Math.min(n, LIMITS.maxPageSize);
}

/** Clamps `first` here too: the cost limit only sees literal page sizes, not variables. */
export function pageSize(first: number | null | undefined): number {
  return size(first, 'first');
}

/** The page the arguments ask for; `first` and `last` together are refused (Relay advises against them). */
export function pageWindow(args: PageArgs, list: string): Window {
  const hasLast = args.last !== null && args.last !== undefined;
  if (hasLast && args.first !== null && args.first !== undefined) {
    throw new BadInputError('pass "first" (with "after") to page forwards or "last" (with "before") to page backwards, not both');
  }
  return {
    backward: hasLast || (!!args.before && !args.after && (args.first === null || args.first === undefined)),
    size: hasLast ? size(args.last, 'last') : size(args.first, 'first'),
    after: args.after ? decodeCursor(args.after, list, 'after') : null,
    before: args.before ? decodeCursor(args.before, list, 'before') : null,
  };
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  /** A number, or a function graphql-js calls when the client asks for it (a count query). */
  totalCount: number | (() => Promise<number>);
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
}

/**
 * A connection from rows read in the window's direction, one more than the page (which says
 * whether the order goes on that way). The other way, Relay allows an answer from the
 * arguments alone: a page after a cursor has rows before it.
 */
export function toConnection<T>(list: string, rows: Array<{ node: T; k: string; id: string }>, total: Connection<T>['totalCount'], w: Window): Connection<T> {
  const more = rows.length > w.size;
  const page = rows.slice(0, w.size);
  if (w.backward) page.reverse();
  const edges = page.map((r) => ({ cursor: encodeCursor(list, { k: r.k, id: r.id }), node: r.node }));
  return {
    totalCount: total,
    nodes: page.map((r) => r.node),
    edges,
    pageInfo: {
      hasNextPage: w.backward ? w.before !== null : more,
      hasPreviousPage: w.backward ? more : w.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** The (k, id) order of two rows. */
function compare(a: Cursor, b: Cursor): number {
  return a.k < b.k ? -1 : a.k > b.k ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Pages an in-memory list the same way (for per-parent lists loaded in one batch). */
export function pageList<T extends { id: string }>(list: string, items: T[], key: (t: T) => string, args: PageArgs, direction: Direction = 'ASC'): Connection<T> {
  const w = pageWindow(args, list);
  const sign = direction === 'DESC' ? -1 : 1;
  const rows = items.map((node) => ({ node, k: key(node), id: node.id }));
  rows.sort((a, b) => sign * compare(a, b));
  const inWindow = rows.filter((r) => (!w.after || sign * compare(r, w.after) > 0) && (!w.before || sign * compare(r, w.before) < 0));
  if (w.backward) inWindow.reverse();
  return toConnection(list, inWindow.slice(0, w.size + 1), items.length, w);
}
