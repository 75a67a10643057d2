import Cypher from '@neo4j/cypher-builder';
import DataLoader from 'dataloader';
import neo4j from 'neo4j-driver';
import type { Db, Row } from '../db/gateway.js';
import { ARTICLE_ROW_PROPERTIES, SHOWN_PROPERTIES, type NodeLabel } from '../model.js';
import { LevelReader, type LevelAhead, type ReadPart } from './level.js';
import type { OrderBy } from './order.js';
import { into, out, PARTY_SIDES, walk, type Hop, type RelType } from './paths.js';
import type { GNodeRow } from './list.js';

/**
 * Every field that follows a relationship is one entry here: typed hops from a node (n) to its
 * neighbours (m), compiled to Cypher by @neo4j/cypher-builder (neighbourPart). Per request, each
 * entry gets a DataLoader, so a field asked of 100 nodes is one Cypher round-trip, not 100.
 */
/** Row order inside each parent's list: a property of m, a name-or-label, or a hop's depth. */
type SpecOrder = 'id' | 'name' | 'label' | 'subject' | 'nameOrLabel' | 'depth';

export interface Spec {
  from: NodeLabel;
  /** From (n) to the neighbour (m); the last hop's relationship is the field's (r). */
  path: Hop[];
  /**
   * What the field keeps of r: its properties (the default), the length of a variable last
   * hop as {depth}, or nothing (several paths reach one neighbour: placeInitiativesDeep).
   */
  rel?: 'properties' | 'depth' | 'none';
  /** One row per neighbour (and r) however many paths reach it. */
  distinct?: boolean;
  order?: SpecOrder;
  /** Rows per parent at most (default MAX_NEIGHBOURS). */
  limit?: number;
}

const one = (from: NodeLabel, hop: Hop, order?: SpecOrder): Spec => ({ from, path: [hop], order });
/** Across a mentorship: the people or cohorts on the other side of a party's mentorships. */
const across = (from: NodeLabel, own: RelType, other: RelType): Spec => ({
  from,
  path: [out(own, 'Mentorship'), into(other)],
  distinct: true,
  order: 'nameOrLabel',
});

export const NEIGHBOURS = {
  placeParent: one('Place', out('PART_OF', 'Place')),
  placeChildren: one('Place', into('PART_OF', 'Place'), 'name'),
  placeAncestors: { from: 'Place', path: [out('PART_OF', 'Place', { min: 1, max: 8 })], rel: 'depth', order: 'depth' },
  placeInitiativesDeep: {
    from: 'Place',
    path: [into('PART_OF', 'Place', { min: 0, max: 8 }), into('IN', 'Initiative')],
    rel: 'none',
    distinct: true,
    order: 'name',
  },
  placeInitiativesDirect: one('Place', into('IN', 'Initiative'), 'name'),
  orgPlace: one('Organization', out('LOCATED_IN', 'Place')),
  orgPeople: one('Organization', into('WORKS_FOR', 'Person'), 'name'),
  initiativePlaces: one('Initiative', out('IN', 'Place'), 'name'),
  initiativeParent: one('Initiative', out('PART_OF', 'Initiative')),
  initiativeChildren: one('Initiative', into('PART_OF', 'Initiative'), 'name'),
  initiativeRunBy: one('Initiative', out('RUN_BY', 'Organization'), 'name'),
  initiativeMentorships: one('Initiative', into('UNDER', 'Mentorship'), 'id'),
  initiativeFigures: one('Initiative', into('ABOUT', 'Figure'), 'subject'),
  initiativeParticipants: one('Initiative', into('PARTICIPATES_IN'), 'nameOrLabel'),
  personPlace: one('Person', out('BASED_IN', 'Place')),
  personOrgs: one('Person', out('WORKS_FOR', 'Organization'), 'name'),
  personCohorts: one('Person', out('MEMBER_OF', 'Cohort'), 'label'),
  partyInitiatives: one('Person', out('PARTICIPATES_IN', 'Initiative'), 'name'),
  cohortInitiatives: one('Cohort', out('PARTICIPATES_IN', 'Initiative'), 'name'),
  cohortPlace: one('Cohort', out('BASED_IN', 'Place')),
  cohortMembers: one('Cohort', into('MEMBER_OF', 'Person'), 'name'),
  personMentorships: one('Person', out(PARTY_SIDES, 'Mentorship'), 'id'),
  cohortMentorships: one('Cohort', out(PARTY_SIDES, 'Mentorship'), 'id'),
  personMentors: across('Person', 'MENTEE_IN', 'MENTOR_IN'),
  personMentees: across('Person', 'MENTOR_IN', 'MENTEE_IN'),
  cohortMentors: across('Cohort', 'MENTEE_IN', 'MENTOR_IN'),
  cohortMentees: across('Cohort', 'MENTOR_IN', 'MENTEE_IN'),
  mentorshipMentor: one('Mentorship', into('MENTOR_IN')),
  mentorshipMentee: one('Mentorship', into('MENTEE_IN')),
  mentorshipInitiative: one('Mentorship', out('UNDER', 'Initiative')),
  mentorshipPlace: one('Mentorship', out('IN', 'Place')),
  figureAbout: one('Figure', out('ABOUT')),
  /** Articles that report a mentorship or figure; the rel holds the quote. */
  mentorshipReports: one('Mentorship', into('REPORTS', 'Article'), 'id'),
  figureReports: one('Figure', into('REPORTS', 'Article'), 'id'),
  articlePlaces: one('Article', out('MENTIONS', 'Place'), 'name'),
  articleInitiatives: one('Article', out('MENTIONS', 'Initiative'), 'name'),
  articlePeople: one('Article', out('MENTIONS', 'Person'), 'name'),
  articleCohorts: one('Article', out('MENTIONS', 'Cohort'), 'label'),
  articleOrgs: one('Article', out('MENTIONS', 'Organization'), 'name'),
  articleMentorships: one('Article', out('REPORTS', 'Mentorship'), 'id'),
  articleFigures: one('Article', out('REPORTS', 'Figure'), 'subject'),
} satisfies Record<string, Spec>;
export type NeighbourName = keyof typeof NEIGHBOURS;

/**
 * The `articles` and `evidence` lists of a mentioned entity are bounded at 50 in the schema;
 * a county's 5,000 mentions would otherwise ship 300 rows per parent to show 50.
 */
export const MENTIONS_LIMIT = 50;

/** Articles that mention an entity, with the quotes, for any mentionable label. */
const MENTIONED_BY: Record<string, Spec> = Object.fromEntries(
  (['Place', 'Organization', 'Initiative', 'Person', 'Cohort'] as const).map((l) => [
    `mentions${l}`,
    { ...one(l, into('MENTIONS', 'Article'), 'id'), limit: MENTIONS_LIMIT },
  ]),
);

export type Neighbour = GNodeRow & { __rel: Record<string, any> };

/**
 * A node as a row of a list or a neighbour field: an article without its text and search copy
 * (ARTICLE_ROW_PROPERTIES; Article.text has its own loader), others without the alias copy.
 * Relationship rows leave out the claims kept on MENTIONS/REPORTS for settling shared nodes.
 */
export function rowMap(v: Cypher.Node, label?: NodeLabel): Cypher.Expr {
  const article = new Cypher.MapProjection(v, [...ARTICLE_ROW_PROPERTIES]);
  const other = new Cypher.MapProjection(v, '*', { aliasText: Cypher.Null });
  if (label) return label === 'Article' ? article : other;
  return new Cypher.Case().when(v.hasLabel('Article')).then(article).else(other);
}

/** The stored properties a query selects of a row (model.ts SHOWN_PROPERTIES), with its id. */
export function selectedMap(v: Cypher.Node, fields: readonly string[]): Cypher.Expr {
  return new Cypher.MapProjection(v, ['id', ...fields.filter((f) => SHOWN_PROPERTIES.has(f) && f !== 'id')]);
}

/** The label every neighbour of a field has, when its last hop names one: (m:Article). */
export function fixedLabel(spec: Spec): NodeLabel | undefined {
  return spec.path.at(-1)?.to;
}

const SPEC_ORDER: Record<SpecOrder, (m: Cypher.Node, rel: Cypher.Variable) => Cypher.Expr> = {
  id: (m) => m.property('id'),
  name: (m) => m.property('name'),
  label: (m) => m.property('label'),
  subject: (m) => m.property('subject'),
  nameOrLabel: (m) => Cypher.coalesce(m.property('name'), m.property('label')),
  depth: (_m, rel) => rel.property('depth'),
};

/**
 * The read of one neighbour field for a batch of parents, as a part of its level's statement.
 * Relationship properties (quotes, offsets, roles) are read only for the fields that show them
 * (`withRel`): `articles { title }` of a county mentioned by 5,000 articles reads no quote.
 */
/** A spec's part of a statement's shape (specs are constants: serialised once each). */
const specKeys = new WeakMap<Spec, string>();
function specKey(spec: Spec): string {
  let k = specKeys.get(spec);
  if (k === undefined) specKeys.set(spec, (k = JSON.stringify(spec)));
  return k;
}

export function neighbourPart(spec: Spec, ids: readonly string[], withRel = false, order?: NeighbourOrder, fields?: readonly string[]): ReadPart {
  const shape = `neighbour|${specKey(spec)}|${withRel}|${order ? `${order.field}:${order.direction}` : ''}|${fields ? fields.join(',') : '*'}`;
  /** The neighbours of `n` (bound), ordered and cut, and what a row of them keeps. */
  const neighbours = (n: Cypher.Node, limit: Cypher.Expr, bound: Cypher.Variable[]) => {
    const r = new Cypher.Relationship();
    const m = new Cypher.Node();
    // What a row keeps of the relationship: r itself, the depth of a variable hop, or nothing.
    const relKind = spec.rel ?? 'properties';
    const rel = relKind === 'properties' ? r : new Cypher.Variable();
    const relColumn: Cypher.ProjectionColumn = relKind === 'properties' ? r : [relKind === 'depth' ? new Cypher.Map({ depth: Cypher.size(r) }) : new Cypher.Map({}), rel];
    // A client's orderBy (a field of ORDER_FIELDS, a direction): ties broken by id the same way.
    const by: Array<[Cypher.Expr, Cypher.Order]> = order
      ? [
          [order.key(m), order.direction],
          [m.property('id'), order.direction],
        ]
      : [[SPEC_ORDER[spec.order ?? 'id'](m, rel), 'ASC']];
    const rows = new Cypher.With(...bound, m, relColumn);
    if (spec.distinct) rows.distinct();
    const clause = Cypher.utils.concat(new Cypher.Match(walk(n, spec.path, m, r)), rows.orderBy(...by).limit(limit));
    // The properties the query selects (model.ts SHOWN_PROPERTIES), else the whole row.
    const props = fields ? selectedMap(m, fields) : rowMap(m, fixedLabel(spec));
    // 100 initiatives × 50 articles: a row per neighbour that is just its properties (the label is
    // the pattern's, no relationship asked) halves what Bolt decodes and the objects built.
    const flat = !withRel && fixedLabel(spec) !== undefined;
    const item = flat
      ? props
      : new Cypher.Map({
          props,
          label: Cypher.head(Cypher.labels(m)),
          ...(withRel ? { rel: new Cypher.MapProjection(rel, '*', { claims: Cypher.Null }) } : {}),
        });
    return { clause, m, rel, item };
  };
  return {
    shape,
    values: [[...ids], neo4j.int(spec.limit ?? MAX_NEIGHBOURS)],
    read(idsExpr, param) {
      const id = new Cypher.Variable();
      const n = new Cypher.Node();
      const items = new Cypher.Variable();
      const { clause, m, rel, item } = neighbours(n, param(1), [id]);
      const clause2 = new Cypher.Unwind([idsExpr, id])
        .match(new Cypher.Pattern(n, { labels: [spec.from], properties: { id } }))
        .call(Cypher.utils.concat(clause, new Cypher.Return(m, rel)), [n, id])
        .with(id, [Cypher.collect(item), items]);
      return { clause: clause2, id, items };
    },
    readFrom(parent, param) {
      const items = new Cypher.Variable();
      const { clause, item } = neighbours(parent, param(1), []);
      // (The parent keeps its label test: a page of one label reads the fields of that label.)
      return { clause: Cypher.utils.concat(new Cypher.With(parent).where(parent.hasLabel(spec.from)), clause, new Cypher.With([Cypher.collect(item), items])), items };
    },
  };
}

/**
 * No list field returns more than its @listSize bound (the resolvers cut it), so no parent
 * ships more neighbours than the largest bound: a county mentioned by 5,000 articles sends
 * 300 rows, not 5,000. test/cost.test.ts checks this is the schema's largest bound.
 */
export const MAX_NEIGHBOURS = 300;

/** Id prefix → label. A Map, so that user ids such as `constructor:1` find nothing. */
export const LABEL_BY_PREFIX: ReadonlyMap<string, NodeLabel> = new Map([
  ['place', 'Place'],
  ['org', 'Organization'],
  ['initiative', 'Initiative'],
  ['person', 'Person'],
  ['cohort', 'Cohort'],
  ['mentorship', 'Mentorship'],
  ['figure', 'Figure'],
  ['article', 'Article'],
]);
export function labelOfId(id: string): NodeLabel | undefined {
  return LABEL_BY_PREFIX.get(id.slice(0, id.indexOf(':')));
}

/** The order a client asked of a nested list (query/order.ts resolveOrder). */
export type NeighbourOrder = OrderBy & { key: (v: Cypher.Node) => Cypher.Expr };

export interface Loaders {
  /**
   * `withRel`: the rows carry the relationship's properties in `__rel` (evidence, roles).
   * `order`: the client's orderBy, else the field's own order.
   */
  neighbours(name: NeighbourName, withRel?: boolean, order?: NeighbourOrder, fields?: readonly string[]): DataLoader<string, Neighbour[]>;
  mentionedBy(label: NodeLabel, withRel?: boolean, order?: NeighbourOrder, fields?: readonly string[]): DataLoader<string, Neighbour[]>;
  byId: DataLoader<string, GNodeRow | null>;
  /**
   * A neighbour field (in the field's own order, no relationship properties) read with the page
   * of a list: the part, and the priming of the loader `neighbours`/`mentionedBy` would use.
   */
  ahead(field: NeighbourName | { mentionsOf: NodeLabel }, fields?: readonly string[]): LevelAhead | undefined;
  /** Article.text for articles that came as neighbours (without it). */
  articleText: DataLoader<string, string | null>;
}

const NO_REL: Record<string, any> = Object.freeze({});

/**
 * Nodes of one label by id: whole (node(id) shows every stored property), or only the text
 * (Article.text of articles that came as rows without it).
 */
function byIdPart(label: NodeLabel, ids: readonly string[], what: 'properties' | 'text'): ReadPart {
  return {
    shape: `byId|${label}|${what}`,
    values: [[...ids]],
    read(idsExpr) {
      const n = new Cypher.Node();
      const id = new Cypher.Variable();
      const clause = new Cypher.Match(new Cypher.Pattern(n, { labels: [label] })).where(Cypher.in(n.property('id'), idsExpr)).with([n.property('id'), id], n);
      return { clause, id, items: new Cypher.List([what === 'text' ? n.property('text') : Cypher.properties(n)]) };
    },
  };
}

/** The rows of a neighbour part (`id`, `items`) as neighbour lists by parent id. */
function neighboursById(spec: Spec, withRel: boolean, rows: readonly Row[]): Map<string, Neighbour[]> {
  const label = withRel ? undefined : fixedLabel(spec);
  const byId = new Map<string, Neighbour[]>();
  for (const row of rows) {
    // Rows are fresh objects from the driver: labelled in place rather than copied.
    const items = label
      ? (row.items as Array<Record<string, any>>).map((props) => Object.assign(props, { __label: label, __rel: NO_REL }))
      : (row.items as Array<{ props: Record<string, any>; label: NodeLabel; rel: Record<string, any> }>).map((it) =>
          Object.assign(it.props, { __label: it.label, __rel: it.rel ?? NO_REL }),
        );
    byId.set(row.id as string, items as Neighbour[]);
  }
  return byId;
}

function specLoader(reader: LevelReader, spec: Spec, withRel: boolean, order?: NeighbourOrder, fields?: readonly string[]): DataLoader<string, Neighbour[]> {
  return new DataLoader(async (ids) => {
    const byId = neighboursById(spec, withRel, await reader.read(neighbourPart(spec, ids, withRel, order, fields)));
    return ids.map((id) => byId.get(id) ?? []);
  });
}

/** One set of loaders per GraphQL request (DataLoader caches must not outlive a request). */
export function createLoaders(db: Db): Loaders {
  const reader = new LevelReader(db);
  const cache = new Map<string, DataLoader<string, Neighbour[]>>();
  const get = (name: string, spec: Spec, withRel: boolean, order?: NeighbourOrder, fields?: readonly string[]) => {
    const key = `${name}|${withRel}|${order ? `${order.field}:${order.direction}` : ''}|${fields ? fields.join(',') : '*'}`;
    let l = cache.get(key);
    if (!l) cache.set(key, (l = specLoader(reader, spec, withRel, order, fields)));
    return l;
  };
  const byId = new DataLoader<string, GNodeRow | null>(async (ids) => {
    const groups = new Map<NodeLabel, string[]>();
    for (const id of ids) {
      const label = labelOfId(id);
      if (label) groups.set(label, [...(groups.get(label) ?? []), id]);
    }
    const found = new Map<string, GNodeRow>();
    await Promise.all(
      [...groups].map(async ([label, group]) => {
        const rows = await reader.read(byIdPart(label, group, 'properties'));
        for (const r of rows) found.set(r.id, { ...r.items[0], __label: label });
      }),
    );
    return ids.map((id) => found.get(id) ?? null);
  });
  const articleText = new DataLoader<string, string | null>(async (ids) => {
    const rows = await reader.read(byIdPart('Article', ids, 'text'));
    const byId = new Map(rows.map((r) => [r.id as string, r.items[0] as string]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const ahead: Loaders['ahead'] = (field, fields) => {
    const [name, spec] = typeof field === 'string' ? [field, NEIGHBOURS[field] as Spec] : [`mentions${field.mentionsOf}`, MENTIONED_BY[`mentions${field.mentionsOf}`]];
    if (!spec) return undefined;
    const loader = get(name, spec, false, undefined, fields);
    return {
      part: neighbourPart(spec, [], false, undefined, fields),
      prime(ids, rows) {
        const byId = neighboursById(spec, false, rows);
        for (const id of ids) loader.prime(id, byId.get(id) ?? []);
      },
    };
  };
  return {
    articleText,
    ahead,
    neighbours: (name, withRel = false, order, fields) => get(name, NEIGHBOURS[name], withRel, order, fields),
    mentionedBy: (label, withRel = false, order, fields) => {
      const spec = MENTIONED_BY[`mentions${label}`];
      if (!spec) throw new Error(`no mention loader for ${label}`);
      return get(`mentions${label}`, spec, withRel, order, fields);
    },
    byId,
  };
}
