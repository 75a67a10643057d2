import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIMITS } from '../src/config.js';
import { decodeCursor, encodeCursor, pageList, pageSize, type Connection } from '../src/query/page.js';
import { escapeLucene, luceneQuery } from '../src/query/search.js';

test('page sizes are clamped in the data layer, negatives refused', () => {
  assert.equal(pageSize(undefined), LIMITS.defaultPageSize);
  assert.equal(pageSize(10_000), LIMITS.maxPageSize);
  assert.throws(() => pageSize(-1), /whole number/);
});

test('cursors round-trip and foreign cursors are refused', () => {
  assert.deepEqual(decodeCursor(encodeCursor({ k: '孝昌县', id: 'place:420921' })), { k: '孝昌县', id: 'place:420921' });
  assert.throws(() => decodeCursor('abc'), /not a cursor/);
});

test('in-memory paging has no gaps or repeats', () => {
  const items = Array.from({ length: 23 }, (_, i) => ({ id: `x:${i}`, name: `n${i % 5}` }));
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const c: Connection<{ id: string; name: string }> = pageList(items, (t) => t.name, { first: 4, after });
    seen.push(...c.nodes.map((n) => n.id));
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor;
  }
  assert.equal(new Set(seen).size, 23);
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
