import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { audit } from '../src/logger.js';
import { openTestGraph, TEST_API_KEY, type TestGraph } from './helpers.js';

/**
 * The hardening report (issue 8), request by request: each attack is refused or answered,
 * and ordinary questions still pass. Real HTTP on an ephemeral port, real Neo4j.
 */
const fixture = (name: string) => readFileSync(new URL(`./fixtures/hostile/${name}`, import.meta.url), 'utf8');

async function listen(g: TestGraph): Promise<string> {
  await new Promise<void>((r) => g.app.server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(g.app.server.address() as AddressInfo).port}`;
}
const stop = (g: TestGraph) => new Promise((r) => g.app.server.close(r));

async function post(base: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: (() => { try { return JSON.parse(text); } catch { return undefined; } })() };
}

describe('cost model and response budget', () => {
  let g: TestGraph;
  let base: string;
  before(async () => {
    g = await openTestGraph();
    base = await listen(g);
  });
  after(async () => {
    await stop(g);
    await g.close();
  });

  test('the ordinary 100-mentorship question and 100 places with two parent levels are answered', async () => {
    const m = await post(base, { query: fixture('ordinary-mentorships.graphql'), variables: { n: 100 } });
    assert.equal(m.status, 200);
    assert.equal(m.json.errors, undefined, JSON.stringify(m.json.errors));
    assert.ok(m.json.data.mentorships.nodes.length > 5);
    assert.ok(m.json.data.mentorships.nodes.every((n: any) => n.evidence.every((e: any) => e.quote && 'title' in e.article)));
    const p = await post(base, { query: `{ places(first: 100) { nodes { name parent { name parent { name } } } } }` });
    assert.equal(p.json.errors, undefined);
    assert.ok(p.json.data.places.nodes.length > 40);
  });

  test('the amplification query is refused before it runs, with its own code and advice but no internals', async () => {
    const q = { query: fixture('amplification.graphql'), variables: { n: 100 } };
    const asJson = await post(base, q);
    assert.equal(asJson.status, 200, 'application/json: GraphQL over HTTP keeps 200');
    const [err] = asJson.json.errors;
    assert.equal(err.extensions.code, 'COST_LIMIT_EXCEEDED');
    assert.equal(err.extensions.limit, 'cost');
    assert.match(err.message, /smaller pages/);
    assert.doesNotMatch(err.message, /\d/, 'no thresholds or computed costs in the message');
    assert.equal(asJson.json.data, undefined);
    assert.equal(asJson.json.extensions?.cypherQueries ?? 0, 0, 'nothing ran');
    const asSpec = await post(base, q, { accept: 'application/graphql-response+json' });
    assert.equal(asSpec.status, 400, 'application/graphql-response+json: 4xx');
    assert.equal(asSpec.json.errors[0].extensions.code, 'COST_LIMIT_EXCEEDED');
  });

  test('the other limits answer the same way: depth, aliases, tokens', async () => {
    const deep = await post(base, { query: `{ places { nodes { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } }` });
    assert.deepEqual([deep.status, deep.json.errors[0].extensions], [200, { code: 'DEPTH_LIMIT_EXCEEDED', limit: 'depth' }]);
    assert.doesNotMatch(deep.json.errors[0].message, /Syntax Error|\d/);
    const aliases = await post(base, { query: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: stats { places }`).join(' ')} }` });
    assert.deepEqual([aliases.status, aliases.json.errors[0].extensions], [200, { code: 'ALIAS_LIMIT_EXCEEDED', limit: 'aliases' }]);
    // A resolver's own error (a bad argument) is 200 for application/json as well, 400 for the spec's media type.
    const bad = { query: '{ node(id: "nope") { id } }' };
    const badJson = await post(base, bad);
    assert.deepEqual([badJson.status, badJson.json.errors[0].extensions.code], [200, 'BAD_USER_INPUT']);
    const badSpec = await post(base, bad, { accept: 'application/graphql-response+json' });
    assert.deepEqual([badSpec.status, badSpec.json.errors[0].extensions.code], [400, 'BAD_USER_INPUT']);
  });

  test('GraphiQL\'s introspection passes; a circular introspection query is refused', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const full = await post(base, { query: getIntrospectionQuery() });
    assert.equal(full.json.errors, undefined, JSON.stringify(full.json.errors));
    const circular = await post(base, { query: '{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }' });
    // graphql-js's own introspection-depth rule answers first; the cost model is the second wall.
    assert.equal(circular.json.data, undefined);
    assert.ok(['COST_LIMIT_EXCEEDED', 'DEPTH_LIMIT_EXCEEDED', 'GRAPHQL_VALIDATION_FAILED'].includes(circular.json.errors[0].extensions.code), JSON.stringify(circular.json.errors));
    assert.match(circular.json.errors[0].message, /introspection depth|cost/i);
  });

  test('a response over the byte budget is replaced by an error that says what to change', async () => {
    const small = await openTestGraph({ seed: false, env: { MAX_RESPONSE_BYTES: '20000' } });
    try {
      const r = await small.gql(`{ articles(first: 10) { nodes { title text } } }`);
      assert.equal(r.errors[0].extensions.code, 'RESPONSE_TOO_LARGE');
      assert.match(r.errors[0].message, /fewer objects|smaller pages/);
      assert.equal(r.data, undefined);
      const titles = await small.gql(`{ articles(first: 10) { nodes { title } } }`);
      assert.equal(titles.errors, undefined);
    } finally {
      await small.close();
    }
  });

  test('unpaged lists return at most their declared bound', async () => {
    // Seed 孝昌县 has few articles; the bound shows in the schema and in the cost model test.
    const r = await post(base, { query: `{ __type(name: "Place") { fields { name } } }` });
    assert.ok(r.json.data.__type.fields.some((f: any) => f.name === 'articles'));
    const { buildSchema } = await import('../src/graphql/schema.js');
    const field = (buildSchema() as any).getType('Place').getFields().children;
    const many = Array.from({ length: 500 }, (_, i) => ({ id: `place:${i}` }));
    const info = { fieldNodes: [], fragments: {} };
    const out = await field.resolve({ id: 'place:1', __label: 'Place' }, {}, { loaders: { neighbours: () => ({ load: async () => many }) } }, info);
    assert.equal(out.length, 200);
  });
});

describe('perimeter', () => {
  let g: TestGraph;
  let base: string;
  before(async () => {
    g = await openTestGraph({ seed: false });
    base = await listen(g);
  });
  after(async () => {
    await stop(g);
    await g.close();
  });

  test('CSRF: only JSON POSTs and GET queries are executed', async () => {
    const query = '{ stats { places } }';
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent(query)}`],
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"${query}"}\r\n--x--`],
      ['application/graphql', query],
      ['text/plain', JSON.stringify({ query })],
    ] as const) {
      const r = await post(base, body, { 'content-type': type });
      assert.equal(r.status, 415, `${type}: ${r.text}`);
      assert.equal(r.json.errors[0].extensions.code, 'UNSUPPORTED_MEDIA_TYPE');
    }
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/json' } });
    assert.equal(get.status, 200);
    const mutation = await fetch(`${base}/graphql?query=${encodeURIComponent('mutation { removeArticle(id: "article:0123456789abcdef") { removed } }')}`, { headers: { accept: 'application/json' } });
    assert.equal(mutation.status, 405);
  });

  test('CORS is off by default: no origin is reflected', async () => {
    const pre = await fetch(`${base}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
    const r = await fetch(`${base}/graphql`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    assert.equal(r.headers.get('access-control-allow-origin'), null);
    assert.equal(r.headers.get('access-control-allow-credentials'), null);
  });

  test('expected bad input never logs a stack and never becomes an internal error', async () => {
    const strings = ["' OR 1=1 //", 'NOT', 'AND OR', '*:*', '"', '\\', '}{', 'constructor:1', '__proto__:1', 'toString:x', 'MATCH (n) DETACH DELETE n', '孝昌县" OR "1"="1', 'x'.repeat(5000)];
    const before = await g.snapshot();
    for (const s of strings) {
      for (const [query, vars] of [
        ['query($s: String!) { search(query: $s) { type } }', { s }],
        ['query($s: ID!) { node(id: $s) { id } }', { s }],
        ['query($s: String) { places(filter: {place: $s, text: $s}) { totalCount } }', { s }],
        ['query($s: String) { mentorships(filter: {initiative: $s}) { totalCount } }', { s }],
        ['query($s: ID!) { graph(focus: [$s]) { nodes { id } } }', { s }],
        ['query($s: ID!) { path(from: $s, to: $s) { nodes { id } } }', { s }],
        ['query($s: String) { places(after: $s) { totalCount } }', { s }],
      ] as const) {
        const r = await post(base, { query, variables: vars });
        for (const e of r.json.errors ?? []) assert.notEqual(e.extensions?.code, 'INTERNAL_SERVER_ERROR', `${query} with ${s.slice(0, 30)}: ${e.message}`);
      }
    }
    assert.equal(await g.snapshot(), before, 'nothing changed');
  });
});

describe('switches and rate limits', () => {
  let g: TestGraph;
  let base: string;
  before(async () => {
    g = await openTestGraph({
      seed: false,
      env: {
        NODE_ENV: 'production',
        RATE_LIMIT_PER_MINUTE: '40',
        AUTH_FAILURES_PER_MINUTE: '3',
        CORS_ORIGINS: 'https://research.example.org',
      },
    });
    base = await listen(g);
  });
  after(async () => {
    await stop(g);
    await g.close();
  });

  test('production: no introspection and no GraphiQL unless switched on', async () => {
    assert.equal(g.config.GRAPHQL_INTROSPECTION, false);
    const r = await post(base, { query: '{ __schema { types { name } } }' });
    assert.match(r.json.errors[0].message, /introspection/i);
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    assert.doesNotMatch(await page.text(), /graphiql/i);
  });

  test('CORS allow-list: the listed origin only, without credentials', async () => {
    const ok = await fetch(`${base}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://research.example.org', 'access-control-request-method': 'POST' } });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://research.example.org');
    assert.equal(ok.headers.get('access-control-allow-credentials'), null);
  });

  test('failed API keys: refused after the limit, even with the right key, and audited', async () => {
    const lines: unknown[][] = [];
    const warn = audit.warn.bind(audit);
    audit.warn = ((...a: unknown[]) => {
      lines.push(a);
      return (warn as any)(...a);
    }) as typeof audit.warn;
    try {
      const m = { query: 'mutation { removeArticle(id: "article:0123456789abcdef") { removed } }' };
      const codes: string[] = [];
      for (let i = 0; i < 4; i++) codes.push((await post(base, m, { authorization: `Bearer wrong-key-${i}-0123456789` })).json.errors[0].extensions.code);
      assert.deepEqual(codes, ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
      const right = await post(base, m, { authorization: `Bearer ${TEST_API_KEY}` });
      assert.equal(right.json.errors[0].extensions.code, 'RATE_LIMITED');
      assert.ok(lines.length >= 4);
      const logged = JSON.stringify(lines);
      assert.match(logged, /bad-key/);
      assert.ok(!logged.includes('wrong-key') && !logged.includes(TEST_API_KEY), 'no key in the audit log');
    } finally {
      audit.warn = warn;
    }
  });

  test('per-address request limit: 429 with Retry-After; the probes are not counted', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 60 && !limited; i++) {
      const r = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } });
      if (r.status === 429) limited = r;
      else await r.arrayBuffer();
    }
    assert.ok(limited, 'the limit was reached');
    assert.ok(Number(limited!.headers.get('retry-after')) >= 1);
    assert.equal((await limited!.json()).errors[0].extensions.code, 'RATE_LIMITED');
    assert.equal((await fetch(`${base}/health`)).status, 200);
  });
});

describe('ingestion cannot hurt the server', () => {
  let g: TestGraph;
  let base: string;
  before(async () => {
    g = await openTestGraph({ env: { INGEST_TIMEOUT_MS: '30000' } });
    base = await listen(g);
  });
  after(async () => {
    await stop(g);
    await g.close();
  });
  const ingest = (input: Record<string, unknown>) =>
    post(base, { query: 'mutation($i: IngestArticleInput!) { ingestArticle(input: $i) { status extracted { mentorships } } }', variables: { i: input } }, { authorization: `Bearer ${TEST_API_KEY}` });

  test('300k unpunctuated characters: bounded time, and /health answers meanwhile', async () => {
    let text = '';
    while (text.length < 300_000) text += '孝昌县推出雁雏共翔计划首批三十八名县领导担任帮带导师结对七十四名年轻尖兵';
    const t0 = performance.now();
    let done = false;
    const running = ingest({ text }).finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const t = performance.now();
      assert.equal((await fetch(`${base}/health`)).status, 200);
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
    const r = await running;
    const took = performance.now() - t0;
    assert.ok(took < 60_000, `took ${took.toFixed(0)} ms`);
    assert.ok(r.json.data?.ingestArticle || r.json.errors[0].extensions.code === 'ARTICLE_TOO_COMPLEX', r.text.slice(0, 300));
    latencies.sort((a, b) => a - b);
    assert.ok(latencies.length >= 3, `${latencies.length} probes`);
    assert.ok(latencies.at(-1)! < 1000, `slowest /health took ${latencies.at(-1)!.toFixed(0)} ms`);
  });

  test('deeply nested HTML is refused at once with a clear error; the graph is unchanged', async () => {
    const before = await g.snapshot();
    const html = '<html><body>' + '<div>'.repeat(12_000) + '<p>孝昌县年轻干部</p>' + '</div>'.repeat(12_000) + '</body></html>';
    const t0 = performance.now();
    const r = await ingest({ html });
    assert.ok(performance.now() - t0 < 5000);
    assert.equal(r.json.errors[0].extensions.code, 'BAD_USER_INPUT');
    assert.match(r.json.errors[0].message, /nests elements \d+ deep; at most \d+/);
    assert.equal(await g.snapshot(), before);
  });

  test('an article over its time limit is stopped and refused; the next one is served', async () => {
    const slow = await openTestGraph({ seed: false, env: { INGEST_TIMEOUT_MS: '1000' } });
    try {
      let text = '';
      while (text.length < 300_000) text += '孝昌县推出雁雏共翔计划首批三十八名县领导担任帮带导师结对七十四名年轻尖兵';
      const before = await slow.snapshot();
      const m = 'mutation($i: IngestArticleInput!) { ingestArticle(input: $i) { status } }';
      const r = await slow.gql(m, { i: { text } }, { authorization: `Bearer ${TEST_API_KEY}` });
      assert.equal(r.errors[0].extensions.code, 'ARTICLE_TOO_COMPLEX');
      assert.match(r.errors[0].message, /longer than 1 s/);
      assert.equal(await slow.snapshot(), before);
    } finally {
      await slow.close();
    }
  });

  test('the body limit admits a whole article of MAX_ARTICLE_CHARS', async () => {
    assert.ok(g.config.limits.maxBodyBytes >= g.config.limits.maxArticleChars * 3 + 10_000);
  });
});
