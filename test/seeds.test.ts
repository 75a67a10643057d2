import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanArticle } from '../src/ingest/clean.js';
import { readSeeds, resolveSeeds } from '../src/ingest/seed.js';

const seeds = readSeeds();

test('there is a curated fact file for each of the five seed articles', () => {
  assert.equal(seeds.length, 5);
});

test('every evidence quote of every curated fact occurs in its article text', () => {
  for (const s of seeds) {
    const article = cleanArticle(s.raw);
    const quotes = [
      ...s.doc.places,
      ...s.doc.organizations,
      ...s.doc.initiatives,
      ...s.doc.people,
      ...s.doc.cohorts,
      ...s.doc.mentorships,
      ...s.doc.figures,
    ].map((f) => f.evidence);
    for (const q of quotes) {
      assert.ok(article.text.includes(q) || article.simplified.includes(q), `${s.file}: "${q}" is not in the article`);
    }
  }
});

test('resolved writes carry quotes that are substrings of the stored text, at their offsets', () => {
  for (const gw of resolveSeeds(seeds)) {
    const text = gw.article.props.text as string;
    for (const n of gw.nodes) for (const e of n.evidence) assert.equal(text.slice(e.start, e.start + e.quote.length), e.quote);
    for (const r of gw.reports) assert.equal(text.slice(r.evidence.start, r.evidence.start + r.evidence.quote.length), r.evidence.quote);
    for (const r of gw.rels) assert.ok(r.source || (r.evidence && text.includes(r.evidence.quote)), `${r.type} ${r.from}→${r.to} has no evidence`);
  }
});

test('a quote that is not in the article is refused, naming the fact', () => {
  const s = structuredClone(seeds[0]!);
  s.doc.people[0]!.evidence = '这句话不在文章里';
  assert.throws(() => resolveSeeds([s]), /person 丁良伟: evidence not found/);
});

test('bylines are credits, never people in the graph', () => {
  const credited = seeds.flatMap((s) => s.doc.credits.map((c) => c.name));
  assert.ok(credited.includes('王悦') && credited.includes('龚莉'));
  const people = seeds.flatMap((s) => s.doc.people.map((p) => p.name));
  for (const name of credited) assert.ok(!people.includes(name), `${name} is a credit, not an actor`);
});

test('the mentors, mentees and mentoring schemes a reader finds are all there', () => {
  const all = (k: 'people' | 'initiatives') => seeds.flatMap((s) => s.doc[k].map((x) => x.name));
  for (const name of ['鲁义民', '汪颖', '张贵平', '段富章', '赵梓涵', '刘拥兵', '阮莉莉', '万浪沙', '鲁雄峰', '蔡梦仙', '丁良伟']) {
    assert.ok(all('people').includes(name), name);
  }
  for (const name of ['雁雏共翔计划', '一带二模式', '师带徒', '导师帮带制', '年轻干部特训营', '干部素质提升年', '蹲苗历练', '年轻干部领航计划', '头雁工程', '书记工程']) {
    assert.ok(all('initiatives').includes(name), name);
  }
  const sizes = seeds.flatMap((s) => s.doc.cohorts.map((c) => c.size));
  for (const n of [38, 74, 51, 93, 860, 95]) assert.ok(sizes.includes(n), `cohort of ${n}`);
});

test('places resolve through the division codes: 白沙镇 of 孝昌县 is 420921106', () => {
  const [gw] = resolveSeeds(seeds);
  const baisha = gw!.nodes.find((n) => n.label === 'Place' && n.props.name === '白沙镇');
  assert.equal(baisha?.id, 'place:420921106');
  const chain = gw!.rels.filter((r) => r.type === 'PART_OF' && r.source).map((r) => `${r.from}>${r.to}`);
  for (const link of ['place:420921106>place:420921', 'place:420921>place:4209', 'place:4209>place:42']) assert.ok(chain.includes(link), link);
});
