import { loadConfig } from './config.js';
import { connect } from './db/connect.js';
import { loadSeeds } from './ingest/seed.js';
import { logger } from './logger.js';
import { createApp } from './server.js';

/** `npm start`: Neo4j (local unless NEO4J_URI is set), migrations, seeds if empty, then serve. */
async function main() {
  const config = loadConfig();
  const conn = await connect(config);
  if (config.SEED_ON_START) await loadSeeds(conn.db, { onlyIfEmpty: true });
  const app = createApp({ db: conn.db, config });
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(config.PORT, config.HOST, resolve);
  });
  const base = `http://localhost:${config.PORT}`;
  logger.info(
    { graphql: `${base}/graphql`, graphiql: config.GRAPHIQL ? `${base}/graphql` : 'off (GRAPHIQL=true to serve it)', explorer: `${base}/explore`, overview: `${base}/overview` },
    `GraphQL at ${base}/graphql${config.GRAPHIQL ? ' (GraphiQL in a browser)' : ''}, the overview at ${base}/overview, the explorer at ${base}/explore`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    app.server.closeAllConnections();
    await new Promise((r) => app.server.close(r));
    await app.close();
    await conn.close();
    logger.info('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  logger.fatal(err instanceof Error ? err.message : err);
  process.exit(1);
});
