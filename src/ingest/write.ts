import { createHash } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Db } from '../db/gateway.js';
import { NODE_LABELS, REL_TYPES, type NodeLabel } from '../model.js';
import { claimOf, settle, type Claim } from './claims.js';
import type { GraphWrite } from './resolve.js';

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

/** Wraps a transaction so that every statement's counters are added up. */
function counting(tx: ManagedTransaction) {
  const totals = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 };
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
function assertRelType(t: string) {
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
  for (const [label, list] of ids) {
    assertLabel(label);
    if (list.length === 0) continue;
    const res = await tx.run(
      `UNWIND $ids AS id
       MATCH (x:${label} {id: id})<-[m:MENTIONS|REPORTS]-(a:Article)
       WHERE m.claims IS NOT NULL
       RETURN id, collect([a.id, coalesce(a.curated, false), toString(coalesce(a.firstIngestedAt, a.ingestedAt)), m.claims]) AS claims`,
      { ids: [...new Set(list)] },
    );
    const rows = res.records.map((r) => ({
      id: r.get('id') as string,
      props: settleWithdrawn(withdrawn.get(r.get('id')) ?? [], settle(
        (r.get('claims') as Array<[string, boolean, string, string]>).map(([articleId, curated, since, props]): Claim => ({
          articleId,
          curated,
          since: since ?? '',
          props: JSON.parse(props),
        })),
      )),
    }));
    if (rows.length) await tx.run(`UNWIND $rows AS r MATCH (x:${label} {id: r.id}) SET x += r.props`, { rows });
  }
}

/** Keys a removed article claimed that no remaining article claims are removed (null). */
function settleWithdrawn(keys: string[], settled: Record<string, unknown>): Record<string, unknown> {
  const out = { ...settled };
  for (const k of keys) if (!(k in out)) out[k] = null;
  return out;
}

/** Removes what only this article supported; keeps facts other articles also state. */
async function detachArticle(tx: ManagedTransaction, articleId: string): Promise<void> {
  // The nodes it made claims about: settled again from the other articles' claims at the end.
  const touched = await tx.run(
    `MATCH (:Article {id: $aid})-[m:MENTIONS|REPORTS]->(n)
     RETURN head(labels(n)) AS label, collect(DISTINCT n.id) AS ids, collect([n.id, m.claims]) AS claims`,
    { aid: articleId },
  );
  const withdrawn = new Map<string, string[]>();
  for (const r of touched.records) {
    for (const [id, claims] of r.get('claims') as Array<[string, string | null]>) {
      if (claims) withdrawn.set(id, [...(withdrawn.get(id) ?? []), ...Object.keys(JSON.parse(claims))]);
    }
  }
  // First strip this article from the evidence lists, then delete what has none left;
  // two statements so that no row reads a relationship another row already deleted.
  await tx.run(
    `MATCH (a:Article {id: $aid})-[:MENTIONS|REPORTS]->(n)
     MATCH (n)-[r]-()
     WHERE r.articleIds IS NOT NULL AND $aid IN r.articleIds
     WITH collect(DISTINCT r) AS rs
     UNWIND rs AS r
     WITH r, [i IN range(0, size(r.articleIds) - 1) WHERE r.articleIds[i] <> $aid] AS keep
     SET r.quotes = [i IN keep | r.quotes[i]], r.articleIds = [i IN keep | r.articleIds[i]]`,
    { aid: articleId },
  );
  await tx.run(
    `MATCH (a:Article {id: $aid})-[:MENTIONS|REPORTS]->(n)
     MATCH (n)-[r]-()
     WHERE r.articleIds = []
     WITH collect(DISTINCT r) AS rs
     FOREACH (r IN rs | DELETE r)`,
    { aid: articleId },
  );
  await tx.run(
    `MATCH (a:Article {id: $aid})-[m:MENTIONS|REPORTS]->(n)
     DELETE m
     WITH DISTINCT n
     WHERE NOT n:Place AND NOT EXISTS { (:Article)-[:MENTIONS|REPORTS]->(n) }
     DETACH DELETE n`,
    { aid: articleId },
  );
  // Places nobody mentions and nothing hangs on (walk up the hierarchy a few levels).
  for (let i = 0; i < 6; i++) {
    const res = await tx.run(
      `MATCH (p:Place)
       WHERE NOT EXISTS { (:Article)-[:MENTIONS]->(p) } AND NOT EXISTS { (p)<--() }
       DETACH DELETE p
       RETURN count(*) AS removed`,
    );
    if (Number(res.records[0]?.get('removed') ?? 0) === 0) break;
  }
  await settleNodes(tx, new Map(touched.records.map((r) => [r.get('label') as NodeLabel, r.get('ids') as string[]])), withdrawn);
}

export async function writeArticle(db: Db, gw: GraphWrite): Promise<WriteSummary> {
  // Same text and same facts: nothing to do. Either changing means the article is rewritten.
  const factsHash = createHash('sha256').update(JSON.stringify([gw.article.props, gw.nodes, gw.rels, gw.reports])).digest('hex');
  return db.writeTx(async (rawTx) => {
    const { tx, totals } = counting(rawTx);
    const prior = await tx.run('MATCH (a:Article {id: $id}) RETURN a.factsHash AS h', { id: gw.article.id });
    const priorHash = prior.records[0]?.get('h') as string | undefined;
    if (priorHash !== undefined && priorHash === factsHash) {
      return { articleId: gw.article.id, status: 'unchanged' as const, nodes: 0, relationships: 0, ...totals, nodesMerged: 0 };
    }
    if (priorHash !== undefined) await detachArticle(tx, gw.article.id);

    await tx.run(
      `MERGE (a:Article {id: $id})
       SET a += $props, a.factsHash = $factsHash, a.ingestedAt = datetime(),
           a.firstIngestedAt = coalesce(a.firstIngestedAt, datetime())`,
      { id: gw.article.id, props: gw.article.props, factsHash },
    );
    for (const [label, nodes] of groupBy(gw.nodes, (n) => n.label)) {
      assertLabel(label);
      await tx.run(
        `UNWIND $nodes AS n
         MERGE (x:${label} {id: n.id})
         ON CREATE SET x += n.props
         SET x.aliases = reduce(acc = coalesce(x.aliases, []), s IN n.aliases | CASE WHEN s IN acc THEN acc ELSE acc + s END)
         SET x.aliasText = reduce(t = '', s IN x.aliases | t + ' ' + s)`,
        { nodes: nodes.map((n) => ({ id: n.id, props: n.props, aliases: n.aliases ?? [] })) },
      );
      const mentioned = nodes.filter((n) => n.evidence.length > 0);
      if (mentioned.length > 0) {
        await tx.run(
          `MATCH (a:Article {id: $aid})
           UNWIND $nodes AS n
           MATCH (x:${label} {id: n.id})
           MERGE (a)-[m:MENTIONS]->(x)
           SET m.quotes = n.quotes, m.offsets = n.offsets, m.count = size(n.quotes), m.claims = n.claims`,
          {
            aid: gw.article.id,
            nodes: mentioned.map((n) => ({ id: n.id, quotes: n.evidence.map((e) => e.quote), offsets: n.evidence.map((e) => e.start), claims: claimOf(n.props) })),
          },
        );
      }
    }
    for (const [key, rels] of groupBy(gw.rels, (r) => `${r.type}|${r.fromLabel}|${r.toLabel}`)) {
      const [type, fromLabel, toLabel] = key.split('|') as [string, string, string];
      assertRelType(type);
      assertLabel(fromLabel);
      assertLabel(toLabel);
      await tx.run(
        `UNWIND $rels AS r
         MATCH (a:${fromLabel} {id: r.from}), (b:${toLabel} {id: r.to})
         MERGE (a)-[x:${type}]->(b)
         SET x += r.props
         FOREACH (_ IN CASE WHEN r.source IS NULL THEN [] ELSE [1] END | SET x.source = r.source)
         FOREACH (_ IN CASE WHEN r.quote IS NULL OR $aid IN coalesce(x.articleIds, []) THEN [] ELSE [1] END |
           SET x.articleIds = coalesce(x.articleIds, []) + $aid, x.quotes = coalesce(x.quotes, []) + r.quote)`,
        {
          aid: gw.article.id,
          rels: rels.map((r) => ({ from: r.from, to: r.to, props: r.props ?? {}, source: r.source ?? null, quote: r.evidence?.quote ?? null })),
        },
      );
    }
    const propsOf = new Map(gw.nodes.map((n) => [n.id, n.props]));
    for (const [label, reps] of groupBy(gw.reports, (r) => r.label)) {
      assertLabel(label);
      await tx.run(
        `MATCH (a:Article {id: $aid})
         UNWIND $reps AS r
         MATCH (x:${label} {id: r.id})
         MERGE (a)-[m:REPORTS]->(x)
         SET m.quote = r.quote, m.offset = r.start, m.claims = r.claims`,
        { aid: gw.article.id, reps: reps.map((r) => ({ id: r.id, quote: r.evidence.quote, start: r.evidence.start, claims: claimOf(propsOf.get(r.id) ?? {}) })) },
      );
    }
    // Shared nodes: merged from every article's claims, never overwritten by the last one.
    const claimed = new Map<NodeLabel, string[]>();
    for (const n of gw.nodes) if (n.evidence.length > 0) claimed.set(n.label, [...(claimed.get(n.label) ?? []), n.id]);
    for (const r of gw.reports) claimed.set(r.label, [...(claimed.get(r.label) ?? []), r.id]);
    await settleNodes(tx, claimed);
    const nodes = gw.nodes.length + 1;
    return {
      articleId: gw.article.id,
      status: priorHash === undefined ? ('created' as const) : ('updated' as const),
      nodes,
      relationships: gw.rels.length + gw.reports.length + gw.nodes.filter((n) => n.evidence.length > 0).length,
      ...totals,
      // Nodes of this article that existed before the write (shared with other articles).
      nodesMerged: Math.max(0, nodes - totals.nodesCreated),
    };
  });
}

/** Removes an article and every fact only it supported. Returns false when there was none. */
export async function removeArticle(db: Db, articleId: string): Promise<boolean> {
  return db.writeTx(async (tx) => {
    const found = await tx.run('MATCH (a:Article {id: $id}) RETURN count(a) AS n', { id: articleId });
    if (Number(found.records[0]!.get('n')) === 0) return false;
    await detachArticle(tx, articleId);
    await tx.run('MATCH (a:Article {id: $id}) DETACH DELETE a', { id: articleId });
    return true;
  });
}
