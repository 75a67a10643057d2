import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'graphql';
import { queryCost } from '../src/graphql/cost.js';
import { buildSchema } from '../src/graphql/schema.js';

/** The cost model on the real schema, without a database: what ordinary and hostile queries cost. */
const schema = buildSchema();
const cost = (q: string, variables: Record<string, unknown> = {}) =>
  queryCost(schema as never, parse(q), undefined, variables, { defaultPageSize: 20, maxPageSize: 100 });
const fixture = (name: string) => readFileSync(new URL(`./fixtures/hostile/${name}`, import.meta.url), 'utf8');

test('ordinary questions are cheap', () => {
  // 100 mentorships with both parties, initiative, evidence quotes and their article titles.
  assert.equal(cost(fixture('ordinary-mentorships.graphql'), { n: 100 }), 1 + 100 * (1 + 1 + 1 + 1 + 10 * 2));
  // 100 places with two parent levels.
  assert.equal(cost(`{ places(first: 100) { nodes { name parent { name parent { name } } } } }`), 1 + 100 * 3);
});

test('variables are priced like literals, and above the page maximum like the maximum', () => {
  const q = `query($n: Int) { places(first: $n) { nodes { name } } }`;
  assert.equal(cost(q, { n: 7 }), cost(`{ places(first: 7) { nodes { name } } }`));
  assert.equal(cost(q, { n: 100000 }), cost(`{ places(first: 100) { nodes { name } } }`));
  assert.equal(cost(q, {}), 1 + 20, 'no first: the default page');
});

test('unpaged lists cost their declared bound, and large scalars their weight', () => {
  assert.equal(cost(`{ places(first: 1) { nodes { articles { title } } } }`), 1 + 1 * (1 + 50));
  assert.equal(cost(`{ places(first: 1) { nodes { articles { text } } } }`), 1 + 1 * (1 + 50 * (1 + 50)));
});

test('fragments, inline fragments and aliases count where they are used', () => {
  const direct = cost(`{ mentorships(first: 10) { nodes { mentor { ... on Person { name mentorships { id } } } } } }`);
  const viaFragment = cost(`{ mentorships(first: 10) { nodes { mentor { ...P } } } } fragment P on Person { name mentorships { id } }`);
  assert.equal(direct, viaFragment);
  assert.equal(cost(`{ a: stats { places } b: stats { places } }`), 2);
});

test('the amplification query of the hardening report costs far more than the limit', () => {
  const q = fixture('amplification.graphql');
  assert.ok(cost(q, { n: 100 }) > 200_000 * 10, String(cost(q, { n: 100 })));
});

test('introspection is priced: GraphiQL\'s query passes, a circular one does not', async () => {
  const { getIntrospectionQuery } = await import('graphql');
  const full = cost(getIntrospectionQuery());
  assert.ok(full > 0 && full < 200_000, String(full));
  const circular = `{ __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }`;
  assert.ok(cost(circular) > 200_000, String(cost(circular)));
});

test('no neighbour query ships more rows than the largest list bound of the schema', async () => {
  const { MAX_NEIGHBOURS } = await import('../src/query/neighbours.js');
  const { listSizeOf } = await import('../src/graphql/cost.js');
  const { isObjectType } = await import('graphql');
  const schema = buildSchema();
  let largest = 0;
  for (const t of Object.values(schema.getTypeMap())) {
    if (!isObjectType(t) || t.name.startsWith('__') || t.name === 'Query') continue;
    for (const f of Object.values(t.getFields())) largest = Math.max(largest, listSizeOf(f as never)?.assumedSize ?? 0);
  }
  assert.equal(MAX_NEIGHBOURS, largest);
});

test('the articles and evidence lists of a mentioned entity fit in what the mention loader fetches', async () => {
  const { MENTIONS_LIMIT } = await import('../src/query/neighbours.js');
  const { listSizeOf } = await import('../src/graphql/cost.js');
  const schema = buildSchema();
  for (const type of ['Place', 'Organization', 'Initiative', 'Person', 'Cohort']) {
    const fields = (schema.getType(type) as import('graphql').GraphQLObjectType).getFields();
    for (const name of ['articles', 'evidence']) {
      const bound = listSizeOf(fields[name] as never)?.assumedSize;
      assert.ok(bound !== undefined && bound <= MENTIONS_LIMIT, `${type}.${name} is bounded at ${bound}`);
    }
  }
});

test('the response-size pre-check is an upper bound: it never lets through an answer whose JSON is over the limit', async () => {
  const { jsonBytesAtMost } = await import('../src/graphql/limits.js');
  const samples: unknown[] = [
    { data: { r: { nodes: [{ id: 'initiative:1', name: '“青蓝工程”', places: [{ name: '孝昌县' }] }] } } },
    { s: '"\\\n\u0001\u001f' + '😀'.repeat(10) + '帮带'.repeat(50), n: [1, -2.5e-300, null, true, false] },
    { deep: [[[[{ a: 'x'.repeat(1000) }]]]], skipped: undefined },
  ];
  for (const v of samples) {
    const exact = Buffer.byteLength(JSON.stringify(v));
    assert.equal(jsonBytesAtMost(v, exact - 1), false, `a limit below ${exact} bytes is not reported as met`);
    assert.equal(jsonBytesAtMost(v, exact * 8), true, 'a generous limit is met without serialising');
  }
});
