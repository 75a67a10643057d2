import { DataError } from '../errors.js';
import { GAZETTEER_SOURCE, type NodeLabel, type RelType } from '../model.js';
import { locateQuote, type CleanedArticle } from './clean.js';
import { REGISTRY } from './fact-types/index.js';
import { hash, type Evidence, type GNode, type GRel, type ResolveContext } from './fact-types/type.js';
import type { FactDoc } from './facts.js';
import { ancestry } from './gazetteer.js';

export type { Evidence, GNode, GRel } from './fact-types/type.js';

/**
 * Stage "resolve" (pure): a fact document about one cleaned article → the nodes and
 * relationships to write, with stable ids so that the same place, person or initiative
 * met in two articles is one node, and every fact carrying its quote. Each fact type resolves
 * itself (fact-types/), in the registry's order; this module holds what they share.
 */
export interface GraphWrite {
  article: { id: string; props: Record<string, unknown> };
  nodes: GNode[];
  rels: GRel[];
  /** Mentorships and figures the article reports (REPORTS {quote}). */
  reports: Array<{ label: NodeLabel; id: string; evidence: Evidence }>;
}


export function articleIdFor(text: string): string {
  return `article:${hash(text)}`;
}

export function resolveFacts(doc: FactDoc, article: CleanedArticle, articleId: string): GraphWrite {
  const problems: string[] = [];
  const nodes = new Map<string, GNode>();
  const rels: GRel[] = [];
  const reports: GraphWrite['reports'] = [];

  const addNode: ResolveContext['addNode'] = (label, id, props, evidence, aliases = []) => {
    const existing = nodes.get(id);
    if (existing) {
      if (evidence && !existing.evidence.some((e) => e.start === evidence.start)) existing.evidence.push(evidence);
      existing.aliases = [...new Set([...(existing.aliases ?? []), ...aliases])];
      Object.assign(existing.props, props);
      return existing;
    }
    const n: GNode = { label, id, props, aliases, evidence: evidence ? [evidence] : [] };
    nodes.set(id, n);
    return n;
  };
  const rel = (type: RelType, from: GNode, to: GNode, evidence?: Evidence, props?: Record<string, unknown>) => {
    rels.push({ type, from: from.id, to: to.id, fromLabel: from.label, toLabel: to.label, evidence, props });
  };
  const ctx: ResolveContext = {
    articleId,
    problems,
    ev(quote, what) {
      const found = locateQuote(article, quote);
      if (!found) problems.push(`${what}: evidence not found in the article text: "${quote}"`);
      return found && { quote: found.quote, start: found.start };
    },
    addNode,
    rel,
    report: (label, id, evidence) => reports.push({ label, id, evidence }),
    // Places: the gazetteer chain for a division code, nearest first.
    gazNode(code) {
      const chain = ancestry(code);
      if (chain.length === 0) return undefined;
      let child: GNode | undefined;
      let first: GNode | undefined;
      for (const g of chain) {
        const n = addNode('Place', `place:${g.code}`, { name: g.name, level: g.level, code: g.code });
        if (child && !rels.some((r) => r.type === 'PART_OF' && r.from === child!.id)) {
          rels.push({ type: 'PART_OF', from: child.id, to: n.id, fromLabel: 'Place', toLabel: 'Place', source: GAZETTEER_SOURCE });
        }
        first ??= n;
        child = n;
      }
      return first;
    },
    places: new Map(),
    organizations: new Map(),
    initiatives: new Map(),
    parties: new Map(),
    ref(kind, name, what) {
      if (!name) return undefined;
      const n =
        kind === 'place'
          ? (ctx.places.get(name) ?? (/^\d+$/.test(name) ? ctx.gazNode(name) : undefined))
          : kind === 'organization'
            ? ctx.organizations.get(name)
            : ctx.initiatives.get(name);
      if (!n) problems.push(`${what}: unknown ${kind} "${name}"`);
      return n;
    },
  };
  for (const type of REGISTRY) (type.resolve as (facts: unknown[], c: ResolveContext) => void)(doc[type.name], ctx);
  // Every relationship an article states starts at a node the article mentions or reports: the
  // quote that states it names that node. Removing the article (write.ts, detachArticle) relies
  // on it — it follows only the outgoing relationships of those nodes, never the thousands of
  // incoming ones of a county or a scheme.
  const reported = new Set(reports.map((r) => r.id));
  for (const r of rels) {
    const from = nodes.get(r.from);
    if (r.evidence && from && from.evidence.length === 0 && !reported.has(from.id)) from.evidence.push(r.evidence);
  }

  if (problems.length > 0) {
    throw new DataError(`${doc.article.source ?? articleId}: ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  }

  // Text the CJK full-text index searches besides names: aliases and titles.
  for (const n of nodes.values()) {
    if (n.aliases && n.aliases.length > 0) n.props.aliasText = n.aliases.join(' ');
  }
  const headline = doc.article.title ?? article.title ?? null;
  const publisher = doc.article.publisher ?? article.publisher ?? null;
  const publishedAt = doc.article.publishedAt ?? article.publishedAt ?? null;
  const readable = readableTitle(headline, article.text, publisher, publishedAt);
  return {
    article: {
      id: articleId,
      props: {
        title: readable.title,
        titleSource: readable.source,
        publisher,
        publishedAt,
        url: doc.article.url ?? null,
        lang: article.script === 'traditional' ? 'zh-Hant' : 'zh-Hans',
        text: article.text,
        // Traditional articles are also indexed in simplified form, so 帮带 finds 幫帶.
        searchText: article.script === 'traditional' ? article.simplified : null,
        source: doc.article.source ?? null,
        contentHash: hash(article.text, 64),
        credits: doc.credits.length > 0 ? doc.credits.map((c) => `${c.role}:${c.name}`) : article.credits.map((c) => `${c.role}:${c.name}`),
      },
    },
    nodes: [...nodes.values()],
    rels,
    reports,
  };
}

/**
 * A title a reader can use in lists, search hits and exports: the headline; else the first
 * sentence (at most 40 characters); else publisher and date; else the start of the text.
 * `source` says which, so that a client can tell a stated headline from a stand-in.
 */
export function readableTitle(
  headline: string | null,
  text: string,
  publisher: string | null,
  publishedAt: string | null,
): { title: string; source: 'headline' | 'first-sentence' | 'publisher-date' } {
  if (headline?.trim()) return { title: headline.trim(), source: 'headline' };
  const first = text.split(/[。！？!?\n]/).map((x) => x.trim()).find((x) => x.length >= 4);
  if (first) return { title: first.length > 40 ? `${first.slice(0, 40)}…` : first, source: 'first-sentence' };
  const pd = [publisher, publishedAt].filter(Boolean).join(' ');
  if (pd) return { title: pd, source: 'publisher-date' };
  return { title: text.trim().slice(0, 40) || '（无标题）', source: 'first-sentence' };
}
