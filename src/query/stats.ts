import Cypher from '@neo4j/cypher-builder';
import type { Db } from '../db/gateway.js';
import { NODE_LABELS } from '../model.js';

/** Counts per label from Neo4j's count store: one round-trip, no scan. */
export const STATS_CYPHER = (() => {
  const counts = NODE_LABELS.map(() => new Cypher.Variable());
  const perLabel = NODE_LABELS.map((label, i) => {
    const n = new Cypher.Node();
    return new Cypher.Call(new Cypher.Match(new Cypher.Pattern(n, { labels: [label] })).return([Cypher.count(n), counts[i]!]));
  });
  const r = new Cypher.Relationship();
  const rels = new Cypher.NamedVariable('rels');
  const allRels = new Cypher.Call(new Cypher.Match(new Cypher.Pattern({}).related(r).to({})).return([Cypher.count(r), rels]));
  return Cypher.utils.concat(...perLabel, allRels, new Cypher.Return([new Cypher.List(counts), 'counts'], rels)).build().cypher;
})();

export async function stats(db: Db) {
  const [row] = await db.read(STATS_CYPHER);
  const counts = (row!.counts as number[]).map((count, i) => ({ label: NODE_LABELS[i]!, count }));
  const of = (l: string) => counts.find((c) => c.label === l)!.count;
  return {
    places: of('Place'),
    organizations: of('Organization'),
    initiatives: of('Initiative'),
    people: of('Person'),
    cohorts: of('Cohort'),
    mentorships: of('Mentorship'),
    figures: of('Figure'),
    articles: of('Article'),
    relationships: row!.rels as number,
    byLabel: counts,
  };
}
