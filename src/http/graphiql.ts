import { createRequire } from 'node:module';
import type { Plugin } from 'graphql-yoga';

/**
 * GraphiQL from our own server, no CDN: yoga's page loads GraphiQL from unpkg, which never
 * arrives offline or where that CDN is blocked (mainland China). @graphql-yoga/render-graphiql
 * ships the same GraphiQL build in the package; its own renderer inlines all 9 MB into every
 * page, so this one serves the script, the style and Monaco's workers as cacheable assets under
 * a versioned path and writes a page of a few kilobytes that loads them.
 */
const require = createRequire(import.meta.url);
const BASE = '/graphiql-assets';

interface Bundle {
  js: string;
  css: string;
  favicon: string;
  editorWorkerService: string;
  jsonWorker: string;
  graphqlWorker: string;
}
let bundle: Bundle | undefined;
const load = (): Bundle => (bundle ??= require('@graphql-yoga/render-graphiql/graphiql') as Bundle);
const VERSION = (require('@graphql-yoga/render-graphiql/package.json') as { version: string }).version;
const PREFIX = `${BASE}/${VERSION}`;

const ASSETS: Record<string, { type: string; body: (b: Bundle) => string | Buffer }> = {
  // The bundle has it as a 150 KB data: URI; a file of its own keeps the page small.
  [`${PREFIX}/favicon.ico`]: { type: 'image/x-icon', body: (b) => Buffer.from(b.favicon.slice(b.favicon.indexOf(',') + 1), 'base64') },
  [`${PREFIX}/graphiql.js`]: { type: 'text/javascript; charset=utf-8', body: (b) => b.js },
  [`${PREFIX}/graphiql.css`]: { type: 'text/css; charset=utf-8', body: (b) => b.css },
  [`${PREFIX}/editor.worker.js`]: { type: 'text/javascript; charset=utf-8', body: (b) => b.editorWorkerService },
  [`${PREFIX}/json.worker.js`]: { type: 'text/javascript; charset=utf-8', body: (b) => b.jsonWorker },
  [`${PREFIX}/graphql.worker.js`]: { type: 'text/javascript; charset=utf-8', body: (b) => b.graphqlWorker },
};

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as Record<string, string>)[c]};`);

/** The page yoga serves for GET /graphql (Accept: text/html); `opts` are GraphiQL's options. */
export function renderGraphiQL(opts: Record<string, unknown> & { title?: string }): string {
  // JSON inside <script>: `</script>` in an example must not end the script.
  const options = JSON.stringify(opts).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title ?? 'GraphiQL')}</title>
<link rel="icon" href="${PREFIX}/favicon.ico">
<link rel="stylesheet" href="${PREFIX}/graphiql.css">
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript.</noscript>
<div id="root"></div>
<script>
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (moduleId, label) {
    return { editorWorkerService: '${PREFIX}/editor.worker.js', json: '${PREFIX}/json.worker.js', graphql: '${PREFIX}/graphql.worker.js' }[label];
  },
};
</script>
<script src="${PREFIX}/graphiql.js"></script>
<script>YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${options});</script>
</body>
</html>`;
}

export const isGraphiQLAsset = (pathname: string) => pathname.startsWith(`${BASE}/`);

/** GET /graphiql-assets/<version>/…: immutable, so browsers load the 9 MB once per version. */
export function useGraphiQLAssets(): Plugin {
  const cache = new Map<string, string | Buffer>();
  return {
    onRequest({ url, request, endResponse }) {
      if (!url.pathname.startsWith(BASE) || request.method !== 'GET') return;
      const asset = ASSETS[url.pathname];
      if (!asset) {
        endResponse(new Response('not found', { status: 404 }));
        return;
      }
      let body = cache.get(url.pathname);
      if (body === undefined) cache.set(url.pathname, (body = asset.body(load())));
      endResponse(
        new Response(typeof body === 'string' ? body : new Uint8Array(body), {
          status: 200,
          headers: { 'content-type': asset.type, 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' },
        }),
      );
    },
  };
}
