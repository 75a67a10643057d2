import neo4j from 'neo4j-driver';
import type { Db } from '../db/gateway.js';
import type { GNodeRow } from './list.js';
import { rowProjection } from './neighbours.js';
import { resolveWithin } from './places.js';
import { PARTY_COUNTS } from './regions.js';

/**
 * The aggregates of the overview page (and of any client that wants them): reports per
 * month, and the initiatives with the most mentoring. Both may be narrowed to a region, which
 * means what `regions` means by "in": a place there or anywhere below it.
 */

/** The longest timeline answered: twenty years of months (the latest ones). */
export const TIMELINE_MONTHS = 240;

const IN_REGION = (v: string, rel: string) =>
  `($withinIds IS NULL OR EXISTS { MATCH (${v})-[:${rel}]->(:Place)-[:PART_OF*0..8]->(w:Place) WHERE w.id IN $withinIds })`;

/**
 * Dated articles per month (publishedAt is `YYYY-MM-DD`; undated articles have no month),
 * with the mentorships and figures they report. A mentorship reported in two months counts in
 * both: the timeline is of reports, not of first sightings.
 */
export const TIMELINE_CYPHER = `MATCH (a:Article)
WHERE a.publishedAt IS NOT NULL
  AND ($from IS NULL OR a.publishedAt >= $from) AND ($to IS NULL OR a.publishedAt <= $to)
  AND ${IN_REGION('a', 'MENTIONS')}
WITH a, substring(a.publishedAt, 0, 7) AS month
CALL {
  WITH a
  OPTIONAL MATCH (a)-[:REPORTS]->(x)
  RETURN count(CASE WHEN x:Mentorship THEN 1 END) AS mentorships, count(CASE WHEN x:Figure THEN 1 END) AS figures
}
WITH month, count(a) AS articles, sum(mentorships) AS mentorships, sum(figures) AS figures
RETURN month, articles, mentorships, figures
ORDER BY month DESC
LIMIT $limit`;

/**
 * Initiatives by the mentoring under them (their sub-initiatives' included), then by the
 * articles that mention them: the "top initiatives" of a region.
 */
export const INITIATIVE_ACTIVITY_CYPHER = `MATCH (i:Initiative)
WHERE ${IN_REGION('i', 'IN')}
CALL {
  WITH i
  OPTIONAL MATCH (i)<-[:PART_OF*0..3]-(:Initiative)<-[:UNDER]-(m:Mentorship)
  WITH collect(DISTINCT m) AS ms
  ${PARTY_COUNTS}
  RETURN size(ms) AS mentorships, mentors, mentees
}
CALL {
  WITH i
  OPTIONAL MATCH (a:Article)-[:MENTIONS]->(i)
  RETURN count(DISTINCT a) AS articles, min(a.publishedAt) AS firstReported, max(a.publishedAt) AS lastReported
}
RETURN ${rowProjection('i')} AS initiative, mentorships, mentors, mentees, articles, firstReported, lastReported
ORDER BY mentorships DESC, articles DESC, i.name, i.id
LIMIT $limit`;

export interface OverviewArgs {
  within?: string | null;
  published?: { from?: string | null; to?: string | null } | null;
  first?: number | null;
}

export async function timeline(db: Db, args: OverviewArgs) {
  const rows = await db.read(TIMELINE_CYPHER, {
    withinIds: await resolveWithin(db, args.within),
    from: args.published?.from ?? null,
    to: args.published?.to ?? null,
    limit: neo4j.int(TIMELINE_MONTHS),
  });
  return rows.reverse();
}

export async function initiativeActivity(db: Db, args: OverviewArgs, size: number) {
  const rows = await db.read(INITIATIVE_ACTIVITY_CYPHER, { withinIds: await resolveWithin(db, args.within), limit: neo4j.int(size) });
  return rows.map((r) => ({ ...r, initiative: { ...r.initiative, __label: 'Initiative' } as GNodeRow }));
}
