import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_QUERY } from '../src/graphql/examples.js';
import { openTestGraph, type TestGraph } from './helpers.js';

/**
 * The client tooling people use, pointed at the printed schema (schema.graphql) and at the
 * running server: relay-compiler, Apollo Client 4, GraphQL Code Generator and
 * graphql-schema-linter (devDependencies only).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
const POSSIBLE = JSON.parse(readFileSync(path.join(ROOT, 'clients/possible-types.json'), 'utf8'));

let g: TestGraph;
let url: string;
before(async () => {
  g = await openTestGraph();
  await new Promise<void>((r) => g.app.server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(g.app.server.address() as AddressInfo).port}/graphql`;
});
after(async () => {
  await new Promise((r) => g.app.server.close(r));
  await g.close();
});

async function post(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables, operationName }) });
  return { status: res.status, ...((await res.json()) as { data: any; errors?: any[] }) };
}

/** README's ```graphql blocks and GraphiQL's examples: the operations users start from. */
function exampleOperations(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return [...[...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!), EXAMPLE_QUERY];
}

describe('the printed schema', () => {
  test('schema.graphql and clients/possible-types.json are generated from schema/ and current', () => {
    const r = spawnSync(BIN('tsx'), ['scripts/print-schema.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr + r.stdout);
  });

  test('graphql-schema-linter passes: descriptions everywhere, Relay connection and PageInfo rules', () => {
    const rc = JSON.parse(readFileSync(path.join(ROOT, '.graphql-schema-linterrc'), 'utf8'));
    for (const rule of ['fields-have-descriptions', 'arguments-have-descriptions', 'enum-values-have-descriptions', 'relay-connection-types-spec', 'relay-connection-arguments-spec', 'relay-page-info-spec']) {
      assert.ok(rc.rules.includes(rule), rule);
    }
    const r = spawnSync(BIN('graphql-schema-linter'), ['--format', 'compact'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});

describe('Relay', () => {
  test('relay-compiler compiles @connection on mentorships and places and @refetchable on Node; its queries run', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cadre-relay-'));
    try {
      cpSync(path.join(ROOT, 'test/fixtures/relay'), dir, { recursive: true });
      mkdirSync(path.join(dir, 'src/__generated__'), { recursive: true });
      const config = JSON.parse(readFileSync(path.join(dir, 'relay.config.json'), 'utf8'));
      writeFileSync(path.join(dir, 'relay.config.json'), JSON.stringify({ ...config, schema: path.join(ROOT, 'schema.graphql') }));
      const c = spawnSync(BIN('relay-compiler'), [], { cwd: dir, encoding: 'utf8' });
      assert.equal(c.status, 0, c.stdout + c.stderr);

      const require = createRequire(import.meta.url);
      const gen = path.join(dir, 'src/__generated__');
      const op = (name: string) => require(path.join(gen, `${name}.graphql.js`)).params as { name: string; text: string };
      assert.ok(readdirSync(gen).length >= 7);

      const app = await post(op('AppQuery').text, { place: '孝昌县' });
      assert.equal(app.errors, undefined, JSON.stringify(app.errors));
      assert.equal(app.status, 200);
      const first = app.data.mentorships;
      assert.equal(first.edges.length, 2);
      assert.equal(first.pageInfo.hasNextPage, true);
      assert.equal(app.data.node.__isNode, 'Place');

      // Paging the connections the way Relay's usePaginationFragment does, to the end.
      const seen = first.edges.map((e: any) => e.node.id);
      let cursor = first.pageInfo.endCursor;
      for (let i = 0; i < 10 && cursor; i++) {
        const more = await post(op('AppMentorshipsPaginationQuery').text, { place: '孝昌县', count: 2, cursor });
        assert.equal(more.errors, undefined, JSON.stringify(more.errors));
        seen.push(...more.data.mentorships.edges.map((e: any) => e.node.id));
        cursor = more.data.mentorships.pageInfo.hasNextPage ? more.data.mentorships.pageInfo.endCursor : null;
      }
      assert.equal(new Set(seen).size, first.totalCount, 'every mentorship once');
      const places = await post(op('AppPlacesPaginationQuery').text, { count: 3, cursor: app.data.places.pageInfo.endCursor });
      assert.equal(places.errors, undefined, JSON.stringify(places.errors));
      const names = [...app.data.places.edges, ...places.data.places.edges].map((e: any) => e.node.name);
      assert.deepEqual(names, [...names].sort().reverse(), 'orderBy NAME DESC');

      const refetch = await post(op('AppNodeRefetchQuery').text, { id: 'place:420921' });
      assert.equal(refetch.errors, undefined, JSON.stringify(refetch.errors));
      assert.equal(refetch.data.node.name, '孝昌县');
      assert.equal(refetch.data.node.initiatives.nodes.length, 2);
      assert.equal(refetch.data.node.initiatives.pageInfo.hasPreviousPage, true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Apollo Client 4', () => {
  test('paginates mentorships with relayStylePagination and reads a union through the generated possibleTypes', async () => {
    const { ApolloClient, HttpLink, InMemoryCache, gql } = await import('@apollo/client');
    const { relayStylePagination } = await import('@apollo/client/utilities');
    const client = new ApolloClient({
      link: new HttpLink({ uri: url }),
      cache: new InMemoryCache({
        possibleTypes: POSSIBLE.possibleTypes,
        typePolicies: { Query: { fields: { mentorships: relayStylePagination(['filter']) } } },
      }),
    });
    const PAGE = gql`
      fragment PartyName on Party {
        ... on Person { id name }
        ... on Cohort { id label }
      }
      query MentorshipPage($after: String) {
        mentorships(filter: { place: "孝昌县" }, first: 2, after: $after) {
          edges { cursor node { id mentor { ...PartyName } mentee { ...PartyName } } }
          pageInfo { hasNextPage endCursor }
        }
      }
    `;
    let result: any = await client.query({ query: PAGE });
    const watch = client.watchQuery({ query: PAGE });
    const sub = watch.subscribe(() => undefined);
    for (let i = 0; i < 10 && result.data.mentorships.pageInfo.hasNextPage; i++) {
      result = await watch.fetchMore({ variables: { after: result.data.mentorships.pageInfo.endCursor } });
    }
    sub.unsubscribe();
    const merged: any = client.readQuery({ query: PAGE });
    const edges = merged.mentorships.edges;
    assert.equal(edges.length, 5, 'the five mentorships of 孝昌县, merged page by page');
    assert.equal(new Set(edges.map((e: any) => e.node.id)).size, 5);
    assert.equal(merged.mentorships.pageInfo.hasNextPage, false);
    // Without possibleTypes a fragment on the union Party would read as empty objects.
    for (const e of edges) assert.ok(e.node.mentee.name || e.node.mentee.label, JSON.stringify(e.node.mentee));
    assert.ok(edges.some((e: any) => e.node.mentor?.label), 'a cohort mentor read through the union');
    client.stop();
  });
});

describe('GraphQL Code Generator', () => {
  test('generates TypeScript types for every README and GraphiQL example, and each example answers', async () => {
    const { generate } = await import('@graphql-codegen/cli');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cadre-codegen-'));
    try {
      const docs = exampleOperations();
      docs.forEach((d, i) => writeFileSync(path.join(dir, `example${i}.graphql`), d));
      const [out] = await generate(
        {
          schema: path.join(ROOT, 'schema.graphql'),
          documents: path.join(dir, '*.graphql'),
          generates: { [path.join(dir, 'types.ts')]: { plugins: ['typescript', 'typescript-operations'] } },
          silent: true,
        },
        false,
      );
      const names = docs.flatMap((d) => [...d.matchAll(/^\s*query (\w+)/gm)].map((m) => m[1]!));
      assert.ok(names.length >= 8, names.join());
      for (const n of names) assert.match(out!.content, new RegExp(`export type ${n}Query = `), n);
      for (const d of docs) {
        for (const n of [...d.matchAll(/^\s*query (\w+)/gm)].map((m) => m[1]!)) {
          const r = await post(d, {}, n);
          assert.equal(r.errors, undefined, `${n}: ${JSON.stringify(r.errors)}`);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
