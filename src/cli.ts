import { loadConfig } from './config.js';
import { connect } from './db/connect.js';
import { ensureLauncherBuilt } from './db/local-neo4j.js';
import { resolveSeeds } from './ingest/seed.js';
import { loadSeeds } from './ingest/seed.js';
import { logger } from './logger.js';

/**
 * Operator commands:
 *   neo4j-build   build tools/neo4j-local with Maven (downloads the Neo4j 5.26 artifacts once)
 *   check-seeds   validate the curated seed facts against their articles, without a database
 *   seed          (re)write the seed articles into Neo4j (NEO4J_URI, or the local one)
 */
const USAGE = 'usage: tsx src/cli.ts <neo4j-build | check-seeds | seed>';

async function main(cmd: string | undefined) {
  switch (cmd) {
    case 'neo4j-build':
      ensureLauncherBuilt();
      logger.info('tools/neo4j-local is built');
      return;
    case 'check-seeds': {
      const writes = resolveSeeds();
      for (const w of writes) logger.info({ article: w.article.id, nodes: w.nodes.length, rels: w.rels.length }, 'seed ok');
      return;
    }
    case 'seed': {
      const conn = await connect(loadConfig());
      try {
        const out = await loadSeeds(conn.db, { onlyIfEmpty: false });
        for (const s of out) logger.info(s, 'seed written');
      } finally {
        await conn.close();
      }
      return;
    }
    default:
      throw new Error(`unknown command ${JSON.stringify(cmd ?? '')}; ${USAGE}`);
  }
}

main(process.argv[2]).catch((err) => {
  logger.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
