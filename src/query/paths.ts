import Cypher from '@neo4j/cypher-builder';
import type { NodeLabel } from '../model.js';

/**
 * The graph's relationships as typed hops, from which every traversal of the query layer is
 * compiled with @neo4j/cypher-builder: neighbour fields (neighbours.ts) and the filters'
 * ways from a place or an initiative to the listed node (filters.ts). No pattern is a string.
 */
export type RelType =
  | 'PART_OF' | 'IN' | 'LOCATED_IN' | 'WORKS_FOR' | 'RUN_BY' | 'UNDER' | 'ABOUT' | 'PARTICIPATES_IN'
  | 'BASED_IN' | 'MEMBER_OF' | 'MENTOR_IN' | 'MENTEE_IN' | 'REPORTS' | 'MENTIONS';

export interface Hop {
  /** One relationship type, or alternatives (MENTOR_IN | MENTEE_IN). */
  type: RelType | RelType[];
  /** `out`: (a)-[]->(b); `in`: (a)<-[]-(b). */
  direction: 'out' | 'in';
  /** The label of the node the hop reaches, when the traversal fixes one. */
  to?: NodeLabel;
  /** A variable-length hop (PART_OF*1..8). */
  length?: { min: number; max: number };
}

export const out = (type: Hop['type'], to?: NodeLabel, length?: Hop['length']): Hop => ({ type, direction: 'out', to, length });
export const into = (type: Hop['type'], to?: NodeLabel, length?: Hop['length']): Hop => ({ type, direction: 'in', to, length });
export const PARTY_SIDES: RelType[] = ['MENTOR_IN', 'MENTEE_IN'];

/**
 * The same path walked from its other end, which is `start` (the label the path left from):
 * n-[:A]->(:X)-[:B]->(i) read from i is i<-[:B]-(:X)<-[:A]-(n:start).
 */
export function reversed(path: readonly Hop[], start?: NodeLabel): Hop[] {
  return path
    .map((hop, i) => ({ ...hop, direction: hop.direction === 'out' ? 'in' : 'out', to: i === 0 ? start : path[i - 1]!.to }) as Hop)
    .reverse();
}

/**
 * `from` followed along `path`; the last hop binds `last` (its relationship) and reaches `to`.
 * Earlier hops and the nodes between stay anonymous.
 */
export function walk(from: Cypher.Node, path: readonly Hop[], to: Cypher.Node, last?: Cypher.Relationship): Cypher.Pattern {
  let pattern = new Cypher.Pattern(from);
  path.forEach((hop, i) => {
    const end = i === path.length - 1;
    const type = Array.isArray(hop.type) ? Cypher.labelExpr.or(...hop.type) : hop.type;
    pattern = pattern
      .related(end ? last : undefined, { type, direction: hop.direction === 'out' ? 'right' : 'left', ...(hop.length ? { length: hop.length } : {}) })
      .to(end ? to : undefined, hop.to ? { labels: [hop.to] } : undefined);
  });
  return pattern;
}
