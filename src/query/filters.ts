import Cypher from '@neo4j/cypher-builder';
import type { NodeLabel } from '../model.js';
import { orEmpty } from './cypher.js';
import { into, out, PARTY_SIDES, reversed, walk, type Hop } from './paths.js';

/**
 * The list filters, compiled per label with @neo4j/cypher-builder from the typed paths below.
 * User values travel only as parameters ($placeIds, $initiative, $kind, $text, $from, $to).
 */
export interface ListFilter {
  place?: string | null;
  initiative?: string | null;
  kind?: string | null;
  text?: string | null;
  /** Reported in this range of publication dates (YYYY-MM-DD, both ends included). */
  published?: { from?: string | null; to?: string | null } | null;
}

/** The parameters of a list (list.ts gives their values under these names). */
export const PARAM = {
  placeIds: new Cypher.NamedParam('placeIds'),
  initiative: new Cypher.NamedParam('initiative'),
  initiativePhrase: new Cypher.NamedParam('initiativePhrase'),
  kind: new Cypher.NamedParam('kind'),
  text: new Cypher.NamedParam('text'),
  from: new Cypher.NamedParam('from'),
  to: new Cypher.NamedParam('to'),
  level: new Cypher.NamedParam('level'),
};

/** A Lucene phrase query for an exact name (only quote and backslash need escaping inside one). */
export function phrase(s: string | null | undefined): string | null {
  return s ? `"${s.replace(/["\\]/g, '\\$&')}"` : null;
}

/**
 * How a node of each label reaches an initiative it belongs to (first: taking part directly, as
 * the kind filter asks) and a place it is in. Walked backwards, the same paths lead from the
 * filter's place or initiative sub-tree to the listed nodes. An empty path is the node itself.
 */
const TO_INITIATIVE: Record<NodeLabel, Hop[][]> = {
  Place: [[into('IN', 'Initiative')]],
  Initiative: [[]],
  Person: [[out('PARTICIPATES_IN', 'Initiative')], [out(PARTY_SIDES, 'Mentorship'), out('UNDER', 'Initiative')]],
  Cohort: [[out('PARTICIPATES_IN', 'Initiative')], [out(PARTY_SIDES, 'Mentorship'), out('UNDER', 'Initiative')]],
  Organization: [[into('RUN_BY', 'Initiative')]],
  Mentorship: [[out('UNDER', 'Initiative')]],
  Figure: [[out('ABOUT', 'Initiative')]],
  Article: [[out('MENTIONS', 'Initiative')]],
};
const TO_PLACE: Record<NodeLabel, Hop[][]> = {
  Place: [[]],
  Initiative: [[out('IN', 'Place')]],
  Person: [[out('BASED_IN', 'Place')]],
  Cohort: [[out('BASED_IN', 'Place')]],
  Organization: [[out('LOCATED_IN', 'Place')]],
  Mentorship: [[out('IN', 'Place')], [out('UNDER', 'Initiative'), out('IN', 'Place')]],
  Figure: [[out('ABOUT', 'Place')], [out('ABOUT', 'Initiative'), out('IN', 'Place')]],
  Article: [[out('MENTIONS', 'Place')]],
};

/** Every node below `top` (a node, or a list of nodes) in the PART_OF hierarchy, collected as `into`. */
export function subTree(label: 'Place' | 'Initiative', top: Cypher.Node, depth: number, into: Cypher.Variable): Cypher.Clause {
  const d = new Cypher.Node();
  return new Cypher.Match(new Cypher.Pattern(d, { labels: [label] }).related({ type: 'PART_OF', direction: 'right', length: { min: 0, max: depth } }).to(top)).return([
    Cypher.collect(d).distinct(),
    into,
  ]);
}

/** The places of the (resolved) place filter and their sub-trees, as `places`. */
function placeScope(places: Cypher.Variable): Cypher.Clause {
  const p = new Cypher.Node();
  const top = new Cypher.Match(new Cypher.Pattern(p, { labels: ['Place'] })).where(Cypher.in(p.property('id'), PARAM.placeIds));
  return new Cypher.Call(Cypher.utils.concat(top, subTree('Place', p, 8, places)));
}

/**
 * The initiative a filter names, by id, name or alias — each through an index (the alias
 * through the full-text index, then checked exactly), never a label scan — and everything
 * below it, as `initiatives` and their ids.
 */
function initiativeScope(initiatives: Cypher.Variable, ids: Cypher.Variable): Cypher.Clause {
  const i = new Cypher.Node();
  const byId = new Cypher.Match(new Cypher.Pattern(i, { labels: ['Initiative'], properties: { id: PARAM.initiative } })).return(i);
  const byName = new Cypher.Match(new Cypher.Pattern(i, { labels: ['Initiative'], properties: { name: PARAM.initiative } })).return(i);
  const byAlias = Cypher.db.index.fulltext
    .queryNodes('entity_text', PARAM.initiativePhrase)
    .yield(['node', i])
    .with(i)
    .where(Cypher.and(i.hasLabel('Initiative'), Cypher.in(PARAM.initiative, i.property('aliases'))))
    .return(i);
  const named = new Cypher.Call(new Cypher.Union(byId, byName, byAlias));
  const x = new Cypher.Variable();
  return Cypher.utils.concat(
    new Cypher.Call(Cypher.utils.concat(named, subTree('Initiative', i, 5, initiatives))),
    new Cypher.With('*', [new Cypher.ListComprehension(x).in(initiatives).map(x.property('id')), ids]),
  );
}

/** The nodes of `label` in or under the places of `places` (a list), as n: the union of the paths. */
export function inPlaces(places: Cypher.Variable, label: NodeLabel, n: Cypher.Node): Cypher.Clause {
  return fromEach(places, TO_PLACE[label].map((path) => reversed(path, label)), n);
}

/** From each node q of `source` (a list) along the paths to the listed node n: their union. */
function fromEach(source: Cypher.Variable, paths: Hop[][], n: Cypher.Node): Cypher.Clause {
  const branches = paths.map((path) => {
    const q = new Cypher.Node();
    const each = new Cypher.Unwind([source, q]);
    return (path.length === 0 ? each.with([q, n]) : each.match(walk(q, path, n))).return(n).distinct();
  });
  return new Cypher.Call(branches.length === 1 ? branches[0]! : new Cypher.Union(...branches), [source]);
}

/** A path from n to an initiative that satisfies `where`, or n itself when it is one. */
function reachesInitiative(n: Cypher.Node, path: Hop[], where: (q: Cypher.Node) => Cypher.Predicate): Cypher.Predicate {
  if (path.length === 0) return where(n);
  const q = new Cypher.Node();
  return new Cypher.Exists(new Cypher.Match(walk(n, path, q)).where(where(q)));
}

const contains = (e: Cypher.Expr) => Cypher.contains(e, PARAM.text);
const TEXT: Record<NodeLabel, (n: Cypher.Node) => Cypher.Predicate> = {
  Place: (n) => Cypher.or(contains(n.property('name')), contains(orEmpty(n.property('aliasText'))))!,
  Initiative: (n) => Cypher.or(contains(n.property('name')), contains(orEmpty(n.property('aliasText'))), contains(orEmpty(n.property('summary'))))!,
  Person: (n) => Cypher.or(contains(n.property('name')), contains(orEmpty(n.property('title'))))!,
  Cohort: (n) => contains(n.property('label')),
  Organization: (n) => Cypher.or(contains(n.property('name')), contains(orEmpty(n.property('aliasText'))))!,
  Mentorship: (n) => {
    const p = new Cypher.Node();
    const side = new Cypher.Pattern(p).related({ type: Cypher.labelExpr.or(...PARTY_SIDES), direction: 'right' }).to(n);
    return new Cypher.Exists(new Cypher.Match(side).where(contains(Cypher.coalesce(p.property('name'), p.property('label')))));
  },
  Figure: (n) => contains(n.property('subject')),
  Article: (n) => Cypher.or(contains(orEmpty(n.property('title'))), contains(n.property('text')), contains(orEmpty(n.property('searchText'))))!,
};

/**
 * Published in a range: an article by its date; a mentorship or figure when an article in the
 * range reports it; anything else when an article in the range mentions it.
 */
export function inRange(a: Cypher.Node): Cypher.Predicate {
  const date = a.property('publishedAt');
  return Cypher.and(
    Cypher.isNotNull(date),
    Cypher.or(Cypher.isNull(PARAM.from), Cypher.gte(date, PARAM.from)),
    Cypher.or(Cypher.isNull(PARAM.to), Cypher.lte(date, PARAM.to)),
  )!;
}
function published(label: NodeLabel, n: Cypher.Node): Cypher.Predicate {
  if (label === 'Article') return inRange(n);
  const a = new Cypher.Node();
  const type = label === 'Mentorship' || label === 'Figure' ? 'REPORTS' : 'MENTIONS';
  return new Cypher.Exists(new Cypher.Match(new Cypher.Pattern(a, { labels: ['Article'] }).related({ type, direction: 'right' }).to(n)).where(inRange(a)));
}

/**
 * The candidates of a list binding `n`: started from the narrowest index the filter offers (the
 * place sub-tree, the initiative sub-tree, the initiatives of a kind) and narrowed by the other
 * filters; a label scan only when no filter is set (or text alone). `start` replaces that scan
 * (list.ts reads a name index in order).
 */
export function candidates(label: NodeLabel, f: ListFilter, n: Cypher.Node, start?: Cypher.Clause): Cypher.Clause {
  const clauses: Cypher.Clause[] = [];
  const places = new Cypher.Variable();
  const initiatives = new Cypher.Variable();
  const initiativeIds = new Cypher.Variable();
  if (f.place) clauses.push(placeScope(places));
  if (f.initiative) clauses.push(initiativeScope(initiatives, initiativeIds));
  const where: Cypher.Predicate[] = [];
  const direct = TO_INITIATIVE[label][0]!;
  if (f.place) {
    clauses.push(inPlaces(places, label, n));
  } else if (f.initiative) {
    clauses.push(fromEach(initiatives, TO_INITIATIVE[label].map((path) => reversed(path, label)), n));
  } else if (f.kind && label !== 'Initiative') {
    // Of a kind means taking part directly (not through a mentorship).
    const k = new Cypher.Node();
    const kinds = new Cypher.Variable();
    clauses.push(new Cypher.Call(new Cypher.Match(new Cypher.Pattern(k, { labels: ['Initiative'], properties: { kind: PARAM.kind } })).return([Cypher.collect(k), kinds])));
    clauses.push(fromEach(kinds, [reversed(direct, label)], n));
  } else {
    clauses.push(start ?? new Cypher.Match(new Cypher.Pattern(n, { labels: [label] })));
  }
  // With a place filter the initiative narrows; with an initiative filter its sub-tree was the start.
  if (f.initiative && f.place) {
    where.push(Cypher.or(...TO_INITIATIVE[label].map((path) => reachesInitiative(n, path, (q) => Cypher.in(q.property('id'), initiativeIds))))!);
  }
  if (f.kind && (f.place || f.initiative || label === 'Initiative')) where.push(reachesInitiative(n, direct, (q) => Cypher.eq(q.property('kind'), PARAM.kind)));
  if (f.text) where.push(TEXT[label](n));
  if (f.published && (f.published.from || f.published.to)) where.push(published(label, n));
  if (where.length > 0) clauses.push(new Cypher.With(...(f.initiative ? [initiativeIds] : []), n).where(Cypher.and(...where)!));
  return Cypher.utils.concat(...clauses);
}
