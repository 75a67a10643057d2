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
export const COMMON_JS: Asset = { file: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/common.js'), type: JS };

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
      let body = cache.get(url.pathname);
      if (!body) cache.set(url.pathname, (body = 'file' in asset ? readFileSync(asset.file) : asset.make()));
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
