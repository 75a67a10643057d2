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

test('the response size is measured on the JSON sent, serialised once, and a later rewrite of the result is sent as rewritten', async () => {
  const { createSchema, createYoga } = await import('graphql-yoga');
  const { responseSizePlugin } = await import('../src/graphql/limits.js');
  const schema = createSchema({
    typeDefs: 'type Query { s: String, fail: String }',
    resolvers: { Query: { s: () => '帮带"\\\n\u0001😀'.repeat(20), fail: () => { throw new Error('boom'); } } },
  });
  let calls = 0;
  const counting = JSON.stringify;
  const app = (max: number, after: import('graphql-yoga').Plugin[] = []) =>
    createYoga({ schema, logging: false, maskedErrors: true, plugins: [responseSizePlugin({ maxResponseBytes: max } as never), ...after] });
  const ask = async (yoga: ReturnType<typeof app>, query: string) => {
    const body = `{"query":${counting(query)}}`;
    const res = await yoga.fetch('http://x/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return res.text();
  };
  const exact = Buffer.byteLength(await ask(app(1e6), '{ s }'));
  JSON.stringify = ((...a: Parameters<typeof counting>) => (calls++, counting(...a))) as typeof JSON.stringify;
  try {
    const body = await ask(app(exact), '{ s }');
    assert.equal(Buffer.byteLength(body), exact, 'an answer of exactly the limit is sent');
    assert.equal(calls, 1, 'and serialised once');
  } finally {
    JSON.stringify = counting;
  }
  const refused = JSON.parse(await ask(app(exact - 1), '{ s }'));
  assert.equal(refused.errors[0].extensions.code, 'RESPONSE_TOO_LARGE');
  // A plugin after it that rewrites the result: the rewrite is what is sent.
  const tagging: import('graphql-yoga').Plugin = {
    onExecute: () => ({ onExecuteDone: ({ result, setResult }) => setResult({ ...(result as object), extensions: { tagged: true } } as never) }),
  };
  assert.deepEqual(JSON.parse(await ask(app(1e6, [tagging]), '{ s }')).extensions, { tagged: true });
  // An error: yoga's copy without internals is sent, not the text measured.
  const failed = JSON.parse(await ask(app(1e6), '{ fail }'));
  assert.equal(failed.errors[0].message, 'Unexpected error.');
  assert.equal(failed.data.fail, null);
});
