import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createYoga } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import type { AppConfig } from './config.js';
import { isReachable, type Db } from './db/gateway.js';
import { createContext, type Context } from './graphql/context.js';
import { EXAMPLE_QUERY } from './graphql/examples.js';
import { armor, queryCountPlugin } from './graphql/plugins.js';
import { buildSchema } from './graphql/schema.js';
import { EXPORT_PATH, handleExport } from './http/exports.js';
import { isExploreAsset, serveExplore } from './http/explore.js';
import { sendJson } from './http/json.js';
import { logger } from './logger.js';

/** The composition root of the HTTP side: GraphQL, GraphiQL and the orchestration probes. */
export interface App {
  yoga: ReturnType<typeof createYoga<Record<string, unknown>, Context>>;
  server: Server;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

export function createApp(deps: { driver: Driver; db: Db; config: AppConfig }): App {
  const { driver, db, config } = deps;
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema: buildSchema() as never,
    context: ({ request }) => createContext(db, request, config.INGEST_API_KEY),
    graphqlEndpoint: '/graphql',
    maskedErrors: true,
    maxRequestBodySize: config.limits.maxBodyBytes,
    landingPage: false,
    graphiql: { title: 'Cadre-development knowledge graph', defaultQuery: EXAMPLE_QUERY },
    logging: logger as never,
    plugins: [armor(config.limits), queryCountPlugin()],
  });


  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    if (url.pathname === '/ready') {
      void isReachable(driver, config.NEO4J_DATABASE).then((ok) =>
        sendJson(res, ok ? 200 : 503, ok ? { status: 'ready' } : { status: 'unavailable', reason: 'Neo4j is not reachable' }),
      );
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/graphql' });
      return res.end();
    }
    if (url.pathname === '/graphql') return void yoga(req, res);
    if (isExploreAsset(url.pathname)) return serveExplore(url.pathname, res);
    if (EXPORT_PATH.test(url.pathname)) {
      return void handleExport(db, req, res, url).catch((err) => {
        logger.error({ err }, 'export failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'export failed' });
      });
    }
    return sendJson(res, 404, { error: `no route ${url.pathname}; GraphQL is at /graphql, the explorer at /explore, exports at /export/graph.{json,graphml,gexf}` });
  };

  return { yoga, server: createServer(handle), handle };
}
