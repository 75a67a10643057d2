import neo4j from 'neo4j-driver';
import type { Db, Row } from '../db/gateway.js';
import type { NodeLabel } from '../model.js';
import { candidates, phrase, type ListFilter } from './filters.js';
import { resolvePlaces } from './places.js';
import { pageWithLevel, type LevelAhead } from './level.js';
import { rowProjection, selectedProjection } from './neighbours.js';
import { resolveOrder, type OrderBy } from './order.js';
import { pageWindow, toConnection, type Connection, type PageArgs, type Window } from './page.js';

/**
 * Top-level lists (connections) for every label: one Cypher round-trip returns the total
 * and one page past the cursor, plus one row to tell whether there is a next page.
 */
export type GNodeRow = Record<string, any> & { id: string; __label: NodeLabel };

export interface ListArgs extends PageArgs {
  filter?: ListFilter | null;
  orderBy?: Partial<OrderBy> | null;
  /** Deprecated in the schema: orderBy. */
  sort?: 'NAME' | 'ID' | null;
  /** Extra fixed condition, e.g. a place level (value passed as $level). */
  level?: string | null;
}

function params(f: ListFilter, args: ListArgs, w: Window, placeIds: string[] | null) {
  return {
    placeIds,
    initiative: f.initiative ?? null,
    initiativePhrase: phrase(f.initiative),
    kind: f.kind ?? null,
    text: f.text ?? null,
    from: f.published?.from ?? null,
    to: f.published?.to ?? null,
    level: args.level ?? null,
    afterK: w.after?.k ?? null,
    afterId: w.after?.id ?? null,
    beforeK: w.before?.k ?? null,
    beforeId: w.before?.id ?? null,
    limit: neo4j.int(w.size + 1),
  };
}

/**
 * One page: the keyset conditions and the limit inside the query (Neo4j keeps the top rows
 * only, nothing is collected), large properties left out as in neighbour rows. `after` lies
 * further along the order, `before` earlier; a backward page (last/before) reads the order from
 * its end. The total is its own query, run only when the client asks for totalCount.
 */
interface PageCypher {
  /** The page's statement. */
  page: string;
  /** The same without its RETURN: `n` and `k` in order (for pageWithLevel), and that order. */
  rows: string;
  order: string;
  /** What a row returns of `n`. */
  projection: string;
}

function pageCypher(body: string, key: string, desc: boolean, backward: boolean, present = false, projection = rowProjection('n')): PageCypher {
  const [past, short] = desc ? ['<', '>'] : ['>', '<'];
  const read = desc !== backward ? ' DESC' : '';
  const order = `k${read}, n.id${read}`;
  const rows = `${body}
WITH n, ${present ? key : `coalesce(${key}, '')`} AS k
WHERE ($afterK IS NULL OR k ${past} $afterK OR (k = $afterK AND n.id ${past} $afterId))
  AND ($beforeK IS NULL OR k ${short} $beforeK OR (k = $beforeK AND n.id ${short} $beforeId))
WITH n, k ORDER BY ${order} LIMIT $limit`;
  return { page: `${rows}\nRETURN ${projection} AS props, head(labels(n)) AS label, k`, rows, order, projection };
}

function countCypher(body: string): string {
  return `${body}\nRETURN count(n) AS total`;
}

/** A list's name in its cursors: the list and its order (a cursor only fits the same order). */
function cursorList(list: string, o: OrderBy): string {
  return `${list}:${o.field}:${o.direction}`;
}

/**
 * Lists by name that no filter narrows read the name index in order (migrations.ts), so Neo4j
 * stops after a page instead of sorting every node of the label (37 → 25 ms for 100
 * initiatives at 100k articles). Every node of these labels has a name (resolve.ts ids are
 * made from it), so the range predicate leaves none out.
 */
const NAME_INDEXED = new Set<NodeLabel>(['Place', 'Initiative', 'Person']);

/**
 * The Cypher of a list, for the snapshot tests and the benchmark's floor. With `fields` (what the
 * query selects of each node) a row is those stored properties and the id, not the whole node.
 */
export function listCypher(label: NodeLabel, args: ListArgs, backward = false, fields?: readonly string[]): PageCypher & { count: string } {
  const f = args.filter ?? {};
  const o = resolveOrder(label, args.orderBy, args.sort);
  const level = label === 'Place' && args.level ? `\nWITH n WHERE n.level = $level` : '';
  let body = candidates(label, f);
  const count = countCypher(body + level);
  const indexed = NAME_INDEXED.has(label) && o.field === 'NAME' && body.trim() === `MATCH (n:${label})`;
  // Reading forwards in name order, the after cursor is where the index range starts.
  if (indexed) body = `MATCH (n:${label}) WHERE n.name >= ${o.direction === 'ASC' && !backward ? "coalesce($afterK, '')" : "''"}`;
  return { ...pageCypher(body + level, o.key('n'), o.direction === 'DESC', backward, indexed, fields ? selectedProjection('n', fields) : undefined), count };
}

/**
 * A page of `list` (its cursor name): window from the arguments, places resolved, then the read.
 * With `ahead` (the neighbour fields the query asks of every node of the page), the page and
 * those fields are one statement (level.ts pageWithLevel) and the fields' loaders are primed.
 */
async function run(
  db: Db,
  list: string,
  args: ListArgs,
  cypher: (backward: boolean) => PageCypher & { count: string },
  ahead: LevelAhead[] = [],
): Promise<Connection<GNodeRow>> {
  const w = pageWindow(args, list);
  const placeIds = args.filter?.place ? await resolvePlaces(db, args.filter.place) : null;
  const q = cypher(w.backward);
  const p = params(args.filter ?? {}, args, w, placeIds);
  let rows: Row[];
  if (ahead.length > 0) {
    const combined = pageWithLevel(q.rows, p, ahead.map((a) => a.part), q.projection, q.order);
    rows = await db.read(combined.cypher, combined.params);
    const ids = rows.map((r) => r.props.id as string);
    ahead.forEach((a, i) => a.prime(ids, rows.flatMap((r) => r[`f${i}`] as Row[])));
  } else rows = await db.read(q.page, p);
  let total: Promise<number> | undefined;
  return toConnection(
    list,
    rows.map((r) => ({ node: { ...r.props, __label: r.label } as GNodeRow, k: r.k, id: r.props.id })),
    // graphql-js calls a function-valued field, so the count runs only when it is asked for.
    () => (total ??= db.read(q.count, p).then(([row]) => Number(row?.total ?? 0))),
    w,
  );
}

export async function listNodes(db: Db, label: NodeLabel, args: ListArgs, ahead: LevelAhead[] = [], fields?: readonly string[]): Promise<Connection<GNodeRow>> {
  return run(db, cursorList(label, resolveOrder(label, args.orderBy, args.sort)), args, (backward) => listCypher(label, args, backward, fields), ahead);
}

/** Mentors or mentees: people and cohorts on one side of the mentorships matching the filter. */
export function partiesCypher(side: 'MENTOR_IN' | 'MENTEE_IN', args: ListArgs, backward = false): PageCypher & { count: string } {
  const rel = side === 'MENTOR_IN' ? 'MENTOR_IN' : 'MENTEE_IN';
  const o = resolveOrder('Party', args.orderBy);
  const body = `${candidates('Mentorship', args.filter ?? {})}
WITH DISTINCT n AS m
MATCH (n)-[:${rel}]->(m)
WITH DISTINCT n WHERE n:Person OR n:Cohort`;
  return { ...pageCypher(body, o.key('n'), o.direction === 'DESC', backward), count: countCypher(body) };
}

export async function listParties(db: Db, side: 'MENTOR_IN' | 'MENTEE_IN', args: ListArgs): Promise<Connection<GNodeRow>> {
  return run(db, cursorList(side === 'MENTOR_IN' ? 'mentors' : 'mentees', resolveOrder('Party', args.orderBy)), args, (backward) => partiesCypher(side, args, backward));
}
