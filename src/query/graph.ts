import neo4j from 'neo4j-driver';
import type { Db } from '../db/gateway.js';
import { BadInputError } from '../errors.js';
import { MAX_HOPS } from '../validation.js';
import { NODE_LABELS, type NodeLabel } from '../model.js';
import { labelOfId } from './neighbours.js';

/**
 * The raw material of visual views: nodes and relationships around focus nodes, along a
 * shortest path, or of the whole graph. Presentation (MENTORS edges) is in export/view.ts.
 */
export interface RawNode {
  id: string;
  label: NodeLabel;
  props: Record<string, any>;
  /** Hops from the nearest focus node (0 for the focus itself). */
  distance: number;
}
export interface RawRel {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Record<string, any>;
}
export interface RawGraph {
  nodes: RawNode[];
  rels: RawRel[];
  truncated: boolean;
}

/** Node types of a view unless asked otherwise: articles would tie everything to everything,
 * and mentorships are drawn as edges. */
export const DEFAULT_VIEW_TYPES = NODE_LABELS.filter((l) => l !== 'Article' && l !== 'Mentorship');


const relsAmong = `
MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids
RETURN elementId(r) AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props`;

/** Properties not worth drawing: article text is fetched per article; the rest is internal. */
const HIDDEN = new Set(['text', 'searchText', 'aliasText', 'factsHash']);

function toNode(props: Record<string, any>, label: NodeLabel, distance: number): RawNode {
  const shown = Object.fromEntries(Object.entries(props).filter(([k]) => !HIDDEN.has(k)));
  return { id: props.id, label, props: shown, distance };
}

async function withRels(db: Db, nodes: RawNode[], truncated: boolean): Promise<RawGraph> {
  const ids = nodes.map((n) => n.id);
  const rels = (await db.read(relsAmong, { ids })) as RawRel[];
  return { nodes, rels, truncated };
}

/**
 * Everything within `depth` hops of the focus nodes, nearest first, at most `limit` nodes:
 * a breadth-first walk, one round-trip per level, so dense graphs do not enumerate paths.
 */
export async function neighbourhood(db: Db, focus: string[], depth: number, types: NodeLabel[], limit: number): Promise<RawGraph> {
  // Mentorships are walked through and their parties come along, so that a mentor's mentee
  // is one hop away, as the MENTORS edge shows it.
  const walk = [...new Set([...types, 'Mentorship'])];
  const start = await db.read(`MATCH (f) WHERE f.id IN $focus RETURN properties(f) AS props, head(labels(f)) AS label`, { focus });
  const nodes = new Map<string, RawNode>();
  let truncated = false;
  const add = (props: any, label: NodeLabel, distance: number) => {
    if (nodes.has(props.id)) return;
    if (nodes.size >= limit) {
      truncated = true;
      return;
    }
    nodes.set(props.id, toNode(props, label, distance));
  };
  for (const r of start) add(r.props, r.label, 0);
  let frontier = [...nodes.keys()];
  for (let d = 1; d <= depth && frontier.length > 0 && !truncated; d++) {
    const rows = await db.read(
      `MATCH (n)-[]-(m) WHERE n.id IN $frontier AND head(labels(m)) IN $walk AND NOT m.id IN $seen
       WITH DISTINCT m
       OPTIONAL MATCH (party)-[:MENTOR_IN|MENTEE_IN]->(m:Mentorship) WHERE head(labels(party)) IN $walk
       RETURN properties(m) AS props, head(labels(m)) AS label,
              collect({props: properties(party), label: head(labels(party))}) AS parties
       ORDER BY props.id LIMIT $fetch`,
      { frontier, walk, seen: [...nodes.keys()], fetch: neo4j.int(limit + 1) },
    );
    const next: string[] = [];
    for (const r of rows) {
      if (!nodes.has(r.props.id)) next.push(r.props.id);
      add(r.props, r.label, d);
      for (const p of r.parties as Array<{ props: any; label: NodeLabel }>) if (p.props) add(p.props, p.label, d);
    }
    frontier = next;
  }
  return withRels(db, [...nodes.values()], truncated);
}

/** One shortest path between two nodes, or null when there is none within maxHops. */
export async function shortestPath(db: Db, from: string, to: string, maxHops: number): Promise<RawGraph | null> {
  // Arguments are checked at the entry points (validation.ts, PathArgs); maxHops is written
  // into the Cypher text (variable-length bounds cannot be parameters), so it is asserted again.
  const la = labelOfId(from);
  const lb = labelOfId(to);
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS || !la || !lb) throw new BadInputError('path arguments were not validated');
  if (from === to) return null;
  const [row] = await db.read(
    `MATCH (a:${la} {id: $from}), (b:${lb} {id: $to})
     MATCH p = shortestPath((a)-[*..${maxHops}]-(b))
     RETURN [n IN nodes(p) | {props: properties(n), label: head(labels(n))}] AS ns,
            [r IN relationships(p) | {id: elementId(r), type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r)}] AS rs`,
    { from, to },
  );
  if (!row) return null;
  const nodes = (row.ns as Array<{ props: any; label: NodeLabel }>).map((n, i) => toNode(n.props, n.label, i));
  return { nodes, rels: row.rs as RawRel[], truncated: false };
}

/** The whole graph (for exports), limited to the given node types. */
export async function wholeGraph(db: Db, types: NodeLabel[], limit = 50_000): Promise<RawGraph> {
  const rows = await db.read(
    `MATCH (n) WHERE head(labels(n)) IN $types
     RETURN properties(n) AS props, head(labels(n)) AS label
     ORDER BY props.id LIMIT $fetch`,
    { types, fetch: neo4j.int(limit + 1) },
  );
  const nodes = rows.slice(0, limit).map((r) => toNode(r.props, r.label, 0));
  return withRels(db, nodes, rows.length > limit);
}
