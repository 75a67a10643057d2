import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { curatedSets, devBatches, devSet, SHARED_DIR } from '../src/eval/corpus.js';
import { scoreSet, scorerAvailable } from '../src/eval/score.js';
import { cleanArticle, locateQuote } from '../src/ingest/clean.js';
import { MAX_QUOTE } from '../src/ingest/extract/context.js';
import { extractFacts, MAX_FACTS_PER_TYPE, toContract } from '../src/ingest/extract/index.js';
import { IngestInputError, prepareArticle } from '../src/ingest/pipeline.js';
import { readSeeds } from '../src/ingest/seed.js';
import { LIMITS } from '../src/config.js';
import { simplifyAligned } from '../src/lang/zh/script.js';

const seeds = readSeeds();
const extract = (file: string) => extractFacts(cleanArticle(seeds.find((s) => s.file.startsWith(file))!.raw));

test('孝昌: places are resolved by the article\'s own county (白沙镇 is 420921106)', () => {
  const d = extract('000');
  const byName = new Map(d.places.map((p) => [p.name, p]));
  assert.equal(byName.get('白沙镇')?.code, '420921106');
  assert.equal(byName.get('孝昌县')?.code, '420921');
  assert.ok(byName.get('周巷镇')?.aliases.includes('周巷'), 'the short form 周巷 resolves to 周巷镇');
});

test('孝昌: mentorships individual and cohort, with the scheme', () => {
  const d = extract('000');
  const pairs = d.mentorships.map((m) => `${m.mentor}→${m.mentee}`);
  assert.ok(pairs.includes('鲁义民→汪颖'));
  assert.ok(pairs.some((p) => /38名县领导→.*74名/.test(p)));
  assert.ok(pairs.includes('段富章→赵梓涵'));
  assert.equal(d.mentorships.find((m) => m.mentee === '赵梓涵')!.strength, 'implied');
  const cohort = d.cohorts.find((c) => c.size === 860)!;
  assert.equal(cohort.approx, true, '860余名 is approximate');
});

test('bylines are credits, not people', () => {
  const d = extract('000');
  assert.deepEqual(d.credits.map((c) => c.name), ['王悦', '高玉峰', '冷红云']);
  for (const c of d.credits) assert.ok(!d.people.some((p) => p.name === c.name));
});

test('teasers of unrelated news (咸安, 通城) yield no facts', () => {
  const d = extract('002');
  const all = JSON.stringify(d);
  assert.ok(!all.includes('咸安') && !all.includes('通城'));
});

test('traditional-script articles are extracted in simplified form', () => {
  const d = extract('004');
  assert.ok(d.places.some((p) => p.name === '羊角塘镇' && p.code === '431181110'));
  assert.ok(d.initiatives.some((i) => i.name === '导师帮带制' && i.kind === 'mentoring'));
  assert.ok(d.mentorships.some((m) => m.initiative === '导师帮带制'));
});

// Regression guards, scored with the team's scorer (../shared/eval/score.mjs). Floors sit a little
// under what `npm run eval` measured when they were set (see README), so a change that loses
// ground on real text fails here. Without ../shared these skip with a message.
const noShared = scorerAvailable() ? false : `no scorer at ${SHARED_DIR}/eval/score.mjs (the shared materials are not beside the repository)`;
const guard = (set: string, floors: Record<string, number>, f1: Record<string, number>) => {
  for (const [type, floor] of Object.entries(floors)) assert.ok((f1[type] ?? 0) >= floor, `${set}: ${type} F1 ${f1[type]} < ${floor}`);
};

test('quality holds on the seeds and on our own articles', { skip: noShared }, () => {
  const curated = curatedSets();
  guard('seeds', { places: 0.9, people: 0.95, mentorships: 0.75, figures: 0.85 }, scoreSet('seeds', curated.filter((a) => a.set === 'seeds')).f1);
  guard('own', { places: 0.95, people: 0.95, mentorships: 0.95, initiatives: 0.8, figures: 0.95 }, scoreSet('own', curated.filter((a) => a.set === 'own')).f1);
});

const DEV_FLOORS: Record<string, Record<string, number>> = {
  // batch a: developed on
  a: { places: 0.95, people: 0.97, credits: 0.97, initiatives: 0.76, mentorships: 0.85, figures: 0.92, title: 0.95, date: 0.95 },
  // batch b: held out (never tuned on); its floors guard against regressions only
  b: { places: 0.93, people: 0.85, credits: 0.85, initiatives: 0.64, mentorships: 0.7, figures: 0.7, title: 0.85, date: 0.95 },
};
for (const batch of ['a', 'b']) {
  const skip = noShared || (devBatches().includes(batch) ? false : `no ../shared/corpus/dev/${batch}`);
  test(`quality holds on the shared dev batch ${batch} (real articles)`, { skip }, () => {
    guard(`dev/${batch}`, DEV_FLOORS[batch]!, scoreSet(batch, devSet(batch)).f1);
  });
}

test('HTML: the main content is kept; navigation, related news, comments and scripts are not', () => {
  const own = curatedSets().find((a) => a.name === '101_yilong.html')!;
  const p = prepareArticle(own.input);
  for (const noise of ['首页', '营山县', '阆中', '评论', 'ICP', '分享到', '_hmt', 'document.write', '广告']) assert.ok(!p.cleaned.text.includes(noise), noise);
  assert.equal(p.extracted.article.publishedAt, '2024-06-12');
  assert.equal(p.extracted.article.publisher, '南充新闻网');
  assert.ok(!p.extracted.places.some((x) => ['营山县', '南部县', '阆中市'].includes(x.name)));
});

test('bad input: a clear error, never a crash', () => {
  const refuse = (input: object, re: RegExp) => assert.throws(() => prepareArticle(input), (e: Error) => e instanceof IngestInputError && re.test(e.message));
  refuse({ text: '' }, /empty/);
  refuse({ text: '   \n ' }, /empty/);
  refuse({ text: 'Hello world, no Chinese here.' }, /no Chinese/);
  refuse({ html: '<html><body><script>alert(1)</script></body></html>' }, /no Chinese/);
  refuse({ text: '孝'.repeat(LIMITS.maxArticleChars + 1) }, /at most/);
  refuse({ text: '孝昌县', html: '<p>孝昌县</p>' }, /exactly one/);
  refuse({ text: '孝昌县推行导师帮带。', publishedAt: 'yesterday' }, /publishedAt/);
  refuse({ text: '孝昌县推行导师帮带。', publishedAt: '2024-13-45' }, /calendar date/);
  refuse({ text: '孝昌县推行导师帮带。', publishedAt: '2023-02-29' }, /calendar date/);
  refuse({ text: '孝昌县推行导师帮带。', title: '标题\n第二行' }, /control characters/);
  refuse({ text: '孝昌县推行导师帮带。', publisher: '报'.repeat(101) }, /"publisher" has more than 100 characters/);
  assert.equal(prepareArticle({ text: '孝昌县推行导师帮带。', publishedAt: '2024-02-29' }).doc.article.publishedAt, '2024-02-29');
  refuse({ text: '孝昌县推行导师帮带。', url: 'javascript:alert(1)' }, /url/);
  const scripted = prepareArticle({ html: '<p>孝昌县推出“雁雏共翔”计划,首批38名县领导担任“帮带导师”,结对74名年轻“尖兵”。</p><script>var x = "湖南省";</script>' });
  assert.ok(!scripted.cleaned.text.includes('湖南'));
  assert.ok(scripted.extracted.initiatives.some((i) => i.name === '雁雏共翔计划'));
});

test('npm run extract writes a large document whole into a pipe', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cadre-extract-'));
  const file = path.join(dir, 'big.txt');
  // Distinct lines (the cleaner drops repeated ones): hundreds of figures, groups and pairs.
  const lines = Array.from({ length: 400 }, (_, i) => `第${i + 1}批,孝昌县选派${i + 10}名业务骨干担任导师,结对帮带${i + 20}名年轻干部,累计开展培训${i + 3}场次。`);
  writeFileSync(file, `孝昌县推进年轻干部培养\n${lines.join('\n')}`);
  try {
    // Through the tsx command, as `npm run extract` runs it (its child writes into a pipe).
    const r = spawnSync('node_modules/.bin/tsx', ['src/cli.ts', 'extract', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.length > 65_536, `only ${r.stdout.length} bytes: the test needs a document larger than a pipe buffer`);
    assert.ok(JSON.parse(r.stdout).places.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm run extract prints the JSON contract on stdout', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'extract', 'seeds/000_b7ac543402fb2b58.txt'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['article', 'places', 'organizations', 'initiatives', 'people', 'cohorts', 'mentorships', 'figures', 'credits']);
  assert.deepEqual(Object.keys(out.article), ['title', 'publisher', 'publishedAt', 'lang']);
  for (const k of ['places', 'organizations', 'initiatives', 'people', 'cohorts', 'mentorships', 'figures']) {
    for (const f of out[k]) assert.ok(typeof f.evidence === 'string' && f.evidence.length > 0, `${k} without evidence`);
  }
  assert.ok(out.mentorships.some((m: any) => m.mentor === '鲁义民' && m.mentee === '汪颖'));
  const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'extract', 'no-such-file.txt'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /no such file/);
});

test('a huge text without punctuation: bounded time, bounded facts, every quote a clause', () => {
  let text = '';
  while (text.length < 300_000) text += '孝昌县推出雁雏共翔计划首批三十八名县领导担任帮带导师结对七十四名年轻尖兵';
  const t0 = performance.now();
  const p = prepareArticle({ text });
  const json = JSON.stringify(toContract(p.extracted, p.cleaned));
  assert.ok(performance.now() - t0 < 20_000, `took ${(performance.now() - t0).toFixed(0)} ms`);
  assert.ok(json.length < 2_000_000, `the extract document has ${json.length} bytes`);
  for (const k of ['places', 'initiatives', 'people', 'cohorts', 'mentorships', 'figures'] as const) {
    assert.ok(p.extracted[k].length <= MAX_FACTS_PER_TYPE, `${k}: ${p.extracted[k].length}`);
    for (const f of p.extracted[k]) assert.ok(f.evidence.length <= MAX_QUOTE, `${k} quote of ${f.evidence.length} characters`);
  }
});

// Short articles we wrote ourselves for sectors beyond party organisations (a hospital, a school,
// the police and a company), so that the frames are exercised on text none of them was read from.
const genre = (f: string) => extractFacts(cleanArticle(readFileSync(new URL(`./fixtures/genre/${f}`, import.meta.url), 'utf8')));
const pairs = (d: ReturnType<typeof extractFacts>) => d.mentorships.map((m) => `${m.mentor ?? '∅'}→${m.mentee}`);
/** Sentence-level probes: the mentorship pairs, figures (value, unit, ~ when approximate) and initiative names of a text. */
const pairsIn = (t: string) => pairs(extractFacts(cleanArticle(t)));
const figuresIn = (t: string) => extractFacts(cleanArticle(t)).figures.map((f) => `${f.value}${f.unit}${f.approx ? '~' : ''}`);
const initiativeNames = (t: string) => extractFacts(cleanArticle(t)).initiatives.map((i) => i.name);

test('genre: a hospital — groups paired with counts, a speaker naming her mentor, page metadata', () => {
  const d = genre('hospital.txt');
  assert.equal(d.article.publishedAt, '2024-03-15');
  assert.equal(d.article.title, '福州市第一医院举行青年医师“师带徒”结对仪式');
  assert.deepEqual(d.credits.map((c) => `${c.name}:${c.role}`), ['林晓:journalist', '陈静:correspondent']);
  assert.ok(pairs(d).includes('12名高年资专家→24名青年医师'), pairs(d).join(' ; '));
  assert.ok(pairs(d).includes('郑建国→黄丽娜'), 'the speaker says who her mentor is');
  assert.ok(d.initiatives.some((i) => i.name === '青苗培养计划'));
  assert.ok(d.figures.some((f) => f.value === 60 && f.unit === '名' && f.approx));
});

test('genre: a school — equal-sized groups, a representative whose mentor is not named', () => {
  const d = genre('school.txt');
  assert.equal(d.article.publishedAt, '2023-09-08');
  assert.ok(pairs(d).some((p) => /15位骨干教师→15位青年教师/.test(p)), pairs(d).join(' ; '));
  assert.ok(pairs(d).includes('∅→张悦'));
  assert.ok(d.initiatives.some((i) => i.name === '青蓝工程' && i.kind === 'mentoring'));
});

test('genre: police and a company — 带着, N对师徒, Chinese numerals, 带出了二十多名徒弟', () => {
  const d = genre('police-enterprise.txt');
  const ps = pairs(d);
  for (const p of ['赵国强→孙浩', '5名师傅→5名徒弟', '首批8名技能大师→16名青年技术工人', '王铁军→20名徒弟']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  assert.ok(d.initiatives.some((i) => i.name === '警师制'), 'the slogan “老带新” is not the scheme');
  assert.ok(d.figures.some((f) => f.value === 32 && f.unit === '名'), '三十二名');
});

test('genre: a training report without mentoring yields no mentorship; a traditional brief yields its cohort pair', () => {
  const training = genre('training-negative.txt');
  assert.deepEqual(pairs(training), [], '带着问题学 is no mentorship');
  assert.equal(training.article.publishedAt, '2024-05-21');
  assert.ok(training.credits.some((c) => c.name === '李娜' && c.role === 'editor'));
  const brief = genre('traditional-brief.txt');
  assert.ok(pairs(brief).includes('12名资深社区书记→36名新任社区干部'), pairs(brief).join(' ; '));
  assert.ok(brief.credits.some((c) => c.name === '黃志明'));
});

test('place names inside other names are no places: streets, schools, products; short forms need context', () => {
  const d = extractFacts(cleanArticle('他毕业于浙江大学,曾在北京路派出所工作。辽宁舰官兵、重庆火锅、兰州拉面、沙县小吃、青岛啤酒、云南白药都很有名。各单位搭建平台,纪委监委、公安等部门联合审查。'));
  assert.deepEqual(d.places.map((p) => p.name), []);
});

test('「」 and straight quotes are read like “”', () => {
  const d = extractFacts(cleanArticle('某县推出「雁雏共翔」计划,首批38名县领导担任"帮带导师",结对74名年轻"尖兵"。'));
  assert.ok(d.initiatives.some((i) => i.name === '雁雏共翔计划' && i.kind === 'mentoring'), JSON.stringify(d.initiatives.map((i) => i.name)));
  assert.ok(d.mentorships.some((m) => m.mentor === '首批38名县领导' && /74名/.test(m.mentee)));
  for (const f of [...d.initiatives, ...d.mentorships]) assert.ok(locateQuote(cleanArticle('某县推出「雁雏共翔」计划,首批38名县领导担任"帮带导师",结对74名年轻"尖兵"。'), f.evidence), 'quotes are found in the stored text');
});

test('genre: a court — officials in a list, 8名导师 paired with 14名青年法官, representatives of both sides', () => {
  const d = genre('court.txt');
  for (const n of ['李国华', '王芳', '陈东', '赵敏', '刘建平', '孙悦悦', '周杰']) assert.ok(d.people.some((p) => p.name === n), n);
  const ps = pairs(d);
  for (const p of ['8名导师→14名青年法官', '∅→孙悦悦', '∅→周杰']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  assert.ok(ps.some((p) => p.startsWith('刘建平→')), 'the mentors’ representative is a mentor');
  assert.ok(d.initiatives.some((i) => i.name === '青年法官导师制度'), '导师制度, not 导师制 + 度');
});

test('a protagonist named without a title, at the head of clauses and named again, is a person', () => {
  const d = extractFacts(cleanArticle('李长余从2018年起担任村党支部书记。他带领村民发展产业。如今,李长余已是远近闻名的致富带头人。成长从来不是一蹴而就的。'));
  assert.deepEqual(d.people.map((p) => p.name), ['李长余']);
});

test('names listed after 如, 包括 … 等 are people', () => {
  const d = extractFacts(cleanArticle('全县涌现出如王建华、李秀英、陈刚等一批优秀导师,包括技能、管理等方面。'));
  assert.deepEqual(d.people.map((p) => p.name), ['王建华', '李秀英', '陈刚']);
});

test('a unit named after a township (文峰派出所) is no place; its staff named after it are people', () => {
  const d = extractFacts(cleanArticle('江西省吉水县公安局文峰派出所周忠海:当师傅要有耐心,我陆续带了十几个徒弟。'));
  assert.deepEqual(d.places.map((p) => p.name), ['江西省', '吉水县']);
  assert.ok(d.people.some((p) => p.name === '周忠海'));
});

test('genre: a county report — names listed before 等N名, 在X的指导下, 手把手带着 with a pronoun, 给Y当师傅', () => {
  const d = genre('county-report.txt');
  for (const n of ['周丽华', '陈志远', '黄海涛', '赵小梅', '孙德明', '刘畅']) assert.ok(d.people.some((p) => p.name === n), n);
  const ps = pairs(d);
  for (const p of ['张建国→刘畅', '孙德明→赵小梅', '马永福→郑秋菊', '何建军→林晓', '42名县直单位业务骨干→85名新录用公务员']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  for (const [value, unit] of [[200, '人次'], [5.6, '万元'], [3000, '亩'], [32, '对'], [6, '组'], [15, '节']] as const) {
    assert.ok(d.figures.some((f) => f.value === value && f.unit === unit), `${value}${unit}`);
  }
  assert.deepEqual(d.credits.map((c) => `${c.name}:${c.role}`), ['王晓明:journalist', '李芳:correspondent']);
});

test('genre: a traditional-script page — chrome bylines after |, a closing unbracketed byline, 配备…作导师', () => {
  const d = genre('traditional-page.txt');
  assert.equal(d.article.publishedAt, '2026-03-18');
  assert.equal(d.article.title, '紫陽縣推行“老帶新”傳幫帶機制');
  assert.deepEqual(d.credits.map((c) => c.name).sort(), ['劉偉', '張偉', '李華', '楊帆'].sort());
  const ps = pairs(d);
  assert.ok(ps.includes('1名镇领导和1名村书记→选调生'), ps.join(' ; '));
  assert.ok(ps.includes('陈德胜→王小雨'), 'a quoted speaker names her mentor');
  assert.ok(!d.mentorships.some((m) => /作导师/.test(m.mentor ?? '')), 'the verb is not part of the group');
});

test('genre: a prefecture page — print/font chrome is no title, 全州 is no county, autonomous counties by their names as written (积石山县; 东乡族自治县 with 东乡县 an alias), 帮带 is not 带', () => {
  const d = genre('prefecture-page.txt');
  assert.equal(d.article.title, '临夏州“导师帮带”助推年轻干部成长');
  const places = d.places.map((p) => p.name);
  assert.ok(!places.includes('全州县'), '全州共有… is the whole prefecture');
  for (const p of ['临夏州', '积石山县', '东乡族自治县', '锁南镇']) assert.ok(places.includes(p), `${p} in ${places.join(' ')}`);
  assert.ok(d.places.find((p) => p.name === '东乡族自治县')?.aliases.includes('东乡县'));
  const ps = pairs(d);
  for (const p of ['每名导师→2至3名年轻干部', '64名导师→128名年轻干部', '马学军→韩小龙']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
});

test('genre: a village report — 新任村 is no village, a name is not found again as its own tail (滚应辉 / 应辉)', () => {
  const d = genre('village-report.txt');
  const places = d.places.map((p) => p.name);
  assert.ok(!places.includes('新任村'), places.join(' '));
  for (const p of ['从江县', '丙妹镇', '岜沙村', '贯洞镇']) assert.ok(places.includes(p), p);
  const people = d.people.map((p) => p.name);
  assert.ok(people.includes('滚应辉') && !people.includes('应辉'), people.join(' '));
  assert.ok(pairs(d).includes('潘明华→杨秀英'), pairs(d).join(' ; '));
  assert.deepEqual(d.credits.map((c) => c.name).sort(), ['吴晓燕', '梁伟', '石磊'].sort());
  assert.ok(d.figures.some((f) => f.value === 215 && f.unit === '对'));
});

test('genre: a city meeting — no name from 发言时, groups without the adverb after them, percentages written out', () => {
  const d = genre('city-meeting.txt');
  const people = d.people.map((p) => p.name);
  assert.deepEqual(people.sort(), ['徐建平', '陈晓雯'].sort());
  assert.ok(pairs(d).includes('12位市管领导干部→24名优选年轻干部'), pairs(d).join(' ; '));
  // 已累计选派导师一百二十余名，结对培养年轻干部三百多人: hedged counts (余, 多) are head counts too.
  assert.ok(pairs(d).includes('导师一百二十余名→年轻干部三百多人'), pairs(d).join(' ; '));
  assert.equal(d.cohorts.find((c) => c.label === '导师一百二十余名')?.size, 120);
  assert.ok(pairs(d).includes('∅→陈晓雯'), 'a mentee representative whose mentor is not named');
  assert.ok(d.figures.some((f) => f.value === 35 && f.unit === '%'), '百分之三十五');
  assert.ok(d.figures.some((f) => f.value === 120 && f.approx), '一百二十余名');
  assert.equal(d.article.publishedAt, '2024-03-05');
});

test('genre: an agency brief — the publisher from a 中新网 dateline, an editor in 【】 closing the page', () => {
  const d = genre('agency-brief.txt');
  assert.equal(d.article.publisher, '中新网');
  assert.equal(d.article.publishedAt, '2024-03-08');
  assert.equal(d.article.title, '黔西南州推行“导师制”培养年轻干部');
  assert.deepEqual(d.credits.map((c) => `${c.name}:${c.role}`), ['杨茜:journalist', '李娜:editor']);
  assert.ok(pairs(d).includes('1名科级领导干部→新录用公务员'), pairs(d).join(' ; '));
  assert.ok(d.figures.some((f) => f.value === 1086 && f.unit === '名'));
});

test('genre: a rate is one figure, an age bracket before a noun is none; role nouns decide who mentors whom', () => {
  const county = genre('county-apprentices.txt');
  const figs = county.figures.map((f) => `${f.value}${f.unit}`);
  assert.ok(figs.includes('1次/周') && !figs.includes('1次'), `每周至少谈心1次 is only the rate: ${figs.join(' ')}`);
  assert.ok(figs.includes('35岁'), '35岁以下的…: the bracket of a cohort (followed by 的) stays');
  assert.ok(figs.includes('120次') && county.figures.find((f) => f.value === 120)!.approx, '120余次 is approximate');
  assert.ok(pairs(county).includes('王老三→刘晓宇'), `王老三 is a name with a numeral: ${pairs(county).join(' ; ')}`);
  const workers = genre('community-workers.txt');
  const ps = pairs(workers);
  assert.ok(ps.includes('贾文斌→宋雨涵'), `徒弟宋雨涵与师傅贾文斌: ${ps.join(' ; ')}`);
  assert.ok(!ps.includes('宋雨涵→贾文斌'));
  assert.ok(ps.includes('张桂兰→李梦瑶'), '李梦瑶拜张桂兰为师');
  assert.ok(ps.some((p) => p.endsWith('→刘春生')) && ps.some((p) => p.endsWith('→赵国庆')), `…等5人,由X一对一帮带: ${ps.join(' ; ')}`);
  assert.ok(workers.credits.some((c) => c.name === '冯琳'));
});

test('genre: a form of address (郝老师) is the person named before, not a second mentor; 帮带全覆盖 names nobody', () => {
  const village = genre('village-feature.txt');
  const ps = pairs(village);
  assert.ok(ps.includes('郝建民→常乐乐'), ps.join(' ; '));
  assert.ok(!ps.some((p) => p.includes('郝老师')), `郝老师 is 郝建民: ${ps.join(' ; ')}`);
  assert.ok(!village.people.some((p) => p.name === '全覆盖'), village.people.map((p) => p.name).join(' '));
  assert.ok(ps.includes('吴秀芳→付晓丽') && ps.includes('任满仓→马小军'), ps.join(' ; '));
  assert.deepEqual(village.credits.map((c) => c.name).sort(), ['段佳', '韩丽']);
});

test('genre: a traditional portal page — 每名新人配备… composite mentors, a mentee after 的 with no mentor named, one scheme named two ways', () => {
  const d = genre('district-portal-fanti.txt');
  const ps = pairs(d);
  assert.ok(ps.includes('1名科级干部和1名业务骨干→新人'), `每名新人配备1名科级干部和1名业务骨干作导师: ${ps.join(' ; ')}`);
  assert.ok(ps.includes('邓伟→罗文静'), ps.join(' ; '));
  assert.ok(ps.includes('∅→蒋浩然'), `新入职的蒋浩然在导师指导下: ${ps.join(' ; ')}`);
  assert.deepEqual(d.initiatives.map((i) => i.name), ['双导师培养制度'], '“双导师”培养制度 and “双导师”制度 are one scheme');
  assert.ok(d.initiatives[0]!.aliases.includes('双导师制度'));
  assert.equal(d.article.publisher, '区委组织部', '信息來源:');
  assert.equal(d.article.publishedAt, '2025-03-07');
  assert.equal(d.article.title, '東興區：“雙導師”護航新入職幹部成長', 'the headline, in the script the page prints, not the chrome above it');
});

test('genre: people without a title before them (蓝天宇今年…), after 同事, in lists; 致富带头人 is no 带; 明确一名老支书作为帮带人', () => {
  const d = genre('youth-feature.txt');
  const names = d.people.map((p) => p.name);
  for (const n of ['杨再兴', '龙秀英', '吴光明', '潘小燕', '侯德军', '罗建平', '文世贵', '张金花', '蓝天宇', '李光荣', '余洪波']) assert.ok(names.includes(n), `${n} in ${names.join(' ')}`);
  const ps = pairs(d);
  assert.ok(!ps.includes('文世贵→张金花'), `致富带头人张金花 is not mentored by 文世贵: ${ps.join(' ; ')}`);
  assert.ok(ps.some((p) => /老支书→专干/.test(p)), ps.join(' ; '));
  assert.deepEqual(d.credits.map((c) => c.name), ['石丽娟']);
});

test('genre: a portal page with a glued byline and a link list — 的X是, 自己…在老书记的帮带下, X也收了两名徒弟', () => {
  const d = genre('portal-glued-byline.txt');
  const ps = pairs(d);
  for (const p of ['杨海涛→储光明', '老书记→范永胜', '汪丽→2名徒弟', '37名导师→85名年轻干部']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  const places = d.places.map((p) => p.name);
  assert.ok(!places.includes('舒城县') && !places.includes('金寨县'), `the 延伸阅读 link list is chrome: ${places.join(' ')}`);
  assert.ok(places.includes('城西社区') && places.includes('黄栗杵村'), places.join(' '));
  assert.deepEqual(d.credits.map((c) => `${c.name}:${c.role}`).sort(), ['王子墨:journalist', '陈静怡:correspondent', '周晓:editor'].sort());
  assert.equal(d.article.title, '六安市霍山县：“青苗导师”结对帮带年轻干部');
});

test('genre: an e-paper prefecture report — 遴选N位导师,与Y结成N对帮带对子 is one cohort, 搭建平台 is no place, units and Chinese numerals', () => {
  const d = genre('epaper-prefecture.txt');
  const ps = pairs(d);
  assert.ok(ps.includes('15位导师→30名村级后备干部'), ps.join(' ; '));
  assert.ok(!ps.includes('15名师傅→15名徒弟'), `the 15对 of that sentence is the same cohort: ${ps.join(' ; ')}`);
  assert.ok(ps.includes('导师→覃小兰'), `导师带着她: no 导师帮带导师 label: ${ps.join(' ; ')}`);
  assert.deepEqual(d.places.map((p) => p.name), ['恩施州', '利川市', '团堡镇', '咸丰县', '高乐山镇', '白地坪村', '鹤峰县']);
  const figs = d.figures.map((f) => `${f.value}${f.unit}`);
  for (const f of ['200元', '50万元', '300亩', '26期', '80节', '5个']) assert.ok(figs.includes(f), `${f} in ${figs.join(' ')}`);
  assert.equal(d.article.publishedAt, '2025-05-09');
});

test('genre: a signed first-person story — 我 is the author, who mentors and so is a person, not a credit; 他带的徒弟叫X; N名新警在老民警的帮带下', () => {
  const d = genre('first-person-police.txt');
  const ps = pairs(d);
  for (const p of ['刘建军→陈思远', '陈思远→郑浩', '老民警→9名新警']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  assert.ok(!ps.some((p) => p.includes('业务骨干')), `在老民警的帮带下成长为业务骨干 is no 帮带 of 业务骨干: ${ps.join(' ; ')}`);
  assert.ok(d.people.some((p) => p.name === '刘建军' && p.roles.includes('mentor')));
  assert.deepEqual(d.credits, [], 'the author is in the story');
});

test('genre: programme names — 实行导师帮带制度, 成立…小组, ‘1+1+N’ nested in a quotation, “X”平台/岗位 type words, a head-count formula is no name', () => {
  const d = genre('initiative-names.txt');
  const names = d.initiatives.map((i) => i.name);
  for (const n of ['导师帮带制度', '年轻干部学习小组', '1+1+N帮带模式', '青年干部成长驿站', '墩苗岗', '青苗成长课堂', '青年干部读书班']) assert.ok(names.includes(n), `${n} in ${names.join(' ; ')}`);
  assert.ok(!names.some((n) => n.includes('名县领导')), `“1名县领导+1名科级干部+N名年轻干部” is a formula: ${names.join(' ; ')}`);
  assert.ok(!names.includes('传帮带'), '“传帮带” is a generic word');
  assert.deepEqual(d.credits.map((c) => `${c.name}:${c.role}`), ['王芳:author', '李响:editor', '赵明:reviewer']);
});

test('genre: a community named like a street (下五屯社区居委会 under 万峰林街道) is the community, and 下/驻 only describe a bare 下村', () => {
  const d = genre('community-under-street.txt');
  const places = d.places.map((p) => p.name);
  assert.ok(places.includes('下五屯社区') && !places.includes('下五屯街道'), places.join(' '));
  for (const p of ['兴义市', '万峰林街道', '纳录村', '上纳灰村', '安龙县', '贞丰县', '望谟县']) assert.ok(places.includes(p), `${p} in ${places.join(' ')}`);
  assert.ok(pairs(d).includes('黄德明→陈雪'), pairs(d).join(' ; '));
  assert.equal(d.article.publishedAt, '2025-08-21');
});

test('genre: a leader leading (在书记X的带领下, 在镇党委的关心下) is no mentoring; 张强种起了 ends the name at 张强', () => {
  const d = genre('leadership-negative.txt');
  assert.deepEqual(pairs(d), []);
  const names = d.people.map((p) => p.name);
  assert.ok(names.includes('张强') && !names.includes('张强种'), names.join(' '));
});

test('genre: bylines — unbracketed after 本報訊, a closing 記者…實習生…報道 line, | separated editors, a bare (X Y), 文/图', () => {
  const t = genre('traditional-inline-byline.txt');
  assert.deepEqual(t.credits.map((c) => c.name).sort(), ['何佳琪', '張小龍', '林華', '蔡依林', '陳明', '黃國昌'].sort());
  assert.ok(!t.people.some((p) => ['陳明', '林華'].includes(p.name)), 'credits are not actors');
  assert.ok(pairs(t).includes('12名老干部→24名新干部'), pairs(t).join(' ; '));
  const b = genre('brief-bare-byline.txt');
  assert.deepEqual(b.credits.map((c) => c.name).sort(), ['张三', '李四', '王五'].sort());
});

test('genre: a county site — 明确N名X为导师,与Y“一对一”结对; X作为Y的“引路人”; 胡文杰作为 (overlapping words) keeps 杰', () => {
  const d = genre('county-gov-mentor-scheme.txt');
  const ps = pairs(d);
  for (const p of ['86名科级干部→172名选调生', '胡文杰→周子涵', '1名县级领导→3至5名年轻干部']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  assert.ok(!ps.some((p) => p.startsWith('1+N导师')), ps.join(' ; '));
  assert.ok(d.initiatives.some((i) => i.name === '1+N导师帮带机制'));
});

test('genre: a pairing ceremony — Y向各自的师傅递交拜师帖 (向各自 is no person), “我的师傅是…罗德福” names the mentor later in the clause', () => {
  const d = genre('pairing-ceremony.txt');
  const ps = pairs(d);
  assert.ok(ps.includes('罗德福→吴晓燕'), ps.join(' ; '));
  assert.ok(ps.includes('师傅→15名新任村干部'), ps.join(' ; '));
  assert.ok(!ps.some((p) => p.includes('递交')), ps.join(' ; '));
  assert.ok(!d.people.some((p) => p.name === '向各自'), d.people.map((p) => p.name).join(' '));
});

test('genre: 带出了李俊、孙悦、周晨等12名徒弟 — the whole list, and 在他的指导下 refers to the mentor, not the last apprentice named', () => {
  const d = genre('veteran-officer.txt');
  const ps = pairs(d);
  for (const p of ['钱国栋→李俊', '钱国栋→孙悦', '钱国栋→周晨']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  assert.ok(!ps.includes('周晨→孙悦'), `他 is 钱国栋: ${ps.join(' ; ')}`);
});

test('genre: a school’s 青蓝工程 yields its pairs; a training class (第12期…培训班, 学习小组 of trainees, a study trip) yields no mentorship', () => {
  const school = genre('school-qinglan.txt');
  const ps = pairs(school);
  for (const p of ['许静→林小雨', '8名师傅→8名徒弟']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  assert.ok(ps.some((p) => /骨干教师→新入职教师/.test(p)), ps.join(' ; '));
  const training = genre('training-class-negative.txt');
  assert.deepEqual(pairs(training), []);
  assert.deepEqual(training.initiatives.map((i) => i.name), ['中青年干部培训班'], 'the class without its number (第12期)');
});

test('genre: 徒弟田小军 after 周永福带了两个徒弟 is 周永福’s apprentice; without such a band 徒弟X names no mentor', () => {
  const d = genre('farm-apprentices.txt');
  const ps = pairs(d);
  assert.ok(ps.includes('周永福→田小军'), ps.join(' ; '));
  assert.ok(ps.includes('8名种养大户→16名返乡青年'), ps.join(' ; '));
  assert.ok(ps.includes('老支书→陈丽娟'), ps.join(' ; '));
  assert.ok(d.figures.some((f) => f.value === 23 && f.unit === '起'), `化解矛盾纠纷23起: ${d.figures.map((f) => f.value + f.unit).join(' ')}`);
  const court = pairs(genre('court.txt'));
  assert.ok(!court.some((p) => p.startsWith('刘建平→孙')), `a mentor representative has no counted band: ${court.join(' ; ')}`);
});

test('genre: traditional script — 他先後帶出了廖志遠、賴小燕兩名徒弟 (賴 is a surname) pairs the protagonist with both', () => {
  const d = genre('traditional-named-apprentices.txt');
  const ps = pairs(d);
  for (const p of ['钟华平→廖志远', '钟华平→赖小燕']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  assert.ok(d.people.some((p) => p.name === '赖小燕'), d.people.map((p) => p.name).join(' '));
});

test('genre: 老书记马长青正手把手教村文书李娜 — a named mentor teaching a named clerk (文书 is a post before a name)', () => {
  const d = genre('secretary-teaches-clerk.txt');
  assert.ok(pairs(d).includes('马长青→李娜'), pairs(d).join(' ; '));
  assert.deepEqual(d.people.map((p) => p.name).sort(), ['李娜', '杨永红', '马长青'].sort());
});

test('genre: an enterprise — 老师傅胡永刚给新员工邵飞当师傅 (老师傅 is a title; 刚 ends the name before 给), 我带的徒弟 and a named pair of apprentices', () => {
  const d = genre('enterprise-apprentices.txt');
  const ps = pairs(d);
  for (const p of ['胡永刚→邵飞', '邓志华→蒋浩', '邓志华→郑雨桐', '18名师傅→18名徒弟']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  assert.ok(!d.people.some((p) => /^傅|^胡永$/.test(p.name)), d.people.map((p) => p.name).join(' '));
});

test('genre: composite mentor groups lose what comes before their first count (即…, 目前全县已有…); an outcome clause (通过帮带走上…岗位) is no pairing', () => {
  const d = genre('county-composite-mentors.txt');
  const ps = pairs(d);
  assert.ok(ps.includes('36名县级领导、15名乡镇党委书记→年轻干部142名'), ps.join(' ; '));
  assert.ok(ps.includes('1名县级领导、1名乡镇党委书记→N名年轻干部'), ps.join(' ; '));
  assert.ok(ps.includes('冉光辉→邹雨婷'), ps.join(' ; '));
  assert.ok(!ps.some((p) => p.includes('走上')), ps.join(' ; '));
});

test('genre: traditional script — a compound surname (歐陽麗) is a name though jieba cuts 欧阳 as a place', () => {
  const d = genre('traditional-township-pairs.txt');
  assert.ok(d.people.some((p) => p.name === '欧阳丽'), d.people.map((p) => p.name).join(' '));
  assert.ok(d.figures.some((f) => f.value === 68 && f.unit === '起'), d.figures.map((f) => f.value + f.unit).join(' '));
});

test('genre: 渠东街道 is not 东街街道 (a short form of a township counts only on word boundaries); 段晓峰是王梦瑶的导师', () => {
  const d = genre('district-backup-cadres.txt');
  const places = d.places.map((p) => p.name);
  assert.ok(places.includes('渠东街道') && !places.includes('东街街道'), places.join(' '));
  assert.ok(pairs(d).includes('段晓峰→王梦瑶'), pairs(d).join(' ; '));
});

test('genre: an e-paper page — the date line (…星期三 第03版：综合新闻) is no headline; “薪火工程”又称“老支书传帮带计划” is one scheme; “青年村干部实践岗”', () => {
  const d = genre('epaper-county-scheme.txt');
  assert.equal(d.article.title, '长汀县：“薪火工程”让老支书经验代代传');
  assert.equal(d.article.publishedAt, '2025-05-14');
  const xinhuo = d.initiatives.find((i) => i.name === '薪火工程');
  assert.ok(xinhuo?.aliases.includes('老支书传帮带计划'), JSON.stringify(d.initiatives.map((i) => [i.name, i.aliases])));
  assert.ok(!d.initiatives.some((i) => i.name === '老支书传帮带计划'));
  assert.ok(d.initiatives.some((i) => i.name === '青年村干部实践岗'));
  assert.ok(pairs(d).includes('120名优秀老支书→180名年轻村干部'), `“一对一”“一对多” is no part of the group: ${pairs(d).join(' ; ')}`);
  assert.ok(pairs(d).includes('刘福生→两个徒弟'), `老支书刘福生说，自己带的两个徒弟…: ${pairs(d).join(' ; ')}`);
});

test('genre: county platforms — quoted cores with longer heads, 成长导师团, and no scheme in 一项基础性、战略性工程', () => {
  const names = genre('county-talent-platforms.txt').initiatives.map((i) => i.name);
  for (const n of ['三线联系育才平台', '墩苗育苗年轻干部培养机制', '年轻干部成长导师团', '汉阴青年讲堂', '红色引擎年轻干部人才库']) assert.ok(names.includes(n), `${n} in ${names.join(' | ')}`);
  assert.ok(!names.some((n) => n.includes('战略性')), names.join(' | '));
});

test('genre: 胡佳怡、李振宇、程雪三名年轻干部分别与余建平、吴昊、熊伟结成帮带对子 pairs the lists in order, mentors by their titles; Chinese-numeral counts', () => {
  const d = genre('respective-pairs.txt');
  const ps = pairs(d);
  for (const p of ['余建平→胡佳怡', '吴昊→李振宇', '熊伟→程雪']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  assert.ok(!ps.some((p) => p.startsWith('程雪→')), ps.join(' ; '));
  for (const [v, u] of [[120, '名'], [240, '名'], [12, '期'], [48, '名']] as const) assert.ok(d.figures.some((f) => f.value === v && f.unit === u), `${v}${u}`);
});

test('genre: 跟着冉老，她学会了… — 冉老 is the 冉启明 named before (no person 冉老) and 她 the 谭欣 named last', () => {
  const d = genre('retired-mentor-address.txt');
  assert.ok(pairs(d).includes('冉启明→谭欣'), pairs(d).join(' ; '));
  assert.ok(!d.people.some((p) => p.name === '冉老'), d.people.map((p) => p.name).join(' '));
});

test('genre: negatives — a county work meeting and a training class yield no mentorship; 新建高标准农田 is no 新建镇; the class is named without its year', () => {
  const meeting = genre('county-meeting-negative.txt');
  assert.deepEqual(pairs(meeting), []);
  assert.deepEqual(meeting.places.map((p) => p.name), ['凤冈县']);
  const training = genre('training-class-new-cadres.txt');
  assert.deepEqual(pairs(training), []);
  assert.ok(training.initiatives.some((i) => i.name === '新任村干部培训班'), training.initiatives.map((i) => i.name).join(' | '));
});

test('genre: 选出82名“红色领航员”，对155名新任村干部和后备力量进行“一对一”“一对二”帮带; 毛德文正带着新来的村干部黄小婷', () => {
  const d = genre('navigator-scheme.txt');
  const ps = pairs(d);
  assert.ok(ps.includes('82名红色领航员→155名新任村干部和后备力量'), ps.join(' ; '));
  assert.ok(ps.includes('毛德文→黄小婷'), ps.join(' ; '));
  assert.ok(!ps.some((p) => p.includes('新人干')), ps.join(' ; '));
});

test('genre: a signed first-person story — 作者：派出所民警 吴志强 is the author (his post is no name), 让他当我的师傅 pairs the old officer with him', () => {
  const d = genre('first-person-officer.txt');
  const ps = pairs(d);
  assert.ok(ps.includes('周建华→吴志强'), ps.join(' ; '));
  assert.ok(ps.includes('吴志强→徒弟'), `我也带起了徒弟: ${ps.join(' ; ')}`);
});

test('genre: a published pairing list — X与Y结对 three times; 徒弟每季度向师傅提交一份学习心得 is no pairing', () => {
  const ps = pairs(genre('pairing-list.txt'));
  assert.deepEqual(ps.sort(), ['30名师傅→30名徒弟', '程新民→阮佳琪', '夏志勇→乐晨曦', '焦红梅→成浩'].sort(), '共结对30对 is the cohort of 30 pairs the list samples');
});

test('genre: a quoted “三长制” is a scheme; each item of “导师面对面”“岗位练兵”“基层墩苗”等系列活动 is an activity (等 joins no item to the head)', () => {
  const d = genre('county-activity-runs.txt');
  const names = d.initiatives.map((i) => i.name);
  for (const n of ['三长制', '导师面对面', '岗位练兵', '基层墩苗', '青年干部讲坛']) assert.ok(names.includes(n), `${n} in ${names.join(' | ')}`);
  assert.ok(!names.some((n) => n.includes('等')), names.join(' | '));
  assert.ok(!pairs(d).some((p) => p.includes('推行')), `推行 bounds a group: ${pairs(d).join(' ; ')}`);
});

test('genre: 选派优秀干部担任村级后备力量导师 names both sides; a headline’s quoted slogan after a group (年轻干部“接好班”) is no part of it; “老支书帮帮团”', () => {
  const scheme = genre('village-mentor-scheme.txt');
  assert.ok(pairs(scheme).includes('优秀干部→村级后备力量'), pairs(scheme).join(' ; '));
  assert.ok(pairs(scheme).includes('何光明→杨丽娟'), pairs(scheme).join(' ; '));
  const team = genre('retired-secretaries-team.txt');
  assert.ok(!pairs(team).some((p) => p.includes('接好班')), pairs(team).join(' ; '));
  assert.ok(team.initiatives.some((i) => i.name === '老支书帮帮团'), team.initiatives.map((i) => i.name).join(' | '));
});

test('genre: Chinese-numeral counts with 余/多/近 (三百余名, 六百多名, 一千二百余件, 近两成); 结对培养 is no part of the mentee group', () => {
  const d = genre('three-years-figures.txt');
  for (const [v, u, approx] of [[300, '名', true], [600, '名', true], [1200, '件', true], [450, '篇', false]] as const)
    assert.ok(d.figures.some((f) => f.value === v && f.unit === u && f.approx === approx), `${v}${u}${approx ? ' approx' : ''}: ${d.figures.map((f) => f.value + f.unit).join(' ')}`);
  assert.ok(pairs(d).includes('导师三百余名→年轻干部六百多名'), pairs(d).join(' ; '));
});

test('genre: 为Y确定导师，选派X担任导师 is one record; 王梦瑶拜…刘建军为师 titles 刘建军 by his post; 在老所长的指导下 names a role, 新进人员 a person', () => {
  const d = genre('county-assigned-mentors.txt');
  const ps = pairs(d);
  for (const p of ['68名经验丰富的干部→132名新录用公务员和选调生', '刘建军→王梦瑶', '陈德富→李晓彤', '老所长→张婷婷']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  assert.ok(!ps.some((p) => p.startsWith('导师→') || p.startsWith('帮带导师→')), ps.join(' ; '));
  const merged = d.mentorships.find((m) => m.mentee === '132名新录用公务员和选调生')!;
  assert.match(merged.evidence, /确定帮带导师.*68名经验丰富的干部担任导师/);
  const title = (n: string) => d.people.find((p) => p.name === n)?.title;
  assert.equal(title('刘建军'), '镇党委副书记');
  assert.equal(title('李晓彤'), '大学生村官');
  assert.equal(title('张婷婷'), '城关镇财政所新进人员');
});

test('genre: 担任导师126人次，结对帮带年轻干部318人次 counts both sides; a headline’s “导师帮带”助力年轻干部 makes no group of 助力…; figures in 人次, 场次, %, 万元', () => {
  const d = genre('county-summary-person-times.txt');
  const ps = pairs(d);
  assert.ok(ps.includes('县级领导干部和优秀科级干部126人次→年轻干部318人次'), ps.join(' ; '));
  assert.ok(!d.mentorships.some((m) => /助力|柱县/.test(m.mentee)), ps.join(' ; '));
  for (const [v, u] of [[52, '场次'], [1860, '人次'], [98.6, '%'], [45, '万元'], [41, '人']] as const) assert.ok(d.figures.some((f) => f.value === v && f.unit === u), `${v}${u}`);
});

test('genre: a ——记… subtitle is not the headline; 杨德贵主动给她当师傅 and 吴明亮拜他为师 resolve the pronouns; 全镇已有19名退休老干部 is the group 19名退休老干部', () => {
  const d = genre('retired-secretary-subtitle.txt');
  assert.equal(d.article.title, '“我带的徒弟都成了村里的顶梁柱”');
  const ps = pairs(d);
  for (const p of ['杨德贵→罗小兰', '杨德贵→吴明亮', '19名退休老干部→37名年轻村干部']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  assert.equal(d.people.find((p) => p.name === '罗小兰')?.title, '村委会副主任');
});

test('genre: 会同市人社局 is no 会同县; “沩水青干班” is a class; 青苗培育工程（又称“育苗行动”） is one scheme with an alias', () => {
  const d = genre('county-training-chain.txt');
  assert.deepEqual(d.places.map((p) => p.name).sort(), ['宁乡市', '灰汤镇', '花明楼镇'].sort());
  const names = d.initiatives.map((i) => i.name);
  for (const n of ['沩水青干班', '墩苗计划', '乡村振兴实践岗', '青苗培育工程']) assert.ok(names.includes(n), `${n} in ${names.join(' | ')}`);
  assert.ok(!names.includes('育苗行动'), names.join(' | '));
  assert.deepEqual(d.initiatives.find((i) => i.name === '青苗培育工程')?.aliases, ['育苗行动']);
  assert.ok(pairs(d).includes('1名县级领导、1名科级干部→N名年轻干部'), pairs(d).join(' ; '));
});

test('genre: 遴选42名干部擔任師傅，與84名新錄用公務員和選調生簽訂師徒協議 is one record (the 和 inside the mentee list pairs nobody); 和政縣 keeps its 和 in a title; traditional credits', () => {
  const d = genre('traditional-serve-then-sign.txt');
  const ps = pairs(d);
  assert.ok(ps.includes('42名政治素质好、业务能力强的干部→84名新录用公务员和选调生'), ps.join(' ; '));
  assert.ok(!ps.some((p) => p.endsWith('→选调生')), ps.join(' ; '));
  assert.equal(d.people.find((p) => p.name === '韩丽娟')?.title, '和政县买家集镇选调生');
  // 文/圖 A B: both wrote and photographed (the line does not say who did which).
  assert.deepEqual(d.credits.map((c) => `${c.role}:${c.name}`).sort(), ['author:馬曉東', 'author:韓雪', 'editor:王婷', 'reviewer:李國強'].sort());
  assert.equal(d.article.publishedAt, '2026-05-03');
});

test('genre: a quoted head-count formula pairs its last item with the ones before (“1名村党组织书记+1名驻村第一书记+N名后备力量”结对模式); “1+1+N”结对模式 keeps its head; villages placed under their township', () => {
  const d = genre('prefecture-reserve-formula.txt');
  const ps = pairs(d);
  for (const p of ['1名村党组织书记+1名驻村第一书记→N名后备力量', '老书记→王小军']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  for (const v of ['城关村', '响水村', '红堡子村']) assert.ok(d.places.some((p) => p.name === v && p.level === 'village'), v);
  const quoted = extractFacts(cleanArticle('靖远县推行“1+1+N”结对模式。'));
  assert.deepEqual(quoted.initiatives.map((i) => i.name), ['1+1+N结对模式']);
});

test('every relationship an article states starts at a node the article mentions or reports (removal follows only outgoing relationships)', () => {
  const dir = new URL('./fixtures/genre/', import.meta.url);
  const texts = [...readdirSync(dir).map((f) => readFileSync(new URL(f, dir), 'utf8')), ...seeds.map((s) => s.raw)];
  let checked = 0;
  for (const text of texts) {
    const gw = prepareArticle({ text }).write;
    const anchored = new Set([...gw.nodes.filter((n) => n.evidence.length > 0).map((n) => n.id), ...gw.reports.map((r) => r.id)]);
    for (const r of gw.rels.filter((x) => x.evidence)) {
      checked++;
      assert.ok(anchored.has(r.from), `${r.type} from ${r.from} (not mentioned) in ${text.slice(0, 30)}`);
    }
  }
  assert.ok(checked > 200, `only ${checked} relationships checked`);
});

test('genre: 聘请6名退休老支书担任“头雁导师”，每人结对帮带2至3名村级后备干部; 谢晓燕、林志强、周敏3人由老支书陈永福负责帮带 (no comma before 由); 师傅金德胜教会了他', () => {
  const d = genre('township-head-geese.txt');
  const ps = pairs(d);
  for (const p of ['6名退休老支书→2至3名村级后备干部', '陈永福→谢晓燕', '陈永福→林志强', '陈永福→周敏', '金德胜→李一帆']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  assert.ok(!ps.some((p) => p.startsWith('名')), ps.join(' ; '));
  assert.equal(d.people.find((p) => p.name === '陈永福')?.title, '老支书');
});

test('genre: 记者黄昊 实习生刘雨欣报道：… (the last name glued to 报道：); 撰稿/责编/审核 between pipes; a bare (王晓东 张敏) closing the text', () => {
  const d = genre('portal-pipe-credits.txt');
  assert.deepEqual(d.credits.map((c) => c.name).sort(), ['徐静', '杜鹃', '王海', '黄昊', '刘雨欣', '王晓东', '张敏'].sort());
  assert.equal(d.article.publishedAt, '2026-04-18');
  assert.ok(pairs(d).includes('县直单位主要负责人→首批35名年轻干部'), pairs(d).join(' ; '));
});

test('genre: names in a list with no title (的杨德明、许丽华、邓光辉颁发了…, 周丽萍、郭文涛分别…); 王建国与刘晓、李红梅与陈佳等5组师徒 pairs each; lists of words stay words', () => {
  const d = genre('signing-ceremony-lists.txt');
  const names = d.people.map((p) => p.name);
  for (const n of ['杨德明', '许丽华', '邓光辉', '周丽萍', '郭文涛']) assert.ok(names.includes(n), `${n} in ${names.join(' ')}`);
  const ps = pairs(d);
  for (const p of ['王建国→刘晓', '李红梅→陈佳', '赵志刚→孙雨桐']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  for (const text of ['坚持安全、文明、和谐、高效的原则。', '在张家港、常熟、太仓等地考察。', '开展政治理论、业务知识、群众工作等培训。'])
    assert.deepEqual(extractFacts(cleanArticle(text)).people, [], text);
});

test('a three-character name jieba cuts as a word (方子豪 → 方子/豪) is a name inside a list after a known one, not elsewhere', () => {
  const names = (t: string) => extractFacts(cleanArticle(t)).people.map((p) => p.name);
  assert.deepEqual(names('选调生宋佳琪、方子豪被安排到信访岗位锻炼。'), ['宋佳琪', '方子豪']);
  assert.deepEqual(names('选调生宋佳琪、常态化开展工作。'), ['宋佳琪']);
});

test('a three-character name heading a clause before 来到/回到/扎根… is a name even when named once', () => {
  const names = (t: string) => extractFacts(cleanArticle(t)).people.map((p) => p.name);
  assert.deepEqual(names('2023年，张晓燕来到白沙村任职。'), ['张晓燕']);
  assert.deepEqual(names('高质量来到新阶段。'), []);
});

test('a programme name stops at two boundary words jieba keeps as one (建立健全长效机制 names nothing; 不断完善年轻干部梯次培养体系 is 年轻干部梯次培养体系)', () => {
  assert.deepEqual(initiativeNames('县委组织部建立健全长效机制，完善考核机制。'), []);
  assert.ok(initiativeNames('不断完善年轻干部梯次培养体系。').includes('年轻干部梯次培养体系'));
  assert.ok(initiativeNames('选派年轻干部赴上级组织部门挂职。').some((n) => n.includes('组织部门挂职')));
});

test('genre: a short brief still ends at its footer (主办/ICP备: the address under it names no place of the story); 选派32名机关年轻干部到乡镇 is the group 32名机关年轻干部', () => {
  const d = genre('brief-footer-places.txt');
  assert.deepEqual(d.places.map((p) => p.name), ['余庆县']);
  assert.ok(pairs(d).includes('乡镇党委书记→32名机关年轻干部'), pairs(d).join(' ; '));
  assert.deepEqual(d.credits.map((c) => c.name), ['韦刚']);
});

test('genre: a date line with its source (2026年10月14日 09:30 来源：宿迁网) is chrome, no place; 选聘“银发导师”92名，与Y一对一或一对多结对; 张秀兰与陆婷婷结成了帮带对子', () => {
  const d = genre('silver-mentors-feature.txt');
  assert.deepEqual(d.places.map((p) => p.name).sort(), ['泗洪县', '青阳街道', '双沟社区'].sort());
  const ps = pairs(d);
  for (const p of ['张秀兰→陆婷婷', '银发导师92名→社区新进工作人员、网格员']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  assert.equal(d.article.publishedAt, '2026-10-14');
  assert.deepEqual(extractFacts(cleanArticle('2026年10月14日，泗洪县召开推进会。')).places.map((p) => p.name), ['泗洪县']);
});

test('genre: a scheme named two ways keeps the facts that name it either way (師帶徒幫帶機制 → 师带徒机制); 「」 quotes; “師傅黃建平教會我…”林曉雯說', () => {
  const d = genre('traditional-corner-quotes.txt');
  const ps = pairs(d);
  for (const p of ['28名经验丰富的科级干部→56名新录用公务员', '黄建平→林晓雯']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  const scheme = d.initiatives.find((i) => i.name === '师带徒机制');
  assert.ok(scheme && scheme.aliases.includes('师带徒帮带机制'), JSON.stringify(d.initiatives));
  assert.ok(d.mentorships.every((m) => !m.initiative || m.initiative === '师带徒机制'), JSON.stringify(d.mentorships));
  assert.ok(d.figures.some((f) => f.value === 28 && f.about === '师带徒机制'), JSON.stringify(d.figures));
});

test('genre: negative — a 研究生导师 and a 王师傅 of a taxi make no mentorship; 工作人员向市民 names nobody; a title starts after its verb (邀请了…导师李明)', () => {
  const d = genre('traffic-negative.txt');
  assert.deepEqual(pairs(d), []);
  assert.deepEqual(d.people.map((p) => `${p.name}:${p.title}`), ['李明:西南大学研究生导师']);
  assert.deepEqual(extractFacts(cleanArticle('相关人员于今日到岗。')).people, [], '于今日 is a time, not a person');
});

test('genre: 每名导师带教2名青年医师 is 带教, not 带 + 教… (the ratio stays a record, as 每名导师帮带2至3名 does); X的徒弟、青年医师Y titles Y 青年医师', () => {
  const d = genre('hospital-master-doctors.txt');
  const ps = pairs(d);
  for (const p of ['6名主任医师→12名青年医生', '冯国强→段宏宇', '每名导师→2名青年医师']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  assert.ok(!ps.some((p) => p.includes('→教')), ps.join(' ; '));
  assert.equal(d.people.find((p) => p.name === '段宏宇')?.title, '青年医师');
});

test('groups: 组建由12名县级领导组成的导师团，对Y进行“点对点”指导; 村党组织书记 holds 组织 and keeps it; the scope 全县 before a count is dropped', () => {
  assert.deepEqual(pairsIn('组建由12名县级领导组成的导师团，对30名年轻干部进行“点对点”指导。'), ['12名县级领导→30名年轻干部']);
  assert.deepEqual(pairsIn('全县186名村党组织书记与新任村干部结成帮带对子372对。'), ['186名村党组织书记→新任村干部']);
});

test('figures: 上百名 and 数十名 are approximate; 近百个村 is a count of about 100 while 百个村庄百个样 is no figure', () => {
  assert.deepEqual(figuresIn('已有上百名年轻干部参加结对。'), ['100名~']);
  assert.deepEqual(figuresIn('共有数十名老干部参与。'), ['10名~']);
  assert.deepEqual(figuresIn('覆盖全县近百个村。'), ['100个~']);
  assert.deepEqual(figuresIn('百个村庄百个样。'), []);
});

test('places: a neighbourhood named by its committee right after its township (城关镇东街居委会) is placed under it', () => {
  const d = extractFacts(cleanArticle('大悟县城关镇东街居委会主任李梅说，帮带工作很有成效。'));
  const v = d.places.find((p) => p.name === '东街居委会');
  assert.ok(v && v.level === 'village' && v.parent === '城关镇', JSON.stringify(d.places));
});

test('initiatives: a generic mechanism (容错纠错机制, 考核评价体系, “三会一课”制度) is no programme; “双导师”制度 is one', () => {
  assert.deepEqual(initiativeNames('建立容错纠错机制，完善考核评价体系，严格落实“三会一课”制度。'), []);
  assert.deepEqual(initiativeNames('推行“双导师”制度。'), ['双导师制度']);
});

test('groups without a number: 让老干部带好新干部, 老村干带新村干; 带好头 is no pairing', () => {
  assert.deepEqual(pairsIn('坚持以老带新，让老干部带好新干部。'), ['老干部→新干部']);
  assert.deepEqual(pairsIn('镇里让老村干带新村干。'), ['老村干→新村干']);
  assert.deepEqual(pairsIn('县领导带好头、作表率。'), []);
});

test('groups: 她的导师 is 导师; a clause up to 向 before the noun (李娜每周都要向导师) is no part of the group', () => {
  assert.deepEqual(pairsIn('去年入职的刘佳佳说，她的导师经常带她下村。'), ['导师→刘佳佳']);
  assert.ok(!pairsIn('作为今年的帮带对象，李娜每周都要向导师汇报工作。').some((p) => p.includes('每周')));
});

test('genre: an e-paper brief — 12个百分点 keeps its unit, 每月至少开展1次 is an approximate rate, an address line is chrome, 她拜老支书X titles X 老支书', () => {
  const d = genre('epaper-old-secretary.txt');
  assert.deepEqual(pairs(d), ['黄德胜→周敏', '86名师傅→86名徒弟'], '结成帮带对子86对: 86 pairs, as 4对新结对师徒 is 4');
  assert.equal(d.people.find((p) => p.name === '黄德胜')?.title, '老支书');
  assert.deepEqual(d.places.map((p) => p.name), ['南漳县'], 'the 地址: line names no place of the story');
  const figs = d.figures.map((f) => `${f.value}${f.unit}`);
  for (const f of ['12个百分点', '86对', '45.6%', '276个']) assert.ok(figs.includes(f), `${f} in ${figs.join(' ')}`);
  assert.ok(!figs.includes('12个'), figs.join(' '));
  const rate = extractFacts(cleanArticle('导师每月至少开展1次谈心谈话。')).figures;
  assert.deepEqual(rate.map((f) => `${f.value}${f.unit}${f.approx ? '~' : ''}`), ['1次/月~']);
});

test('genre: “双导师”制 is a scheme; 担任“银发导师”,一对一帮带Y; 手把手教新人写材料 ends the group at 新人; X把经验传给了Y; a later bare-导师 restatement is the same scheme', () => {
  const d = genre('dual-mentor-county.txt');
  assert.deepEqual(pairs(d).sort(), ['1名县直单位业务骨干和1名乡镇班子成员→新录用公务员', '吴建军→新人', '12名退休老干部→新任村两委干部', '陈光明→方磊'].sort());
  assert.ok(d.initiatives.some((i) => i.name === '双导师制'), JSON.stringify(d.initiatives));
  assert.deepEqual(pairsIn('鲁义民带着年轻干部一头扎进田间。'), ['鲁义民→年轻干部']);
  assert.deepEqual(pairsIn('30名年轻干部都与导师结成对子。'), ['导师→30名年轻干部']);
  assert.deepEqual(extractFacts(cleanArticle('按照“三结合”制定方案。')).initiatives, [], '制定 is a verb, not the head 制');
});

test('genre: a signing ceremony lists its pairs with dashes (镇党委副书记罗明——选调生田甜), mentor first; 文/图 永安镇党政办 周晓 credits 周晓, not the unit', () => {
  const d = genre('signing-ceremony-dash-list.txt');
  const ps = pairs(d);
  for (const p of ['罗明→田甜', '王兴国→刘洋洋', '陈德富→张小龙']) assert.ok(ps.includes(p), `${p} in ${ps.join(' ; ')}`);
  assert.ok(!d.mentorships.some((m) => !m.mentor), '田甜 has her named mentor, no unknown-mentor record');
  assert.equal(d.people.find((p) => p.name === '田甜')?.title, '选调生');
  assert.deepEqual(d.credits.map((c) => `${c.name}:${c.role}`), ['周晓:author', '李建:reviewer', '吴莉:editor']);
  assert.deepEqual(pairs(extractFacts(cleanArticle('会议由镇长李明主持——王强副镇长作了发言。'))), [], 'a dash outside a pairing paragraph pairs nobody');
});

test('people: a three-character name closing a sentence after 的 (回来的谭晓峰。), or before 被选为; a clause ending in a verb is no title; 结对帮扶 (relief) pairs no mentor', () => {
  const people = (t: string) => extractFacts(cleanArticle(t)).people.map((p) => `${p.name}:${p.title ?? ''}`);
  assert.deepEqual(people('记者在村委会见到了刚从地里回来的谭晓峰。'), ['谭晓峰:']);
  assert.deepEqual(people('去年,梁晓红被选为村妇联主席。'), ['梁晓红:']);
  assert.deepEqual(people('他们建起了村里的养殖场。'), []);
  assert.deepEqual(pairs(extractFacts(cleanArticle('机关干部结对帮扶留守儿童120名。'))), []);
  assert.deepEqual(pairs(extractFacts(cleanArticle('20名老党员结对帮带30名年轻党员。'))), ['20名老党员→30名年轻党员']);
});

test('genre: a signed first-person column in traditional script — 我帶的第一個徒弟叫X (the author mentors X), 安排我擔任…的“幫帶導師”, N名導師…結對幫帶Y M名; the post the apprentice rose to (當上了村支書) is no mentor', () => {
  const d = genre('traditional-first-person-mentor.txt');
  const ps = pairs(d);
  for (const p of ['龙秀英→杨小飞', '帮带导师15名→新任村干部31名']) assert.ok(ps.some((x) => simplifyAligned(x) === p), `${p} in ${ps.join(' ; ')}`);
  assert.ok(!ps.some((p) => /村支[书書]→/.test(p)), ps.join(' ; '));
  assert.ok(!d.credits.some((c) => simplifyAligned(c.name) === '龙秀英'), 'the mentoring author is a person of the story, not a credit');
});

test('places: autonomous prefectures with a four-character stem or a 蒙古/柯尔克孜 people (西双版纳州, 博尔塔拉州, 克孜勒苏州); initiatives: 行动计划 is one head', () => {
  const places = (t: string) => extractFacts(cleanArticle(t)).places.map((p) => `${p.name}:${p.level}`);
  assert.deepEqual(places('西双版纳州勐海县勐遮镇。').slice(0, 2), ['西双版纳州:prefecture', '勐海县:county']);
  assert.deepEqual(places('博尔塔拉州温泉县。'), ['博尔塔拉州:prefecture', '温泉县:county']);
  assert.deepEqual(places('克孜勒苏州阿图什市。'), ['克孜勒苏州:prefecture', '阿图什市:county']);
  assert.deepEqual(extractFacts(cleanArticle('启动年轻干部成长护航行动计划。')).initiatives.map((i) => i.name), ['年轻干部成长护航行动计划']);
});

test('figures: a vague span of years (工作了几十年, 十几年如一日, 扎根基层数十年) is no figure; 十几名 still is', () => {
  assert.deepEqual(figuresIn('在社区工作了几十年的老街干。'), []);
  assert.deepEqual(figuresIn('十几年如一日。'), []);
  assert.deepEqual(figuresIn('扎根基层数十年。'), []);
  assert.deepEqual(figuresIn('已有十几名年轻干部参加。'), ['10名~']);
});

test('credits: 张三 文/图 (role after the name), 供图:, 一审/二审/三审:, 剪辑:', () => {
  const credits = (line: string) => extractFacts(cleanArticle(`标题\n\n正文第一句。\n${line}\n`)).credits.map((c) => `${c.name}:${c.role}`);
  assert.deepEqual(credits('张三 文/图'), ['张三:author']);
  assert.deepEqual(credits('供图:李四'), ['李四:photographer']);
  assert.deepEqual(credits('一审:张三 二审:李四 三审:王五'), ['张三:reviewer', '李四:reviewer', '王五:reviewer']);
  assert.deepEqual(credits('剪辑:陈二'), ['陈二:editor']);
});

test('speakers: “是师傅教会了我…”X说 — an unnamed master of the speaker (mentor 师傅, implied); 我的师傅是村里的老会计Y titles Y after 是', () => {
  const d = extractFacts(cleanArticle('“是师傅教会了我怎么跟群众打交道。”网格员蒋丽说。'));
  assert.deepEqual(pairs(d), ['师傅→蒋丽']);
  assert.equal(d.mentorships[0]!.strength, 'implied');
  assert.equal(extractFacts(cleanArticle('我的师傅是村里的老会计谢德明。')).people[0]?.title, '村里的老会计');
});

test('groups: 每名年轻干部都有一名导师“一对一”帮带 — the owner before 有 is the mentee side, not part of the mentor group; 把…带在身边 titles after 把', () => {
  assert.deepEqual(pairsIn('每名年轻干部都有一名导师“一对一”帮带。'), ['一名导师→每名年轻干部']);
  assert.deepEqual(pairsIn('每名新入职社工配有2名师傅进行帮带。'), ['2名师傅→每名新入职社工']);
  const d = extractFacts(cleanArticle('镇党委书记周强把新来的选调生孙悦带在身边。'));
  assert.equal(d.people.find((p) => p.name === '孙悦')?.title, '新来的选调生');
});

test('people: 杨光明和徒弟刘晓 — a name joined to a titled name is a person, and X和徒弟Y pairs them; 老支书带着徒弟王欢 titles 王欢 徒弟', () => {
  const d = extractFacts(cleanArticle('杨光明和徒弟刘晓一起走访。'));
  assert.deepEqual(d.people.map((p) => `${p.name}:${p.title ?? ''}`), ['杨光明:', '刘晓:徒弟']);
  assert.deepEqual(pairs(d), ['杨光明→刘晓']);
  assert.equal(extractFacts(cleanArticle('老支书带着徒弟王欢下村。')).people[0]?.title, '徒弟');
});

test('initiatives: 工作专班 and “三重一大”制度 are how every office works, not programmes; 乡村振兴工作专班 is one', () => {
  assert.deepEqual(initiativeNames('他们成立了工作专班。'), []);
  assert.deepEqual(initiativeNames('落实“三重一大”制度。'), []);
  assert.deepEqual(initiativeNames('成立乡村振兴工作专班。'), ['乡村振兴工作专班']);
});

test('frames: 结对联系Y, X累计带出徒弟N名, X收Y为徒, Y认X为师傅; a title starts after the pairing verb (一对一帮带大学生村官吴敏)', () => {
  assert.deepEqual(pairsIn('县级领导干部结对联系优秀年轻干部86名。'), ['县级领导干部→优秀年轻干部86名']);
  assert.deepEqual(pairsIn('多年来,老支书罗正明累计带出徒弟15名。'), ['罗正明→徒弟15名']);
  assert.deepEqual(pairsIn('新任村干部周亮认老支书为师傅。'), ['老支书→周亮']);
  assert.equal(extractFacts(cleanArticle('由镇党委委员李强一对一帮带大学生村官吴敏。')).people.find((p) => p.name === '吴敏')?.title, '大学生村官');
});

test('initiatives: 导师团队 (a team of mentors) is no 导师团 scheme; 组建导师团 and 成立导师组 are', () => {
  assert.deepEqual(initiativeNames('导师团队为学员答疑解惑。'), []);
  assert.deepEqual(initiativeNames('组建导师团,对年轻干部进行指导。'), ['导师团']);
  assert.deepEqual(initiativeNames('成立导师组。'), ['导师组']);
});

test('figures: 2个小时 keeps its unit; 24小时值班 is round the clock, no figure', () => {
  assert.deepEqual(figuresIn('会议持续了2个小时。'), ['2个小时']);
  assert.deepEqual(figuresIn('推行24小时值班制度。'), []);
});

test('genre: a feature — 安排X与她结成帮带对子 after her name, N对新老村干部结成了这样的帮带对子 (a longer gap before 对子), 被选为村党支部书记 names no village', () => {
  const d = genre('old-secretary-ledger.txt');
  assert.deepEqual(pairs(d).sort(), ['覃德贵→易红梅', '17名师傅→17名徒弟'].sort());
  assert.deepEqual(d.places.map((p) => p.name), ['石门县', '壶瓶山镇', '南坪村']);
  const figs = d.figures.map((f) => `${f.value}${f.unit}`);
  for (const f of ['3200亩', '50万元', '17对']) assert.ok(figs.includes(f), figs.join(' '));
});

test('composite mentor groups: 配备“政治导师”和“业务导师”; 每名Y由X1和X2结对帮带; “1名县领导+1名乡镇党委书记+1名村支书”帮带Y; “1名老干部+1名新干部”结对 still pairs its two sides', () => {
  assert.deepEqual(pairsIn('县委组织部为每名选调生配备“政治导师”和“业务导师”。'), ['政治导师和业务导师→选调生']);
  assert.deepEqual(pairsIn('每名新录用公务员由1名科级干部和1名业务骨干结对帮带。'), ['1名科级干部和1名业务骨干→每名新录用公务员']);
  assert.deepEqual(pairsIn('实行“1名县领导+1名乡镇党委书记+1名村支书”帮带1名年轻干部。'), ['1名县领导+1名乡镇党委书记+1名村支书→1名年轻干部']);
  assert.deepEqual(pairsIn('推行“1名老干部+1名新干部”结对模式。'), ['1名老干部→1名新干部']);
});

test('names and frames: 杨德才的帮带下 (a character before 的 finishes the name, 张强家的 does not); 得益于师傅X的悉心指导,徒弟Y', () => {
  const d = extractFacts(cleanArticle('在“老书记”杨德才的帮带下,年轻干部成长很快。'));
  assert.deepEqual(d.people.map((p) => p.name), ['杨德才']);
  assert.deepEqual(extractFacts(cleanArticle('张强家的院子里种满了菜。')).people, []);
  const e = extractFacts(cleanArticle('得益于师傅韦国清的悉心指导,徒弟谭丽很快上手。'));
  assert.deepEqual(pairs(e), ['韦国清→谭丽']);
  assert.equal(e.people[0]?.title, '师傅');
});

test('frames: 担任导师,带领Y (带领 before 带); 给每名Y都配了师傅', () => {
  assert.deepEqual(pairsIn('由各村党组织书记担任导师,带领后备干部参与村级事务。'), ['各村党组织书记→后备干部']);
  assert.deepEqual(pairsIn('县里给每名大学生村官都配了师傅。'), ['师傅→大学生村官']);
});

test('figures: formulas are no counts (1对1, 一对多, 中央八项规定, a numeral inside a short quoted name); 千余名 is about 1000; 三批次 keeps 批次; 下午三点 is a time; 七台河市 is a place', () => {
  assert.deepEqual(figuresIn('实行1对1帮带，开展1对多指导，坚持一对一。'), []);
  assert.deepEqual(figuresIn('深入贯彻中央八项规定精神，打造“四个样板区”，推进“乡村振兴四项行动”。'), []);
  assert.deepEqual(figuresIn('全县千余名干部参加，先后有3批次青年干部参训。'), ['1000名~', '3批次']);
  assert.deepEqual(figuresIn('当天下午三点，他提出三点意见。'), ['3点']);
  assert.deepEqual(figuresIn('七台河市、四川省三台县的5个村。'), ['5个']);
  assert.deepEqual(figuresIn('每学期至少上1节示范课。'), ['1节/学期~']);
});

test('genre: a hospital page — bulleted headlines of other news and a dated related-news list are chrome, their numbers no figures', () => {
  const d = genre('hospital-news-lists.txt');
  const figures = d.figures.map((f) => `${f.value}${f.unit}${f.approx ? '~' : ''}`);
  assert.deepEqual(figures, ['36名', '42名', '36对', '210名', '32年', '60人~', '1份', '1次/周~', '1项/年']);
});

test('names: a given name that is a noun of its own keeps its third character (何建国共带徒弟, 李国庆节); a verb or adverb there does not (王刚才说, 王明白了)', async () => {
  const { nameAt } = await import('../src/lang/zh/names.js');
  assert.equal(nameAt('何建国共带徒弟5名', 0), '何建国');
  assert.equal(nameAt('李国庆节前走访', 0), '李国庆');
  assert.equal(nameAt('王刚才说', 0), '王刚');
  assert.equal(nameAt('王明白了', 0), '王明');
  assert.equal(nameAt('张敬正忙着', 0), '张敬');
  const d = extractFacts(cleanArticle('老支书何建国共带出徒弟5名，个个都成了村里的骨干。'));
  assert.ok(d.people.some((p) => p.name === '何建国'), JSON.stringify(d.people.map((p) => p.name)));
});

test('genre: a procuratorate page — a three-character name ending in 刚 named twice before verbs (王志刚出席…王志刚要求) is one person, not 王志', () => {
  const d = genre('procuratorate-signing.txt');
  const names = d.people.map((p) => p.name);
  assert.ok(names.includes('王志刚') && !names.includes('王志'), names.join(','));
  assert.ok(pairs(d).includes('8名师傅→8名徒弟'), pairs(d).join(' ; '));
});

test('genre: a utility company — 收了两名徒弟——A和B names the apprentices, so a later “师傅…”A说 adds no second, unnamed master', () => {
  const d = genre('utility-master-apprentice.txt');
  assert.deepEqual(pairs(d).sort(), ['32名技术骨干→45名新入职员工', '张卫东→徒弟11名', '张卫东→林晓', '张卫东→陈思远'].sort());
});

test('genre: a traditional police page — Y跟着他跑轄區 (他: the old officer named before) is that pair; the credits in brackets are credits', () => {
  const d = genre('police-station-fanti.txt');
  assert.ok(pairs(d).includes('陈建军→黄嘉豪'), pairs(d).join(' ; '));
  assert.ok(!pairs(d).includes('师傅→黄嘉豪'), 'the quote’s bare 师傅 is the same master');
  assert.deepEqual(d.credits.map((c) => c.name).sort(), ['許文龍', '鄭雅婷']);
});

test('genre: a primary school’s tenth 青蓝工程 — 新教师代表 is an apprentice’s representative; per-semester quotas above one are counts, 每学期末上一节汇报课 a rate', () => {
  const d = genre('school-tenth-qinglan.txt');
  assert.deepEqual(d.initiatives.map((i) => i.name), ['青蓝工程']);
  assert.ok(pairs(d).includes('∅→杨雨桐'), pairs(d).join(' ; '));
  assert.ok(pairs(d).includes('12名骨干教师→今年新入职的14名青年教师'), pairs(d).join(' ; '));
  assert.deepEqual(
    d.figures.map((f) => `${f.value}${f.unit}`),
    ['14名', '12名', '10节', '20节', '37名', '1节/学期'],
  );
});

test('genre: a farm mentors’ feature — 遴选X担任“田秀才”导师，每人结对帮带Y; Y拜X为师 with Y the subject; X被聘为Y的导师; X认领Y作为徒弟; 两人结成对子 (the newcomer mentee); 师徒制定 is no 师徒制', () => {
  const d = genre('farm-mentors-pairs.txt');
  assert.deepEqual(pairs(d), ['65名种养大户、农技能手→2至3名返乡创业青年', '李春生→赵晨阳', '周文斌→该镇年轻干部', '李国强→3名年轻干部', '周大成→刘明']);
  assert.deepEqual(d.initiatives.map((i) => i.name), ['田秀才带新农人培育模式', '成长导师']);
  assert.equal(d.people.find((p) => p.name === '李春生')?.title, '种植大户', 'the title starts after 拜');
});

test('genre: a county’s linked leaders — 对Y，由X担任第一导师; 每名X联系N名Y; X、Z与Y开展师徒结对 (the list is the mentors); …帮带Y的“2+1”模式 (the scheme is no part of Y); 作为X的徒弟，Y…', () => {
  const d = genre('county-linked-leaders.txt');
  assert.deepEqual(pairs(d).sort(), ['所在单位主要负责人→新录用的17名公务员', '每名县级领导→2名年轻干部', '42名老党员、老干部→新任村干部', '1名班子成员+1名业务骨干→1名新入职干部', '陈刚→王芳'].sort());
});

test('initiatives: “四个一”帮带法 keeps its head; an honour (评选“金牌导师”10名, 被评为“优秀导师”) is no scheme; a quoted run 等特色品牌 is each a scheme; 跟岗学习 stands alone', () => {
  assert.deepEqual(initiativeNames('推行“四个一”帮带法，即一名导师、一本台账、一张清单、一次评估。'), ['四个一帮带法']);
  assert.deepEqual(initiativeNames('实施“青蓝工程”，评选“金牌导师”10名、“优秀学员”20名。他被评为“优秀导师”。'), ['青蓝工程']);
  assert.deepEqual(initiativeNames('打造“书记讲堂”“村官夜话”等特色品牌。'), ['书记讲堂', '村官夜话']);
  assert.deepEqual(initiativeNames('选派15名年轻干部到信访局跟岗锻炼3个月。'), ['信访局跟岗锻炼']);
  assert.deepEqual(initiativeNames('该局为每对师徒制定个性化培养计划。'), []);
});

test('an autonomous county is named as the text first writes it; a later short form is its alias and what other facts may call it', () => {
  const text = '麻阳苗族自治县：师徒结对促成长\n麻阳苗族自治县委组织部组织24名新录用公务员与24名导师结对。麻阳县新录用公务员代表杨思琪说，会向师傅学习。';
  const p = prepareArticle({ text });
  const county = p.doc.places.find((x) => x.code === '431226');
  assert.equal(county?.name, '麻阳苗族自治县');
  assert.ok(county?.aliases.includes('麻阳县'), county?.aliases.join(' '));
  assert.equal(p.doc.places.filter((x) => x.code === '431226').length, 1, 'one fact for one county');
  const node = p.write.nodes.find((n) => n.label === 'Place' && n.props.name === '麻阳苗族自治县');
  assert.ok(node, 'resolved without an unknown-place problem');
  assert.equal(prepareArticle({ text: '麻阳县：师徒结对\n麻阳县组织24名新录用公务员与24名导师结对。' }).doc.places.find((x) => x.code === '431226')?.name, '麻阳县');
});

test('a transliterated name after a quotation and before a verb of speech is a person even when it opens with an adverb’s character; 该负责人, 大家都 are not', () => {
  const d = extractFacts(cleanArticle('“跟着师傅跑了半年草场，才知道群众工作怎么做。”才让多吉感慨道。“这个办法好。”该负责人表示。“我们一定努力。”大家都说。'));
  assert.deepEqual(d.people.map((p) => p.name), ['才让多吉']);
  assert.ok(pairs(d).includes('师傅→才让多吉'), pairs(d).join(' ; '));
});

test('initiatives: a launched pairing of two quoted sides is one scheme (实施“老街干”结对帮带“新街干”, 推行“老党员”带“新党员”机制), not its first quote', () => {
  assert.deepEqual(initiativeNames('全面实施“老街干”结对帮带“新街干”，让新社工尽快成长。'), ['老街干结对帮带新街干']);
  const d = extractFacts(cleanArticle('推行“老党员”带“新党员”机制。'));
  assert.deepEqual(d.initiatives.map((i) => `${i.name}:${i.kind}`), ['老党员带新党员机制:mentoring']);
});

test('figures: 师徒二人, 他们三人 name the people, they report no count; 全村共有三人 does', () => {
  assert.deepEqual(figuresIn('师徒二人共同办理案件120件。他们三人结成小组。全村共有三人考上大学。'), ['120件', '3人']);
});

test('figures: written counts in characters and volumes (3万余字, 120册) are figures; 十六字方针, 十字路口 are not', () => {
  assert.deepEqual(figuresIn('他写下了3万余字的学习笔记，建立成长档案120册。坚持“十六字方针”，在十字路口一字一句地讲。'), ['3万字~', '120册']);
});

test('genre: a profile — an ethnic township written short (聚凤乡 for 聚凤仡佬族侗族乡) and its village; ——记 is no title; 是杨书记带着她 (address and pronoun); …，先后带出了5名徒弟 (the subject unsaid); 徒弟X after that band', () => {
  const d = genre('profile-ethnic-township.txt');
  const places = d.places.map((p) => p.name);
  for (const p of ['石阡县', '聚凤乡', '指甲坪村', '龙井乡']) assert.ok(places.includes(p), `${p} in ${places.join(' ')}`);
  assert.ok(d.places.find((p) => p.name === '聚凤乡')?.aliases.includes('聚凤仡佬族侗族乡'));
  assert.equal(d.people.find((p) => p.name === '杨光荣')?.title, '石阡县聚凤乡党委副书记');
  assert.deepEqual(pairs(d).sort(), ['杨光荣→吴梦婷', '杨光荣→5名徒弟', '杨光荣→田俊峰'].sort());
});

test('genre: a hospital’s TCM apprentices — 12名继承人依次向老师行拜师礼 restates the 6→12 pairing (no second record with a bare 老师); 依次 is no part of a group', () => {
  const d = genre('hospital-tcm-apprentices.txt');
  assert.deepEqual(pairs(d), ['6名基层名中医→12名青年中医师', '∅→李雪梅']);
});

test('genre: police pairs — 对Y，安排X进行传帮带; Y被分配给X当徒弟; 由X分别联系帮带Y (局长、政委 are people); 每名X至少结对帮带Y; ……为新警Y指定了带教民警X (titles after 为)', () => {
  const d = genre('police-county-pairs.txt');
  assert.deepEqual(pairs(d).sort(), ['老科长→新提拔的12名科级干部', '局长、政委→2名优秀年轻民警', '每名所队长→1名新警', '李建国→王浩', '张强→刘洋'].sort());
  assert.equal(d.people.find((p) => p.name === '刘洋')?.title, '新警');
});

test('counts of pairs after the noun (结成师徒对子36对) and mentors counted after their noun (共有导师156名，结对学员312名); with mixed forms (一对多) the pairs count neither side', () => {
  assert.deepEqual(pairs(extractFacts(cleanArticle('全县共结成师徒对子36对。'))), ['36名师傅→36名徒弟']);
  assert.deepEqual(pairs(extractFacts(cleanArticle('两年来，全县共有导师156名，结对学员312名。'))), ['导师156名→学员312名']);
  const mixed = extractFacts(cleanArticle('街道组建导师队伍，采取“一对一”“一对多”等帮带形式，现已结成帮带对子22对。'));
  assert.ok(!pairs(mixed).includes('22名师傅→22名徒弟'), pairs(mixed).join(' ; '));
  assert.ok(mixed.figures.some((f) => f.value === 22 && f.unit === '对'));
});

test('受表彰的“优秀师徒” is an honour; 出席仪式的有X titles X without the lead-in; X…，带出徒弟12人 (the subject is the master)', () => {
  const d = extractFacts(cleanArticle('受表彰的“优秀师徒”分别是：王建军与李敏、赵红与孙强。出席仪式的有县委常委、组织部部长陈志强。朱明辉老师从教30年，带出徒弟12人。'));
  assert.deepEqual(d.initiatives, []);
  assert.equal(d.people.find((p) => p.name === '陈志强')?.title, '县委常委、组织部部长');
  assert.deepEqual(pairs(d), ['王建军→李敏', '赵红→孙强', '朱明辉→徒弟12人']);
});

test('rural and craft masters: X收徒N名; X担任导师，辅导Y; 老村医 with 乡村医生; 土专家 with 新型职业农民', () => {
  const ps = (t: string) => pairs(extractFacts(cleanArticle(t)));
  assert.deepEqual(ps('8名省级非遗传承人收徒32名。'), ['8名省级非遗传承人→32名徒弟']);
  assert.deepEqual(ps('由退休教师担任“导师”，辅导新入职教师。'), ['退休教师→新入职教师']);
  assert.deepEqual(ps('组织12名老村医与新招聘的乡村医生结对。'), ['12名老村医→乡村医生']);
  assert.deepEqual(ps('组织20名“土专家”与60名新型职业农民结对。'), ['20名土专家→60名新型职业农民']);
});

test('an idiom that starts with a surname after a title is no name (书记任重道远); an unknown name jieba glues to the next character still is (选调生胡云晓一早)', () => {
  assert.deepEqual(extractFacts(cleanArticle('书记任重道远，要求大家多学习。')).people, []);
  assert.deepEqual(extractFacts(cleanArticle('选调生胡云晓一早就出门了。')).people.map((p) => p.name), ['胡云晓']);
});

test('a surname with a form of address (王大爷, 张阿姨) is no name; 王大成 is', () => {
  assert.deepEqual(extractFacts(cleanArticle('村民王大爷高兴地说。张阿姨说。村民王大成高兴地说。')).people.map((p) => p.name), ['王大成']);
});

test('genre: a court’s seedlings scheme — 院长彭朝阳 names no 朝阳市; 她的导师、庭长X titles X 庭长; the named pair and the master’s band of 9', () => {
  const d = genre('court-seedlings.txt');
  assert.deepEqual(d.places.map((p) => p.name), ['来凤县']);
  assert.equal(d.people.find((p) => p.name === '田大兵')?.title, '民事审判庭庭长');
  assert.deepEqual(pairs(d).sort(), ['12名审判经验丰富的员额法官→2022年以来入职的18名法官助理、书记员', '田大兵→向可欣', '田大兵→徒弟9人'].sort());
});

test('initiatives: one pool named twice in a sentence is one scheme with an alias (村级后备干部储备库 … 社区后备干部人才库); pools of two levels, or listed together, are two', () => {
  const d = extractFacts(cleanArticle('坚持三项措施，建强村级后备干部储备库，将青年纳入社区后备干部人才库。'));
  assert.deepEqual(d.initiatives.map((i) => [i.name, i.aliases]), [['村级后备干部储备库', ['社区后备干部人才库']]]);
  assert.deepEqual(initiativeNames('建立县级后备人才库和村级后备人才库。'), ['县级后备人才库', '村级后备人才库']);
  assert.deepEqual(initiativeNames('建立县级后备人才库，同时建立村级后备人才库。'), ['县级后备人才库', '村级后备人才库']);
});

test('initiatives: a two-part quoted slogan launched as an activity names one (开展“导师帮带，共同成长”活动); a quoted remark does not; （即“X”） gives an alias', () => {
  assert.deepEqual(initiativeNames('开展“导师帮带，共同成长”活动。他说“干就完了，别犹豫”。'), ['导师帮带，共同成长']);
  const d = extractFacts(cleanArticle('实施“青蓝工程”（即“青蓝结对帮带计划”）。'));
  assert.deepEqual(d.initiatives.map((i) => [i.name, i.aliases]), [['青蓝工程', ['青蓝结对帮带计划']]]);
});

test('pairs counted after 结对 (共结对30对, 累计结对120余对); 吸纳X，结对帮带Y', () => {
  const ps = (t: string) => pairs(extractFacts(cleanArticle(t)));
  assert.deepEqual(ps('近日，通山县公布年轻干部师徒结对名单，共结对30对。'), ['30名师傅→30名徒弟']);
  assert.deepEqual(ps('该校“青蓝工程”已连续开展8年，累计结对120余对。'), ['120名师傅→120名徒弟']);
  assert.deepEqual(ps('目前，“老支书帮帮团”已在全县推广，共吸纳退休老支书57名，结对帮带年轻村干部114名。'), ['退休老支书57名→年轻村干部114名']);
});

test('one sentence naming two mentor groups without numbers states two pairings (各单位确定业务骨干担任导师，安排退休老同志帮带新进人员)', () => {
  assert.deepEqual(pairs(extractFacts(cleanArticle('各乡镇确定业务骨干担任导师，安排退休老同志帮带新进人员，形成以老带新的良好氛围。'))), ['业务骨干→新进人员', '退休老同志→新进人员']);
});

test('genre: a traditional first-person story by the mentee — 安排X做我的師傅 pairs X with the author; 安排 is no part of X’s title; the autonomous county as written', () => {
  const d = genre('traditional-first-person-mentee.txt');
  assert.deepEqual(pairs(d), ['蓝志强→韦小琳']);
  assert.equal(d.people.find((p) => p.name === '蓝志强')?.title, '组织委员');
  assert.deepEqual(d.places.map((p) => p.name), ['都安瑶族自治县', '下坳镇']);
});

test('genre: a village reserve pool — 将…等42人纳入村级后备力量库，由村党组织书记“一对一”帮带 (the pool is a scheme and no part of the mentees)', () => {
  const d = genre('village-reserve-pool.txt');
  assert.deepEqual(d.initiatives.map((i) => i.name), ['村级后备力量库']);
  assert.deepEqual(pairs(d), ['村党组织书记→返乡大学生、退役军人、致富能手等42人']);
});

test('initiatives: the last of a list of methods with 模式 after it (案例解析、情景模拟、分组研讨模式) is no scheme', () => {
  assert.deepEqual(initiativeNames('采用案例解析、情景模拟、分组研讨模式，邀请专家讲理论。推行师徒结对模式。'), ['师徒结对模式']);
});

test('a photo caption: 导师X（左）指导徒弟Y（右） pairs the two named people', () => {
  assert.deepEqual(pairs(extractFacts(cleanArticle('图为导师刘志军（左）指导徒弟周敏（右）操作设备。'))), ['刘志军→周敏']);
});

test('导师X、Y分别与徒弟A、B结对 pairs the lists in order; 老支书X带新书记Y titles Y 新书记', () => {
  const d = extractFacts(cleanArticle('导师张建国、李明华分别与徒弟王晓雯、赵志强结对。'));
  assert.deepEqual(pairs(d), ['张建国→王晓雯', '李明华→赵志强']);
  assert.equal(d.people.find((p) => p.name === '王晓雯')?.title, '徒弟');
  const e = extractFacts(cleanArticle('老支书张建国带新书记王晓雯，老主任李明华带新主任赵志强。'));
  assert.deepEqual(pairs(e), ['张建国→王晓雯', '李明华→赵志强']);
  assert.equal(e.people.find((p) => p.name === '王晓雯')?.title, '新书记');
});

test('a rate of visits to the mentees’ units is no pairing (每名导师每月至少到结对干部所在单位走访1次); the unit’s head is people (由所在单位主要负责人担任导师)', () => {
  assert.deepEqual(pairs(extractFacts(cleanArticle('每名导师每月至少到结对干部所在单位走访1次。'))), []);
  assert.deepEqual(pairs(extractFacts(cleanArticle('对新录用的17名公务员，由所在单位主要负责人担任第一导师。'))), ['所在单位主要负责人→新录用的17名公务员']);
});

test('带好“一班人” (lead well) names no mentees; X兼任Y成长导师 is serving as Y’s mentor; 亲自 is no part of a group', () => {
  assert.ok(!pairs(extractFacts(cleanArticle('县委书记亲自当导师，带好“一班人”。'))).some((p) => /一班人|亲自/.test(p)));
  assert.deepEqual(pairs(extractFacts(cleanArticle('组织部长王刚兼任年轻干部成长导师。'))), ['王刚→年轻干部']);
});

test('X负责帮带A和B: 负责 is no part of the name, and two names joined are both mentees', () => {
  assert.deepEqual(pairs(extractFacts(cleanArticle('其中，张建国负责帮带王晓雯和赵志强。'))), ['张建国→王晓雯', '张建国→赵志强']);
  assert.deepEqual(pairs(extractFacts(cleanArticle('老党员刘德明主动帮带新任村干部和后备干部。'))), ['刘德明→新任村干部和后备干部']);
});

test('刘洋说，是老支书手把手带出来的: the subject was brought up by the master (implied); 全靠 is no name', () => {
  const d = extractFacts(cleanArticle('刘洋说，是老支书手把手带出来的。“我能有今天，全靠师傅一点点教出来的。”张敏说。'));
  assert.deepEqual(pairs(d), ['老支书→刘洋']);
  assert.deepEqual(d.people.map((p) => p.name).sort(), ['刘洋', '张敏'].sort());
});

test('names: 经常对我说 holds no name (常对我); 张志刚常说 keeps 刚 before 常', () => {
  assert.deepEqual(extractFacts(cleanArticle('新入职的李晓说：“导师周建华经常对我说，有不懂的就来问他。”')).people.map((p) => p.name).sort(), ['周建华', '李晓'].sort());
  assert.deepEqual(extractFacts(cleanArticle('我的师傅张志刚常说，群众的事无小事。')).people.map((p) => p.name), ['张志刚']);
});

test('names: a preposition-surname before a place word (向身边) and 包组 are no names; 于海洋, 向明华 are', () => {
  const names = (t: string) => extractFacts(cleanArticle(t)).people.map((p) => p.name);
  assert.deepEqual(names('组织新录用公务员向身边的先进典型学习。该镇实行“镇干部包村、村干部包组”制度。'), []);
  assert.deepEqual(names('村民于海洋说。民警向明华说。'), ['于海洋', '向明华']);
});

test('one person titled master and one titled apprentice in a sentence are a pair (师傅X退休后，徒弟Y接过了接力棒; “师傅”X，“徒弟”Y)', () => {
  assert.deepEqual(pairs(extractFacts(cleanArticle('师傅李建华退休后，徒弟周峰接过了他的“接力棒”。'))), ['李建华→周峰']);
  assert.deepEqual(pairs(extractFacts(cleanArticle('“师傅”王永红，“徒弟”刘佳。'))), ['王永红→刘佳']);
});

test('genre: a quoted mentee — X给记者讲起…：“…刘建华给我当师傅…” pairs 刘建华 with the speaker, not her title', () => {
  const d = genre('quoted-mentee-speaker.txt');
  assert.ok(pairs(d).includes('刘建华→陈思雨'), pairs(d).join('; '));
  assert.ok(!pairs(d).some((p) => p.endsWith('→城关镇新录用公务员')));
  // The speaker named after the quotation counts as well: “…他给我当师傅…”，小周说 is not needed; 我 outside a quote stays unresolved.
  assert.deepEqual(pairs(extractFacts(cleanArticle('“刚来时什么都不会，是所长王海涛给我当师傅。”新警李明说。'))), ['王海涛→李明']);
});

test('genre: traditional old village secretaries — 65名“老支书” keeps its quoted noun; “一对二” is a pairing form, no scheme; 在老支书的指导下 restates the named 老支书', () => {
  const d = genre('traditional-old-secretaries.txt');
  assert.deepEqual(pairs(d), ['65名老支书→2024年村两委换届后新任的130名村干部', '吴通贤→杨再兴']);
  assert.deepEqual(d.initiatives.map((i) => i.name), ['青苗护航工程']);
});

test('genre: a quoted mentee’s county — 安排到5个村跟班学习 names 跟班学习 (the unit of a counted place is no part of it)', () => {
  const d = genre('quoted-mentee-speaker.txt');
  assert.deepEqual(d.initiatives.map((i) => i.name), ['雏鹰成长导师帮带计划', '跟班学习']);
});

test('genre: a young secretary’s profile — 周雨晴说，如今她也带起了两名大学生: 她 is the one named in the same sentence, though she is someone’s apprentice; 【column】 is no part of a title', () => {
  const d = genre('young-secretary-profile.txt');
  assert.deepEqual(pairs(d), ['冉启明→周雨晴', '黄德军→周雨晴', '周雨晴→两名刚回村的大学生']);
  assert.equal(d.people.find((p) => p.name === '周雨晴')?.title, '90后女书记');
});

test('genre: a county pairing ceremony — 与40名近三年新录用的青年干部 keeps the count in its relative clause; 会计师吴小兰 is no 师吴小; “优秀师徒”评选 and “拜师结对” are no schemes', () => {
  const d = genre('county-pairing-ceremony.txt');
  assert.deepEqual(pairs(d), ['20名县直单位业务骨干→40名近三年新录用的青年干部', '吴小兰→杨帆', '吴小兰→龙雪']);
  assert.equal(d.people.find((p) => p.name === '吴小兰')?.title, '县财政局会计师');
  assert.deepEqual(d.initiatives.map((i) => i.name), []);
});

test('a quoted scheme that states a pairing ends its mentee at the closing quote; Y的帮带人是X; 在X的指导下，Y很快…', () => {
  const ps = (t: string) => pairs(extractFacts(cleanArticle(t)));
  assert.deepEqual(ps('该县推行“一名导师带一名后备干部”机制。'), ['一名导师→一名后备干部']);
  assert.deepEqual(ps('新任村支书马丽的帮带人是镇人大主席杨林。'), ['杨林→马丽']);
  assert.deepEqual(ps('在老书记罗明贵的悉心指导下，刘小军很快成长为村里的“当家人”。'), ['罗明贵→刘小军']);
  assert.deepEqual(extractFacts(cleanArticle('经过培训，工作很快步入正轨。')).people, []);
});

test('“我带的3个徒弟…”老所长X说 counts the speaker’s apprentices; …选派了18名年轻干部…，每人由1名X负责带教: 每人 is the counted group before it', () => {
  const ps = (t: string) => pairs(extractFacts(cleanArticle(t)));
  assert.deepEqual(ps('“我带的3个徒弟现在都是业务骨干了。”已经退休的老所长黄志诚自豪地说。'), ['黄志诚→3个徒弟']);
  assert.deepEqual(ps('县委组织部从县直机关选派了18名年轻干部到乡镇跟岗锻炼，每人由1名乡镇领导班子成员负责带教。'), ['1名乡镇领导班子成员→18名年轻干部']);
});

test('genre: a district’s seedling mentors — 选聘35名“成长导师”，对…78名年轻干部开展“一对二”跟踪培养; 导师每月至少与结对干部谈心 is no pairing (结对干部 is a noun after 与)', () => {
  const d = genre('district-seedling-mentors.txt');
  assert.ok(pairs(d).includes('35名成长导师→全区近三年招录的78名年轻干部'), pairs(d).join('; '));
  assert.ok(pairs(d).includes('王建军→林佳怡'), pairs(d).join('; '));
  assert.ok(!pairs(d).some((p) => /与→|每月/.test(p)), pairs(d).join('; '));
});

test('genre: a traditional tax bureau’s pairing — 局长鄭國華為師傅代表頒發聘書 keeps the name whole (華為 is jieba’s proper noun, not the text’s)', () => {
  const d = genre('traditional-tax-pairing.txt');
  assert.equal(d.people.find((p) => p.name.startsWith('郑国'))?.name, '郑国华');
  assert.ok(pairs(d).includes('13名师傅→13名徒弟'), pairs(d).join('; '));
});

test('genre: a street’s community pairing — X拉着“徒弟”Y的手 is X’s apprentice; 去年结对的新任社区干部郑凯 is titled without the 的', () => {
  const d = genre('street-community-pairing.txt');
  assert.ok(pairs(d).includes('谢玉兰→吴佳'), pairs(d).join('; '));
  assert.ok(pairs(d).includes('钱国栋→郑凯'), pairs(d).join('; '));
  assert.equal(d.people.find((p) => p.name === '郑凯')?.title, '新任社区干部');
});

test('genre: a county’s dual mentors — 分别配备1名政治导师和1名业务导师 keeps both counted parts of the composite mentor', () => {
  const d = genre('county-dual-mentors.txt');
  assert.deepEqual(pairs(d), ['1名政治导师和1名业务导师→2022年以来招录的86名选调生和新录用公务员']);
});

test('genre: a township’s reserve training — …中择优选拔48名村级后备力量入库培养，由X和Y“一对一”结对帮带: the group is cut at the last verb a side noun follows (a quoted mode is allowed)', () => {
  const d = genre('township-reserve-training.txt');
  assert.deepEqual(pairs(d), ['杨德贵→覃小燕', '村党组织书记和驻村第一书记→48名村级后备力量']);
});

test('genre: a city’s mentor system — X、Y等15名导师被评为“优秀帮带导师” is an honour, no pairing; 记入个人成长档案 ends the scheme’s name at 记入; 每月…1次以上 is a hedged rate', () => {
  const d = genre('city-mentor-system.txt');
  assert.deepEqual(pairs(d), ['导师298名→312名新录用公务员', '刘海波→陈思远']);
  assert.deepEqual(d.initiatives.map((i) => i.name), ['导师帮带制', '个人成长档案']);
  const rate = d.figures.find((f) => f.unit === '次/月');
  assert.equal(rate?.approx, true);
});

test('genre: selected graduates’ seedlings — “一名县领导联系、一名乡镇党委书记帮带、一名村党组织书记传授”: a slot that opens on the list’s 、 is no party', () => {
  const d = genre('selected-graduates-seedlings.txt');
  assert.ok(pairs(d).includes('何志勇→王雪莹'), pairs(d).join('; '));
  assert.ok(!pairs(d).some((p) => /→、|传授/.test(p)), pairs(d).join('; '));
});

test('genre: a court’s signing — 8名审判业务骨干与8名新入职干警结成师徒对子 and two named pairs 结为师徒', () => {
  const d = genre('court-signing-pairs.txt');
  assert.deepEqual(pairs(d), ['8名审判业务骨干→8名新入职干警', '黄海燕→吴思琪', '朱明→刘畅']);
});

test('genre: silver mentors for new village cadres — 聘请56名“银发导师”，与134名新任村干部结对 (a bare 结对 ends the pairing); 他一人结对了3名… is the man named before', () => {
  const d = genre('silver-mentors-new-village-cadres.txt');
  assert.deepEqual(pairs(d), ['56名银发导师→134名新任村干部', '龚长林→石磊', '冯德厚→3名新任村干部']);
});

test('genre: minority young cadres — transliterated names (才让东智, 卓玛吉, 艾买提·吐尔逊, 古丽米拉·阿不都热依木, 买买提江说, 扎西顿珠说) and compound surnames in a list (欧阳明华、司马小红等)', () => {
  const d = genre('minority-young-cadres.txt');
  assert.deepEqual(d.people.map((p) => p.name), ['才让东智', '卓玛吉', '艾买提·吐尔逊', '古丽米拉·阿不都热依木', '买买提江', '扎西顿珠', '欧阳明华', '司马小红']);
  assert.equal(d.people.find((p) => p.name === '古丽米拉·阿不都热依木')?.title, '大学生村官');
  assert.deepEqual(pairs(d), ['21名经验丰富的乡镇领导干部→42名少数民族年轻干部', '才让东智→卓玛吉', '艾买提·吐尔逊→古丽米拉·阿不都热依木']);
});

test('transliterated names: two syllable groups at least, the first of two characters; a one-character group that starts a word of the text ends the name', async () => {
  const { transliteratedAt } = await import('../src/lang/zh/names.js');
  assert.equal(transliteratedAt('扎西顿珠说', 0), '扎西顿珠');
  assert.equal(transliteratedAt('卓玛吉结成', 0), '卓玛吉');
  assert.equal(transliteratedAt('扎西加强了', 0), undefined, '加 starts 加强');
  assert.equal(transliteratedAt('李国华说', 0), undefined);
  assert.equal(transliteratedAt('才让人放心', 0), undefined);
  // A Han name stays a Han name: the single-group first rule keeps 吉 (a surname) out.
  assert.deepEqual(extractFacts(cleanArticle('村党支部书记吉明华说，帮带很有用。')).people.map((p) => p.name), ['吉明华']);
  assert.deepEqual(extractFacts(cleanArticle('会上，王建国、李红梅分别发言。')).people.map((p) => p.name), ['王建国', '李红梅']);
});

test('a kind of people trained some way (社区人才培养模式, 递进式社区书记培养体系, 年轻干部培养机制) is no scheme; a named one is (“导师+项目”培养模式, 村级后备力量链条式培育计划)', () => {
  assert.deepEqual(initiativeNames('构建递进式社区书记培养体系，探索社区人才培养模式，建立年轻干部培养机制。'), []);
  assert.deepEqual(initiativeNames('推行“导师+项目”培养模式，实施村级后备力量链条式培育计划。'), ['导师+项目培养模式', '村级后备力量链条式培育计划']);
});

test('每名新任村干部明确1名导师 (每名 without 为) assigns a mentor; X成了她的“编外导师”', () => {
  assert.deepEqual(pairsIn('每名新任村干部明确1名导师。'), ['导师→新任村干部']);
  assert.deepEqual(pairsIn('大学生村官王娟说，老党员李德旺成了她的“编外导师”。'), ['李德旺→王娟']);
});

test('places: 西江镇的新任村干部 names no village (a particle opens no name; 村干部 is a noun); 谋道镇鱼木村村级后备干部 still does', () => {
  const names = (t: string) => extractFacts(cleanArticle(t)).places.map((p) => p.name);
  assert.deepEqual(names('黔东南州雷山县西江镇的新任村干部。'), ['黔东南州', '雷山县', '西江镇']);
  assert.deepEqual(names('恩施州利川市谋道镇鱼木村村级后备干部。'), ['恩施州', '利川市', '谋道镇', '鱼木村']);
});
