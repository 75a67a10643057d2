import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';

/** The explorer page and its assets, served by us (no CDN): cytoscape.js from node_modules. */
const STATIC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../explore/static');
const require = createRequire(import.meta.url);

const ASSETS: Record<string, { file: string; type: string }> = {
  '/explore': { file: path.join(STATIC, 'index.html'), type: 'text/html; charset=utf-8' },
  '/explore/': { file: path.join(STATIC, 'index.html'), type: 'text/html; charset=utf-8' },
  '/explore/explore.js': { file: path.join(STATIC, 'explore.js'), type: 'text/javascript; charset=utf-8' },
  '/explore/explore.css': { file: path.join(STATIC, 'explore.css'), type: 'text/css; charset=utf-8' },
  '/explore/vendor/cytoscape.min.js': { file: require.resolve('cytoscape/dist/cytoscape.min.js'), type: 'text/javascript; charset=utf-8' },
  // fCoSE (force-directed, label-aware) and the two layout libraries it is built on.
  '/explore/vendor/layout-base.js': { file: require.resolve('layout-base/layout-base.js'), type: 'text/javascript; charset=utf-8' },
  '/explore/vendor/cose-base.js': { file: require.resolve('cose-base/cose-base.js'), type: 'text/javascript; charset=utf-8' },
  '/explore/vendor/cytoscape-fcose.js': { file: require.resolve('cytoscape-fcose/cytoscape-fcose.js'), type: 'text/javascript; charset=utf-8' },
};

const cache = new Map<string, Buffer>();

export function isExploreAsset(pathname: string): boolean {
  return Object.hasOwn(ASSETS, pathname);
}

/** GET /explore and its assets. */
export function useExplore(): Plugin {
  return {
    onRequest({ url, endResponse }) {
      if (!Object.hasOwn(ASSETS, url.pathname)) return;
      const asset = ASSETS[url.pathname]!;
      let body = cache.get(asset.file);
      if (!body) cache.set(asset.file, (body = readFileSync(asset.file)));
      endResponse(
        new Response(new Uint8Array(body), {
          status: 200,
          headers: {
            'content-type': asset.type,
            'cache-control': 'no-cache',
            // Only our own scripts; inline style attributes colour the legend and badges.
            'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
            'x-content-type-options': 'nosniff',
          },
        }),
      );
    },
  };
}
