import { createHash } from 'node:crypto';
import { DataError } from '../errors.js';
import { GAZETTEER_SOURCE, type NodeLabel, type RelType } from '../model.js';
import { locateQuote, type CleanedArticle } from './clean.js';
import type { FactDoc } from './facts.js';
import { ancestry, placeByCode } from './gazetteer.js';

/**
 * Stage "resolve" (pure): a fact document about one cleaned article → the nodes and
 * relationships to write, with stable ids so that the same place, person or initiative
 * met in two articles is one node, and every fact carrying its quote.
 */
export interface Evidence {
  quote: string;
  start: number;
}
export interface GNode {
  label: NodeLabel;
  id: string;
  props: Record<string, unknown>;
  aliases?: string[];
  /** Quotes of the article that mention it; empty for places only known from the gazetteer. */
  evidence: Evidence[];
}
export interface GRel {
  type: RelType;
  from: string;
  to: string;
  fromLabel: NodeLabel;
  toLabel: NodeLabel;
  props?: Record<string, unknown>;
  /** Article evidence; absent for gazetteer facts, which carry `source` instead. */
  evidence?: Evidence;
  source?: string;
}
export interface GraphWrite {
  article: { id: string; props: Record<string, unknown> };
  nodes: GNode[];
  rels: GRel[];
  /** Mentorships and figures the article reports (REPORTS {quote}). */
  reports: Array<{ label: NodeLabel; id: string; evidence: Evidence }>;
}

const hash = (s: string, n = 16) => createHash('sha256').update(s).digest('hex').slice(0, n);

export function articleIdFor(text: string): string {
  return `article:${hash(text)}`;
}

export function resolveFacts(doc: FactDoc, article: CleanedArticle, articleId: string): GraphWrite {
  const problems: string[] = [];
  const nodes = new Map<string, GNode>();
  const rels: GRel[] = [];
  const reports: GraphWrite['reports'] = [];

  const ev = (quote: string, what: string): Evidence | undefined => {
    const found = locateQuote(article, quote);
    if (!found) problems.push(`${what}: evidence not found in the article text: "${quote}"`);
    return found && { quote: found.quote, start: found.start };
  };
  const addNode = (label: NodeLabel, id: string, props: Record<string, unknown>, evidence?: Evidence, aliases: string[] = []) => {
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

  // Places: gazetteer chain for coded places; named parents for the rest.
  const places = new Map<string, GNode>();
  const gazNode = (code: string): GNode | undefined => {
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
  };
  const pending = [...doc.places];
  for (let round = 0; pending.length > 0 && round < 10; round++) {
    for (const p of [...pending]) {
      const e = ev(p.evidence, `place ${p.name}`);
      if (p.code) {
        const g = placeByCode(p.code);
        if (!g) {
          problems.push(`place ${p.name}: code ${p.code} is not in the division dataset`);
          pending.splice(pending.indexOf(p), 1);
          continue;
        }
        const n = gazNode(p.code)!;
        const aliases = [...p.aliases, ...(g.name !== p.name ? [g.name] : [])];
        addNode('Place', n.id, { name: p.name, level: p.level ?? g.level }, e, aliases);
        places.set(p.name, n);
        pending.splice(pending.indexOf(p), 1);
        continue;
      }
      if (!p.parent) {
        problems.push(`place ${p.name}: needs a code or a parent`);
        pending.splice(pending.indexOf(p), 1);
        continue;
      }
      const parent = places.get(p.parent) ?? (/^\d+$/.test(p.parent) ? gazNode(p.parent) : undefined);
      if (!parent) continue; // parent not resolved yet: next round
      const n = addNode('Place', `${parent.id}/${p.name}`, { name: p.name, level: p.level ?? 'other', code: null }, e, p.aliases);
      rel('PART_OF', n, parent, e);
      places.set(p.name, n);
      pending.splice(pending.indexOf(p), 1);
    }
  }
  for (const p of pending) problems.push(`place ${p.name}: parent "${p.parent}" is not a place of this document`);

  const place = (ref: string | undefined, what: string): GNode | undefined => {
    if (!ref) return undefined;
    const n = places.get(ref) ?? (/^\d+$/.test(ref) ? gazNode(ref) : undefined);
    if (!n) problems.push(`${what}: unknown place "${ref}"`);
    return n;
  };
  const scopeKey = (n: GNode) => n.id.replace(/^place:/, '');

  const orgs = new Map<string, GNode>();
  for (const o of doc.organizations) {
    const e = ev(o.evidence, `organization ${o.name}`);
    const n = addNode('Organization', `org:${o.name}`, { name: o.name, kind: o.kind }, e, o.aliases);
    orgs.set(o.name, n);
    for (const a of o.aliases) orgs.set(a, n);
    const p = place(o.place, `organization ${o.name}`);
    if (p) rel('LOCATED_IN', n, p, e);
  }
  const org = (ref: string | undefined, what: string) => {
    if (!ref) return undefined;
    const n = orgs.get(ref);
    if (!n) problems.push(`${what}: unknown organization "${ref}"`);
    return n;
  };

  const initiatives = new Map<string, GNode>();
  for (const i of doc.initiatives) {
    const e = ev(i.evidence, `initiative ${i.name}`);
    const ps = i.places.map((r) => place(r, `initiative ${i.name}`)).filter((x): x is GNode => !!x);
    const scope = i.scope ? place(i.scope, `initiative ${i.name}`) : ps[0];
    if (i.scope && !scope) continue;
    // Without a place the initiative is known only within this article.
    const n = addNode(
      'Initiative',
      `initiative:${scope ? scopeKey(scope) : articleId}:${i.name}`,
      { name: i.name, kind: i.kind, ...(i.summary ? { summary: i.summary } : {}) },
      e,
      i.aliases,
    );
    initiatives.set(i.name, n);
    for (const a of i.aliases) initiatives.set(a, n);
    for (const p of ps) rel('IN', n, p, e);
    for (const o of i.runBy) {
      const on = org(o, `initiative ${i.name}`);
      if (on) rel('RUN_BY', n, on, e);
    }
  }
  for (const i of doc.initiatives) {
    if (!i.parent) continue;
    const child = initiatives.get(i.name);
    const parent = initiatives.get(i.parent);
    if (!parent) problems.push(`initiative ${i.name}: unknown parent initiative "${i.parent}"`);
    else if (child) rel('PART_OF', child, parent, child.evidence[0]);
  }
  const initiative = (ref: string | undefined, what: string) => {
    if (!ref) return undefined;
    const n = initiatives.get(ref);
    if (!n) problems.push(`${what}: unknown initiative "${ref}"`);
    return n;
  };

  const parties = new Map<string, GNode>();
  for (const p of doc.people) {
    const e = ev(p.evidence, `person ${p.name}`);
    const home = place(p.place, `person ${p.name}`);
    if (p.place && !home) continue;
    // Without a place the person is known only within this article (no cross-article merge).
    const n = addNode('Person', `person:${home ? scopeKey(home) : articleId}:${p.name}`, { name: p.name, title: p.title ?? null, roles: p.roles }, e);
    parties.set(p.name, n);
    if (home) rel('BASED_IN', n, home, e);
    const o = org(p.org, `person ${p.name}`);
    if (o) rel('WORKS_FOR', n, o, e, { title: p.title ?? null });
    for (const part of p.initiatives) {
      const i = initiative(part.name, `person ${p.name}`);
      if (i) rel('PARTICIPATES_IN', n, i, e, { role: part.role });
    }
  }
  for (const c of doc.cohorts) {
    const e = ev(c.evidence, `cohort ${c.label}`);
    const n = addNode(
      'Cohort',
      `cohort:${articleId.replace(/^article:/, '')}:${hash(c.label, 10)}`,
      { label: c.label, size: c.size ?? null, approx: c.approx },
      e,
    );
    if (parties.has(c.label)) problems.push(`cohort ${c.label}: label clashes with a person's name`);
    parties.set(c.label, n);
    const p = place(c.place, `cohort ${c.label}`);
    if (p) rel('BASED_IN', n, p, e);
    for (const part of c.initiatives) {
      const i = initiative(part.name, `cohort ${c.label}`);
      if (i) rel('PARTICIPATES_IN', n, i, e, { role: part.role });
    }
  }
  for (const c of doc.cohorts) {
    const cn = parties.get(c.label)!;
    for (const m of c.members) {
      const pn = parties.get(m);
      if (!pn || pn.label !== 'Person') problems.push(`cohort ${c.label}: member "${m}" is not a person of this document`);
      else rel('MEMBER_OF', pn, cn, cn.evidence[0]);
    }
  }

  for (const m of doc.mentorships) {
    const what = `mentorship ${m.mentor ?? '(mentor not named)'} → ${m.mentee}`;
    const e = ev(m.evidence, what);
    const mentor = m.mentor === undefined ? undefined : parties.get(m.mentor);
    const mentee = parties.get(m.mentee);
    if (m.mentor !== undefined && !mentor) problems.push(`${what}: unknown mentor "${m.mentor}" (a person's name or a cohort's label)`);
    if (!mentee) problems.push(`${what}: unknown mentee "${m.mentee}"`);
    const i = initiative(m.initiative, what);
    if ((m.mentor !== undefined && !mentor) || !mentee || !e) continue;
    // A mentorship whose mentor the text does not name is one per article and mentee.
    const id = `mentorship:${hash(`${mentor?.id ?? `?${articleId}`}|${mentee.id}|${i?.id ?? ''}`)}`;
    const n = addNode('Mentorship', id, { strength: m.strength });
    if (mentor) rel('MENTOR_IN', mentor, n, e);
    rel('MENTEE_IN', mentee, n, e);
    if (i) rel('UNDER', n, i, e);
    const p = place(m.place, what);
    if (p) rel('IN', n, p, e);
    reports.push({ label: 'Mentorship', id, evidence: e });
  }

  for (const f of doc.figures) {
    const what = `figure ${f.subject}`;
    const e = ev(f.evidence, what);
    if (!e) continue;
    const id = `figure:${articleId.replace(/^article:/, '')}:${hash(`${f.subject}|${f.value}|${f.unit}`, 10)}`;
    const n = addNode('Figure', id, { subject: f.subject, value: f.value, unit: f.unit, approx: f.approx });
    if (f.about) {
      const target = initiatives.get(f.about) ?? places.get(f.about);
      if (!target) problems.push(`${what}: "about" names no initiative or place of this document: "${f.about}"`);
      else rel('ABOUT', n, target, e);
    }
    reports.push({ label: 'Figure', id, evidence: e });
  }

  if (problems.length > 0) {
    throw new DataError(`${doc.article.source ?? articleId}: ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  }

  // Text the CJK full-text index searches besides names: aliases and titles.
  for (const n of nodes.values()) {
    if (n.aliases && n.aliases.length > 0) n.props.aliasText = n.aliases.join(' ');
  }
  return {
    article: {
      id: articleId,
      props: {
        title: doc.article.title ?? article.title ?? null,
        publisher: doc.article.publisher ?? article.publisher ?? null,
        publishedAt: doc.article.publishedAt ?? article.publishedAt ?? null,
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
