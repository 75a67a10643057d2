import Cypher from '@neo4j/cypher-builder';
import neo4j from 'neo4j-driver';
import type { Db } from '../db/gateway.js';
import type { GNodeRow } from './list.js';
import { compiledOnce, orEmpty } from './cypher.js';
import { inPlaces, subTree } from './filters.js';
import { rowMap } from './neighbours.js';
import { resolveWithin } from './places.js';

/**
 * Mentoring activity rolled up the administrative hierarchy: for each place of a level (within
 * a place, if given), what lies in it or below it — initiatives, mentorships (tied to a place
 * there or under an initiative there), their mentors and mentees, the articles that mention a
 * place there and the dates of the first and last of them.
 */
/** The columns of a region row, by the names the rows are read with. */
const COLUMN = {
  place: new Cypher.NamedVariable('place'),
  initiatives: new Cypher.NamedVariable('initiatives'),
  mentorships: new Cypher.NamedVariable('mentorships'),
  mentors: new Cypher.NamedVariable('mentors'),
  mentees: new Cypher.NamedVariable('mentees'),
  articles: new Cypher.NamedVariable('articles'),
  firstReported: new Cypher.NamedVariable('firstReported'),
  lastReported: new Cypher.NamedVariable('lastReported'),
};
export const REGION_ORDER = {
  MENTORSHIPS: () => COLUMN.mentorships,
  INITIATIVES: () => COLUMN.initiatives,
  MENTORS: () => COLUMN.mentors,
  MENTEES: () => COLUMN.mentees,
  ARTICLES: () => COLUMN.articles,
  FIRST_REPORTED: () => orEmpty(COLUMN.firstReported),
  LAST_REPORTED: () => orEmpty(COLUMN.lastReported),
  NAME: (r: Cypher.Node) => r.property('name'),
} satisfies Record<string, (r: Cypher.Node) => Cypher.Expr>;

export interface RegionArgs {
  level: string;
  within?: string | null;
  first?: number | null;
  orderBy?: { field?: keyof typeof REGION_ORDER; direction?: 'ASC' | 'DESC' } | null;
}

/** Distinct mentors and mentees of the mentorships in the list `ms` (as `mentors`, `mentees`). */
export function partyCounts(ms: Cypher.Variable): Cypher.Clause[] {
  return (['MENTOR_IN', 'MENTEE_IN'] as const).map((side) => {
    const m = new Cypher.Node();
    const p = new Cypher.Node();
    const each = new Cypher.Unwind([ms, m]).match(new Cypher.Pattern(p).related({ type: side, direction: 'right' }).to(m));
    return new Cypher.Call(each.return([Cypher.count(p).distinct(), side === 'MENTOR_IN' ? COLUMN.mentors : COLUMN.mentees]), [ms]);
  });
}

/** Whether v (through `type` to a place) lies in or under one of the places $withinIds names; true when unset. */
export function inRegion(v: Cypher.Node, type?: 'MENTIONS' | 'IN'): Cypher.Predicate {
  const w = new Cypher.Node();
  const start = type ? new Cypher.Pattern(v).related({ type, direction: 'right' }).to({ labels: ['Place'] }) : new Cypher.Pattern(v);
  const under = start.related({ type: 'PART_OF', direction: 'right', length: { min: 0, max: 8 } }).to(w, { labels: ['Place'] });
  return Cypher.or(Cypher.isNull(WITHIN), new Cypher.Exists(new Cypher.Match(under).where(Cypher.in(w.property('id'), WITHIN))))!;
}
const WITHIN = new Cypher.NamedParam('withinIds');
export { COLUMN as REGION_COLUMN };

const once = compiledOnce<string>();
/** The statement for an order (compiled once per field and direction). */
export function regionsCypher(field: keyof typeof REGION_ORDER, direction: 'ASC' | 'DESC'): string {
  return once(`${field}:${direction}`, () => buildRegionsCypher(field, direction));
}

function buildRegionsCypher(field: keyof typeof REGION_ORDER, direction: 'ASC' | 'DESC'): string {
  const r = new Cypher.Node();
  const ds = new Cypher.Variable();
  const ms = new Cypher.Variable();
  const m = new Cypher.Node();
  const i = new Cypher.Node();
  const a = new Cypher.Node();
  const place = new Cypher.Match(new Cypher.Pattern(r, { labels: ['Place'], properties: { level: new Cypher.NamedParam('level') } })).where(inRegion(r));
  const below = new Cypher.Call(subTree('Place', r, 8, ds), [r]);
  const mentorships = new Cypher.Call(Cypher.utils.concat(inPlaces(ds, 'Mentorship', m), new Cypher.Return([Cypher.collect(m).distinct(), ms])), [ds]);
  const eachPlace = () => {
    const x = new Cypher.Node();
    return { x, unwind: new Cypher.Unwind([ds, x]) };
  };
  const ip = eachPlace();
  const initiatives = new Cypher.Call(
    ip.unwind.match(new Cypher.Pattern(ip.x).related({ type: 'IN', direction: 'left' }).to(i, { labels: ['Initiative'] })).return([Cypher.count(i).distinct(), COLUMN.initiatives]),
    [ds],
  );
  const ap = eachPlace();
  const articles = new Cypher.Call(
    ap.unwind
      .match(new Cypher.Pattern(ap.x).related({ type: 'MENTIONS', direction: 'left' }).to(a, { labels: ['Article'] }))
      .with(a)
      .distinct()
      .return([Cypher.count(a), COLUMN.articles], [Cypher.min(a.property('publishedAt')), COLUMN.firstReported], [Cypher.max(a.property('publishedAt')), COLUMN.lastReported]),
    [ds],
  );
  const c = COLUMN;
  const rows = new Cypher.With(r, c.initiatives, [Cypher.size(ms), c.mentorships], c.mentors, c.mentees, c.articles, c.firstReported, c.lastReported).where(
    Cypher.gt(Cypher.plus(c.initiatives, c.mentorships, c.articles), new Cypher.Literal(0)),
  );
  const out = new Cypher.Return([rowMap(r, 'Place'), c.place], c.initiatives, c.mentorships, c.mentors, c.mentees, c.articles, c.firstReported, c.lastReported)
    .orderBy([REGION_ORDER[field](r), direction], [r.property('name'), 'ASC'], [r.property('id'), 'ASC'])
    .limit(new Cypher.NamedParam('limit'));
  return Cypher.utils.concat(place, below, mentorships, initiatives, ...partyCounts(ms), articles, rows, out).build().cypher;
}

export async function regions(db: Db, args: RegionArgs, size: number) {
  const field = args.orderBy?.field ?? 'MENTORSHIPS';
  const direction = args.orderBy?.direction ?? 'DESC';
  const rows = await db.read(regionsCypher(field, direction), { level: args.level, withinIds: await resolveWithin(db, args.within), limit: neo4j.int(size) });
  return rows.map((r) => ({ ...r, place: { ...r.place, __label: 'Place' } as GNodeRow }));
}
