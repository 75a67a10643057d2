import Cypher from '@neo4j/cypher-builder';
import { NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from '../model.js';

/**
 * The write path's Cypher (write.ts runs it), built with @neo4j/cypher-builder like the read
 * side's: labels and types come from the model's allow-lists, values only from parameters.
 * Every statement has a fixed shape per label or type, so it is planned once; the shapes are
 * snapshot-tested in test/cypher.test.ts.
 */

/** The labels whose nodes carry claims (every label but Article), in a fixed order. */
export const CLAIM_LABELS = NODE_LABELS.filter((l) => l !== 'Article');
const ARTICLE_RELS = Cypher.labelExpr.or('MENTIONS', 'REPORTS');
/** Relationships that carry their own evidence lists (all but MENTIONS/REPORTS, which are the
 * article's own): a county's thousands of mentions are not read when one article goes. */
const FACT_RELS = Cypher.labelExpr.or(...REL_TYPES.filter((t) => t !== 'MENTIONS' && t !== 'REPORTS'));

const v = (name: string) => new Cypher.NamedVariable(name);
const p = (name: string) => new Cypher.NamedParam(name);
const article = (props?: Record<string, Cypher.Expr>) => ({ labels: ['Article'], ...(props ? { properties: props } : {}) });
/** `CASE WHEN cond THEN [1] ELSE [] END`: FOREACH over it runs its update only when cond holds. */
const when = (cond: Cypher.Predicate) => new Cypher.Case().when(cond).then(new Cypher.List([new Cypher.Literal(1)])).else(new Cypher.List([]));

/** Each label's distinct claims about the given nodes, with their support (claims.ts settles them). */
export const CLAIMS_OF = (() => {
  const [label, id, a, c] = [v('label'), v('id'), v('a'), v('c')];
  const branches = CLAIM_LABELS.map((l, i) => {
    const m = new Cypher.Relationship();
    return new Cypher.Unwind([p('ids').index(i), id])
      .match(new Cypher.Pattern(new Cypher.Node(), { labels: [l], properties: { id } }).related(m, { type: ARTICLE_RELS, direction: 'left' }).to(a, article()))
      .where(Cypher.isNotNull(m.property('claims')))
      .return([new Cypher.Literal(i), label], id, a, [m.property('claims'), c]);
  });
  const [curated, support, since, anyId] = [v('curated'), v('support'), v('since'), v('anyId')];
  return Cypher.utils
    .concat(
      new Cypher.Call(new Cypher.Union(...branches).all()),
      new Cypher.With(label, id, a, [Cypher.head(Cypher.collect(c)), c]),
      new Cypher.With(
        label,
        id,
        c,
        [Cypher.coalesce(a.property('curated'), new Cypher.Literal(false)), curated],
        [Cypher.count(a), support],
        [Cypher.min(Cypher.toString(Cypher.coalesce(a.property('firstIngestedAt'), a.property('ingestedAt')))), since],
        [Cypher.min(a.property('id')), anyId],
      ),
      new Cypher.Return(label, id, [Cypher.collect(new Cypher.List([anyId, curated, since, c, support])), v('claims')]),
    )
    .build().cypher;
})();

/** Sets each node's settled properties, all labels in one statement. */
export const SET_SETTLED = (() => {
  const n = v('n');
  const branches = CLAIM_LABELS.map((l, i) => {
    const r = new Cypher.Variable();
    const x = new Cypher.Node();
    return new Cypher.Unwind([p('rows').index(i), r])
      .match(new Cypher.Pattern(x, { labels: [l], properties: { id: r.property('id') } }))
      .set([x, '+=', r.property('props')])
      .return([Cypher.count('*'), n]);
  });
  return Cypher.utils.concat(new Cypher.Call(new Cypher.Union(...branches).all()), new Cypher.Return([Cypher.sum(n), n])).build().cypher;
})();

/** The nodes some claim disagrees with (or adds a property to), all labels in one statement. */
export const DISPUTED = (() => {
  const [label, id] = [v('label'), v('id')];
  const branches = CLAIM_LABELS.map((l, i) => {
    const [r, k] = [new Cypher.Variable(), new Cypher.Variable()];
    const x = new Cypher.Node();
    return new Cypher.Unwind([p('rows').index(i), r])
      .match(new Cypher.Pattern(x, { labels: [l], properties: { id: r.property('id') } }))
      .with(r, x)
      .where(Cypher.any(k, Cypher.keys(r.property('claim')), Cypher.or(Cypher.isNull(x.property(k)), Cypher.neq(x.property(k), r.property('claim').property(k)))))
      .return([new Cypher.Literal(i), label], [r.property('id'), id]);
  });
  return Cypher.utils
    .concat(new Cypher.Call(new Cypher.Union(...branches).all()), new Cypher.Return(label, [Cypher.collect(id).distinct(), v('ids')]))
    .build().cypher;
})();

/** What an article mentions or reports, by label, with its claims and the places its facts
 * hang on with their ancestors (the only ones its removal can orphan). */
export const DETACH_FOUND = (() => {
  const [m, n, ns, each0, pl, anc] = [new Cypher.Relationship(), new Cypher.Node(), v('ns'), new Cypher.Node(), new Cypher.Node(), new Cypher.Node()];
  const held = v('held');
  const each = new Cypher.Variable();
  const places = new Cypher.Unwind([ns, each0])
    .match(new Cypher.Pattern(each0).related({ direction: 'right', length: { min: 0, max: 2 } }).to(pl, { labels: ['Place'] }))
    .with(pl)
    .distinct()
    .match(new Cypher.Pattern(pl).related({ type: 'PART_OF', direction: 'right', length: { min: 0, max: 8 } }).to(anc, { labels: ['Place'] }))
    .return([Cypher.collect(anc.property('id')).distinct(), held]);
  return new Cypher.Match(new Cypher.Pattern(new Cypher.Node(), article({ id: p('aid') })).related(m, { type: ARTICLE_RELS, direction: 'right' }).to(n))
    .with(
      [Cypher.head(Cypher.labels(n)), v('label')],
      [Cypher.collect(n).distinct(), ns],
      [Cypher.collect(new Cypher.List([n.property('id'), m.property('claims')])), v('claims')],
    )
    .call(places, [ns])
    .return(v('label'), [new Cypher.ListComprehension(each).in(ns).map(each.property('id')), v('ids')], v('claims'), held)
    .build().cypher;
})();

/** Strips the article from the evidence lists of the relationships it stated; deletes those
 * left with none. Only outgoing ones: every relationship an article states starts at a node it
 * mentions or reports (resolve.ts makes sure), and a county's incoming ones run to thousands. */
export const STRIP_EVIDENCE = (() => {
  const [n, r, rs, row, i, x] = [new Cypher.Node(), new Cypher.Relationship(), v('rs'), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable()];
  const aid = p('aid');
  const ids = row.property('articleIds');
  return new Cypher.Match(new Cypher.Pattern(new Cypher.Node(), article({ id: aid })).related({ type: ARTICLE_RELS, direction: 'right' }).to(n))
    .match(new Cypher.Pattern(n).related(r, { type: FACT_RELS, direction: 'right' }).to(new Cypher.Node()))
    .where(Cypher.and(Cypher.isNotNull(r.property('articleIds')), Cypher.in(aid, r.property('articleIds'))))
    .with([Cypher.collect(r).distinct(), rs])
    .unwind([rs, row])
    .set(
      [
        row.property('quotes'),
        new Cypher.ListComprehension(i)
          .in(Cypher.range(new Cypher.Literal(0), Cypher.minus(Cypher.size(ids), new Cypher.Literal(1))))
          .where(Cypher.neq(ids.property(i), aid))
          .map(row.property('quotes').property(i)),
      ],
      [ids, new Cypher.ListComprehension(x).in(ids).where(Cypher.neq(x, aid))],
    )
    .with(row)
    .where(Cypher.eq(ids, new Cypher.List([])))
    .delete(row)
    .build().cypher;
})();

/** Deletes the article's MENTIONS/REPORTS and the nodes (places aside) no article supports now. */
export const DELETE_MENTIONS = (() => {
  const [m, n] = [new Cypher.Relationship(), new Cypher.Node()];
  return new Cypher.Match(new Cypher.Pattern(new Cypher.Node(), article({ id: p('aid') })).related(m, { type: ARTICLE_RELS, direction: 'right' }).to(n))
    .delete(m)
    .with(n)
    .distinct()
    .where(
      Cypher.and(
        Cypher.not(n.hasLabel('Place')),
        Cypher.not(new Cypher.Exists(new Cypher.Pattern(new Cypher.Node(), article()).related({ type: ARTICLE_RELS, direction: 'right' }).to(n))),
      ),
    )
    .detachDelete(n)
    .build().cypher;
})();

/** Of the given places, those nobody mentions and nothing hangs on. */
export const ORPHAN_PLACES = (() => {
  const [id, pl] = [new Cypher.Variable(), new Cypher.Node()];
  return new Cypher.Unwind([p('ids'), id])
    .match(new Cypher.Pattern(pl, { labels: ['Place'], properties: { id } }))
    .where(
      Cypher.and(
        Cypher.not(new Cypher.Exists(new Cypher.Pattern(new Cypher.Node(), article()).related({ type: 'MENTIONS', direction: 'right' }).to(pl))),
        Cypher.not(new Cypher.Exists(new Cypher.Pattern(pl).related({ direction: 'left' }).to(new Cypher.Node()))),
      ),
    )
    .detachDelete(pl)
    .return([Cypher.count('*'), v('removed')])
    .build().cypher;
})();

export const ARTICLE_COUNT = new Cypher.Match(new Cypher.Pattern(v('a'), article({ id: p('id') }))).return([Cypher.count(v('a')), v('n')]).build().cypher;
export const DELETE_ARTICLE = new Cypher.Match(new Cypher.Pattern(v('a'), article({ id: p('id') }))).detachDelete(v('a')).build().cypher;

/** The stored facts hash of each given article (to tell an unchanged re-ingest). */
export const PRIOR_HASHES = (() => {
  const [id, a] = [v('id'), new Cypher.Node()];
  return new Cypher.Unwind([p('ids'), id]).match(new Cypher.Pattern(a, article({ id }))).return(id, [a.property('factsHash'), v('h')]).build().cypher;
})();

/** The batch's articles, created or updated. */
export const MERGE_ARTICLES = (() => {
  const [r, a] = [new Cypher.Variable(), new Cypher.Node()];
  return new Cypher.Unwind([p('rows'), r])
    .merge(new Cypher.Pattern(a, article({ id: r.property('id') })))
    .set(
      [a, '+=', r.property('props')],
      [a.property('factsHash'), r.property('hash')],
      [a.property('ingestedAt'), Cypher.datetime()],
      [a.property('firstIngestedAt'), Cypher.coalesce(a.property('firstIngestedAt'), Cypher.datetime())],
    )
    .build().cypher;
})();

/** One label's nodes, merged by id. Shared nodes are rewritten only when an alias is new: a
 * write takes a lock, and every article names its county. */
export function mergeNodes(label: NodeLabel): string {
  const [n, x, s, acc, t, aliases] = [new Cypher.Variable(), new Cypher.Node(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable()];
  const s2 = new Cypher.Variable();
  const union = Cypher.reduce(
    acc,
    Cypher.coalesce(x.property('aliases'), new Cypher.List([])),
    s,
    n.property('aliases'),
    new Cypher.Case().when(Cypher.in(s, acc)).then(acc).else(Cypher.plus(acc, s)),
  );
  return new Cypher.Unwind([p('nodes'), n])
    .merge(new Cypher.Pattern(x, { labels: [label], properties: { id: n.property('id') } }))
    .onCreateSet([x, '+=', n.property('props')])
    .with(x, n)
    .where(Cypher.or(Cypher.isNull(x.property('aliases')), Cypher.any(s2, n.property('aliases'), Cypher.not(Cypher.in(s2, x.property('aliases'))))))
    .with(x, [union, aliases])
    .set([x.property('aliases'), aliases], [x.property('aliasText'), Cypher.reduce(t, new Cypher.Literal(''), s, aliases, Cypher.plus(Cypher.plus(t, new Cypher.Literal(' ')), s))])
    .build().cypher;
}

/** An article's own relationship (MENTIONS or REPORTS) to each row's node of one label, created
 * (its earlier ones were removed when it was detached), with the properties `props` sets. */
function createFromArticle(type: 'MENTIONS' | 'REPORTS', label: NodeLabel, param: string, props: (m: Cypher.Relationship, r: Cypher.Variable) => Cypher.SetParam[]): string {
  const [r, a, x, m] = [new Cypher.Variable(), new Cypher.Node(), new Cypher.Node(), new Cypher.Relationship()];
  return new Cypher.Unwind([p(param), r])
    .match(new Cypher.Pattern(a, article({ id: r.property('aid') })))
    .match(new Cypher.Pattern(x, { labels: [label], properties: { id: r.property('id') } }))
    .create(new Cypher.Pattern(a).related(m, { type, direction: 'right' }).to(x))
    .set(...props(m, r))
    .build().cypher;
}

/** The article's MENTIONS of one label's nodes, with its quotes and its claim. */
export const createMentions = (label: NodeLabel): string =>
  createFromArticle('MENTIONS', label, 'rows', (m, r) => [
    [m.property('quotes'), r.property('quotes')],
    [m.property('offsets'), r.property('offsets')],
    [m.property('count'), Cypher.size(r.property('quotes'))],
    [m.property('claims'), r.property('claims')],
  ]);

/** The article's REPORTS of one label's nodes (mentorships, figures), with quote and claim. */
export const createReports = (label: NodeLabel): string =>
  createFromArticle('REPORTS', label, 'reps', (m, r) => [
    [m.property('quote'), r.property('quote')],
    [m.property('offset'), r.property('start')],
    [m.property('claims'), r.property('claims')],
  ]);

/**
 * `FOREACH (_ IN CASE WHEN cond THEN [1] ELSE [] END | SET …)`: the update runs only when cond
 * holds. The builder's FOREACH takes no SET, and a conditional CALL subquery in its place made
 * the batch writer 10–15 % slower (measured), so this one clause is raw text around
 * builder-compiled parts; nothing in it comes from input.
 */
function setIf(cond: Cypher.Predicate, ...sets: Array<[Cypher.Variable | Cypher.Property, '=' | '+=', Cypher.Expr]>): Cypher.Clause {
  return new Cypher.Raw(
    (ctx) => `FOREACH (_ IN CASE WHEN ${ctx.compile(cond)} THEN [1] ELSE [] END | SET ${sets.map(([target, op, value]) => `${ctx.compile(target)} ${op} ${ctx.compile(value)}`).join(', ')})`,
  );
}

/**
 * One relationship type between two labels, merged, with every article's id and quote added
 * once. Each update is conditional, so a relationship that already says it all (a county's
 * gazetteer chain, stated by every article about it) is read, not written.
 */
export function mergeRels(type: RelType, fromLabel: NodeLabel, toLabel: NodeLabel): string {
  const [r, a, b, x, k, i, j, fresh] = [new Cypher.Variable(), new Cypher.Node(), new Cypher.Node(), new Cypher.Relationship(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable()];
  const props = r.property('props');
  const aids = r.property('aids');
  const appended = (have: Cypher.Property, from: Cypher.Property) =>
    Cypher.plus(Cypher.coalesce(have, new Cypher.List([])), new Cypher.ListComprehension(j).in(fresh).map(from.property(j)));
  return Cypher.utils
    .concat(
      new Cypher.Unwind([p('rels'), r])
        .match(new Cypher.Pattern(a, { labels: [fromLabel], properties: { id: r.property('from') } }))
        .match(new Cypher.Pattern(b, { labels: [toLabel], properties: { id: r.property('to') } }))
        .merge(new Cypher.Pattern(a).related(x, { type, direction: 'right' }).to(b)),
      setIf(Cypher.any(k, Cypher.keys(props), Cypher.or(Cypher.isNull(x.property(k)), Cypher.neq(x.property(k), props.property(k)))), [x, '+=', props]),
      setIf(Cypher.and(Cypher.isNotNull(r.property('source')), Cypher.or(Cypher.isNull(x.property('source')), Cypher.neq(x.property('source'), r.property('source')))), [x.property('source'), '=', r.property('source')]),
      new Cypher.With(x, r, [
        new Cypher.ListComprehension(i)
          .in(Cypher.range(new Cypher.Literal(0), Cypher.minus(Cypher.size(aids), new Cypher.Literal(1))))
          .where(Cypher.not(Cypher.in(aids.property(i), Cypher.coalesce(x.property('articleIds'), new Cypher.List([]))))),
        fresh,
      ]),
      setIf(Cypher.neq(fresh, new Cypher.List([])), [x.property('articleIds'), '=', appended(x.property('articleIds'), aids)], [x.property('quotes'), '=', appended(x.property('quotes'), r.property('quotes'))]),
    )
    .build().cypher;
}
