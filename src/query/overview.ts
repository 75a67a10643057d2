import Cypher from '@neo4j/cypher-builder';
import neo4j from 'neo4j-driver';
import type { Db } from '../db/gateway.js';
import type { GNodeRow } from './list.js';
import { inRange } from './filters.js';
import { rowMap } from './neighbours.js';
import { resolveWithin } from './places.js';
import { inRegion, partyCounts, REGION_COLUMN } from './regions.js';

/**
 * The aggregates of the overview page (and of any client that wants them): reports per
 * month, and the initiatives with the most mentoring. Both may be narrowed to a region, which
 * means what `regions` means by "in": a place there or anywhere below it.
 */

/** The longest timeline answered: twenty years of months (the latest ones). */
export const TIMELINE_MONTHS = 240;

/**
 * Dated articles per month (publishedAt is `YYYY-MM-DD`; undated articles have no month),
 * with the mentorships and figures they report. A mentorship reported in two months counts in
 * both: the timeline is of reports, not of first sightings.
 */
function timelineCypher(): string {
  const a = new Cypher.Node();
  const x = new Cypher.Node();
  const date = a.property('publishedAt');
  const [month, articles, mentorships, figures] = ['month', 'articles', 'mentorships', 'figures'].map((v) => new Cypher.NamedVariable(v)) as unknown as [
    Cypher.Variable,
    Cypher.Variable,
    Cypher.Variable,
    Cypher.Variable,
  ];
  // Dated and in the range the list filters mean by `published` (filters.ts inRange).
  const dated = new Cypher.Match(new Cypher.Pattern(a, { labels: ['Article'] }))
    .where(Cypher.and(inRange(a), inRegion(a, 'MENTIONS'))!)
    .with(a, [Cypher.substring(date, new Cypher.Literal(0), new Cypher.Literal(7)), month]);
  const countOf = (label: 'Mentorship' | 'Figure') => Cypher.count(new Cypher.Case().when(x.hasLabel(label)).then(new Cypher.Literal(1)));
  const reports = new Cypher.Call(
    new Cypher.OptionalMatch(new Cypher.Pattern(a).related({ type: 'REPORTS', direction: 'right' }).to(x)).return([countOf('Mentorship'), mentorships], [countOf('Figure'), figures]),
    [a],
  );
  const perMonth = new Cypher.With(month, [Cypher.count(a), articles], [Cypher.sum(mentorships), mentorships], [Cypher.sum(figures), figures])
    .return(month, articles, mentorships, figures)
    .orderBy([month, 'DESC'])
    .limit(new Cypher.NamedParam('limit'));
  return Cypher.utils.concat(dated, reports, perMonth).build().cypher;
}
export const TIMELINE_CYPHER = timelineCypher();

/**
 * Initiatives by the mentoring under them (their sub-initiatives' included), then by the
 * articles that mention them: the "top initiatives" of a region.
 */
function initiativeActivityCypher(): string {
  const i = new Cypher.Node();
  const m = new Cypher.Node();
  const a = new Cypher.Node();
  const ms = new Cypher.Variable();
  const c = REGION_COLUMN;
  const initiatives = new Cypher.Match(new Cypher.Pattern(i, { labels: ['Initiative'] })).where(inRegion(i, 'IN'));
  const under = new Cypher.Pattern(i)
    .related({ type: 'PART_OF', direction: 'left', length: { min: 0, max: 3 } })
    .to({ labels: ['Initiative'] })
    .related({ type: 'UNDER', direction: 'left' })
    .to(m, { labels: ['Mentorship'] });
  const mentoring = new Cypher.Call(
    Cypher.utils.concat(
      new Cypher.OptionalMatch(under),
      new Cypher.With([Cypher.collect(m).distinct(), ms]),
      ...partyCounts(ms),
      new Cypher.Return([Cypher.size(ms), c.mentorships], c.mentors, c.mentees),
    ),
    [i],
  );
  const mentions = new Cypher.Call(
    new Cypher.OptionalMatch(new Cypher.Pattern(a, { labels: ['Article'] }).related({ type: 'MENTIONS', direction: 'right' }).to(i)).return(
      [Cypher.count(a).distinct(), c.articles],
      [Cypher.min(a.property('publishedAt')), c.firstReported],
      [Cypher.max(a.property('publishedAt')), c.lastReported],
    ),
    [i],
  );
  const out = new Cypher.Return([rowMap(i, 'Initiative'), new Cypher.NamedVariable('initiative')], c.mentorships, c.mentors, c.mentees, c.articles, c.firstReported, c.lastReported)
    .orderBy([c.mentorships, 'DESC'], [c.articles, 'DESC'], [i.property('name'), 'ASC'], [i.property('id'), 'ASC'])
    .limit(new Cypher.NamedParam('limit'));
  return Cypher.utils.concat(initiatives, mentoring, mentions, out).build().cypher;
}
export const INITIATIVE_ACTIVITY_CYPHER = initiativeActivityCypher();

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
