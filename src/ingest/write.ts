import { createHash } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Db } from '../db/gateway.js';
import { DatabaseUnavailableError } from '../errors.js';
import { NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from '../model.js';
import { claimOf, claimProps, settle, type Claim } from './claims.js';
import type { GraphWrite } from './resolve.js';
import {
  ARTICLE_COUNT,
  CLAIM_LABELS,
  CLAIMS_OF,
  createMentions,
  createReports,
  DELETE_ARTICLE,
  DELETE_MENTIONS,
  DETACH_FOUND,
  DISPUTED,
  MERGE_ARTICLES,
  mergeNodes,
  mergeRels,
  ORPHAN_PLACES,
  PRIOR_HASHES,
  SET_SETTLED,
  STRIP_EVIDENCE,
} from './write-cypher.js';

/**
 * Stage "write": one article's facts in one write transaction. The article's earlier
 * contributions are detached first, so re-writing an article replaces only its own facts
 * and a failure half-way leaves the graph as it was.
 */
export interface WriteSummary {
  articleId: string;
  status: 'created' | 'updated' | 'unchanged';
  /** Nodes and relationships the article's facts consist of. */
  nodes: number;
  relationships: number;
  /** What the write did to the graph (from Neo4j's counters). */
  nodesCreated: number;
  /** Nodes that already existed (from other articles, or an earlier version) and were merged. */
  nodesMerged: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
}

interface Counters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
}

const noCounts = (): Counters => ({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });

/** Wraps a transaction so that every statement's counters are added up. */
function counting(tx: ManagedTransaction) {
  const totals = noCounts();
  const run = async (cypher: string, params?: Record<string, unknown>) => {
    const res = await tx.run(cypher, params);
    const u = res.summary.counters.updates();
    totals.nodesCreated += u.nodesCreated;
    totals.nodesDeleted += u.nodesDeleted;
    totals.relationshipsCreated += u.relationshipsCreated;
    totals.relationshipsDeleted += u.relationshipsDeleted;
    return res;
  };
  return { tx: { run } as unknown as ManagedTransaction, totals };
}

function assertLabel(l: string): asserts l is NodeLabel {
  if (!(NODE_LABELS as readonly string[]).includes(l)) throw new Error(`not a node label: ${l}`);
}
function assertRelType(t: string): asserts t is RelType {
  if (!(REL_TYPES as readonly string[]).includes(t)) throw new Error(`not a relationship type: ${t}`);
}
function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    m.set(k, [...(m.get(k) ?? []), it]);
  }
  return m;
}

/**
 * Sets each node's properties from the claims of the articles that mention or report it
 * (claims.ts says the rule). Nodes nobody claims anything about keep what they have.
 */
async function settleNodes(tx: ManagedTransaction, ids: Map<NodeLabel, string[]>, withdrawn = new Map<string, string[]>()): Promise<void> {
  if (![...ids.values()].some((l) => l.length > 0)) return;
  // Equal claims are grouped in the database (one row per distinct claim, with its support):
  // a county stated alike by 5,000 articles sends a row or two, not 5,000.
  const res = await tx.run(CLAIMS_OF, { ids: CLAIM_LABELS.map((l) => [...new Set(ids.get(l) ?? [])]) });
  const rows: Array<Array<{ id: string; props: Record<string, unknown> }>> = CLAIM_LABELS.map(() => []);
  for (const r of res.records) {
    const id = r.get('id') as string;
    const claims = (r.get('claims') as Array<[string, boolean, string, string, number]>).map(([articleId, curated, since, props, weight]): Claim => ({
      articleId,
      curated,
      since: since ?? '',
      props: JSON.parse(props),
      weight: Number(weight),
    }));
    rows[Number(r.get('label'))]!.push({ id, props: settleWithdrawn(withdrawn.get(id) ?? [], settle(claims)) });
  }
  if (rows.some((l) => l.length > 0)) await tx.run(SET_SETTLED, { rows });
}

/** Keys a removed article claimed that no remaining article claims are removed (null). */
function settleWithdrawn(keys: string[], settled: Record<string, unknown>): Record<string, unknown> {
  const out = { ...settled };
  for (const k of keys) if (!(k in out)) out[k] = null;
  return out;
}

/** Removes what only this article supported; keeps facts other articles also state. */
async function detachArticle(tx: ManagedTransaction, articleId: string): Promise<void> {
  // The nodes it made claims about (settled again from the other articles' claims at the end),
  // and the places its facts hang on with their ancestors: the only ones its removal can orphan.
  const found = await tx.run(DETACH_FOUND, { aid: articleId });
  const placesHeld = [...new Set(found.records.flatMap((r) => r.get('held') as string[]))];
  const withdrawn = new Map<string, string[]>();
  for (const r of found.records) {
    for (const [id, claims] of r.get('claims') as Array<[string, string | null]>) {
      if (claims) withdrawn.set(id, [...(withdrawn.get(id) ?? []), ...Object.keys(JSON.parse(claims))]);
    }
  }
  // Strip this article from the evidence lists, then delete what has none left (collected first,
  // so that no row reads a relationship another row already deleted). Only outgoing
  // relationships: every one an article states starts at a node it mentions or reports
  // (resolve.ts makes sure), and a county's or a scheme's incoming ones run to thousands.
  await tx.run(STRIP_EVIDENCE, { aid: articleId });
  await tx.run(DELETE_MENTIONS, { aid: articleId });
  // Places nobody mentions and nothing hangs on (walk up the hierarchy a few levels). Only the
  // places this article could have been holding up are looked at, not every place of the graph.
  for (let i = 0; i < 6; i++) {
    const res = await tx.run(ORPHAN_PLACES, { ids: placesHeld });
    if (Number(res.records[0]?.get('removed') ?? 0) === 0) break;
  }
  await settleNodes(tx, new Map(found.records.map((r) => [r.get('label') as NodeLabel, r.get('ids') as string[]])), withdrawn);
}

/** One batch: which articles were written how, and what the batch did to the graph in total. */
export interface BatchResult {
  /** Articles written, in input order (an id given twice: the last version). */
  written: Array<Pick<WriteSummary, 'articleId' | 'status' | 'nodes' | 'relationships'>>;
  /** Articles that could not be written; the rest of the batch committed without them. */
  failed: Array<{ articleId: string; error: Error }>;
  totals: Counters;
}

/**
 * What makes a re-ingest "unchanged": the same text, metadata and facts. The file name it was
 * read from (`source`) is left out: the same article under another name changes nothing, and
 * keeps the name it was first ingested under.
 */
export function factsHashOf(gw: GraphWrite): string {
  const { source: _source, ...props } = gw.article.props as Record<string, unknown>;
  return createHash('sha256').update(JSON.stringify([props, gw.nodes, gw.rels, gw.reports])).digest('hex');
}

/**
 * The batch's facts in fixed-shape UNWIND statements, one per label or relationship type
 * across all its articles (a few dozen statements for any batch size, not dozens per
 * article). Re-written articles are detached first, unchanged ones skipped.
 */
async function writeBatchTx(rawTx: ManagedTransaction, gws: GraphWrite[]) {
  const { tx, totals } = counting(rawTx);
  const hashes = gws.map(factsHashOf);
  const prior = await tx.run(PRIOR_HASHES, { ids: gws.map((g) => g.article.id) });
  const priorHash = new Map(prior.records.map((r) => [r.get('id') as string, r.get('h') as string]));
  const todo: Array<{ gw: GraphWrite; hash: string }> = [];
  const status = new Map<string, WriteSummary['status']>();
  for (const [i, gw] of gws.entries()) {
    const was = priorHash.get(gw.article.id);
    if (was !== undefined && was === hashes[i]) status.set(gw.article.id, 'unchanged');
    else {
      status.set(gw.article.id, was === undefined ? 'created' : 'updated');
      todo.push({ gw, hash: hashes[i]! });
    }
  }
  for (const { gw } of todo) if (priorHash.has(gw.article.id)) await detachArticle(tx, gw.article.id);

  if (todo.length > 0) {
    await tx.run(
      MERGE_ARTICLES,
      { rows: todo.map(({ gw, hash }) => ({ id: gw.article.id, props: gw.article.props, hash })) },
    );
  }
  const allNodes = todo.flatMap(({ gw }) => gw.nodes.map((n) => ({ aid: gw.article.id, n })));
  for (const [label, nodes] of groupBy(allNodes, (x) => x.n.label)) {
    assertLabel(label);
    // One row per node id: aliases gathered from every article of the batch.
    const byId = new Map<string, { id: string; props: Record<string, unknown>; aliases: string[] }>();
    for (const { n } of nodes) {
      const e = byId.get(n.id);
      if (e) e.aliases = [...new Set([...e.aliases, ...(n.aliases ?? [])])];
      else byId.set(n.id, { id: n.id, props: n.props, aliases: n.aliases ?? [] });
    }
    await tx.run(
      mergeNodes(label),
      { nodes: [...byId.values()] },
    );
    const mentioned = nodes.filter(({ n }) => n.evidence.length > 0);
    if (mentioned.length > 0) {
      await tx.run(
        createMentions(label),
        {
          rows: mentioned.map(({ aid, n }) => ({
            aid,
            id: n.id,
            quotes: n.evidence.map((e) => e.quote),
            offsets: n.evidence.map((e) => e.start),
            claims: claimOf(n.props),
          })),
        },
      );
    }
  }
  const allRels = todo.flatMap(({ gw }) => gw.rels.map((r) => ({ aid: gw.article.id, r })));
  for (const [key, rels] of groupBy(allRels, (x) => `${x.r.type}|${x.r.fromLabel}|${x.r.toLabel}`)) {
    const [type, fromLabel, toLabel] = key.split('|') as [string, string, string];
    assertRelType(type);
    assertLabel(fromLabel);
    assertLabel(toLabel);
    // One row per relationship of the batch, with every article's evidence: articles of one
    // county all state its gazetteer chain, which is then merged once, not once per article.
    const rows = new Map<string, { from: string; to: string; props: Record<string, unknown>; source: string | null; aids: string[]; quotes: string[] }>();
    for (const { aid, r } of rels) {
      const k = `${r.from}|${r.to}`;
      const row = rows.get(k) ?? { from: r.from, to: r.to, props: {}, source: null, aids: [], quotes: [] };
      Object.assign(row.props, r.props ?? {});
      row.source = r.source ?? row.source;
      const quote = r.evidence?.quote;
      if (quote !== undefined && !row.aids.includes(aid)) {
        row.aids.push(aid);
        row.quotes.push(quote);
      }
      rows.set(k, row);
    }
    await tx.run(
      mergeRels(type, fromLabel, toLabel),
      { rels: [...rows.values()] },
    );
  }
  // Each article's node properties by id: what it claims about the nodes it reports.
  const propsIn = new Map(todo.map(({ gw }) => [gw.article.id, new Map(gw.nodes.map((n) => [n.id, n.props]))]));
  const allReports = todo.flatMap(({ gw }) => {
    const propsOf = propsIn.get(gw.article.id)!;
    // One REPORTS per article and node (they are created, not merged: the article's old ones are gone).
    const once = [...new Map(gw.reports.map((r) => [r.id, r])).values()];
    return once.map((r) => ({ aid: gw.article.id, r, props: propsOf.get(r.id) ?? {} }));
  });
  for (const [label, reps] of groupBy(allReports, (x) => x.r.label)) {
    assertLabel(label);
    await tx.run(
      createReports(label),
      { reps: reps.map(({ aid, r, props }) => ({ aid, id: r.id, quote: r.evidence.quote, start: r.evidence.start, claims: claimOf(props) })) },
    );
  }
  // Shared nodes: merged from every article's claims, never overwritten by the last one.
  // A claim that agrees with what the node shows cannot change the winner (it only adds
  // support to it), so only nodes some claim of this batch disagrees with are settled again;
  // that keeps a county mentioned by thousands of articles from being re-read at every write.
  const claims = new Map<NodeLabel, Array<{ id: string; claim: Record<string, unknown> }>>();
  for (const { gw } of todo) {
    const propsOf = propsIn.get(gw.article.id)!;
    const add = (label: NodeLabel, id: string) => {
      const claim = Object.fromEntries(Object.entries(claimProps(propsOf.get(id) ?? {})).filter(([, v]) => v !== null));
      claims.set(label, [...(claims.get(label) ?? []), { id, claim }]);
    };
    for (const n of gw.nodes) if (n.evidence.length > 0) add(n.label, n.id);
    for (const r of gw.reports) add(r.label, r.id);
  }
  const disputed = new Map<NodeLabel, string[]>();
  if (claims.size > 0) {
    const res = await tx.run(DISPUTED, { rows: CLAIM_LABELS.map((l) => claims.get(l) ?? []) });
    for (const r of res.records) disputed.set(CLAIM_LABELS[Number(r.get('label'))]!, r.get('ids') as string[]);
  }
  await settleNodes(tx, disputed);
  const written = gws.map((gw) => {
    const st = status.get(gw.article.id)!;
    const same = st === 'unchanged';
    return {
      articleId: gw.article.id,
      status: st,
      nodes: same ? 0 : gw.nodes.length + 1,
      relationships: same ? 0 : gw.rels.length + gw.reports.length + gw.nodes.filter((n) => n.evidence.length > 0).length,
    };
  });
  return { written, totals };
}

/**
 * Writes many articles in one transaction. When the batch fails, it is split in halves and
 * each half retried, so a bad article fails alone and the rest commit; a database that is
 * away fails the whole batch at once.
 */
export async function writeArticles(db: Db, gws: GraphWrite[]): Promise<BatchResult> {
  // An id given twice in one batch: the last version is the one written.
  const last = new Map(gws.map((g) => [g.article.id, g]));
  const batch = [...last.values()];
  if (batch.length === 0) return { written: [], failed: [], totals: noCounts() };
  try {
    const r = await db.writeTx((tx) => writeBatchTx(tx, batch));
    return { ...r, failed: [] };
  } catch (err) {
    // The database being away is no article's fault: retrying them one by one would not help.
    if (err instanceof DatabaseUnavailableError) throw err;
    if (batch.length === 1) return { written: [], failed: [{ articleId: batch[0]!.article.id, error: err as Error }], totals: noCounts() };
    const mid = Math.ceil(batch.length / 2);
    const [a, b] = [await writeArticles(db, batch.slice(0, mid)), await writeArticles(db, batch.slice(mid))];
    const totals = { ...a.totals };
    for (const k of Object.keys(totals) as Array<keyof Counters>) totals[k] += b.totals[k];
    return { written: [...a.written, ...b.written], failed: [...a.failed, ...b.failed], totals };
  }
}

/** One article in one transaction (the batch writer with a batch of one); errors are thrown. */
export async function writeArticle(db: Db, gw: GraphWrite): Promise<WriteSummary> {
  const r = await db.writeTx((tx) => writeBatchTx(tx, [gw]));
  const w = r.written[0]!;
  // Nodes of this article that existed before the write (shared with other articles).
  return { ...w, ...r.totals, nodesMerged: Math.max(0, w.nodes - r.totals.nodesCreated) };
}

/** Removes an article and every fact only it supported. Returns false when there was none. */
export async function removeArticle(db: Db, articleId: string): Promise<boolean> {
  return db.writeTx(async (tx) => {
    const found = await tx.run(ARTICLE_COUNT, { id: articleId });
    if (Number(found.records[0]!.get('n')) === 0) return false;
    await detachArticle(tx, articleId);
    await tx.run(DELETE_ARTICLE, { id: articleId });
    return true;
  });
}
