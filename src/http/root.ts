import type { Plugin } from 'graphql-yoga';
import { jsonResponse } from './json.js';

/** `/` leads to GraphiQL, the favicon is empty, and anything unknown gets a 404 that lists the routes. */
export function useRoot(known: (pathname: string) => boolean): Plugin {
  return {
    onRequest({ url, endResponse }) {
      if (url.pathname === '/') return endResponse(new Response(null, { status: 302, headers: { location: '/graphql' } }));
      if (url.pathname === '/favicon.ico') return endResponse(new Response(null, { status: 204 }));
      if (known(url.pathname)) return;
      endResponse(
        jsonResponse(404, {
          error: `no route ${url.pathname.slice(0, 100)}; GraphQL is at /graphql, the overview at /overview, the explorer at /explore, exports at /export/graph.{json,graphml,gexf}`,
        }),
      );
    },
  };
}
