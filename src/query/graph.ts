import Cypher from '@neo4j/cypher-builder';
import neo4j from 'neo4j-driver';
import type { Db } from '../db/gateway.js';
import { BadInputError } from '../errors.js';
import { MAX_HOPS } from '../validation.js';
import { NODE_LABELS, type NodeLabel } from '../model.js';
import { labelOfId } from './neighbours.js';
import { PARTY_SIDES } from './paths.js';

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

const nodeRow = (n: Cypher.Node) => [
  [Cypher.properties(n), 'props'],
  [Cypher.head(Cypher.labels(n)), 'label'],
] as Array<[Cypher.Expr, string]>;

/** The relationships among some nodes (both ends in $ids). */
export const RELS_AMONG_CYPHER = (() => {
  const [a, b] = [new Cypher.Node(), new Cypher.Node()];
  const r = new Cypher.Relationship();
  const ids = new Cypher.NamedParam('ids');
  return new Cypher.Match(new Cypher.Pattern(a).related(r, { direction: 'right' }).to(b))
    .where(Cypher.and(Cypher.in(a.property('id'), ids), Cypher.in(b.property('id'), ids))!)
    .return([Cypher.elementId(r), 'id'], [Cypher.type(r), 'type'], [a.property('id'), 'source'], [b.property('id'), 'target'], [Cypher.properties(r), 'props'])
    .build().cypher;
})();

/** The focus nodes of a neighbourhood. */
export const FOCUS_CYPHER = (() => {
  const f = new Cypher.Node();
  return new Cypher.Match(new Cypher.Pattern(f)).where(Cypher.in(f.property('id'), new Cypher.NamedParam('focus'))).return(...nodeRow(f)).build().cypher;
})();

/**
 * One level of a neighbourhood: the unseen neighbours of $frontier of the walked types, and
 * the parties of the mentorships among them.
 */
export const LEVEL_CYPHER = (() => {
  const [n, m, party] = [new Cypher.Node(), new Cypher.Node(), new Cypher.Node()];
  const walk = new Cypher.NamedParam('walk');
  const props = new Cypher.NamedVariable('props');
  return new Cypher.Match(new Cypher.Pattern(n).related({ direction: 'undirected' }).to(m))
    .where(
      Cypher.and(
        Cypher.in(n.property('id'), new Cypher.NamedParam('frontier')),
        Cypher.in(Cypher.head(Cypher.labels(m)), walk),
        Cypher.not(Cypher.in(m.property('id'), new Cypher.NamedParam('seen'))),
      )!,
    )
    .with(m)
    .distinct()
    .optionalMatch(new Cypher.Pattern(party).related({ type: Cypher.labelExpr.or(...PARTY_SIDES), direction: 'right' }).to(m, { labels: ['Mentorship'] }))
    .where(Cypher.in(Cypher.head(Cypher.labels(party)), walk))
    .return(...nodeRow(m), [Cypher.collect(new Cypher.Map({ props: Cypher.properties(party), label: Cypher.head(Cypher.labels(party)) })), 'parties'])
    .orderBy([props.property('id'), 'ASC'])
    .limit(new Cypher.NamedParam('fetch'))
    .build().cypher;
})();

/**
 * A shortest path (at most maxHops, either direction) between two nodes of known labels. Text,
 * not the builder: its `MATCH SHORTEST 1 p = …` puts the path variable where Neo4j 5 refuses it,
 * and Cypher 5's shortestPath() is not in the builder. The labels come from the id-prefix
 * allow-list (escaped all the same) and maxHops is a validated integer.
 */
export function pathCypher(la: NodeLabel, lb: NodeLabel, maxHops: number): string {
  const [a, b, via, hopEnd] = [new Cypher.Node(), new Cypher.Node(), new Cypher.Node(), new Cypher.Node()];
  const r = new Cypher.Relationship();
  // GQL's SHORTEST over a quantified path (Neo4j 5.21+): the builder prints `SHORTEST 1 p = …`
  // for an assigned path, which 5.26 refuses, so the hops' group variables carry the path
  // instead (the nodes after each hop, the relationships of all hops).
  const hops = new Cypher.Pattern(via).related(r, { direction: 'undirected' }).to(hopEnd).quantifier({ min: 1, max: maxHops });
  const [n, rel] = [new Cypher.Variable(), new Cypher.Variable()];
  return Cypher.utils
    .concat(
      new Cypher.Match(
        new Cypher.Pattern(a, { labels: [la], properties: { id: new Cypher.NamedParam('from') } }),
        new Cypher.Pattern(b, { labels: [lb], properties: { id: new Cypher.NamedParam('to') } }),
      ),
      new Cypher.Match(new Cypher.QuantifiedPath(new Cypher.Pattern(a), hops, new Cypher.Pattern(b))).shortest(1),
      new Cypher.Return(
        [
          new Cypher.ListComprehension(n)
            .in(Cypher.plus(new Cypher.List([a]), hopEnd))
            .map(new Cypher.Map({ props: Cypher.properties(n), label: Cypher.head(Cypher.labels(n)), eid: Cypher.elementId(n) })),
          'ns',
        ],
        [
          new Cypher.ListComprehension(rel)
            .in(r)
            .map(
              new Cypher.Map({
                id: Cypher.elementId(rel),
                type: Cypher.type(rel),
                start: Cypher.elementId(Cypher.startNode(rel)),
                end: Cypher.elementId(Cypher.endNode(rel)),
                props: Cypher.properties(rel),
              }),
            ),
          'rs',
        ],
      ),
    )
    .build().cypher;
}

/** Every node of some types, by id, one more than shown (to tell the view it was cut). */
export const WHOLE_CYPHER = (() => {
  const n = new Cypher.Node();
  const props = new Cypher.NamedVariable('props');
  return new Cypher.Match(new Cypher.Pattern(n))
    .where(Cypher.in(Cypher.head(Cypher.labels(n)), new Cypher.NamedParam('types')))
    .return(...nodeRow(n))
    .orderBy([props.property('id'), 'ASC'])
    .limit(new Cypher.NamedParam('fetch'))
    .build().cypher;
})();

/** Properties not worth drawing: article text is fetched per article; the rest is internal. */
const HIDDEN = new Set(['text', 'searchText', 'aliasText', 'factsHash']);

function toNode(props: Record<string, any>, label: NodeLabel, distance: number): RawNode {
  const shown = Object.fromEntries(Object.entries(props).filter(([k]) => !HIDDEN.has(k)));
  return { id: props.id, label, props: shown, distance };
}

async function withRels(db: Db, nodes: RawNode[], truncated: boolean): Promise<RawGraph> {
  const ids = nodes.map((n) => n.id);
  const rels = (await db.read(RELS_AMONG_CYPHER, { ids })) as RawRel[];
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
  const start = await db.read(FOCUS_CYPHER, { focus });
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
      LEVEL_CYPHER,
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
  // Arguments are checked at the entry points (validation.ts, PathArgs); maxHops is a
  // bound of the pattern (variable-length bounds cannot be parameters), so it is asserted again.
  const la = labelOfId(from);
  const lb = labelOfId(to);
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS || !la || !lb) throw new BadInputError('path arguments were not validated');
  if (from === to) return null;
  const [row] = await db.read(
    pathCypher(la, lb, maxHops),
    { from, to },
  );
  if (!row) return null;
  const ns = row.ns as Array<{ props: any; label: NodeLabel; eid: string }>;
  const idOf = new Map(ns.map((n) => [n.eid, n.props.id as string]));
  const rels = (row.rs as Array<{ id: string; type: string; start: string; end: string; props: any }>).map(
    (r): RawRel => ({ id: r.id, type: r.type, source: idOf.get(r.start)!, target: idOf.get(r.end)!, props: r.props }),
  );
  return { nodes: ns.map((n, i) => toNode(n.props, n.label, i)), rels, truncated: false };
}

/** The whole graph (for exports), limited to the given node types. */
export async function wholeGraph(db: Db, types: NodeLabel[], limit = 50_000): Promise<RawGraph> {
  const rows = await db.read(
    WHOLE_CYPHER,
    { types, fetch: neo4j.int(limit + 1) },
  );
  const nodes = rows.slice(0, limit).map((r) => toNode(r.props, r.label, 0));
  return withRels(db, nodes, rows.length > limit);
}
