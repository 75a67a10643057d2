import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openTestGraph, resetGraph, TEST_API_KEY, testUri, type TestGraph } from './helpers.js';

let g: TestGraph;
before(async () => {
  g = await openTestGraph();
});
after(async () => {
  await resetGraph(g.driver, g.db);
  await g.close();
});

const KEY = { authorization: `Bearer ${TEST_API_KEY}` };
const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
  status nodesCreated nodesMerged relationshipsCreated extracted { places initiatives people mentorships }
  article { id title publishedAt url mentorships { mentor { ... on Person { name } } mentee { ... on Person { name } } evidence { quote } } } } }`;
const YUDU = readFileSync(new URL('./fixtures/articles/103_yudu.txt', import.meta.url), 'utf8');
const snapshot = () => g.snapshot();

describe('ingestArticle / removeArticle over GraphQL', () => {
  test('without the API key, or with a wrong one, mutations are refused', async () => {
    const none = await g.gql(INGEST, { input: { text: YUDU } });
    assert.equal(none.errors[0].extensions.code, 'UNAUTHENTICATED');
    assert.match(none.errors[0].message, /API key/);
    const wrong = await g.gql(INGEST, { input: { text: YUDU } }, { 'x-api-key': 'nope-nope-nope-nope' });
    assert.match(wrong.errors[0].message, /not valid/);
    const rm = await g.gql(`mutation { removeArticle(id: "article:b7ac543402fb2b58") { removed } }`);
    assert.equal(rm.errors[0].extensions.code, 'UNAUTHENTICATED');
    assert.equal(await g.count('MATCH (a:Article) RETURN count(a)'), 5);
  });

  test('a new article is extracted and written with provenance; again, nothing changes', async () => {
    const url = 'https://news.example.cn/yudu.html';
    const r = await g.gql(INGEST, { input: { text: YUDU, url } }, KEY);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const res = r.data.ingestArticle;
    assert.equal(res.status, 'created');
    assert.equal(res.article.publishedAt, '2023-09-18');
    assert.ok(res.nodesCreated > 5);
    assert.ok(res.extracted.mentorships >= 2);
    const m = res.article.mentorships.find((x: any) => x.mentor?.name === '刘海峰');
    assert.equal(m.mentee.name, '周雨萱');
    assert.ok(YUDU.includes(m.evidence[0].quote));
    // The place hierarchy comes from the division codes: 于都县 → 赣州市 → 江西省.
    const q = await g.gql(`{ mentorships(filter: {place: "江西省"}) { totalCount } initiatives(filter: {place: "赣州市", kind: mentoring}) { nodes { name } } }`);
    assert.equal(q.data.mentorships.totalCount, 2);
    assert.ok(q.data.initiatives.nodes.some((i: any) => /师带徒/.test(i.name)));

    const before = await snapshot();
    const again = await g.gql(INGEST, { input: { text: YUDU, url } }, KEY);
    assert.equal(again.data.ingestArticle.status, 'unchanged');
    assert.equal(await snapshot(), before);
  });

  test('an edited article (same URL) replaces only its own facts', async () => {
    const url = 'https://news.example.cn/yudu.html';
    const edited = YUDU.replace(/在贡江镇[^\n]*\n/, '');
    const r = await g.gql(INGEST, { input: { text: edited, url } }, KEY);
    assert.equal(r.data.ingestArticle.status, 'updated');
    assert.equal(await g.count(`MATCH (p:Person {name: '刘海峰'}) RETURN count(p)`), 0);
    assert.equal(await g.count(`MATCH (p:Person {name: '鲁义民'}) RETURN count(p)`), 1, 'other articles untouched');
    assert.equal(await g.count(`MATCH (a:Article) RETURN count(a)`), 6);
  });

  test('bad input gets a clear error and leaves the graph as it was', async () => {
    const before = await snapshot();
    const cases: Array<[object, RegExp]> = [
      [{ text: '' }, /empty/],
      [{ text: 'no chinese at all' }, /no Chinese/],
      [{ text: YUDU, html: '<p>x</p>' }, /exactly one/],
      [{ text: YUDU, publishedAt: '18/09/2023' }, /publishedAt/],
    ];
    for (const [input, re] of cases) {
      const r = await g.gql(INGEST, { input }, KEY);
      assert.equal(r.errors[0].extensions.code, 'BAD_USER_INPUT', JSON.stringify(r.errors));
      assert.match(r.errors[0].message, re);
    }
    const rm = await g.gql(`mutation { removeArticle(id: "not-an-id") { removed } }`, {}, KEY);
    assert.match(rm.errors[0].message, /not an article id/);
    assert.equal(await snapshot(), before);
  });

  test('removeArticle removes the article and the facts only it supported', async () => {
    const id = (await g.driver.executeQuery(`MATCH (a:Article {url: 'https://news.example.cn/yudu.html'}) RETURN a.id AS id`)).records[0]!.get('id');
    const r = await g.gql(`mutation($id: ID!) { removeArticle(id: $id) { removed removedId } }`, { id }, KEY);
    assert.deepEqual(r.data.removeArticle, { removed: true, removedId: id });
    assert.equal(await g.count(`MATCH (p:Place {name: '于都县'}) RETURN count(p)`), 0);
    assert.equal(await g.count(`MATCH (p:Place {name: '江西省'}) RETURN count(p)`), 0, 'gazetteer ancestors nobody needs go too');
    assert.equal(await g.count(`MATCH (a:Article) RETURN count(a)`), 5);
    const again = await g.gql(`mutation($id: ID!) { removeArticle(id: $id) { removed } }`, { id }, KEY);
    assert.equal(again.data.removeArticle.removed, false);
  });
});

describe('seeds go through the same pipeline', () => {
  test('extracted facts the curators did not list are in the graph; curated "not a fact" removes one', async () => {
    await resetGraph(g.driver, g.db);
    // 1+3办学模式 was found by extraction in the 望城 article; nobody curated it.
    assert.equal(await g.count(`MATCH (i:Initiative) WHERE i.name CONTAINS '1+3' RETURN count(i)`), 1);
    // “传帮带” alone was extracted from 孝昌 but is listed in notFacts there.
    assert.equal(await g.count(`MATCH (i:Initiative {name: '传帮带'}) RETURN count(i)`), 0);
    // The curated name wins over the extracted one for the same scheme.
    assert.equal(await g.count(`MATCH (i:Initiative {name: '雁雏共翔计划'}) RETURN count(i)`), 1);
  });
});

/** The CLI in a child process, without blocking this one (its database monitor keeps running). */
function runCli(args: string[], env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

describe('npm run ingest', () => {
  test('ingests a directory with progress and a summary, then finds it unchanged', { timeout: 120_000 }, () => {
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'ingest', 'test/fixtures/articles'], {
        encoding: 'utf8',
        env: { ...process.env, NEO4J_URI: testUri(), NEO4J_PASSWORD: '', LOG_LEVEL: 'warn' },
      });
    const first = run();
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /articles: 3 new, 0 updated, 0 unchanged, 0 failed/);
    assert.match(first.stderr, /ingest \[1\/3\] 101_yilong.html: created/);
    const second = run();
    assert.match(second.stdout, /articles: 0 new, 0 updated, 3 unchanged, 0 failed/);
  });

  test('the same text under another file name is unchanged; list and remove', { timeout: 120_000 }, async () => {
    const cli = (...args: string[]) => runCli(args, { NEO4J_URI: testUri(), NEO4J_PASSWORD: '' });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cadre-cli-'));
    try {
      copyFileSync('test/fixtures/articles/103_yudu.txt', path.join(dir, 'renamed.txt'));
      const again = await cli('ingest', '--json', dir);
      assert.equal(again.status, 0, again.stderr);
      const summary = JSON.parse(again.stdout);
      assert.deepEqual([summary.created, summary.updated, summary.unchanged, summary.nodesCreated], [0, 0, 1, 0], again.stdout);
      const listed = await cli('list', '--json');
      assert.equal(listed.status, 0, listed.stderr);
      const rows = listed.stdout.trim().split('\n').map((l) => JSON.parse(l));
      const { prepareArticle } = await import('../src/ingest/pipeline.js');
      const id = prepareArticle({ text: readFileSync('test/fixtures/articles/103_yudu.txt', 'utf8') }).write.article.id;
      const yudu = rows.find((r) => r.id === id);
      assert.ok(yudu?.title, JSON.stringify(rows));
      assert.notEqual(yudu.source, 'renamed.txt', 'it keeps the name it was first ingested under');
      const rm = await cli('remove', yudu.id);
      assert.equal(rm.status, 0, rm.stderr);
      assert.match(rm.stdout, new RegExp(`removed ${yudu.id}`));
      const rm2 = await cli('remove', yudu.id);
      assert.equal(rm2.status, 1);
      assert.match(rm2.stdout, /not found/);
      const bad = await cli('remove', 'nope');
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /not an article id/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--help for every command; extract takes directories (JSON Lines, or one file each with --out)', { timeout: 120_000 }, async () => {
    const cli = (...args: string[]) => runCli(args);
    for (const cmd of ['ingest', 'extract', 'list', 'remove', 'gen', 'seed']) {
      const h = await cli(cmd, '--help');
      assert.equal(h.status, 0, h.stderr);
      assert.match(h.stdout, new RegExp(`^${cmd}`));
    }
    const unknown = await cli('ingest', '--nope');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown option '--nope'[\s\S]*usage:/);
    const lines = await cli('extract', 'test/fixtures/articles');
    assert.equal(lines.status, 0, lines.stderr);
    const docs = lines.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(docs.length, 3);
    assert.ok(docs.every((d) => d.source && d.article && Array.isArray(d.mentorships)));
    const out = mkdtempSync(path.join(os.tmpdir(), 'cadre-extract-'));
    try {
      assert.equal((await cli('extract', '--out', out, 'test/fixtures/articles')).status, 0);
      assert.deepEqual(readdirSync(out).sort(), ['101_yilong.json', '102_dabu.json', '103_yudu.json'].sort());
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('a file that is not UTF-8 fails alone, with a message, and the rest goes in', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'ingest', 'package.json', 'no-such.txt'], { encoding: 'utf8', env: { ...process.env, NEO4J_URI: testUri() } });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no such file or directory: no-such.txt/);
  });
});

describe('a newly ingested person-to-person mentorship is where its people are', () => {
  // Our own text, written for this test: no initiative is named, only a township and its county.
  const TEXT = [
    '宁乡市灰汤镇加强年轻干部培养',
    '今年以来,宁乡市灰汤镇注重在一线培养年轻干部。镇党委书记王建国是新入职干部李晓明的导师,他带着李晓明走访农户、调解纠纷。',
    '“在师傅的悉心指导下,我很快熟悉了村里的情况。”徒弟代表张小红说。',
  ].join('\n');
  test('mentorships(filter: {place}) and graph() find it, and a mentee whose mentor is not named', async () => {
    const r = await g.gql(INGEST, { input: { text: TEXT, url: 'https://news.example.cn/huitang.html' } }, KEY);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const q = await g.gql(`{ mentorships(filter: {place: "宁乡市"}) { totalCount nodes { id mentor { ... on Person { name } } mentee { ... on Person { name } } place { name } evidence { quote } } } }`);
    assert.equal(q.errors, undefined, JSON.stringify(q.errors));
    const named = q.data.mentorships.nodes.find((m: any) => m.mentor?.name === '王建国');
    assert.equal(named?.mentee.name, '李晓明');
    assert.ok(named.place, 'the mentorship is tied to a place');
    assert.ok(TEXT.includes(named.evidence[0].quote));
    const unnamed = q.data.mentorships.nodes.find((m: any) => m.mentee?.name === '张小红');
    assert.ok(unnamed, 'a mentee with an unnamed mentor is a mentorship too');
    assert.equal(unnamed.mentor, null);
    const code = (await g.gql(`{ places(filter: {text: "宁乡市"}) { nodes { id } } }`)).data.places.nodes[0].id;
    const view = await g.gql(`query($f: [ID!]!) { graph(focus: $f, depth: 2) { edges { type source target } } }`, { f: [code] });
    assert.ok(view.data.graph.edges.some((e: any) => e.type === 'MENTORS'), 'the place view draws the mentorship');
  });
});

describe('every article has a readable title', () => {
  test('no headline: the first sentence, said so; lists, search and exports show it', async () => {
    const text = '白沙镇为每名新入职干部配备一名业务骨干作为导师，帮助他们尽快熟悉基层工作。截至目前，全镇已结成帮带对子12对。';
    const r = await g.gql(`mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id title titleSource } } }`, { input: { text } }, KEY);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const a = r.data.ingestArticle.article;
    assert.equal(a.titleSource, 'first_sentence');
    assert.equal(a.title, '白沙镇为每名新入职干部配备一名业务骨干作为导师，帮助他们尽快熟悉基层工作');
    const listed = await g.gql(`{ articles(filter: {text: "白沙镇为每名新入职干部"}) { nodes { id title } } }`);
    assert.deepEqual(listed.data.articles.nodes, [{ id: a.id, title: a.title }]);
    const { readableTitle } = await import('../src/ingest/resolve.js');
    assert.deepEqual(readableTitle(null, '', '孝感日报', '2024-03-01'), { title: '孝感日报 2024-03-01', source: 'publisher-date' });
    assert.equal(readableTitle('  标题 ', 'x', null, null).title, '标题');
    assert.ok(readableTitle(null, '很'.repeat(100), null, null).title.endsWith('…'));
  });
});
