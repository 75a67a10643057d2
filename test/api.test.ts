import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestGraph, type TestGraph } from './helpers.js';

let g: TestGraph;
before(async () => {
  g = await openTestGraph();
});
after(async () => g.close());

const PARTY = '... on Person { name title } ... on Cohort { label size }';

describe('questions users ask', () => {
  test('who mentors whom in 孝昌县, under which initiative, with quote and article', async () => {
    const r = await g.gql(`{ mentorships(filter: {place: "孝昌县"}) { totalCount nodes {
      mentor { ${PARTY} } mentee { ${PARTY} } initiative { name } evidence { quote offset article { id title text } } } } }`);
    assert.equal(r.errors, undefined);
    const ms = r.data.mentorships.nodes;
    const pairs = ms.map((m: any) => `${m.mentor.name ?? m.mentor.label}→${m.mentee.name ?? m.mentee.label}@${m.initiative?.name ?? '-'}`);
    assert.ok(pairs.includes('鲁义民→汪颖@-'), pairs.join(', '));
    assert.ok(pairs.includes('孝昌县首批帮带导师(38名县领导)→孝昌县结对年轻“尖兵”(74名)@雁雏共翔计划'));
    assert.ok(pairs.includes('孝昌县科级“师带徒”师傅→孝昌县“师带徒”骨干(860余名)@师带徒'));
    // Nothing from other counties.
    assert.ok(!pairs.some((p: string) => p.includes('羊角塘') || p.includes('望城')));
    for (const m of ms) {
      for (const e of m.evidence) {
        assert.equal(e.article.text.slice(e.offset, e.offset + e.quote.length), e.quote);
        assert.match(e.article.title, /孝昌县/);
      }
    }
  });

  test('mentoring initiatives in 湖北省 are found through the place hierarchy', async () => {
    const r = await g.gql(`{ initiatives(filter: {place: "湖北省", kind: mentoring}) { nodes { name places { name ancestors { name } } } } }`);
    const names = r.data.initiatives.nodes.map((i: any) => i.name).sort();
    assert.deepEqual(names, ['一带二模式', '师带徒', '雁雏共翔计划']);
    for (const i of r.data.initiatives.nodes) {
      for (const p of i.places) {
        assert.notEqual(p.name, '湖北省', 'no initiative is tied to 湖北省 by name');
        assert.ok(p.ancestors.some((a: any) => a.name === '湖北省'));
      }
    }
    const hunan = await g.gql(`{ initiatives(filter: {place: "湖南省", kind: mentoring}) { nodes { name } } }`);
    assert.deepEqual(hunan.data.initiatives.nodes.map((i: any) => i.name).sort(), ['导师帮带制'].sort());
  });

  test('lists that start from a place, an initiative or a kind name each node once, and count what they page', async () => {
    const shapes = [
      'articles(filter: {place: "湖北省"}, first: 100)',
      'people(filter: {kind: mentoring}, first: 100)',
      'places(filter: {kind: mentoring}, first: 100)',
      'mentorships(filter: {place: "湖北省"}, first: 100)',
      'people(filter: {initiative: "雁雏共翔计划"}, first: 100)',
      'places(filter: {place: "孝昌"}, first: 100)',
    ];
    for (const shape of shapes) {
      const r = await g.gql(`{ l: ${shape} { totalCount nodes { id } pageInfo { hasNextPage } } }`);
      assert.equal(r.errors, undefined, shape);
      const ids = r.data.l.nodes.map((n: any) => n.id);
      assert.ok(ids.length > 0, `${shape} finds something in the seeds`);
      assert.equal(new Set(ids).size, ids.length, `${shape} repeats a node`);
      assert.equal(r.data.l.totalCount, ids.length, shape);
      assert.equal(r.data.l.pageInfo.hasNextPage, false);
    }
  });

  test('mentors and mentees are first-class lists, persons and cohorts alike', async () => {
    const r = await g.gql(`{ mentors(filter: {place: "湖南省"}) { totalCount nodes { __typename ${PARTY} } }
      mentees(filter: {initiative: "雁雏共翔计划"}) { nodes { __typename ${PARTY} } } }`);
    assert.equal(r.errors, undefined);
    const mentors = r.data.mentors.nodes.map((p: any) => p.label ?? p.name);
    assert.ok(mentors.includes('羊角塘镇帮带导师(51人)'));
    assert.ok(mentors.includes('望城区年轻干部特训营导师'));
    assert.ok(!mentors.includes('鲁义民'));
    // The initiative filter includes sub-initiatives: 师带徒 and 一带二模式 are part of 雁雏共翔计划
    // (一名县级干部帮带一名机关年轻干部+一名乡镇基层干部 is the 一带二 rule, per unit, from extraction).
    assert.deepEqual(
      r.data.mentees.nodes.map((p: any) => p.label).sort(),
      ['孝昌县结对年轻“尖兵”(74名)', '孝昌县“师带徒”骨干(860余名)', '一名机关年轻干部+一名乡镇基层干部'].sort(),
    );
    const person = await g.gql(`{ people(filter: {text: "汪颖"}) { nodes { name mentors { ${PARTY} } place { name parent { name } } } } }`);
    assert.equal(person.data.people.nodes[0].mentors[0].name, '鲁义民');
    assert.equal(person.data.people.nodes[0].place.name, '白沙镇');
    assert.equal(person.data.people.nodes[0].place.parent.name, '孝昌县');
  });

  test('cohorts and their sizes', async () => {
    const r = await g.gql(`{ cohorts(first: 100) { totalCount nodes { label size approx members { name } } } }`);
    const byLabel = new Map(r.data.cohorts.nodes.map((c: any) => [c.label, c]));
    assert.equal((byLabel.get('孝昌县首批帮带导师(38名县领导)') as any).size, 38);
    assert.deepEqual((byLabel.get('孝昌县首批帮带导师(38名县领导)') as any).members, [{ name: '张贵平' }]);
    assert.equal((byLabel.get('羊角塘镇结对年轻镇村干部(93名)') as any).size, 93);
    const approx = byLabel.get('孝昌县“师带徒”骨干(860余名)') as any;
    assert.equal(approx.size, 860);
    assert.equal(approx.approx, true);
    assert.equal(r.data.cohorts.totalCount, await g.count('MATCH (c:Cohort) RETURN count(c)'));
  });

  test('full-text search for 帮带 returns the mentoring initiatives and the articles, also the traditional one', async () => {
    const r = await g.gql(`{ search(query: "帮带", first: 20) { score type node {
      ... on Initiative { name } ... on Article { id title } ... on Cohort { label } } } }`);
    assert.equal(r.errors, undefined);
    const hits = r.data.search;
    const initiatives = hits.filter((h: any) => h.type === 'Initiative').map((h: any) => h.node.name);
    assert.ok(initiatives.includes('导师帮带制') && initiatives.includes('雁雏共翔计划'), initiatives.join());
    const articles = hits.filter((h: any) => h.type === 'Article').map((h: any) => h.node.id);
    assert.ok(articles.includes('article:b7ac543402fb2b58'));
    assert.ok(articles.includes('article:c486b36421abbb1a'), 'the traditional-script article matches a simplified query');
    assert.ok(hits.every((h: any, i: number) => i === 0 || hits[i - 1].score >= h.score));
    const trad = await g.gql(`{ search(query: "幫帶", types: [Initiative]) { node { ... on Initiative { name } } } }`);
    assert.ok(trad.data.search.some((h: any) => h.node.name === '导师帮带制'));
  });

  test('search input with Lucene syntax is searched as text, empty input is refused', async () => {
    const r = await g.gql(`{ search(query: "帮带 AND (\\"x") { type } }`);
    assert.equal(r.errors, undefined);
    // Lucene keywords and injection-looking input are words, not operators: no errors, no hits.
    for (const q of ["' OR 1=1 //", 'NOT', 'OR', 'AND AND', 'a OR b', '*:*', 'x~2 AND y^3']) {
      const h = await g.gql(`query($q: String!) { search(query: $q) { type } }`, { q });
      assert.equal(h.errors, undefined, `${q}: ${JSON.stringify(h.errors)}`);
      assert.deepEqual(h.data.search, [], q);
    }
    // Ids whose prefix names a property of every JavaScript object are unknown prefixes: a
    // clear BAD_USER_INPUT, never a label in Cypher; a well-formed id that is not there is null.
    for (const id of ['constructor:1', '__proto__:1', 'toString:x', 'hasOwnProperty:y', 'nope']) {
      const n = await g.gql(`query($id: ID!) { node(id: $id) { id } }`, { id });
      assert.equal(n.errors?.[0]?.extensions.code, 'BAD_USER_INPUT', `${id}: ${JSON.stringify(n.errors)}`);
      assert.match(n.errors[0].message, /"id" is not a node id: ids look like place:420921/);
    }
    const missing = await g.gql(`{ node(id: "place:999999999") { id } }`);
    assert.equal(missing.errors, undefined);
    assert.equal(missing.data.node, null);
    const empty = await g.gql(`{ search(query: "  ") { type } }`);
    assert.match(empty.errors[0].message, /empty/);
    assert.equal(empty.errors[0].extensions.code, 'BAD_USER_INPUT');
  });

  test('figures carry value, unit, approx and their quote', async () => {
    const r = await g.gql(`{ figures(filter: {initiative: "导师帮带制"}) { nodes { subject value unit approx about { ... on Initiative { name } } evidence { quote } } } }`);
    const values = r.data.figures.nodes.map((f: any) => `${f.value}${f.unit}`).sort();
    assert.deepEqual(values, ['51人', '93名']);
    assert.ok(r.data.figures.nodes.every((f: any) => f.evidence[0].quote.length > 0));
  });

  test('every article lists what it mentions; node(id) finds any node', async () => {
    const r = await g.gql(`{ node(id: "article:c486b36421abbb1a") { ... on Article { lang title publisher places { name } mentorships { id } initiatives { name } credits { name } } } }`);
    const a = r.data.node;
    assert.equal(a.lang, 'zh-Hant');
    assert.deepEqual(a.places.map((p: any) => p.name).sort(), ['牛坪坳村', '祁阳市', '羊角塘镇'].sort());
    assert.equal(a.mentorships.length, 1);
    const missing = await g.gql(`{ node(id: "place:999999") { id } nope: node(id: "bogus") { id } }`);
    assert.deepEqual(missing.data, { node: null, nope: null });
  });

  test('stats count every node type as Neo4j does', async () => {
    const r = await g.gql(`{ stats { places initiatives people cohorts mentorships figures articles organizations relationships } }`);
    const s = r.data.stats;
    assert.equal(s.articles, 5);
    assert.equal(s.mentorships, await g.count('MATCH (m:Mentorship) RETURN count(m)'));
    assert.equal(s.people, await g.count('MATCH (m:Person) RETURN count(m)'));
    assert.equal(s.relationships, await g.count('MATCH ()-[r]->() RETURN count(r)'));
    // 干部素质提升年 is one initiative across three articles, not three.
    assert.equal(await g.count(`MATCH (i:Initiative {name: '干部素质提升年'}) RETURN count(i)`), 1);
    assert.equal(await g.count(`MATCH (:Article)-[:MENTIONS]->(i:Initiative {name: '干部素质提升年'}) RETURN count(*)`), 3);
  });
});

describe('paging', () => {
  test('walking a connection page by page yields every node once, in order', async () => {
    const total = await g.count('MATCH (f:Figure) RETURN count(f)');
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const r: any = await g.gql(`query($after: String) { figures(first: 7, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
      assert.equal(r.data.figures.totalCount, total);
      seen.push(...r.data.figures.edges.map((e: any) => e.node.id));
      if (!r.data.figures.pageInfo.hasNextPage) break;
      after = r.data.figures.pageInfo.endCursor;
    }
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
  });

  test('a list by name with no filter reads the name index in order (no label scan), and pages the same both ways', async () => {
    const { listCypher } = await import('../src/query/list.js');
    const plan = await g.driver.executeQuery(`EXPLAIN ${listCypher('Place', {}).page}`, { afterK: null, afterId: null, beforeK: null, beforeId: null, limit: 11 });
    const ops: string[] = [];
    const walk = (p: any) => {
      ops.push(p.operatorType);
      for (const c of p.children) walk(c);
    };
    walk(plan.summary.plan);
    assert.ok(ops.some((o) => /NodeIndexSeekByRange|NodeIndexScan/.test(o)) && !ops.some((o) => /NodeByLabelScan/.test(o)), ops.join(' '));
    const names = (await g.driver.executeQuery('MATCH (p:Place) RETURN p.name AS n, p.id AS id ORDER BY n, id')).records.map((r) => r.get('id'));
    // Every place id, page by page of 9, forwards (first/after) or backwards (last/before).
    const pages = async (backward: boolean) => {
      const [size, cursor, more, next] = backward ? ['last', 'before', 'hasPreviousPage', 'startCursor'] : ['first', 'after', 'hasNextPage', 'endCursor'];
      const ids: string[] = [];
      let at: string | null = null;
      for (let i = 0; i < 100; i++) {
        const r: any = await g.gql(`query($c: String) { places(${size}: 9, ${cursor}: $c) { nodes { id } pageInfo { ${more} ${next} } } }`, { c: at });
        const page = r.data.places.nodes.map((n: any) => n.id);
        if (backward) ids.unshift(...page);
        else ids.push(...page);
        if (!r.data.places.pageInfo[more]) break;
        at = r.data.places.pageInfo[next];
      }
      return ids;
    };
    assert.deepEqual(await pages(false), names, 'forward pages in name order, every place once');
    assert.deepEqual(await pages(true), names, 'backward pages give the same order');
  });

  test('page size is clamped to the maximum even through variables; bad arguments get clear errors', async () => {
    const r = await g.gql(`query($n: Int) { figures(first: $n) { totalCount nodes { id } } }`, { n: 100000 });
    assert.equal(r.errors, undefined);
    assert.equal(r.data.figures.nodes.length, Math.min(r.data.figures.totalCount, g.config.limits.maxPageSize));
    const neg = await g.gql(`{ places(first: -1) { totalCount } }`);
    assert.match(neg.errors[0].message, /"first" must be a whole number/);
    const cur = await g.gql(`{ places(after: "not-a-cursor") { totalCount } }`);
    assert.match(cur.errors[0].message, /not a cursor this API issued/);
  });

  test('backwards with last/before, in either direction of any order, and a foreign cursor refused', async () => {
    const all = (await g.gql(`{ places(first: 100, orderBy: {field: NAME, direction: DESC}) { totalCount nodes { id name } } }`)).data.places;
    assert.ok(all.totalCount < 100, 'the seed graph fits one page');
    const names = all.nodes.map((n: any) => n.name);
    assert.deepEqual(names, [...names].sort().reverse());
    const seen: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 50; i++) {
      const r: any = await g.gql(`query($b: String) { places(last: 6, before: $b, orderBy: {field: NAME, direction: DESC}) { nodes { id } pageInfo { hasPreviousPage hasNextPage startCursor } } }`, { b: before });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      assert.equal(r.data.places.pageInfo.hasNextPage, before !== null);
      seen.unshift(...r.data.places.nodes.map((n: any) => n.id));
      if (!r.data.places.pageInfo.hasPreviousPage) break;
      before = r.data.places.pageInfo.startCursor;
    }
    assert.deepEqual(seen, all.nodes.map((n: any) => n.id));
    const placeCursor = (await g.gql(`{ places(first: 1) { pageInfo { endCursor } } }`)).data.places.pageInfo.endCursor;
    const foreign = await g.gql(`query($c: String) { articles(after: $c) { totalCount } }`, { c: placeCursor });
    assert.equal(foreign.errors[0].extensions.code, 'BAD_USER_INPUT');
    assert.match(foreign.errors[0].message, /cursor of another list or order \(Place:NAME:ASC\)/);
    const otherOrder = await g.gql(`query($c: String) { places(after: $c, orderBy: {field: ID}) { totalCount } }`, { c: placeCursor });
    assert.match(otherOrder.errors[0].message, /another list or order/);
    const both = await g.gql(`{ places(first: 2, last: 2) { totalCount } }`);
    assert.match(both.errors[0].message, /not both/);
  });

  test('nested lists take first (bounded by their default) and orderBy; nodes(ids) keeps the order given', async () => {
    const r = await g.gql(`{ node(id: "place:420921") { ... on Place {
      byName: children(orderBy: {field: NAME, direction: DESC}) { name }
      two: children(first: 2) { name }
    } }
    articles(first: 1) { nodes {
      desc: places(orderBy: {field: NAME, direction: DESC}) { title: name }
      asc: places(first: 1, orderBy: {field: NAME}) { title: name } } } }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const p = r.data.node;
    const names = p.byName.map((c: any) => c.name);
    assert.ok(names.length >= 3, names.join());
    assert.deepEqual(names, [...names].sort().reverse());
    assert.equal(p.two.length, 2);
    const titles = r.data.articles.nodes[0].desc.map((a: any) => a.title);
    assert.ok(titles.length >= 2, titles.join());
    assert.deepEqual(titles, [...titles].sort().reverse());
    assert.equal(r.data.articles.nodes[0].asc[0].title, titles.at(-1));
    const firstReported = await g.gql(`{ node(id: "place:420921") { ... on Place { initiatives(orderBy: {field: FIRST_REPORTED}) { nodes { name } } } } }`);
    assert.equal(firstReported.errors[0].extensions.code, 'BAD_USER_INPUT', 'not silently ordered by name');
    const neg = await g.gql(`{ node(id: "place:420921") { ... on Place { children(first: -1) { name } } } }`);
    assert.match(neg.errors[0].message, /"first" of Place.children must be a whole number from 0 to 200/);
    const many = await g.gql(`{ nodes(ids: ["place:420921", "place:nope", "place:42"]) { id ... on Place { name } } }`);
    assert.deepEqual(many.data.nodes, [{ id: 'place:420921', name: '孝昌县' }, null, { id: 'place:42', name: '湖北省' }]);
  });
});

describe('limits and errors', () => {
  test('a malformed query is rejected with a syntax error', async () => {
    const r = await g.gql(`{ places(first: 3 { nodes { name } } }`);
    assert.ok(r.errors[0].message.startsWith('Syntax Error'));
  });

  test('an unknown field is rejected without suggesting field names', async () => {
    const r = await g.gql(`{ placs { totalCount } }`);
    assert.match(r.errors[0].message, /Cannot query field "placs"/);
    assert.ok(!/Did you mean/.test(r.errors[0].message));
  });

  test('a too-deep query is rejected before it runs', async () => {
    const deep = `{ places { nodes { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } }`;
    const r = await g.gql(deep);
    assert.ok(r.errors?.length);
    assert.match(r.errors[0].message, /nests fields too deeply/);
    assert.deepEqual(r.errors[0].extensions, { code: 'DEPTH_LIMIT_EXCEEDED', limit: 'depth' });
    assert.equal(r.extensions?.cypherQueries ?? 0, 0);
  });

  test('alias overloading is rejected; __typename aliases (Relay adds them) are not counted', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: stats { places }`).join(' ');
    const r = await g.gql(`{ ${aliases} }`);
    assert.match(r.errors[0].message, /alias/i);
    assert.equal(r.errors[0].extensions.code, 'ALIAS_LIMIT_EXCEEDED');
    const typenames = Array.from({ length: 20 }, (_, i) => `a${i}: __typename`).join(' ');
    const ok = await g.gql(`{ ${typenames} }`);
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
    assert.equal(ok.data.a19, 'Query');
  });

  test('an oversized document is rejected by the token limit', async () => {
    const r = await g.gql(`{ ${'__typename '.repeat(900)} }`);
    assert.match(r.errors[0].message, /too long/);
    assert.equal(r.errors[0].extensions.limit, 'tokens');
  });

  test('invalid enum values are refused with a message naming the argument', async () => {
    const r = await g.gql(`{ initiatives(filter: {kind: mentorship}) { totalCount } }`);
    assert.match(r.errors[0].message, /InitiativeKind/);
  });
});

describe('batching', () => {
  test('one request makes a bounded number of Cypher round-trips however many nodes it returns', async () => {
    // Page size as a variable, which the cost model prices too: this one costs ~124,000.
    const q = (n: number) => `{ initiatives(first: ${n > 0 ? '$n' : n}) { nodes { name places { name parent { name } } parent { name }
      mentorships { mentor { ${PARTY} } mentee { ${PARTY} } evidence { quote article { title } } } articles { title } } } }`;
    const vq = (n: number) => `query($n: Int) ${q(n)}`;
    const small = await g.gql(vq(1), { n: 2 });
    const large = await g.gql(vq(1), { n: 100 });
    assert.equal(large.errors, undefined);
    assert.ok(large.data.initiatives.nodes.length > 30);
    const nested = JSON.stringify(large.data).match(/"name"|"label"|"quote"|"title"/g)!.length;
    assert.ok(nested > 150, `returned ${nested} nested values`);
    // One statement for the list with the level below it (places, parent, mentorships,
    // articles: list.ts `ahead`), and one per further level (parent, mentor, mentee, evidence),
    // however many fields a level has (src/query/level.ts).
    assert.equal(small.extensions.cypherQueries, 2, `small: ${small.extensions.cypherQueries}`);
    assert.equal(large.extensions.cypherQueries, 2, `made ${large.extensions.cypherQueries} round-trips for ${nested} values`);
    // The same question level by level (a fragment turns the read-ahead off) answers the same.
    const byLevel = await g.gql(vq(1).replace('nodes {', 'nodes { ... on Initiative { id } '), { n: 100 });
    assert.equal(byLevel.extensions.cypherQueries, 3);
    for (const n of byLevel.data.initiatives.nodes) delete n.id;
    assert.deepEqual(byLevel.data, large.data);
  });

  test('node(id) reads the node and the neighbour fields asked of it in one statement, answering as field by field does', async () => {
    const q = (d: string) => `query($id: ID!) { node(id: $id) { id ... on Place { name parent ${d} { name } children ${d} { name level }
      initiatives(first: 5) ${d} { totalCount nodes { name } } articles ${d} { title } } } }`;
    const one = await g.gql(q(''), { id: 'place:420921' });
    assert.equal(one.errors, undefined, JSON.stringify(one.errors));
    assert.equal(one.extensions.cypherQueries, 1);
    // A directive on a field turns its prefetch off: the node first, its fields after.
    const byField = await g.gql(q('@include(if: true)'), { id: 'place:420921' });
    assert.equal(byField.extensions.cypherQueries, 2);
    assert.deepEqual(one.data, byField.data);
    assert.equal(one.data.node.parent.name, '孝感市');
    assert.ok(one.data.node.initiatives.totalCount >= 3 && one.data.node.articles.length >= 1);
    // An unknown id reads nothing more than it did; bad arguments are still the field's to report.
    const none = await g.gql(q(''), { id: 'place:999999' });
    assert.equal(none.data.node, null);
    const bad = await g.gql(`{ node(id: "place:420921") { ... on Place { initiatives(first: 5, orderBy: {field: FIRST_REPORTED}) { totalCount } } } }`);
    assert.match(bad.errors[0].message, /NAME or ID/);
  });

  test('a page read with its next level keeps the order, the cursors and the neighbours of each node', async () => {
    const q = (after: string | null) =>
      `{ places(first: 7${after ? `, after: "${after}"` : ''}, orderBy: {field: NAME, direction: DESC}) { totalCount pageInfo { hasNextPage endCursor }
        nodes { name parent { name } children { name } articles { title } } } }`;
    const ahead1 = await g.gql(q(null));
    const plain1 = await g.gql(q(null).replace('nodes {', 'nodes { ... on Place { id } '));
    assert.equal(ahead1.extensions.cypherQueries + 1, plain1.extensions.cypherQueries);
    for (const n of plain1.data.places.nodes) delete n.id;
    assert.deepEqual(ahead1.data, plain1.data);
    assert.ok(ahead1.data.places.nodes.some((n: any) => n.children.length > 0) && ahead1.data.places.nodes.some((n: any) => n.parent));
    const after = ahead1.data.places.pageInfo.endCursor;
    const ahead2 = await g.gql(q(after));
    const plain2 = await g.gql(q(after).replace('nodes {', 'nodes { ... on Place { id } '));
    for (const n of plain2.data.places.nodes) delete n.id;
    assert.deepEqual(ahead2.data, plain2.data);
    assert.notDeepEqual(ahead2.data.places.nodes, ahead1.data.places.nodes);
  });
});

describe('GraphiQL examples', () => {
  test('every example operation runs within the limits and answers', async () => {
    const { EXAMPLE_QUERY } = await import('../src/graphql/examples.js');
    const ops = [...EXAMPLE_QUERY.matchAll(/^query (\w+)/gm)].map((m) => m[1]!);
    assert.ok(ops.length >= 4);
    for (const operationName of ops) {
      const res = await g.app.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: EXAMPLE_QUERY, operationName }),
      });
      const body = await res.json();
      assert.equal(body.errors, undefined, `${operationName}: ${JSON.stringify(body.errors)}`);
    }
  });
});

describe('probes', () => {
  test('/health and /ready answer', async () => {
    const call = async (path: string) => {
      const res = await g.app.yoga.fetch(`http://localhost${path}`);
      return { status: res.status, body: await res.text() };
    };
    assert.equal((await call('/health')).status, 200);
    const ready = await call('/ready');
    assert.equal(ready.status, 200);
    assert.match(ready.body, /ready/);
    assert.equal((await call('/nope')).status, 404);
  });
});

describe('answers by region and time', () => {
  test('place filters take traditional script and short forms; an unknown place is an error with suggestions', async () => {
    const q = (place: string) => g.gql(`query($p: String!) { mentorships(filter: {place: $p}) { totalCount } }`, { p: place });
    const base = (await q('孝昌县')).data.mentorships.totalCount;
    assert.ok(base >= 5);
    for (const form of ['孝昌縣', '孝昌', 'place:420921']) assert.equal((await q(form)).data?.mentorships.totalCount, base, form);
    const hubei = await g.gql(`{ initiatives(filter: {place: "湖北", kind: mentoring}) { nodes { name } } }`);
    assert.deepEqual(hubei.data.initiatives.nodes.map((n: any) => n.name).sort(), ['一带二模式', '师带徒', '雁雏共翔计划'].sort());
    assert.ok((await q('孝感')).data.mentorships.totalCount >= base, '孝感 is 孝感市, which holds 孝昌县');
    const unknown = await q('孝昌镇县');
    assert.equal(unknown.errors[0].extensions.code, 'BAD_USER_INPUT');
    assert.match(unknown.errors[0].message, /no place called "孝昌镇县".*did you mean .*孝昌县/);
  });

  test('regions roll mentoring up the hierarchy, ordered, within a place', async () => {
    const r = await g.gql(`{ regions(level: county, within: "湖北") { place { name } initiatives mentorships mentors mentees articles firstReported lastReported } }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const xc = r.data.regions.find((x: any) => x.place.name === '孝昌县');
    assert.ok(xc, JSON.stringify(r.data.regions.map((x: any) => x.place.name)));
    const listed = (await g.gql(`{ mentorships(filter: {place: "孝昌县"}) { totalCount } }`)).data.mentorships.totalCount;
    assert.equal(xc.mentorships, listed, 'the same mentorships as the place filter finds');
    assert.ok(xc.initiatives >= 3 && xc.mentors >= 1 && xc.mentees >= 1 && xc.articles >= 1);
    const counts = r.data.regions.map((x: any) => x.mentorships);
    assert.deepEqual(counts, [...counts].sort((a: number, b: number) => b - a), 'most mentorships first');
    assert.equal(r.data.regions[0].place.name, '孝昌县', 'README: 孝昌县 first');
    const provinces = await g.gql(`{ regions(orderBy: {field: NAME, direction: ASC}) { place { name level } mentorships } }`);
    assert.ok(provinces.data.regions.every((x: any) => x.place.level === 'province'));
    assert.ok(provinces.data.regions.some((x: any) => x.place.name === '湖北省' && x.mentorships >= listed));
    const bad = await g.gql(`{ regions(within: "不存在的地方") { mentorships } }`);
    assert.equal(bad.errors[0].extensions.code, 'BAD_USER_INPUT');
  });

  test('timeline: dated articles per month with what they report; initiativeActivity: the initiatives with the most mentoring', async () => {
    const t = await g.gql(`{ timeline { month articles mentorships figures } }`);
    assert.equal(t.errors, undefined, JSON.stringify(t.errors));
    const dated = (await g.gql(`{ articles(filter: {published: {from: "1900-01-01"}}) { totalCount } }`)).data.articles.totalCount;
    assert.equal(t.data.timeline.reduce((n: number, m: any) => n + m.articles, 0), dated, 'every dated article in its month');
    assert.ok(t.data.timeline.every((m: any) => /^\d{4}-\d{2}$/.test(m.month)));
    const months = t.data.timeline.map((m: any) => m.month);
    assert.deepEqual(months, [...months].sort(), 'oldest month first');
    assert.deepEqual((await g.gql(`{ timeline(published: {to: "1900-01-01"}) { month } }`)).data.timeline, []);
    const reversed = await g.gql(`{ timeline(published: {from: "2022-01-01", to: "2021-01-01"}) { month } }`);
    assert.equal(reversed.errors[0].extensions.code, 'BAD_USER_INPUT');
    assert.equal((await g.gql(`{ timeline(within: "火星") { month } }`)).errors[0].extensions.code, 'BAD_USER_INPUT');

    const a = await g.gql(`{ initiativeActivity(first: 3) { initiative { id name } mentorships mentors mentees articles firstReported } }`);
    assert.equal(a.errors, undefined, JSON.stringify(a.errors));
    assert.equal(a.data.initiativeActivity.length, 3);
    const top = a.data.initiativeActivity[0];
    assert.equal(top.initiative.name, '雁雏共翔计划');
    const listed = (await g.gql(`query($i: String) { mentorships(filter: {initiative: $i}) { totalCount } }`, { i: top.initiative.id })).data.mentorships.totalCount;
    assert.equal(top.mentorships, listed, 'the same mentorships as the initiative filter finds');
    const counts = a.data.initiativeActivity.map((x: any) => x.mentorships);
    assert.deepEqual(counts, [...counts].sort((x: number, y: number) => y - x), 'most mentorships first');
    const hunan = await g.gql(`{ initiativeActivity(within: "湖南", first: 100) { initiative { name } } }`);
    assert.ok(!hunan.data.initiativeActivity.some((x: any) => x.initiative.name === '雁雏共翔计划'), 'within a region: only its initiatives');
    assert.ok(hunan.data.initiativeActivity.some((x: any) => x.initiative.name === '导师帮带制'));
  });

  test('published date ranges filter articles, and a reversed range is refused', async () => {
    const all = await g.gql(`{ articles(first: 100) { totalCount nodes { publishedAt } } }`);
    const open = await g.gql(`{ articles(filter: {published: {from: "1900-01-01"}}) { totalCount } }`);
    const dated = all.data.articles.nodes.filter((a: any) => a.publishedAt).length;
    assert.equal(open.data.articles.totalCount, dated, 'only dated articles are in a range');
    const none = await g.gql(`{ mentorships(filter: {published: {to: "1900-01-01"}}) { totalCount } }`);
    assert.equal(none.data.mentorships.totalCount, 0);
    const reversed = await g.gql(`{ articles(filter: {published: {from: "2024-01-02", to: "2024-01-01"}}) { totalCount } }`);
    assert.match(reversed.errors[0].message, /"from" must not be after "to"/);
    const badDate = await g.gql(`{ articles(filter: {published: {from: "2024-13-01"}}) { totalCount } }`);
    assert.ok(badDate.errors?.length, 'not a date');
  });
});
