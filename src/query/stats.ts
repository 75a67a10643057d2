import type { Db } from '../db/gateway.js';
import { NODE_LABELS } from '../model.js';

/** Counts per label from Neo4j's count store: one round-trip, no scan. */
const CYPHER = `${NODE_LABELS.map((l, i) => `CALL { MATCH (n:${l}) RETURN count(n) AS c${i} }`).join('\n')}
CALL { MATCH ()-[r]->() RETURN count(r) AS rels }
RETURN [${NODE_LABELS.map((_, i) => `c${i}`).join(', ')}] AS counts, rels`;

export async function stats(db: Db) {
  const [row] = await db.read(CYPHER);
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
