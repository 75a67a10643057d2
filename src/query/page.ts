import { LIMITS } from '../config.js';
import { BadInputError } from '../errors.js';

/**
 * Keyset paging: a cursor is the (sort key, id) of the last row seen, so pages never skip or
 * repeat rows even when the graph changes between requests.
 */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}
export interface Cursor {
  k: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.k, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(s: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return { k: v[0], id: v[1] };
  } catch {
    /* fall through */
  }
  throw new BadInputError(`"after" is not a cursor this API issued: ${JSON.stringify(s.slice(0, 40))}; pass pageInfo.endCursor of the previous page`);
}

/** Clamps `first` here too: the cost limit only sees literal page sizes, not variables. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return LIMITS.defaultPageSize;
  if (!Number.isInteger(first) || first < 0) throw new BadInputError(`"first" must be a whole number from 0 to ${LIMITS.maxPageSize}, got ${first}`);
  return Math.min(first, LIMITS.maxPageSize);
}

export interface Connection<T> {
  /** A number, or a function graphql-js calls when the client asks for it (a count query). */
  totalCount: number | (() => Promise<number>);
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function toConnection<T>(rows: Array<{ node: T; k: string; id: string }>, total: Connection<T>['totalCount'], size: number): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((r) => ({ cursor: encodeCursor({ k: r.k, id: r.id }), node: r.node }));
  return {
    totalCount: total,
    nodes: page.map((r) => r.node),
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** Pages an in-memory list the same way (for per-parent lists loaded in one batch). */
export function pageList<T extends { id: string }>(items: T[], key: (t: T) => string, args: PageArgs): Connection<T> {
  const size = pageSize(args.first);
  const sorted = [...items].sort((a, b) => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
  let rest = sorted;
  if (args.after) {
    const c = decodeCursor(args.after);
    rest = sorted.filter((t) => key(t) > c.k || (key(t) === c.k && t.id > c.id));
  }
  return toConnection(
    rest.slice(0, size + 1).map((node) => ({ node, k: key(node), id: node.id })),
    items.length,
    size,
  );
}
