import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { NODE_LABELS } from '../src/model.js';
import { combineParts } from '../src/query/level.js';
import { listCypher, partiesCypher } from '../src/query/list.js';
import { NEIGHBOURS, neighbourPart, type NeighbourName } from '../src/query/neighbours.js';
import { resolveOrder } from '../src/query/order.js';

/**
 * The Cypher of every list shape, snapshot-tested without a database (as @neo4j/graphql's TCK
 * does): a change to the generated Cypher shows in review as a diff of
 * test/snapshots/cypher.json. UPDATE_SNAPSHOTS=1 rewrites the file.
 */
const FILE = new URL('./snapshots/cypher.json', import.meta.url);
const stored: Record<string, string> = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {};
const seen: Record<string, string> = {};
const update = process.env.UPDATE_SNAPSHOTS === '1';

function snap(name: string, cypher: string) {
  seen[name] = cypher;
  if (update) return;
  assert.ok(name in stored, `no snapshot for ${name}: run UPDATE_SNAPSHOTS=1 node --import tsx --test test/cypher.test.ts and review the diff`);
  assert.equal(cypher, stored[name], `the Cypher of ${name} changed`);
}
after(() => {
  if (update) writeFileSync(FILE, `${JSON.stringify(seen, null, 1)}\n`);
});

const FILTERS = {
  none: {},
  place: { place: '孝昌县' },
  initiative: { initiative: '雁雏共翔计划' },
  kind: { kind: 'mentoring' },
  text: { text: '导师' },
  placeAndKind: { place: '湖北省', kind: 'mentoring' },
  all: { place: '湖北省', initiative: '青蓝工程', kind: 'mentoring', text: '导师' },
  published: { published: { from: '2023-01-01', to: '2023-12-31' } },
};

for (const label of NODE_LABELS) {
  for (const [fname, filter] of Object.entries(FILTERS)) {
    test(`${label} list, filter ${fname}`, () => {
      const q = listCypher(label, { filter, first: 10 });
      snap(`${label}.${fname}.page`, q.page);
      snap(`${label}.${fname}.count`, q.count);
      // User values are parameters, never Cypher text.
      for (const v of Object.values(filter).flatMap((x) => (typeof x === 'object' ? Object.values(x) : [x]))) assert.ok(!q.page.includes(v as string), `${v} is in the Cypher`);
      // A page is sorted, cut by the cursor and limited inside the query: nothing collected.
      assert.match(q.page, /WHERE \(\(\$afterK IS NULL OR k > \$afterK/);
      assert.match(q.page, /AND \(\$beforeK IS NULL OR k < \$beforeK/);
      assert.match(q.page, /ORDER BY k ASC, n\.id ASC\nLIMIT \$limit/);
      assert.doesNotMatch(q.page, /collect\(\{n/);
      // A place or initiative filter starts from its sub-tree, not from a scan of the label.
      if ('place' in filter || 'initiative' in filter) assert.doesNotMatch(q.page, new RegExp(`MATCH \\(n:${label}\\)`));
      if (fname === 'none') assert.doesNotMatch(q.page, /\$placeIds|\$initiative|fulltext/, 'an unset filter reads nothing');
    });
  }
}

// Both ways and both directions: `last`/`before` read the order from its end; DESC flips which
// side of a cursor is "after".
for (const label of NODE_LABELS) {
  test(`${label} list, backwards and descending`, () => {
    const back = listCypher(label, { filter: {}, last: 10 }, true).page;
    snap(`${label}.backward.page`, back);
    assert.match(back, /ORDER BY k DESC, n\.id DESC\nLIMIT \$limit/);
    const desc = listCypher(label, { filter: {}, orderBy: { field: 'ID', direction: 'DESC' } }).page;
    snap(`${label}.idDesc.page`, desc);
    assert.match(desc, /coalesce\(n\.id, ''\) AS k/);
    assert.match(desc, /k < \$afterK OR \(k = \$afterK AND n\.id < \$afterId\)/);
    assert.match(desc, /ORDER BY k DESC, n\.id DESC/);
    const descBack = listCypher(label, { filter: {}, orderBy: { field: 'ID', direction: 'DESC' }, last: 5 }, true).page;
    assert.match(descBack, /ORDER BY k ASC, n\.id ASC\nLIMIT/);
  });
}

test('a list whose query selects some fields returns those stored properties and the id, never an unknown name', () => {
  const q = listCypher('Initiative', { filter: {}, first: 100 }, false, ['name', 'places', 'articles', 'kind', 'id; DETACH DELETE n']);
  snap('Initiative.selected.page', q.page);
  assert.match(q.page, /RETURN n \{ \.id, \.name, \.kind \} AS props/);
  assert.equal(q.projection, 'n { .id, .name, .kind }');
});

for (const side of ['MENTOR_IN', 'MENTEE_IN'] as const) {
  test(`${side} parties, filter place`, () => {
    const q = partiesCypher(side, { filter: FILTERS.place });
    snap(`parties.${side}.place.page`, q.page);
    assert.doesNotMatch(q.page, /MATCH \(n:Mentorship\)/);
  });
}

// Neighbour fields of one request level travel as one statement (src/query/level.ts).
for (const name of Object.keys(NEIGHBOURS) as NeighbourName[]) {
  test(`neighbour field ${name}`, () => {
    const { cypher, params } = combineParts([neighbourPart(NEIGHBOURS[name], ['place:1'])]);
    snap(`neighbours.${name}`, cypher);
    // The parent ids and the cap per parent are the only parameters.
    assert.deepEqual(Object.values(params)[0], ['place:1']);
    assert.equal(Object.keys(params).length, 2);
    assert.match(cypher, /\n  LIMIT \$param1\n/, 'capped per parent inside the query');
    assert.doesNotMatch(cypher, /properties\(/, 'rows are projections, not whole nodes');
    assert.doesNotMatch(cypher, /rel: /, 'relationship properties only for the fields that show them');
    assert.match(cypher, new RegExp(`MATCH \\(this1:${NEIGHBOURS[name].from} \\{ id: var0 \\}\\)`), 'the parent by its id, through the index');
    snap(`neighbours.${name}.withRel`, combineParts([neighbourPart(NEIGHBOURS[name], ['place:1'], true)]).cypher);
  });
}

test('regions: counts rolled up the hierarchy, in every order', async () => {
  const { regionsCypher, REGION_ORDER } = await import('../src/query/regions.js');
  snap('regions.MENTORSHIPS.DESC', regionsCypher('MENTORSHIPS', 'DESC'));
  const keys = { MENTORSHIPS: 'mentorships', INITIATIVES: 'initiatives', MENTORS: 'mentors', MENTEES: 'mentees', ARTICLES: 'articles', FIRST_REPORTED: "coalesce(firstReported, '')", LAST_REPORTED: "coalesce(lastReported, '')", NAME: 'this0.name' };
  assert.deepEqual(Object.keys(REGION_ORDER).sort(), Object.keys(keys).sort());
  for (const [f, key] of Object.entries(keys)) {
    assert.match(regionsCypher(f as keyof typeof REGION_ORDER, 'ASC'), new RegExp(`ORDER BY ${key.replace(/[()]/g, '\\$&')} ASC, this0\\.name ASC, this0\\.id ASC`));
  }
  assert.match(regionsCypher('NAME', 'DESC'), /LIMIT \$limit$/);
});

test('the overview aggregates: timeline and initiative activity', async () => {
  const { TIMELINE_CYPHER, INITIATIVE_ACTIVITY_CYPHER } = await import('../src/query/overview.js');
  snap('overview.timeline', TIMELINE_CYPHER);
  snap('overview.initiativeActivity', INITIATIVE_ACTIVITY_CYPHER);
});

test('a nested list in the order a client asks', async () => {
  const { resolveOrder } = await import('../src/query/order.js');
  const { cypher } = combineParts([neighbourPart(NEIGHBOURS.articlePlaces, ['article:1'], false, resolveOrder('Place', { field: 'NAME', direction: 'DESC' }))]);
  snap('neighbours.articlePlaces.nameDesc', cypher);
  assert.match(cypher, /ORDER BY this3\.name DESC, this3\.id DESC\n  LIMIT/);
});

test('a neighbour row holds the stored properties the query selects, nothing else reaches Cypher', () => {
  const { cypher } = combineParts([neighbourPart(NEIGHBOURS.articlePlaces, ['article:1'], false, undefined, ['name', 'parent', 'text', 'x}) RETURN 1 //', '__typename'])]);
  snap('neighbours.articlePlaces.selected', cypher);
  assert.match(cypher, /collect\(this3 \{ \.id, \.name \}\)/);
  assert.doesNotMatch(cypher, /RETURN 1 \/\/|\.text|\.parent|__typename/);
});

test('parts of one level are one statement with their own parameters', () => {
  const a = neighbourPart(NEIGHBOURS.placeParent, ['place:1', 'place:2']);
  const b = neighbourPart(NEIGHBOURS.placeChildren, ['place:1']);
  const { cypher, params } = combineParts([a, b]);
  snap('level.twoParts', cypher);
  assert.equal(Object.keys(params).length, 4);
  assert.deepEqual(Object.values(params).filter(Array.isArray), [['place:1', 'place:2'], ['place:1']]);
  assert.equal(cypher.match(/UNION ALL/g)?.length, 1);
  assert.match(cypher, /RETURN 0 AS q, var0 AS id, var4 AS items[\s\S]*RETURN 1 AS q, var5 AS id, var9 AS items\n\}\nRETURN q, id, items$/);
  // Each part reads its own parameters: the second branch none of the first's.
  const [first, second] = cypher.split('UNION ALL') as [string, string];
  for (const p of first.match(/\$param\d+/g) ?? []) assert.ok(!second.includes(p), `${p} is read by both parts`);
});

test('the schema offers exactly the orders the query layer has (ORDER_FIELDS)', async () => {
  const { ORDER_FIELDS } = await import('../src/query/order.js');
  const { buildSchema } = await import('../src/graphql/schema.js');
  const schema = buildSchema();
  for (const [list, fields] of Object.entries(ORDER_FIELDS)) {
    const e = schema.getType(`${list}OrderField`) as import('graphql').GraphQLEnumType | undefined;
    assert.ok(e, `${list}OrderField is in the schema`);
    assert.deepEqual(e.getValues().map((v) => v.name).sort(), Object.keys(fields).sort(), list);
  }
});

test('a page and the level below it are one statement: each field a subquery from the page\'s node, the order said again', async () => {
  const { pageWithLevel } = await import('../src/query/level.js');
  const list = listCypher('Initiative', { first: 100 });
  const page = list.rows;
  const parts = [neighbourPart(NEIGHBOURS.initiativePlaces, [], false, undefined, ['name']), neighbourPart(NEIGHBOURS.initiativeParent, [])];
  const { cypher, params } = pageWithLevel(page, { limit: 101 }, parts, list.projection, 'k, n.id');
  snap('level.pageWithLevel', cypher);
  // Each field read from the page's node itself (no lookup by id), guarded by the field's label.
  assert.equal(cypher.match(/CALL \(n\) \{\n  WITH n\n  WHERE n:Initiative\n  MATCH \(n\)-/g)?.length, 2);
  assert.doesNotMatch(cypher, /UNWIND/);
  assert.match(cypher, /\nWITH n, k, f0, f1 ORDER BY k, n.id\nRETURN CASE\n[\s\S]*\nEND AS props, head\(labels\(n\)\) AS label, k, f0, f1$/);
  assert.deepEqual(Object.keys(params).sort(), ['limit', 'param0', 'param1']);
});

test('a statement is compiled once per shape: the same parts with other ids give the same Cypher and their own parameters', () => {
  const first = combineParts([neighbourPart(NEIGHBOURS.placeParent, ['place:1']), neighbourPart(NEIGHBOURS.placeChildren, ['place:2'])]);
  const again = combineParts([neighbourPart(NEIGHBOURS.placeParent, ['place:3', 'place:4']), neighbourPart(NEIGHBOURS.placeChildren, ['place:5'])]);
  assert.equal(again.cypher, first.cypher);
  assert.deepEqual(Object.values(again.params).filter(Array.isArray), [['place:3', 'place:4'], ['place:5']]);
  // Another shape (the children by name, descending) is another statement.
  const other = combineParts([neighbourPart(NEIGHBOURS.placeParent, ['place:1']), neighbourPart(NEIGHBOURS.placeChildren, ['place:2'], false, resolveOrder('Place', { field: 'NAME', direction: 'DESC' }))]);
  assert.notEqual(other.cypher, first.cypher);
});

test('the fixed statements: search, what a place name means, the suggestions for an unknown one, the label counts', async () => {
  const { SEARCH_CYPHER } = await import('../src/query/search.js');
  const { RESOLVE_CYPHER, NEAR_CYPHER } = await import('../src/query/places.js');
  const { STATS_CYPHER } = await import('../src/query/stats.js');
  snap('search', SEARCH_CYPHER);
  snap('places.resolve', RESOLVE_CYPHER);
  snap('places.near', NEAR_CYPHER);
  snap('stats', STATS_CYPHER);
  // User text reaches them only as parameters.
  assert.match(SEARCH_CYPHER, /queryNodes\('entity_text', \$q, \{limit: \$fetch\}\)/);
  assert.match(RESOLVE_CYPHER, /UNWIND \$forms AS/);
  for (const l of NODE_LABELS) assert.match(STATS_CYPHER, new RegExp(`MATCH \\(this\\d+:${l}\\)`));
});

test('the graph views: focus, one level of a neighbourhood, the relationships among nodes, a shortest path, the whole graph', async () => {
  const g = await import('../src/query/graph.js');
  snap('graph.focus', g.FOCUS_CYPHER);
  snap('graph.level', g.LEVEL_CYPHER);
  snap('graph.relsAmong', g.RELS_AMONG_CYPHER);
  snap('graph.whole', g.WHOLE_CYPHER);
  const path = g.pathCypher('Person', 'Place', 4);
  snap('graph.path.Person.Place.4', path);
  // The labels come from the id-prefix allow-list, the bound from validated input: both in the pattern.
  assert.match(path, /^MATCH\n  \((\w+):Person \{ id: \$from \}\),\n  \((\w+):Place \{ id: \$to \}\)\nMATCH SHORTEST 1 \(\1\)\n\s+\(\(\w+\)-\[\w+\]-\(\w+\)\)\{1,4\}\n\s+\(\2\)/);
});

test('the write path: every statement shape of the batch writer and of removal, values only from parameters', async () => {
  const w = await import('../src/ingest/write-cypher.js');
  const all: Array<[string, string]> = Object.entries(w).filter((e): e is [string, string] => typeof e[1] === 'string');
  for (const l of NODE_LABELS) all.push([`mergeNodes.${l}`, w.mergeNodes(l)], [`createMentions.${l}`, w.createMentions(l)]);
  for (const l of ['Mentorship', 'Figure'] as const) all.push([`createReports.${l}`, w.createReports(l)]);
  for (const [t, a, b] of [['PART_OF', 'Place', 'Place'], ['MENTOR_IN', 'Person', 'Mentorship'], ['PARTICIPATES_IN', 'Person', 'Initiative']] as const) all.push([`mergeRels.${t}.${a}.${b}`, w.mergeRels(t, a, b)]);
  for (const [name, cypher] of all) {
    snap(`write.${name}`, cypher);
    for (const [, param] of cypher.matchAll(/\$(\w+)/g)) assert.ok(['ids', 'rows', 'aid', 'nodes', 'rels', 'reps', 'id'].includes(param!), `${name} takes $${param}`);
  }
  // The claims statements run one branch per label, in the model's order (write.ts reads the index).
  assert.equal(w.CLAIMS_OF.match(/UNION ALL/g)!.length, w.CLAIM_LABELS.length - 1);
  assert.match(w.mergeRels('PART_OF', 'Place', 'Place'), /FOREACH \(_ IN CASE WHEN .* THEN \[1\] ELSE \[\] END \| SET \w+ \+= \w+\.props\)/);
});
