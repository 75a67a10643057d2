import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ingestMany } from '../src/ingest/bulk.js';
import { syntheticArticle } from '../src/synthetic/article.js';
import { generateGraph, syntheticCount } from '../src/synthetic/graph.js';
import { openTestGraph, type TestGraph } from './helpers.js';

let g: TestGraph;
before(async () => {
  g = await openTestGraph({ seed: false });
});
after(async () => {
  await g.driver.executeQuery('MATCH (n) DETACH DELETE n');
  await g.close();
});

test('synthetic articles are the same for the same index, and state facts their text says', () => {
  const a = syntheticArticle(7, 3);
  assert.deepEqual(syntheticArticle(7, 3), a);
  assert.notEqual(syntheticArticle(8, 3).text, a.text);
  for (const list of [a.facts.places, a.facts.mentorships, a.facts.figures, a.facts.initiatives]) {
    assert.ok(list.length > 0);
    for (const f of list) assert.ok(a.text.includes(f.evidence), f.evidence);
  }
});

test('the generator writes a graph in our model, every fact with evidence, and grows it without rewriting', async () => {
  const progress: number[] = [];
  const first = await generateGraph(g.db, { articles: 40, seed: 5, batch: 15, onProgress: (d) => progress.push(d) });
  assert.deepEqual(first, { written: 40, from: 0, failed: 0 });
  assert.deepEqual(progress, [15, 30, 40]);
  assert.equal(await syntheticCount(g.db, 5), 40);
  assert.ok((await g.count('MATCH (m:Mentorship) RETURN count(m)')) >= 40);
  assert.equal(await g.count('MATCH (m:Mentorship) WHERE NOT EXISTS { (:Article)-[:REPORTS]->(m) } RETURN count(m)'), 0);
  assert.equal(await g.count('MATCH (:Article)-[r:MENTIONS]->() WHERE size(r.quotes) = 0 RETURN count(r)'), 0);
  // Every county hangs in the gazetteer hierarchy up to its province.
  assert.equal(await g.count("MATCH (p:Place {level: 'county'}) WHERE NOT EXISTS { (p)-[:PART_OF*1..3]->(:Place {level: 'province'}) } RETURN count(p)"), 0);
  const more = await generateGraph(g.db, { articles: 50, seed: 5, batch: 15 });
  assert.deepEqual(more, { written: 10, from: 40, failed: 0 });
});

test('bulk ingestion extracts in workers, writes in batches, fails a bad article alone and is idempotent', async () => {
  const items: Array<{ source: string; read: () => { text: string; url?: string } }> = Array.from({ length: 6 }, (_, i) => {
    const a = syntheticArticle(100 + i, 9);
    return { source: `s${i}.txt`, read: () => ({ text: a.text, url: a.meta.url }) };
  });
  items.splice(3, 0, { source: 'bad.txt', read: () => ({ text: 'no Chinese here at all' }) });
  const seen: string[] = [];
  const r = await ingestMany(g.db, items, { workers: 2, batch: 4, onArticle: (s, o) => seen.push(`${s}:${o}`) });
  assert.equal(r.created, 6);
  assert.deepEqual(r.failed.map((f) => f.source), ['bad.txt']);
  assert.match(r.failed[0]!.message, /no Chinese text/);
  assert.equal(seen.length, 7);
  assert.ok(r.rate > 0 && r.nodesCreated > 0);
  const again = await ingestMany(g.db, items.filter((i) => i.source !== 'bad.txt'), { workers: 1, batch: 10 });
  assert.equal(again.unchanged, 6);
  assert.equal(again.nodesCreated + again.relationshipsCreated, 0);
});
