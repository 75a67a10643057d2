import neo4j from 'neo4j-driver';
import type { Db } from '../db/gateway.js';
import type { NodeLabel } from '../model.js';
import { candidates, phrase, SORT_KEY, type ListFilter } from './filters.js';
import { rowProjection } from './neighbours.js';
import { decodeCursor, pageSize, toConnection, type Connection, type PageArgs } from './page.js';

/**
 * Top-level lists (connections) for every label: one Cypher round-trip returns the total
 * and one page past the cursor, plus one row to tell whether there is a next page.
 */
export type GNodeRow = Record<string, any> & { id: string; __label: NodeLabel };

export interface ListArgs extends PageArgs {
  filter?: ListFilter | null;
  sort?: 'NAME' | 'ID' | null;
  /** Extra fixed condition, e.g. a place level (value passed as $level). */
  level?: string | null;
}

function params(f: ListFilter, args: ListArgs, size: number) {
  const c = args.after ? decodeCursor(args.after) : null;
  return {
    place: f.place ?? null,
    placePhrase: phrase(f.place),
    initiative: f.initiative ?? null,
    initiativePhrase: phrase(f.initiative),
    kind: f.kind ?? null,
    text: f.text ?? null,
    level: args.level ?? null,
    afterK: c?.k ?? null,
    afterId: c?.id ?? null,
    limit: neo4j.int(size + 1),
  };
}

/**
 * One page: the keyset condition and the limit inside the query (Neo4j keeps the top rows
 * only, nothing is collected), large properties left out as in neighbour rows. The total is
 * its own query, run only when the client asks for totalCount.
 */
function pageCypher(body: string, key: string): string {
  return `${body}
WITH n, coalesce(${key}, '') AS k
WHERE $afterK IS NULL OR k > $afterK OR (k = $afterK AND n.id > $afterId)
WITH n, k ORDER BY k, n.id LIMIT $limit
RETURN ${rowProjection('n')} AS props, head(labels(n)) AS label, k`;
}

function countCypher(body: string): string {
  return `${body}\nRETURN count(n) AS total`;
}

/** The Cypher of a list, for the snapshot tests and the benchmark's floor. */
export function listCypher(label: NodeLabel, args: ListArgs): { page: string; count: string } {
  const f = args.filter ?? {};
  const key = args.sort === 'ID' ? 'n.id' : SORT_KEY[label];
  let body = candidates(label, f);
  if (label === 'Place' && args.level) body += `\nWITH n WHERE n.level = $level`;
  return { page: pageCypher(body, key), count: countCypher(body) };
}

async function run(db: Db, q: { page: string; count: string }, p: ReturnType<typeof params>, size: number): Promise<Connection<GNodeRow>> {
  const rows = await db.read(q.page, p);
  let total: Promise<number> | undefined;
  return toConnection(
    rows.map((r) => ({ node: { ...r.props, __label: r.label } as GNodeRow, k: r.k, id: r.props.id })),
    // graphql-js calls a function-valued field, so the count runs only when it is asked for.
    () => (total ??= db.read(q.count, p).then(([row]) => Number(row?.total ?? 0))),
    size,
  );
}

export async function listNodes(db: Db, label: NodeLabel, args: ListArgs): Promise<Connection<GNodeRow>> {
  const size = pageSize(args.first);
  return run(db, listCypher(label, args), params(args.filter ?? {}, args, size), size);
}

/** Mentors or mentees: people and cohorts on one side of the mentorships matching the filter. */
export function partiesCypher(side: 'MENTOR_IN' | 'MENTEE_IN', args: ListArgs): { page: string; count: string } {
  const rel = side === 'MENTOR_IN' ? 'MENTOR_IN' : 'MENTEE_IN';
  const body = `${candidates('Mentorship', args.filter ?? {})}
WITH DISTINCT n AS m
MATCH (n)-[:${rel}]->(m)
WITH DISTINCT n WHERE n:Person OR n:Cohort`;
  return { page: pageCypher(body, 'coalesce(n.name, n.label)'), count: countCypher(body) };
}

export async function listParties(db: Db, side: 'MENTOR_IN' | 'MENTEE_IN', args: ListArgs): Promise<Connection<GNodeRow>> {
  const size = pageSize(args.first);
  return run(db, partiesCypher(side, args), params(args.filter ?? {}, args, size), size);
}
