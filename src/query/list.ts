import neo4j from 'neo4j-driver';
import type { Db } from '../db/gateway.js';
import type { NodeLabel } from '../model.js';
import { SCOPE_PREAMBLE, SORT_KEY, whereClause, type ListFilter } from './filters.js';
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
    initiative: f.initiative ?? null,
    kind: f.kind ?? null,
    text: f.text ?? null,
    level: args.level ?? null,
    afterK: c?.k ?? null,
    afterId: c?.id ?? null,
    limit: neo4j.int(size + 1),
  };
}

export async function listNodes(db: Db, label: NodeLabel, args: ListArgs): Promise<Connection<GNodeRow>> {
  const f = args.filter ?? {};
  const size = pageSize(args.first);
  const key = args.sort === 'ID' ? 'n.id' : SORT_KEY[label];
  const where = whereClause(label, f);
  const levelCond = label === 'Place' ? `${where ? 'AND' : 'WHERE'} ($level IS NULL OR n.level = $level)` : '';
  const cypher = `${SCOPE_PREAMBLE}
MATCH (n:${label})
${where}
${levelCond}
WITH n, coalesce(${key}, '') AS k
ORDER BY k, n.id
WITH collect({n: n, k: k}) AS rows
RETURN size(rows) AS total,
  [r IN rows WHERE $afterK IS NULL OR r.k > $afterK OR (r.k = $afterK AND r.n.id > $afterId)][0..$limit]
  AS page`;
  const [row] = await db.read(cypher, params(f, args, size));
  const page = (row?.page ?? []) as Array<{ n: { properties: Record<string, any> }; k: string }>;
  return toConnection(
    page.map((r) => ({ node: { ...r.n.properties, __label: label } as GNodeRow, k: r.k, id: r.n.properties.id })),
    row?.total ?? 0,
    size,
  );
}

/** Mentors or mentees: people and cohorts on one side of mentorships matching the filter. */
export async function listParties(db: Db, side: 'MENTOR_IN' | 'MENTEE_IN', args: ListArgs): Promise<Connection<GNodeRow>> {
  const f = args.filter ?? {};
  const size = pageSize(args.first);
  const rel = side === 'MENTOR_IN' ? 'MENTOR_IN' : 'MENTEE_IN';
  const cypher = `${SCOPE_PREAMBLE}
MATCH (n)-[:${rel}]->(m:Mentorship)
${whereClause('Mentorship', f, 'm')}
WITH DISTINCT n
WHERE n:Person OR n:Cohort
WITH n, coalesce(n.name, n.label, '') AS k
ORDER BY k, n.id
WITH collect({n: n, k: k, label: head(labels(n))}) AS rows
RETURN size(rows) AS total,
  [r IN rows WHERE $afterK IS NULL OR r.k > $afterK OR (r.k = $afterK AND r.n.id > $afterId)][0..$limit]
  AS page`;
  const [row] = await db.read(cypher, params(f, args, size));
  const page = (row?.page ?? []) as Array<{ n: { properties: Record<string, any> }; k: string; label: NodeLabel }>;
  return toConnection(
    page.map((r) => ({ node: { ...r.n.properties, __label: r.label } as GNodeRow, k: r.k, id: r.n.properties.id })),
    row?.total ?? 0,
    size,
  );
}
