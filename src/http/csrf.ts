import type { Plugin } from 'graphql-yoga';

/**
 * CSRF prevention: a browser sends form-encoded, multipart and text/plain POSTs cross-site
 * without asking (“simple requests”). GraphQL is accepted only as an application/json POST
 * (which needs a CORS preflight) or as a GET for queries (yoga refuses mutations over GET).
 */
export function useJsonOnly(graphqlEndpoint: string): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== graphqlEndpoint || request.method !== 'POST') return;
      const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (type === 'application/json' || type === 'application/graphql-response+json') return;
      endResponse(
        new Response(
          JSON.stringify({
            errors: [{ message: `POST GraphQL as application/json (got ${type ? JSON.stringify(type) : 'no content-type'}); queries may also use GET`, extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }],
          }),
          { status: 415, headers: { 'content-type': 'application/json; charset=utf-8' } },
        ),
      );
    },
  };
}
