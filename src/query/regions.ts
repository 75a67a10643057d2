import neo4j from 'neo4j-driver';
import type { Db } from '../db/gateway.js';
import type { GNodeRow } from './list.js';
import { rowProjection } from './neighbours.js';
import { resolveWithin } from './places.js';

/**
 * Mentoring activity rolled up the administrative hierarchy: for each place of a level (within
 * a place, if given), what lies in it or below it — initiatives, mentorships (tied to a place
 * there or under an initiative there), their mentors and mentees, the articles that mention a
 * place there and the dates of the first and last of them.
 */
export const REGION_ORDER = {
  MENTORSHIPS: 'mentorships',
  INITIATIVES: 'initiatives',
  MENTORS: 'mentors',
  MENTEES: 'mentees',
  ARTICLES: 'articles',
  FIRST_REPORTED: "coalesce(firstReported, '')",
  LAST_REPORTED: "coalesce(lastReported, '')",
  NAME: 'r.name',
} as const;

export interface RegionArgs {
  level: string;
  within?: string | null;
  first?: number | null;
  orderBy?: { field?: keyof typeof REGION_ORDER; direction?: 'ASC' | 'DESC' } | null;
}

/** Distinct mentors and mentees of the mentorships in the list `ms` (as `mentors`, `mentees`). */
export const PARTY_COUNTS = `CALL { WITH ms UNWIND ms AS m MATCH (p)-[:MENTOR_IN]->(m) RETURN count(DISTINCT p) AS mentors }
CALL { WITH ms UNWIND ms AS m MATCH (p)-[:MENTEE_IN]->(m) RETURN count(DISTINCT p) AS mentees }`;

export function regionsCypher(field: keyof typeof REGION_ORDER, direction: 'ASC' | 'DESC'): string {
  return `MATCH (r:Place {level: $level})
WHERE $withinIds IS NULL OR EXISTS { MATCH (r)-[:PART_OF*0..8]->(w:Place) WHERE w.id IN $withinIds }
CALL {
  WITH r
  MATCH (d:Place)-[:PART_OF*0..8]->(r)
  RETURN collect(d) AS ds
}
CALL {
  WITH ds
  CALL {
    WITH ds UNWIND ds AS d MATCH (d)<-[:IN]-(m:Mentorship) RETURN m
    UNION
    WITH ds UNWIND ds AS d MATCH (d)<-[:IN]-(:Initiative)<-[:UNDER]-(m:Mentorship) RETURN m
  }
  RETURN collect(DISTINCT m) AS ms
}
CALL { WITH ds UNWIND ds AS d MATCH (d)<-[:IN]-(i:Initiative) RETURN count(DISTINCT i) AS initiatives }
${PARTY_COUNTS}
CALL {
  WITH ds UNWIND ds AS d MATCH (d)<-[:MENTIONS]-(a:Article)
  WITH DISTINCT a
  RETURN count(a) AS articles, min(a.publishedAt) AS firstReported, max(a.publishedAt) AS lastReported
}
WITH r, initiatives, size(ms) AS mentorships, mentors, mentees, articles, firstReported, lastReported
WHERE initiatives + mentorships + articles > 0
RETURN ${rowProjection('r')} AS place, initiatives, mentorships, mentors, mentees, articles, firstReported, lastReported
ORDER BY ${REGION_ORDER[field]} ${direction}, r.name, r.id
LIMIT $limit`;
}

export async function regions(db: Db, args: RegionArgs, size: number) {
  const field = args.orderBy?.field ?? 'MENTORSHIPS';
  const direction = args.orderBy?.direction ?? 'DESC';
  const rows = await db.read(regionsCypher(field, direction), { level: args.level, withinIds: await resolveWithin(db, args.within), limit: neo4j.int(size) });
  return rows.map((r) => ({ ...r, place: { ...r.place, __label: 'Place' } as GNodeRow }));
}
