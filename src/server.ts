import { createServer, type Server } from 'node:http';
import { createYoga } from 'graphql-yoga';
import type { AppConfig } from './config.js';
import type { Db } from './db/gateway.js';
import { createContext, type Context } from './graphql/context.js';
import { EXAMPLE_TABS } from './graphql/examples.js';
import { limitPlugins, responseSizePlugin } from './graphql/limits.js';
import { queryCountPlugin, variableErrorsPlugin } from './graphql/plugins.js';
import { buildSchema } from './graphql/schema.js';
import { clientAddress } from './http/client.js';
import { useJsonOnly } from './http/csrf.js';
import { EXPORT_PATH, useExports } from './http/exports.js';
import { isExploreAsset, useExplore } from './http/explore.js';
import { isOverviewAsset, useOverview } from './http/overview.js';
import { isGraphiQLAsset, renderGraphiQL, useGraphiQLAssets } from './http/graphiql.js';
import { AuthFailures, useRateLimit } from './http/rate-limit.js';
import { useReady } from './http/ready.js';
import { useRoot } from './http/root.js';
import { ArticlePreparer } from './ingest/worker/pool.js';
import { logger } from './logger.js';

/**
 * The composition root of the HTTP side. Every route is a yoga plugin (one file each under
 * src/http/), so the perimeter — rate limit, content types, CORS — applies to all of them.
 */
export interface App {
  yoga: ReturnType<typeof createYoga<Record<string, unknown>, Context>>;
  server: Server;
  /** Stops the database monitor and the ingestion worker. */
  close(): Promise<void>;
}

const GRAPHQL = '/graphql';

export function createApp(deps: { db: Db; config: AppConfig }): App {
  const { db, config } = deps;
  const authFailures = new AuthFailures(config.AUTH_FAILURES_PER_MINUTE);
  const preparer = new ArticlePreparer(config.limits);
  const known = (p: string) => p === GRAPHQL || p === '/health' || p === '/ready' || isExploreAsset(p) || isOverviewAsset(p) || isGraphiQLAsset(p) || EXPORT_PATH.test(p);
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema: buildSchema() as never,
    context: ({ request, ...server }) =>
      createContext(db, {
        request,
        apiKey: config.INGEST_API_KEY,
        client: clientAddress(request, server, config.TRUST_PROXY),
        authFailures,
        preparer,
      }),
    graphqlEndpoint: GRAPHQL,
    healthCheckEndpoint: '/health',
    maskedErrors: true,
    maxRequestBodySize: config.limits.maxBodyBytes,
    multipart: false,
    landingPage: false,
    cors:
      config.CORS_ORIGINS.length > 0
        ? { origin: config.CORS_ORIGINS, credentials: false, methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'accept', 'authorization', 'x-api-key'] }
        : false,
    // Served by us (src/http/graphiql.ts), opening on the example operations as tabs.
    graphiql: config.GRAPHIQL ? { title: 'Cadre-development knowledge graph', defaultTabs: EXAMPLE_TABS } : false,
    renderGraphiQL,
    logging: logger as never,
    plugins: [
      useRateLimit({ requestsPerMinute: config.RATE_LIMIT_PER_MINUTE, authFailuresPerMinute: config.AUTH_FAILURES_PER_MINUTE, trustProxy: config.TRUST_PROXY }),
      useReady(db),
      useRoot(known),
      useExplore(),
      useOverview(),
      ...(config.GRAPHIQL ? [useGraphiQLAssets()] : []),
      useExports(db),
      useJsonOnly(GRAPHQL),
      ...limitPlugins(config.limits, { introspection: config.GRAPHQL_INTROSPECTION }),
      queryCountPlugin(),
      variableErrorsPlugin(),
      // Last: it serialises the final result once (see responseSizePlugin).
      responseSizePlugin(config.limits),
    ],
  });
  const stopWatching = db.watch();
  return {
    yoga,
    server: createServer(yoga),
    async close() {
      stopWatching();
      await preparer.close();
    },
  };
}
