import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphFold, type ArticleRows } from '../src/ingest/offline/fold.js';
import type { GraphWrite } from '../src/ingest/resolve.js';

/** The offline import's fold, without a database (offline-import.test.ts compares it with Neo4j). */
const article = (id: string, kind: string, alias: string, curated = false): GraphWrite => ({
  article: { id, props: { url: `https://x.example/${id}`, curated, source: null } },
  nodes: [
    { label: 'Place', id: 'place:1', props: { name: '孝昌县', level: 'county' }, evidence: [] },
    { label: 'Initiative', id: 'ini:1', props: { name: '青苗计划', kind }, aliases: [alias], evidence: [{ quote: `${id}的青苗计划`, start: 3 }] },
  ],
  rels: [{ type: 'LOCATED_IN', from: 'ini:1', to: 'place:1', fromLabel: 'Initiative', toLabel: 'Place', evidence: { quote: `${id}的青苗计划`, start: 3 } }],
  reports: [],
});

function fold(writes: GraphWrite[]) {
  const rows: ArticleRows[] = [];
  const f = new GraphFold((r) => rows.push(r));
  for (const w of writes) f.add(w);
  return { rows, nodes: new Map([...f.nodes()].map((n) => [n.id, n])), rels: [...f.rels()] };
}

test('fold: a shared node keeps its first claim on a tie, takes the most supported one, and a curated one over both', () => {
  assert.equal(fold([article('a', 'mentoring', 'x'), article('b', 'training', 'y')]).nodes.get('ini:1')!.props.kind, 'mentoring');
  const three = fold([article('a', 'mentoring', 'x'), article('b', 'training', 'y'), article('c', 'training', 'x')]);
  assert.equal(three.nodes.get('ini:1')!.props.kind, 'training');
  assert.deepEqual(three.nodes.get('ini:1')!.aliases, ['x', 'y']);
  assert.equal(fold([article('a', 'mentoring', 'x'), article('b', 'training', 'y'), article('c', 'training', 'x'), article('s', 'campaign', 'z', true)]).nodes.get('ini:1')!.props.kind, 'campaign');
});

test('fold: a relationship stated by several articles is one, with each article and quote once; articles pass through', () => {
  const { rels, rows } = fold([article('a', 'mentoring', 'x'), article('b', 'mentoring', 'x')]);
  assert.equal(rels.length, 1);
  assert.deepEqual(rels[0]!.articleIds, ['a', 'b']);
  assert.deepEqual(rels[0]!.quotes, ['a的青苗计划', 'b的青苗计划']);
  assert.deepEqual(rows.map((r) => r.mentions.map((m) => m.to)), [['ini:1'], ['ini:1']]);
  assert.equal('source' in rows[0]!.article.props, false, 'a null property is not stored');
  assert.match(String(rows[0]!.article.props.factsHash), /^[0-9a-f]{64}$/);
  assert.throws(() => fold([article('a', 'mentoring', 'x'), article('a', 'mentoring', 'x')]), /given twice/);
  const dangling = article('b', 'mentoring', 'x');
  dangling.rels[0]!.to = 'place:nowhere';
  assert.throws(() => fold([dangling]), /article b states LOCATED_IN ini:1 → place:nowhere, but no article resolves place:nowhere/);
});
