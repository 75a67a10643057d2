/**
 * Our server side by side with the standard alternative — an @neo4j/graphql 7 server generated
 * from equivalent type definitions (bench/peer/typeDefs.graphql) — and with a raw-driver floor
 * that replays the Cypher our server issued for each question (same statements, same
 * parameters, the same waves of parallel reads, no GraphQL or HTTP), on the same Neo4j store.
 * Answers of ours and the peer are checked equal before timing. Then, interleaved, each
 * (question, server) gets CONNS concurrent clients for SECONDS; requests/s, median of 3 rounds.
 * TCP_NODELAY is on for all three (our driver hook patches every socket of the process).
 *
 *   npx tsx bench/peer.ts [size: seeds | 10000 | 100000 (a graph bench/scale.ts built)]
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/gateway.js';
import { createApp } from '../src/server.js';
import { benchGraph, ensureScaleGraph } from './harness.js';

const size = process.argv[2] ?? 'seeds';
const CONNS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = 3;

if (size !== 'seeds') await ensureScaleGraph(path.join(os.tmpdir(), `cadre-graph-scale-${size}`), Number(size));
const g =
  size === 'seeds'
    ? await benchGraph({ seed: true })
    : await benchGraph({ seed: true, dataDir: path.join(os.tmpdir(), `cadre-graph-scale-${size}`), heap: '3g', pageCacheMb: 4096 });

// Ours, with a recorder on the database handle (for the floor).
let recording: Array<{ cypher: string; params: Record<string, unknown>; start: number; end: number }> | undefined;
function recorded(db: Db): Db {
  return Object.assign(Object.create(db) as Db, {
    async read(cypher: string, params: Record<string, unknown> = {}) {
      const start = performance.now();
      const rows = await db.read(cypher, params);
      recording?.push({ cypher, params, start, end: performance.now() });
      return rows;
    },
    // Each GraphQL request reads through a scoped handle of its own.
    scoped: () => recorded(db.scoped()),
  });
}
const recDb = recorded(g.db);
const ours = createApp({ db: recDb, config: loadConfig({ NEO4J_URI: g.uri, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'error' }, { dotenv: false }) });
await new Promise<void>((r) => ours.server.listen(0, '127.0.0.1', r));
const oursUrl = `http://127.0.0.1:${(ours.server.address() as AddressInfo).port}/graphql`;

// The peer, on the same driver settings' store.
const typeDefs = readFileSync(new URL('./peer/typeDefs.graphql', import.meta.url), 'utf8');
const peerSchema = await new Neo4jGraphQL({ typeDefs, driver: g.driver }).getSchema();
const peerYoga = createYoga({ schema: peerSchema, logging: false, graphiql: false });
const peerServer = createServer(peerYoga);
await new Promise<void>((r) => peerServer.listen(0, '127.0.0.1', r));
const peerUrl = `http://127.0.0.1:${(peerServer.address() as AddressInfo).port}/graphql`;

/** A place or anything up to `depth` levels below it, in the peer's filter language. */
function under(name: string, depth: number) {
  const alts: unknown[] = [];
  let cur: unknown = { name: { eq: name } };
  alts.push(cur);
  for (let k = 1; k <= depth; k++) {
    cur = { parent: { some: cur } };
    alts.push(cur);
  }
  return { OR: alts };
}

const [county] = await g.db.read(`MATCH (p:Place {name: '孝昌县'}) RETURN p.id AS id`);
const PARTY = '... on Person { name } ... on Cohort { label }';
const names = (xs: any[]) => xs.map((x) => x.name ?? x.label ?? x.title).sort();

interface Question {
  ours: { query: string; variables?: unknown };
  peer?: { query: string; variables?: unknown };
  /** Both answers in one comparable shape. */
  norm?: { ours(d: any): unknown; peer(d: any): unknown };
}
const QUESTIONS: Record<string, Question> = {
  a: {
    ours: { query: `{ r: mentorships(filter: {place: "孝昌县"}, first: 50) { totalCount nodes { id mentor { ${PARTY} } mentee { ${PARTY} } initiative { name } evidence { quote article { title } } } } }` },
    peer: {
      query: `query($w: MentorshipWhere) { r: mentorshipsConnection(first: 50, sort: [{id: ASC}], where: $w) { totalCount edges { node { id mentor { ${PARTY} } mentee { ${PARTY} } initiative { name } reportsConnection { edges { properties { quote } node { title } } } } } } }`,
      variables: { w: { OR: [{ places: { some: under('孝昌县', 3) } }, { initiative: { some: { places: { some: under('孝昌县', 3) } } } }] } },
    },
    norm: {
      ours: (d) => [d.r.totalCount, d.r.nodes.map((m: any) => [m.id, names([m.mentor].filter(Boolean)), names([m.mentee]), m.initiative?.name ?? null, m.evidence.map((e: any) => e.quote + e.article.title).sort()])],
      peer: (d) => [
        d.r.totalCount,
        d.r.edges.map(({ node: m }: any) => [m.id, names(m.mentor), names(m.mentee), m.initiative[0]?.name ?? null, m.reportsConnection.edges.map((e: any) => e.properties.quote + e.node.title).sort()]),
      ],
    },
  },
  b: {
    ours: { query: `{ r: initiatives(filter: {place: "湖北省", kind: mentoring}, first: 50) { totalCount nodes { id name places { name } } } }` },
    peer: {
      query: `query($w: InitiativeWhere) { r: initiativesConnection(first: 50, sort: [{name: ASC}, {id: ASC}], where: $w) { totalCount edges { node { id name places { name } } } } }`,
      variables: { w: { kind: { eq: 'mentoring' }, places: { some: under('湖北省', 5) } } },
    },
    norm: {
      ours: (d) => [d.r.totalCount, d.r.nodes.map((i: any) => [i.id, i.name, names(i.places)])],
      peer: (d) => [d.r.totalCount, d.r.edges.map(({ node: i }: any) => [i.id, i.name, names(i.places)])],
    },
  },
  c: { ours: { query: `{ search(query: "帮带", first: 10) { score type node { ... on Initiative { name } ... on Article { title } ... on Person { name } ... on Place { name } } } }` } },
  d: {
    ours: { query: `query($id: ID!) { r: node(id: $id) { ... on Place { name parent { name } children { name } articles { id title } } } }`, variables: { id: county?.id } },
    peer: {
      query: `query($id: ID!) { r: places(where: {id: {eq: $id}}) { name parent { name } children { name } articles(limit: 50, sort: [{id: ASC}]) { id title } } }`,
      variables: { id: county?.id },
    },
    norm: {
      ours: (d) => [d.r.name, d.r.parent?.name, names(d.r.children), d.r.articles.map((a: any) => a.id)],
      peer: (d) => [d.r[0].name, d.r[0].parent[0]?.name, names(d.r[0].children), d.r[0].articles.map((a: any) => a.id)],
    },
  },
  e: {
    ours: { query: `{ r: initiatives(first: 100) { nodes { id name places { name } articles { id title } } } }` },
    peer: { query: `{ r: initiatives(limit: 100, sort: [{name: ASC}, {id: ASC}]) { id name places { name } articles(limit: 50, sort: [{id: ASC}]) { id title } } }` },
    norm: {
      ours: (d) => d.r.nodes.map((i: any) => [i.id, names(i.places), i.articles.map((a: any) => a.id)]),
      peer: (d) => d.r.map((i: any) => [i.id, names(i.places), i.articles.map((a: any) => a.id)]),
    },
  },
};

async function post(url: string, body: unknown): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { data?: unknown; errors?: unknown[] };
  if (json.errors) throw new Error(`${url}: ${JSON.stringify(json.errors).slice(0, 400)}`);
  return json.data;
}

// Answers first; then what our server sent to Neo4j for each question, grouped in waves (a
// statement that started before any of the current wave finished did not wait for it).
const floors: Record<string, Array<Array<{ cypher: string; params: Record<string, unknown> }>>> = {};
for (const [k, q] of Object.entries(QUESTIONS)) {
  const mine = await post(oursUrl, q.ours);
  if (q.peer && q.norm) {
    const theirs = await post(peerUrl, q.peer);
    const a = JSON.stringify(q.norm.ours(mine));
    const b = JSON.stringify(q.norm.peer(theirs));
    if (a !== b) throw new Error(`question ${k}: the answers differ\n ours: ${a.slice(0, 600)}\n peer: ${b.slice(0, 600)}`);
  }
  recording = [];
  await post(oursUrl, q.ours);
  const stmts = recording.sort((x, y) => x.start - y.start);
  recording = undefined;
  const waves: Array<typeof stmts> = [];
  for (const s of stmts) {
    const w = waves.at(-1);
    if (w && s.start < Math.min(...w.map((x) => x.end))) w.push(s);
    else waves.push([s]);
  }
  floors[k] = waves.map((w) => w.map(({ cypher, params }) => ({ cypher, params })));
}
console.log(`answers of ours and the peer are equal on ${Object.values(QUESTIONS).filter((q) => q.peer).length} questions (c has no peer: full-text search is not in its type definitions)`);

type Runner = () => Promise<unknown>;
const failures: Record<string, number> = {};
/** Answered requests per second; failures (a 503 when Neo4j is saturated) are counted apart. */
async function throughput(run: Runner, who: string): Promise<number> {
  const until = performance.now() + SECONDS * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: CONNS }, async () => {
      while (performance.now() < until) {
        try {
          await run();
          n++;
        } catch (err) {
          failures[`${who}: ${(err as Error).message.slice(0, 120)}`] = (failures[`${who}: ${(err as Error).message.slice(0, 120)}`] ?? 0) + 1;
        }
      }
    }),
  );
  return n / SECONDS;
}

const runners: Record<string, Record<string, Runner | undefined>> = {};
for (const [k, q] of Object.entries(QUESTIONS)) {
  runners[k] = {
    ours: () => post(oursUrl, q.ours),
    peer: q.peer ? () => post(peerUrl, q.peer) : undefined,
    floor: async () => {
      // The raw driver, not our gateway: no monitor, no error mapping, nothing of ours; its
      // fastest read (auto-commit, one round trip), as our gateway's.
      for (const wave of floors[k]!) {
        await Promise.all(
          wave.map(async (s) => {
            const session = g.driver.session({ database: 'neo4j', defaultAccessMode: 'READ' });
            try {
              await session.run(s.cypher, s.params);
            } finally {
              await session.close();
            }
          }),
        );
      }
    },
  };
}
const rates: Record<string, Record<string, number[]>> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const k of Object.keys(QUESTIONS)) {
    for (const [who, run] of Object.entries(runners[k]!)) {
      if (!run) continue;
      ((rates[k] ??= {})[who] ??= []).push(await throughput(run, `${k} ${who}`));
    }
  }
  process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`size ${size}; ${os.availableParallelism()} cores; ${CONNS} connections; ${SECONDS} s per cell; median of ${ROUNDS} interleaved rounds; requests/s`);
console.log('| question | ours | peer | floor | ours/peer | ours/floor |');
console.log('|---|---|---|---|---|---|');
const gm = { peer: [] as number[], floor: [] as number[] };
for (const k of Object.keys(QUESTIONS)) {
  const o = median(rates[k]!.ours!);
  const p = rates[k]!.peer ? median(rates[k]!.peer!) : undefined;
  const f = median(rates[k]!.floor!);
  if (p) gm.peer.push(o / p);
  gm.floor.push(o / f);
  console.log(`| ${k} | ${o.toFixed(0)} | ${p?.toFixed(0) ?? '–'} | ${f.toFixed(0)} | ${p ? (o / p).toFixed(2) : '–'} | ${(o / f).toFixed(2)} |`);
}
for (const [what, n] of Object.entries(failures)) console.log(`failed ${n}×: ${what}`);
const geo = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
console.log(`| geometric mean | | | | ${geo(gm.peer).toFixed(2)} | ${geo(gm.floor).toFixed(2)} |`);

// Both HTTP servers hold keep-alive connections from the load clients: close those too, or
// the process never ends (and keeps its Neo4j running).
ours.server.closeAllConnections();
peerServer.closeAllConnections();
await new Promise((r) => ours.server.close(r));
await new Promise((r) => peerServer.close(r));
await ours.close();
await g.close();
process.exit(0);
