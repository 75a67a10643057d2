import type { Driver } from 'neo4j-driver';
import { NODE_LABELS } from '../model.js';

/**
 * Idempotent schema migrations, run at every start before the server listens.
 * Each statement uses IF NOT EXISTS, so re-running them changes nothing.
 */
export const MIGRATIONS: string[] = [
  ...NODE_LABELS.map(
    (label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  ),
  'CREATE INDEX place_code IF NOT EXISTS FOR (n:Place) ON (n.code)',
  'CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name)',
  'CREATE INDEX initiative_kind IF NOT EXISTS FOR (n:Initiative) ON (n.kind)',
  'CREATE INDEX initiative_name IF NOT EXISTS FOR (n:Initiative) ON (n.name)',
  'CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)',
  'CREATE INDEX article_hash IF NOT EXISTS FOR (n:Article) ON (n.contentHash)',
  // The cjk analyzer indexes overlapping bigrams, so two-character words like 帮带 match.
  `CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
   FOR (n:Place|Initiative|Person|Organization|Cohort|Article)
   ON EACH [n.name, n.aliasText, n.label, n.summary, n.title, n.text, n.searchText]
   OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk'}}`,
];

export async function migrate(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    for (const stmt of MIGRATIONS) await session.run(stmt);
    await session.run('CALL db.awaitIndexes(120)');
  } finally {
    await session.close();
  }
}
