import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIMITS } from '../src/config.js';
import { decodeCursor, encodeCursor, pageList, pageSize, pageWindow, type Connection } from '../src/query/page.js';
import { escapeLucene, luceneQuery } from '../src/query/search.js';

test('page sizes are clamped in the data layer, negatives refused', () => {
  assert.equal(pageSize(undefined), LIMITS.defaultPageSize);
  assert.equal(pageSize(10_000), LIMITS.maxPageSize);
  assert.throws(() => pageSize(-1), /whole number/);
});

test('cursors round-trip; a cursor of another list or order is refused', () => {
  const c = encodeCursor('Place:NAME:ASC', { k: '孝昌县', id: 'place:420921' });
  assert.deepEqual(decodeCursor(c, 'Place:NAME:ASC'), { k: '孝昌县', id: 'place:420921' });
  assert.throws(() => decodeCursor('abc', 'Place:NAME:ASC'), /not a cursor/);
  assert.throws(() => decodeCursor(c, 'Article:PUBLISHED_AT:ASC'), /another list or order \(Place:NAME:ASC\)/);
  assert.throws(() => decodeCursor(c, 'Place:NAME:DESC', 'before'), /"before" is a cursor of another list/);
  assert.throws(() => pageWindow({ first: 2, last: 2 }, 'x'), /not both/);
  assert.throws(() => pageWindow({ last: -1 }, 'x'), /"last" must be a whole number/);
});

type Item = { id: string; name: string };
const items: Item[] = Array.from({ length: 23 }, (_, i) => ({ id: `x:${String(i).padStart(2, '0')}`, name: `n${i % 5}` }));
const byName = (t: Item) => t.name;

for (const direction of ['ASC', 'DESC'] as const) {
  test(`in-memory paging, ${direction}: forwards and backwards visit every row once, in order, with Relay's pageInfo`, () => {
    const forward: string[] = [];
    let after: string | null = null;
    let first = true;
    for (;;) {
      const c: Connection<Item> = pageList('t', items, byName, { first: 4, after }, direction);
      assert.equal(c.pageInfo.hasPreviousPage, !first);
      assert.equal(c.pageInfo.startCursor, c.edges[0]?.cursor ?? null);
      forward.push(...c.nodes.map((n) => n.id));
      first = false;
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const c: Connection<Item> = pageList('t', items, byName, { last: 5, before }, direction);
      backward.unshift(...c.nodes.map((n) => n.id));
      if (!c.pageInfo.hasPreviousPage) break;
      before = c.pageInfo.startCursor;
    }
    const sorted = [...items].sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1)).map((t) => t.id);
    assert.deepEqual(forward, direction === 'ASC' ? sorted : [...sorted].reverse());
    assert.deepEqual(backward, forward);
  });
}

test('a window between two cursors', () => {
  const all = pageList('t', items, byName, { first: 23 });
  const [a, b] = [all.edges[3]!.cursor, all.edges[8]!.cursor];
  const mid = pageList('t', items, byName, { first: 10, after: a, before: b });
  assert.deepEqual(mid.nodes.map((n) => n.id), all.nodes.slice(4, 8).map((n) => n.id));
  const tail = pageList('t', items, byName, { last: 2, after: a, before: b });
  assert.deepEqual(tail.nodes.map((n) => n.id), all.nodes.slice(6, 8).map((n) => n.id));
  assert.equal(tail.pageInfo.hasPreviousPage, true);
  assert.equal(tail.pageInfo.hasNextPage, true);
});

test('user text is escaped for Lucene and searched in both scripts', () => {
  assert.equal(escapeLucene('a+b (c) "d"'), 'a\\+b \\(c\\) \\"d\\"');
  assert.equal(luceneQuery('幫帶'), '"幫帶" OR "帮带"');
  assert.equal(luceneQuery('京'), '京*');
  // Keywords and syntax are words inside quoted phrases, never operators.
  assert.equal(luceneQuery('a OR b'), '"a" OR "OR" OR "b"');
  assert.equal(luceneQuery('x" AND y\\'), '"x\\"" OR "AND" OR "y\\\\"');
  assert.throws(() => luceneQuery(' '), /empty/);
});

test('claims settle: curated first, then support, then the first article', async () => {
  const { settle } = await import('../src/ingest/claims.js');
  const c = (articleId: string, since: string, props: Record<string, unknown>, curated = false) => ({ articleId, since, props, curated });
  assert.deepEqual(settle([c('a', '1', { kind: 'x' }), c('b', '2', { kind: 'y' })]), { kind: 'x' });
  assert.deepEqual(settle([c('a', '1', { kind: 'x' }), c('b', '2', { kind: 'y' }), c('c', '3', { kind: 'y' })]), { kind: 'y' });
  assert.deepEqual(settle([c('a', '1', { kind: 'x' }), c('b', '2', { kind: 'y' }, true), c('c', '3', { kind: 'x' })]), { kind: 'y' });
  assert.deepEqual(settle([c('a', '1', { kind: 'x', summary: null }), c('a', '1', { kind: 'z' })]), { kind: 'x' }, 'one claim per article; nulls claim nothing');
  // Grouped claims (what the writer reads): a group of three outweighs an earlier single one.
  assert.deepEqual(settle([c('a', '1', { kind: 'x' }), { ...c('b', '2', { kind: 'y' }), weight: 3 }]), { kind: 'y' });
  assert.deepEqual(settle([{ ...c('a', '1', { kind: 'x' }), weight: 2 }, { ...c('b', '2', { kind: 'y' }), weight: 2 }]), { kind: 'x' });
});
