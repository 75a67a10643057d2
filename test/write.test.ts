import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cleanArticle } from '../src/ingest/clean.js';
import { prepareArticle } from '../src/ingest/pipeline.js';
import type { GraphWrite } from '../src/ingest/resolve.js';
import { readSeeds, resolveSeeds } from '../src/ingest/seed.js';
import { removeArticle, writeArticle, writeArticles } from '../src/ingest/write.js';
import { openTestGraph, resetGraph, testUri, type TestGraph } from './helpers.js';

let g: TestGraph;
before(async () => {
  g = await openTestGraph();
});
after(async () => {
  await resetGraph(g.driver, g.db);
  await g.close();
});

const snapshot = () => g.snapshot();

test('writing an unchanged article again changes nothing', async () => {
  const before = await snapshot();
  const [gw] = resolveSeeds();
  const s = await writeArticle(g.db, gw!);
  assert.equal(s.status, 'unchanged');
  assert.equal(await snapshot(), before);
});

test('a write that fails half-way leaves the graph as it was', async () => {
  const before = await snapshot();
  const [gw] = resolveSeeds();
  const broken = structuredClone(gw!);
  broken.article.props.factsHash = 'x';
  broken.nodes[0]!.props.name = 'changed';
  // A relationship whose type is not in the model's allowlist fails after nodes were merged.
  broken.rels.push({ ...broken.rels[0]!, type: 'NOT_A_TYPE' as never });
  await assert.rejects(writeArticle(g.db, broken), /not a relationship type/);
  assert.equal(await snapshot(), before);
  assert.equal(await g.count(`MATCH (n {name: 'changed'}) RETURN count(n)`), 0);
});

test('removing an article removes the facts only it supported and keeps shared ones', async () => {
  const xiangyang = 'article:d817c56bb40bf31e';
  assert.equal(await removeArticle(g.db, xiangyang), true);
  assert.equal(await g.count(`MATCH (i:Initiative {name: '局长讲堂'}) RETURN count(i)`), 0);
  assert.equal(await g.count(`MATCH (p:Person {name: '阮莉莉'}) RETURN count(p)`), 0);
  assert.equal(await g.count(`MATCH (p:Place {name: '老河口市'}) RETURN count(p)`), 0);
  // Still stated by the 孝昌 and 嘉鱼 articles:
  assert.equal(await g.count(`MATCH (i:Initiative {name: '干部素质提升年'}) RETURN count(i)`), 1);
  const ev = await g.driver.executeQuery(`MATCH (i:Initiative {name: '干部素质提升年'})-[r:IN]->(p:Place) RETURN p.name AS p, r.articleIds AS a ORDER BY p`);
  assert.deepEqual(ev.records.map((r) => r.get('p')).sort(), ['嘉鱼县', '孝昌县'].sort());
  assert.ok(ev.records.every((r) => !(r.get('a') as string[]).includes(xiangyang)));
  // Every remaining fact relationship still has evidence.
  assert.equal(await g.count('MATCH ()-[r]->() WHERE r.articleIds IS NOT NULL AND size(r.articleIds) = 0 RETURN count(r)'), 0);
  assert.equal(await removeArticle(g.db, xiangyang), false);
});

test('an edited article replaces only its own facts', async () => {
  await resetGraph(g.driver, g.db);
  const seeds = readSeeds();
  const wangcheng = seeds.find((s) => s.file.startsWith('003'))!;
  const edited = structuredClone(wangcheng);
  // The reader now says 刘拥兵 is not a fact of this article: the extraction of him is removed too.
  edited.doc.people = [];
  edited.doc.notFacts.push({ type: 'people', name: '刘拥兵' });
  edited.doc.organizations = edited.doc.organizations.filter((o) => o.name !== '望城区委');
  edited.doc.initiatives = edited.doc.initiatives.map((i) => ({ ...i, runBy: i.runBy.filter((o) => o !== '望城区委') }));
  const gw = resolveSeeds([edited])[0]!;
  const s = await writeArticle(g.db, gw);
  assert.equal(s.status, 'updated');
  assert.equal(await g.count(`MATCH (p:Person {name: '刘拥兵'}) RETURN count(p)`), 0);
  assert.equal(await g.count(`MATCH (i:Initiative {name: '书记工程'}) RETURN count(i)`), 1);
  assert.equal(await g.count(`MATCH (p:Person {name: '鲁义民'}) RETURN count(p)`), 1);
  assert.ok(cleanArticle(wangcheng.raw).text.length > 0);
});

/** A hand-made article that says one thing about one shared initiative. */
function claimWrite(articleId: string, props: Record<string, unknown>): GraphWrite {
  return {
    article: { id: articleId, props: { title: articleId, text: '甲计划', lang: 'zh-Hans', curated: false } },
    nodes: [{ label: 'Initiative', id: 'initiative:test:甲计划', props: { name: '甲计划', ...props }, evidence: [{ quote: '甲计划', start: 0 }] }],
    rels: [],
    reports: [],
  };
}
const summaryOf = async () =>
  (await g.driver.executeQuery(`MATCH (i:Initiative {id: 'initiative:test:甲计划'}) RETURN i.summary AS s, i.kind AS k`)).records.map((r) => `${r.get('k')}/${r.get('s')}`)[0];

test('shared nodes are merged from every article, not overwritten by the last; removal recomputes them', async () => {
  await resetGraph(g.driver, g.db);
  // A curated fact (the seed) is not overturned by extraction from other copies of the page.
  const seed = readSeeds().find((s) => s.file.startsWith('000'))!;
  const kindOf = async () => (await g.driver.executeQuery(`MATCH (i:Initiative {name: '雁雏共翔计划'}) RETURN i.kind AS k`)).records[0]!.get('k');
  assert.equal(await kindOf(), 'mentoring');
  for (const url of ['https://copy.example.cn/1.html', 'https://copy.example.cn/2.html']) {
    const p = prepareArticle({ text: seed.raw, url });
    const node = p.write.nodes.find((n) => n.props.name === '雁雏共翔计划')!;
    node.props.kind = 'study-tour';
    await writeArticle(g.db, p.write);
  }
  assert.equal(await kindOf(), 'mentoring', 'curated over extracted');

  // Among extracted claims: the most-supported value, and among equals the first article's.
  await writeArticle(g.db, claimWrite('article:00000000000000a1', { kind: 'mentoring', summary: 'A' }));
  await writeArticle(g.db, claimWrite('article:00000000000000b2', { kind: 'mentoring', summary: 'B' }));
  assert.equal(await summaryOf(), 'mentoring/A', 'a newcomer does not overwrite');
  await writeArticle(g.db, claimWrite('article:00000000000000c3', { kind: 'training', summary: 'B' }));
  assert.equal(await summaryOf(), 'mentoring/B', 'two articles say B');
  assert.equal(await removeArticle(g.db, 'article:00000000000000c3'), true);
  assert.equal(await summaryOf(), 'mentoring/A', 'removal recomputes');
  assert.equal(await removeArticle(g.db, 'article:00000000000000a1'), true);
  assert.equal(await summaryOf(), 'mentoring/B');
  // A key only a removed article stated is gone with it.
  await writeArticle(g.db, claimWrite('article:00000000000000d4', { kind: 'mentoring', summary: 'B', scope: 'county' }));
  assert.equal(await removeArticle(g.db, 'article:00000000000000d4'), true);
  assert.equal(await g.count(`MATCH (i:Initiative {id: 'initiative:test:甲计划'}) WHERE i.scope IS NOT NULL RETURN count(i)`), 0);
});

test('TCP_NODELAY is set on the sockets the driver opens to Neo4j', async () => {
  // The ~40 ms Nagle stall does not reproduce on every loopback (here 10 KB parameters take
  // 10–16 ms with and without), so this checks the cause instead: every Bolt socket of a new
  // driver is switched to no-delay.
  const net = await import('node:net');
  const { createDriver } = await import('../src/db/gateway.js');
  const calls: boolean[] = [];
  const original = net.Socket.prototype.setNoDelay;
  net.Socket.prototype.setNoDelay = function (this: import('node:net').Socket, on?: boolean) {
    calls.push(on !== false);
    return original.call(this, on);
  };
  const driver = createDriver(testUri(), 'neo4j', '');
  try {
    await driver.executeQuery('RETURN size($p) AS n', { p: '孝'.repeat(3400) });
  } finally {
    net.Socket.prototype.setNoDelay = original;
    await driver.close();
  }
  assert.ok(calls.length > 0 && calls.every(Boolean), JSON.stringify(calls));
});

/** The whole graph as sorted text, without the write times (which differ between runs). */
async function dump(): Promise<string> {
  const strip = (p: Record<string, unknown>) =>
    JSON.stringify(Object.entries(p).filter(([k]) => !['ingestedAt', 'firstIngestedAt'].includes(k)).sort(([a], [b]) => a.localeCompare(b)));
  const nodes = await g.driver.executeQuery('MATCH (n) RETURN labels(n) AS l, properties(n) AS p');
  const rels = await g.driver.executeQuery('MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p');
  return [
    ...nodes.records.map((r) => `${r.get('l')} ${strip(r.get('p'))}`),
    ...rels.records.map((r) => `${r.get('a')} ${r.get('t')} ${r.get('b')} ${strip(r.get('p'))}`),
  ]
    .sort()
    .join('\n');
}

test('a batch writes the same graph as one article at a time, and a bad article fails alone', async () => {
  await resetGraph(g.driver, g.db); // the seeds, one transaction each
  const oneByOne = await dump();
  await g.driver.executeQuery('MATCH (n) DETACH DELETE n');
  const writes = resolveSeeds();
  const bad = structuredClone(writes[1]!);
  bad.article.id = 'article:00000000000000ff';
  bad.rels.push({ ...bad.rels[0]!, type: 'NOT_A_TYPE' as never });
  const r = await writeArticles(g.db, [...writes.slice(0, 2), bad, ...writes.slice(2)]);
  assert.deepEqual(r.failed.map((f) => f.articleId), [bad.article.id]);
  assert.match(r.failed[0]!.error.message, /not a relationship type/);
  assert.deepEqual(r.written.map((w) => w.status), writes.map(() => 'created'));
  assert.equal(await g.count(`MATCH (a:Article {id: '${bad.article.id}'}) RETURN count(a)`), 0);
  assert.equal(await dump(), oneByOne);
  const again = await writeArticles(g.db, writes);
  assert.deepEqual(again.written.map((w) => w.status), writes.map(() => 'unchanged'));
  assert.equal(again.totals.nodesCreated + again.totals.relationshipsCreated, 0);
});
