import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../src/db/gateway.js';
import { freePort, startLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrations.js';
import { importArticles } from '../src/ingest/offline/import.js';
import type { GraphWrite } from '../src/ingest/resolve.js';
import { resolveSeeds } from '../src/ingest/seed.js';
import { writeArticles } from '../src/ingest/write.js';
import { syntheticWrite, syntheticWritesParallel } from '../src/synthetic/graph.js';
import { openTestGraph, type TestGraph } from './helpers.js';

/**
 * The offline import (fold → CSV → neo4j-admin import) must leave the graph write.ts writes:
 * the same articles go both ways and the two stores are compared node by node and
 * relationship by relationship, properties and their Cypher types included.
 */
let g: TestGraph;
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'cadre-graph-import-'));
  dirs.push(d);
  return d;
};
before(async () => {
  g = await openTestGraph({ seed: false });
});
after(async () => {
  await g.driver.executeQuery('MATCH (n) DETACH DELETE n');
  await g.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of an article under another id and URL, claiming `kind` for its first initiative. */
function disagreeing(gw: GraphWrite, n: number, kind: string): GraphWrite {
  const c = structuredClone(gw);
  c.article.id = `${gw.article.id}-copy${n}`;
  c.article.props.url = `${String(gw.article.props.url)}#copy${n}`;
  const ini = c.nodes.find((x) => x.label === 'Initiative' && x.evidence.length > 0)!;
  ini.props.kind = kind;
  ini.aliases = [...(ini.aliases ?? []), `别名${n}`];
  return c;
}

function corpus(): { writes: GraphWrite[]; disputed: string } {
  const synthetic = Array.from({ length: 60 }, (_, i) => syntheticWrite(i, 3));
  const base = synthetic[7]!;
  const disputed = base.nodes.find((x) => x.label === 'Initiative' && x.evidence.length > 0)!.id;
  // One article against the node's first claim (a tie: the first written wins), then a
  // second one (two against one: the node changes).
  return { writes: [...resolveSeeds(), ...synthetic, disagreeing(base, 1, 'study-tour'), disagreeing(base, 2, 'study-tour')], disputed };
}

const normal = (v: unknown): unknown => {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return undefined;
  if (typeof v === 'object' && v !== null && 'toNumber' in v) return `int:${(v as { toNumber(): number }).toNumber()}`;
  if (Array.isArray(v)) return v.map(normal);
  return v;
};

/** Every node and relationship, sorted; empty lists and strings count as absent (the importer
 * cannot store them), ingestion times are checked for their type only. */
async function dump(driver: Driver) {
  const props = (p: Record<string, unknown>, types: Array<[string, string]>) => {
    const out: Record<string, unknown> = {};
    for (const [k, t] of types) {
      const v = normal(p[k]);
      if (v === undefined) continue;
      out[k] = k === 'ingestedAt' || k === 'firstIngestedAt' ? t : [t.replace(/ NOT NULL/g, ''), v];
    }
    return out;
  };
  const nodes = await driver.executeQuery('MATCH (n) RETURN labels(n) AS l, n.id AS id, properties(n) AS p, [k IN keys(n) | [k, valueType(n[k])]] AS t ORDER BY id');
  const rels = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS p, [k IN keys(r) | [k, valueType(r[k])]] AS t ORDER BY type, a, b',
  );
  return {
    nodes: nodes.records.map((r) => ({ labels: r.get('l'), id: r.get('id'), ...props(r.get('p'), r.get('t')) })),
    rels: rels.records.map((r) => ({ type: r.get('type'), a: r.get('a'), b: r.get('b'), ...props(r.get('p'), r.get('t')) })),
  };
}

test('the offline import leaves the graph the batch writer writes, disputed claims settled alike', async () => {
  const { writes, disputed } = corpus();
  // The batch writer, in batches of 25 as a bulk ingestion would.
  await g.driver.executeQuery('MATCH (n) DETACH DELETE n');
  for (let i = 0; i < writes.length; i += 25) {
    const r = await writeArticles(g.db, writes.slice(i, i + 25));
    assert.deepEqual(r.failed, []);
  }
  const written = await dump(g.driver);

  const dataDir = tmp();
  const stages = new Set<string>();
  const r = await importArticles(writes, { dataDir, onProgress: (phase, _d, stage) => stages.add(`${phase}${stage ? ` ${stage}` : ''}`) });
  assert.equal(r.articles, writes.length);
  assert.ok(stages.has('fold') && [...stages].some((s) => /^import Nodes$/.test(s)), [...stages].join('; '));
  assert.equal(existsSync(path.join(dataDir, 'data/databases/neo4j')), true);
  assert.deepEqual(
    (await import('node:fs')).readdirSync(dataDir).filter((f) => f.startsWith('.import')),
    [],
    'the import files are removed',
  );

  const neo = await startLocalNeo4j({ port: await freePort(), dataDir });
  const driver = createDriver(neo.uri, 'neo4j', '');
  try {
    await migrate(driver, 'neo4j');
    const imported = await dump(driver);
    assert.equal(imported.nodes.length, written.nodes.length);
    assert.equal(imported.rels.length, written.rels.length);
    assert.ok(imported.nodes.length > 500 && imported.rels.length > 1500);
    for (let i = 0; i < written.nodes.length; i++) assert.deepEqual(imported.nodes[i], written.nodes[i]);
    for (let i = 0; i < written.rels.length; i++) assert.deepEqual(imported.rels[i], written.rels[i]);
    // Two articles against one: the disputed scheme shows their kind, and every alias.
    const [row] = (await driver.executeQuery('MATCH (i:Initiative {id: $id}) RETURN i.kind AS kind, i.aliases AS aliases', { id: disputed })).records;
    assert.equal(row!.get('kind'), 'study-tour');
    assert.ok((row!.get('aliases') as string[]).includes('别名2'));
    // The store is a normal one: constraints hold, and search finds imported articles.
    const hits = await driver.executeQuery("CALL db.index.fulltext.queryNodes('entity_text', '帮带') YIELD node RETURN count(node) AS n");
    assert.ok(Number(hits.records[0]!.get('n')) > 0);
    await assert.rejects(driver.executeQuery('CREATE (:Article {id: $id})', { id: writes[0]!.article.id }), /already exists/);
  } finally {
    await driver.close();
    await neo.stop();
  }
});

test('the offline import refuses a directory that holds a store, and a failed import keeps nothing', async () => {
  const used = tmp();
  mkdirSync(path.join(used, 'data/databases/neo4j'), { recursive: true });
  await assert.rejects(importArticles([syntheticWrite(0, 3)], { dataDir: used }), /already holds a graph store/);

  // A node with an article's id: only the importer can tell (it keeps one id space), at its
  // end; the half-written store is removed and the error names the id.
  const first = syntheticWrite(0, 3);
  const bad = structuredClone(syntheticWrite(1, 3));
  bad.nodes.push({ label: 'Person', id: first.article.id, props: { name: '王某' }, evidence: [] });
  const dataDir = tmp();
  await assert.rejects(importArticles([first, bad], { dataDir }), new RegExp(`offline import failed.*nothing was kept.*${first.article.id}.* more than once`, 's'));
  assert.equal(existsSync(path.join(dataDir, 'data/databases/neo4j')), false);
  assert.equal(existsSync(path.join(dataDir, 'data/transactions/neo4j')), false);
  assert.equal(existsSync(path.join(process.cwd(), 'import.report')), false, "the importer's report stays out of the working directory");
});

test('synthetic articles resolved in worker threads come in order, equal to resolving them here', async () => {
  const got: GraphWrite[] = [];
  for await (const gw of syntheticWritesParallel(620, 4, 100, 2)) got.push(gw);
  assert.equal(got.length, 520);
  for (const i of [0, 1, 249, 250, 519]) assert.deepEqual(got[i], syntheticWrite(100 + i, 4));
});
