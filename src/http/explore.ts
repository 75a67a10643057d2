import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';
import { JS, pageAssets, useStaticPages, type Asset } from './static.js';

/** The explorer page and its assets: cytoscape.js from node_modules. */
const STATIC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../explore/static');
const require = createRequire(import.meta.url);

const ASSETS: Record<string, Asset> = {
  ...pageAssets('explore', STATIC),
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
