import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';

/** A page's files: read from disk (ours or a package's) or made once from a package's data. */
export type Asset = { type: string } & ({ file: string } | { make: () => Buffer });

export const HTML = 'text/html; charset=utf-8';
export const JS = 'text/javascript; charset=utf-8';
export const CSS = 'text/css; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

/** The script every page loads first (escaping, the GraphQL call). */
const COMMON_JS: Asset = { file: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/common.js'), type: JS };

/**
 * A page's own files, laid out alike: `/<name>` (and `/<name>/`) is `<dir>/index.html`, with
 * `<name>.js`, `<name>.css` and the shared `common.js` under `/<name>/`.
 */
export function pageAssets(name: string, dir: string): Record<string, Asset> {
  const html: Asset = { file: path.join(dir, 'index.html'), type: HTML };
  return {
    [`/${name}`]: html,
    [`/${name}/`]: html,
    [`/${name}/common.js`]: COMMON_JS,
    [`/${name}/${name}.js`]: { file: path.join(dir, `${name}.js`), type: JS },
    [`/${name}/${name}.css`]: { file: path.join(dir, `${name}.css`), type: CSS },
  };
}

/**
 * GET of a page and its assets, served by us (no CDN). `lookup` names the asset of a path (or
 * none); bodies are read once and kept. Only our own scripts run on these pages; inline style
 * attributes colour legends and badges.
 */
export function useStaticPages(lookup: (pathname: string) => Asset | undefined): Plugin {
  const cache = new Map<string, Buffer>();
  return {
    onRequest({ url, endResponse }) {
      const asset = lookup(url.pathname);
      if (!asset) return;
      // A file served under several paths (index.html, common.js) is read once.
      const key = 'file' in asset ? asset.file : url.pathname;
      let body = cache.get(key);
      if (!body) cache.set(key, (body = 'file' in asset ? readFileSync(asset.file) : asset.make()));
      endResponse(
        new Response(new Uint8Array(body), {
          status: 200,
          headers: {
            'content-type': asset.type,
            'cache-control': 'no-cache',
            'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
            'x-content-type-options': 'nosniff',
          },
        }),
      );
    },
  };
}
