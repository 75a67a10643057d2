import DataLoader from 'dataloader';
import neo4j from 'neo4j-driver';
import type { Db, Row } from '../db/gateway.js';
import { ARTICLE_ROW_PROPERTIES, SHOWN_PROPERTIES, type NodeLabel } from '../model.js';
import { LevelReader, type LevelAhead, type ReadPart } from './level.js';
import type { OrderBy } from './order.js';
import type { GNodeRow } from './list.js';

/**
 * Every field that follows a relationship is one entry here: a fixed pattern from a node to
 * its neighbours. Per request, each entry gets a DataLoader, so a field asked of 100 nodes
 * is one Cypher round-trip, not 100.
 */
interface Spec {
  from: NodeLabel;
  /** Pattern from (n) binding the neighbour as (m) and the relationship as r. */
  pattern: string;
  where?: string;
  /** Row order inside each parent's list. */
  order?: string;
  /** Rows per parent at most (default MAX_NEIGHBOURS). */
  limit?: number;
}

export const NEIGHBOURS = {
  placeParent: { from: 'Place', pattern: '-[r:PART_OF]->(m:Place)' },
  placeChildren: { from: 'Place', pattern: '<-[r:PART_OF]-(m:Place)', order: 'm.name' },
  placeAncestors: { from: 'Place', pattern: '-[rs:PART_OF*1..8]->(m:Place) WITH id, m, {depth: size(rs)} AS r', order: 'r.depth' },
  placeInitiativesDeep: {
    from: 'Place',
    pattern: '<-[:PART_OF*0..8]-(:Place)<-[:IN]-(m:Initiative) WITH DISTINCT id, m, {} AS r',
    order: 'm.name',
  },
  placeInitiativesDirect: { from: 'Place', pattern: '<-[r:IN]-(m:Initiative)', order: 'm.name' },
  orgPlace: { from: 'Organization', pattern: '-[r:LOCATED_IN]->(m:Place)' },
  orgPeople: { from: 'Organization', pattern: '<-[r:WORKS_FOR]-(m:Person)', order: 'm.name' },
  initiativePlaces: { from: 'Initiative', pattern: '-[r:IN]->(m:Place)', order: 'm.name' },
  initiativeParent: { from: 'Initiative', pattern: '-[r:PART_OF]->(m:Initiative)' },
  initiativeChildren: { from: 'Initiative', pattern: '<-[r:PART_OF]-(m:Initiative)', order: 'm.name' },
  initiativeRunBy: { from: 'Initiative', pattern: '-[r:RUN_BY]->(m:Organization)', order: 'm.name' },
  initiativeMentorships: { from: 'Initiative', pattern: '<-[r:UNDER]-(m:Mentorship)', order: 'm.id' },
  initiativeFigures: { from: 'Initiative', pattern: '<-[r:ABOUT]-(m:Figure)', order: 'm.subject' },
  initiativeParticipants: { from: 'Initiative', pattern: '<-[r:PARTICIPATES_IN]-(m)', order: 'coalesce(m.name, m.label)' },
  personPlace: { from: 'Person', pattern: '-[r:BASED_IN]->(m:Place)' },
  personOrgs: { from: 'Person', pattern: '-[r:WORKS_FOR]->(m:Organization)', order: 'm.name' },
  personCohorts: { from: 'Person', pattern: '-[r:MEMBER_OF]->(m:Cohort)', order: 'm.label' },
  partyInitiatives: { from: 'Person', pattern: '-[r:PARTICIPATES_IN]->(m:Initiative)', order: 'm.name' },
  cohortInitiatives: { from: 'Cohort', pattern: '-[r:PARTICIPATES_IN]->(m:Initiative)', order: 'm.name' },
  cohortPlace: { from: 'Cohort', pattern: '-[r:BASED_IN]->(m:Place)' },
  cohortMembers: { from: 'Cohort', pattern: '<-[r:MEMBER_OF]-(m:Person)', order: 'm.name' },
  personMentorships: { from: 'Person', pattern: '-[r:MENTOR_IN|MENTEE_IN]->(m:Mentorship)', order: 'm.id' },
  cohortMentorships: { from: 'Cohort', pattern: '-[r:MENTOR_IN|MENTEE_IN]->(m:Mentorship)', order: 'm.id' },
  personMentors: { from: 'Person', pattern: '-[:MENTEE_IN]->(:Mentorship)<-[r:MENTOR_IN]-(m) WITH DISTINCT id, m, r', order: 'coalesce(m.name, m.label)' },
  personMentees: { from: 'Person', pattern: '-[:MENTOR_IN]->(:Mentorship)<-[r:MENTEE_IN]-(m) WITH DISTINCT id, m, r', order: 'coalesce(m.name, m.label)' },
  cohortMentors: { from: 'Cohort', pattern: '-[:MENTEE_IN]->(:Mentorship)<-[r:MENTOR_IN]-(m) WITH DISTINCT id, m, r', order: 'coalesce(m.name, m.label)' },
  cohortMentees: { from: 'Cohort', pattern: '-[:MENTOR_IN]->(:Mentorship)<-[r:MENTEE_IN]-(m) WITH DISTINCT id, m, r', order: 'coalesce(m.name, m.label)' },
  mentorshipMentor: { from: 'Mentorship', pattern: '<-[r:MENTOR_IN]-(m)' },
  mentorshipMentee: { from: 'Mentorship', pattern: '<-[r:MENTEE_IN]-(m)' },
  mentorshipInitiative: { from: 'Mentorship', pattern: '-[r:UNDER]->(m:Initiative)' },
  mentorshipPlace: { from: 'Mentorship', pattern: '-[r:IN]->(m:Place)' },
  figureAbout: { from: 'Figure', pattern: '-[r:ABOUT]->(m)' },
  /** Articles that report a mentorship or figure; the rel holds the quote. */
  mentorshipReports: { from: 'Mentorship', pattern: '<-[r:REPORTS]-(m:Article)', order: 'm.id' },
  figureReports: { from: 'Figure', pattern: '<-[r:REPORTS]-(m:Article)', order: 'm.id' },
  articlePlaces: { from: 'Article', pattern: '-[r:MENTIONS]->(m:Place)', order: 'm.name' },
  articleInitiatives: { from: 'Article', pattern: '-[r:MENTIONS]->(m:Initiative)', order: 'm.name' },
  articlePeople: { from: 'Article', pattern: '-[r:MENTIONS]->(m:Person)', order: 'm.name' },
  articleCohorts: { from: 'Article', pattern: '-[r:MENTIONS]->(m:Cohort)', order: 'm.label' },
  articleOrgs: { from: 'Article', pattern: '-[r:MENTIONS]->(m:Organization)', order: 'm.name' },
  articleMentorships: { from: 'Article', pattern: '-[r:REPORTS]->(m:Mentorship)', order: 'm.id' },
  articleFigures: { from: 'Article', pattern: '-[r:REPORTS]->(m:Figure)', order: 'm.subject' },
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
    { from: l, pattern: '<-[r:MENTIONS]-(m:Article)', order: 'm.id', limit: MENTIONS_LIMIT },
  ]),
);

export type Neighbour = GNodeRow & { __rel: Record<string, any> };

/**
 * A node as a row of a list or a neighbour field: an article without its text and search copy
 * (ARTICLE_ROW_PROPERTIES; Article.text has its own loader), others without the alias copy.
 * Relationship rows leave out the claims kept on MENTIONS/REPORTS for settling shared nodes.
 */
export function rowProjection(v: string, label?: NodeLabel): string {
  const article = `${v} {${ARTICLE_ROW_PROPERTIES.map((k) => `.${k}`).join(', ')}}`;
  const other = `${v} {.*, aliasText: null}`;
  if (label) return label === 'Article' ? article : other;
  return `CASE WHEN ${v}:Article THEN ${v} {${ARTICLE_ROW_PROPERTIES.map((k) => `.${k}`).join(', ')}} ELSE ${v} {.*, aliasText: null} END`;
}

/**
 * The read of one neighbour field for a batch of parents, as a part of its level's statement.
 * Relationship properties (quotes, offsets, roles) are read only for the fields that show them
 * (`withRel`): `articles { title }` of a county mentioned by 5,000 articles reads no quote.
 */
/** The label every neighbour of a field has, when its pattern names one: (m:Article). */
export function fixedLabel(spec: Spec): NodeLabel | undefined {
  return /\(m:(\w+)\)/.exec(spec.pattern)?.[1] as NodeLabel | undefined;
}

/** The stored properties a query selects of a row (model.ts SHOWN_PROPERTIES), with its id. */
export function selectedProjection(v: string, fields: readonly string[]): string {
  return `${v} {${['id', ...fields.filter((f) => SHOWN_PROPERTIES.has(f) && f !== 'id')].map((f) => `.${f}`).join(', ')}}`;
}

export function neighbourPart(spec: Spec, ids: readonly string[], withRel = false, order?: NeighbourOrder, fields?: readonly string[]): ReadPart {
  // The properties the query selects (model.ts SHOWN_PROPERTIES), else the whole row.
  const props = fields ? selectedProjection('m', fields) : rowProjection('m', fixedLabel(spec));
  // A client's orderBy (a field of ORDER_FIELDS, a direction): ties broken by id the same way.
  const by = order ? `${order.key('m')} ${order.direction}, m.id ${order.direction}` : (spec.order ?? 'm.id');
  // 100 initiatives × 50 articles: a row per neighbour that is just its properties (the label is
  // the pattern's, no relationship asked) halves what Bolt decodes and the objects built.
  const flat = !withRel && fixedLabel(spec) !== undefined;
  return {
    body: (p) => `UNWIND ${p('ids')} AS id
MATCH (n:${spec.from} {id: id})
CALL {
  WITH n, id
  MATCH (n)${spec.pattern}
  ${spec.where ?? ''}
  WITH id, m, r ORDER BY ${by} LIMIT ${p('limit')}
  RETURN m, r
}
WITH id, collect(${flat ? props : `{props: ${props}, label: head(labels(m))${withRel ? ', rel: r {.*, claims: null}' : ''}}`}) AS items`,
    items: 'items',
    params: { ids: [...ids], limit: neo4j.int(spec.limit ?? MAX_NEIGHBOURS) },
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
export type NeighbourOrder = OrderBy & { key: (v: string) => string };

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
        const rows = await reader.read({
          body: (p) => `MATCH (n:${label}) WHERE n.id IN ${p('ids')}\nWITH n.id AS id, n`,
          items: '[properties(n)]',
          params: { ids: group },
        });
        for (const r of rows) found.set(r.id, { ...r.items[0], __label: label });
      }),
    );
    return ids.map((id) => found.get(id) ?? null);
  });
  const articleText = new DataLoader<string, string | null>(async (ids) => {
    const rows = await reader.read({
      body: (p) => `MATCH (a:Article) WHERE a.id IN ${p('ids')}\nWITH a.id AS id, a`,
      items: '[a.text]',
      params: { ids: [...ids] },
    });
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
