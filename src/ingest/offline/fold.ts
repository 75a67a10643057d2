import { DataError } from '../../errors.js';
import type { NodeLabel, RelType } from '../../model.js';
import { claimOf, claimProps, settle, type Claim } from '../claims.js';
import type { GraphWrite } from '../resolve.js';
import { factsHashOf } from '../write.js';

/**
 * The graph the batch writer (write.ts) leaves in an empty store after writing these articles
 * in this order, computed in memory (pure), so that a large graph can be handed to Neo4j's
 * offline importer instead of being written statement by statement. It follows write.ts rule
 * by rule: a node keeps the properties it was created with and the union of its aliases;
 * a node some article's claim disagrees with shows the settled claims (claims.ts; equal
 * support goes to the article written first); a fact relationship is merged per
 * (type, from, to), with every article's id and quote; MENTIONS and REPORTS are the article's
 * own. `test/offline-import.test.ts` checks the result equal to what write.ts writes.
 *
 * Articles and their MENTIONS/REPORTS do not need folding: they are handed on as they come
 * (`onArticle`), so a corpus's texts are not held in memory.
 */
export interface FoldNode {
  label: NodeLabel;
  id: string;
  props: Record<string, unknown>;
  aliases: string[];
}
export interface FoldRel {
  type: RelType;
  from: string;
  to: string;
  props: Record<string, unknown>;
  source: string | null;
  articleIds: string[];
  quotes: string[];
}
export interface ArticleRows {
  article: { id: string; props: Record<string, unknown> };
  mentions: Array<{ to: string; quotes: string[]; offsets: number[]; count: number; claims: string }>;
  reports: Array<{ to: string; quote: string; offset: number; claims: string }>;
}

interface NodeState extends FoldNode {
  /** Distinct claims (curated flag + JSON) with their support and first article's rank. */
  claims?: Map<string, { curated: boolean; props: Record<string, unknown>; support: number; rank: number }>;
  disputed: boolean;
  lastClaimBy?: string;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
/** What `SET x += props` stores: null and undefined values are not properties. */
const stored = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined));

export class GraphFold {
  private readonly nodeState = new Map<string, NodeState>();
  private readonly relState = new Map<string, FoldRel>();
  private readonly written = new Set<string>();
  private rank = 0;

  constructor(private readonly onArticle: (rows: ArticleRows) => void) {}

  /** One article, after every article added before it. An article id given twice is refused:
   * the offline import writes a new store, where a re-written article has no earlier version. */
  add(gw: GraphWrite): void {
    const aid = gw.article.id;
    if (this.written.has(aid)) throw new DataError(`article ${aid} is given twice; the offline import writes each article once`);
    this.written.add(aid);
    const rank = this.rank++;
    const curated = gw.article.props.curated === true;

    for (const n of gw.nodes) {
      const s = this.nodeState.get(n.id);
      if (!s) {
        this.nodeState.set(n.id, { label: n.label, id: n.id, props: stored(n.props), aliases: [...new Set(n.aliases ?? [])], disputed: false });
      } else {
        if (s.label !== n.label) throw new DataError(`node ${n.id} is a ${s.label} in one article and a ${n.label} in article ${aid}`);
        for (const a of n.aliases ?? []) if (!s.aliases.includes(a)) s.aliases.push(a);
      }
    }
    const propsOf = new Map(gw.nodes.map((n) => [n.id, n.props]));
    const claim = (id: string) => {
      const s = this.nodeState.get(id);
      if (!s) throw new DataError(`article ${aid} reports ${id}, which it does not resolve`);
      const props = Object.fromEntries(Object.entries(claimProps(propsOf.get(id) ?? {})).filter(([, v]) => v !== null));
      if (!s.disputed && Object.entries(props).some(([k, v]) => s.props[k] === undefined || !same(s.props[k], v))) s.disputed = true;
      // One claim per article and node (an article may both mention and report it).
      if (s.lastClaimBy === aid) return;
      s.lastClaimBy = aid;
      s.claims ??= new Map();
      const key = `${curated ? 1 : 0}${JSON.stringify(props)}`;
      const c = s.claims.get(key);
      if (c) c.support++;
      else s.claims.set(key, { curated, props, support: 1, rank });
    };

    const mentions: ArticleRows['mentions'] = [];
    for (const n of gw.nodes) {
      if (n.evidence.length === 0) continue;
      claim(n.id);
      const quotes = n.evidence.map((e) => e.quote);
      mentions.push({ to: n.id, quotes, offsets: n.evidence.map((e) => e.start), count: quotes.length, claims: claimOf(n.props) });
    }
    // One REPORTS per article and node: the last report of it, as write.ts's Map keeps.
    const reports: ArticleRows['reports'] = [];
    for (const r of new Map(gw.reports.map((r) => [r.id, r])).values()) {
      claim(r.id);
      reports.push({ to: r.id, quote: r.evidence.quote, offset: r.evidence.start, claims: claimOf(propsOf.get(r.id) ?? {}) });
    }

    for (const r of gw.rels) {
      // The importer would stop at the end with a store to throw away; say it now.
      for (const end of [r.from, r.to]) {
        if (!this.nodeState.has(end)) throw new DataError(`article ${aid} states ${r.type} ${r.from} → ${r.to}, but no article resolves ${end}`);
      }
      const k = `${r.type}|${r.from}|${r.to}`;
      let s = this.relState.get(k);
      if (!s) {
        s = { type: r.type, from: r.from, to: r.to, props: {}, source: null, articleIds: [], quotes: [] };
        this.relState.set(k, s);
      }
      for (const [pk, v] of Object.entries(r.props ?? {})) {
        if (v === null || v === undefined) delete s.props[pk];
        else s.props[pk] = v;
      }
      if (r.source !== undefined && r.source !== null) s.source = r.source;
      const quote = r.evidence?.quote;
      if (quote !== undefined && !s.articleIds.includes(aid)) {
        s.articleIds.push(aid);
        s.quotes.push(quote);
      }
    }
    this.onArticle({ article: { id: aid, props: { ...stored(gw.article.props), factsHash: factsHashOf(gw) } }, mentions, reports });
  }

  /** Every node but the articles, with its settled properties. */
  *nodes(): Generator<FoldNode> {
    for (const s of this.nodeState.values()) {
      let props = s.props;
      if (s.disputed && s.claims) {
        const claims: Claim[] = [...s.claims.values()].map((c, i) => ({
          articleId: String(i),
          curated: c.curated,
          // Articles of one import share one ingestion time; the first written wins a tie.
          since: String(c.rank).padStart(12, '0'),
          props: c.props,
          weight: c.support,
        }));
        props = { ...props, ...settle(claims) };
      }
      yield { label: s.label, id: s.id, props, aliases: s.aliases };
    }
  }

  rels(): IterableIterator<FoldRel> {
    return this.relState.values();
  }

  get size(): { articles: number; nodes: number; rels: number } {
    return { articles: this.written.size, nodes: this.nodeState.size, rels: this.relState.size };
  }
}
