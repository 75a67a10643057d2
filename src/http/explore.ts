import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';
import { COMMON_JS, CSS, HTML, JS, useStaticPages, type Asset } from './static.js';

/** The explorer page and its assets: cytoscape.js from node_modules. */
const STATIC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../explore/static');
const require = createRequire(import.meta.url);

const ASSETS: Record<string, Asset> = {
  '/explore': { file: path.join(STATIC, 'index.html'), type: HTML },
  '/explore/': { file: path.join(STATIC, 'index.html'), type: HTML },
  '/explore/common.js': COMMON_JS,
  '/explore/explore.js': { file: path.join(STATIC, 'explore.js'), type: JS },
  '/explore/explore.css': { file: path.join(STATIC, 'explore.css'), type: CSS },
  '/explore/vendor/cytoscape.min.js': { file: require.resolve('cytoscape/dist/cytoscape.min.js'), type: JS },
  // fCoSE (force-directed, label-aware) and the two layout libraries it is built on.
  '/explore/vendor/layout-base.js': { file: require.resolve('layout-base/layout-base.js'), type: JS },
  '/explore/vendor/cose-base.js': { file: require.resolve('cose-base/cose-base.js'), type: JS },
  '/explore/vendor/cytoscape-fcose.js': { file: require.resolve('cytoscape-fcose/cytoscape-fcose.js'), type: JS },
};

export function isExploreAsset(pathname: string): boolean {
  return Object.hasOwn(ASSETS, pathname);
}

/** GET /explore and its assets. */
export function useExplore(): Plugin {
  return useStaticPages((p) => (Object.hasOwn(ASSETS, p) ? ASSETS[p] : undefined));
}
