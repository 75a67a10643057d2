import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cleanArticle, locateQuote } from '../src/ingest/clean.js';

const seed = (f: string) => cleanArticle(readFileSync(new URL(`../seeds/${f}`, import.meta.url), 'utf8'));

test('pinyin glosses go, real parentheses stay', () => {
  const c = cleanArticle('活力奔涌(bēnyǒng)。理论教育(jiàoyù)(jiàoyù)、村(社区)干部和(党建指导员)岗位。');
  assert.equal(c.text, '活力奔涌。理论教育、村(社区)干部和(党建指导员)岗位。');
});

test('per-character glosses of traditional text go; the original script is kept, simplified beside it', () => {
  const c = cleanArticle('近年來(lái),祁陽(yáng)市羊角塘鎮(zhèn)對村(社區(qū))嚴密指導。');
  assert.equal(c.text, '近年來,祁陽市羊角塘鎮對村(社區)嚴密指導。');
  assert.equal(c.simplified, '近年来,祁阳市羊角塘镇对村(社区)严密指导。');
  assert.equal(c.text.length, c.simplified.length);
  assert.equal(c.script, 'traditional');
});

test('seed 000: site chrome, repeated headline, credits, app promo and comment box are removed', () => {
  const c = seed('000_b7ac543402fb2b58.txt');
  assert.equal(c.title, '精耕细育促“拔节”——孝昌县思想铸魂锻造实干精兵');
  assert.equal(c.text.split('精耕细育促“拔节”').length - 1, 1, 'headline appears once');
  for (const noise of ['首页', '体育正文', '(bēnyǒng)', '评论', '沙发', '客户端', '通讯员']) assert.ok(!c.text.includes(noise), noise);
  assert.deepEqual(c.credits.map((x) => x.name), ['王悦', '高玉峰', '冷红云']);
  assert.equal(c.publisher, '湖北日报客户端');
});

test('seed 001: bylines and comment widgets are cut, the body is intact', () => {
  const c = seed('001_d817c56bb40bf31e.txt');
  assert.ok(c.text.endsWith('奋力书写着建设区域性中心城市的新篇章。'));
  assert.ok(c.credits.some((x) => x.name === '龚莉' && x.role === 'reviewer'));
  assert.ok(c.credits.some((x) => x.name === '吴芳' && x.role === 'journalist'));
  assert.ok(!c.text.includes('吴芳'));
});

test('seed 002: teasers of unrelated news about other places are not article text', () => {
  const c = seed('002_576507618ae6a5db.txt');
  for (const other of ['咸安', '通城', '上一篇', '下一篇', 'hefan']) assert.ok(!c.text.includes(other), other);
  assert.ok(c.text.includes('嘉鱼铁军'));
});

test('seed 003: date and source are read, copyright notice and tag cloud dropped', () => {
  const c = seed('003_97ed1a423965013d.txt');
  assert.equal(c.publishedAt, '2021-02-23');
  assert.equal(c.publisher, '《湖南日报》');
  for (const noise of ['版权声明', '热门标签', '人民币', 'Copyright', '人气']) assert.ok(!c.text.includes(noise), noise);
});

test('seed 004: traditional footer (主辦單位, ICP) is dropped and quotes can be located in simplified form', () => {
  const c = seed('004_c486b36421abbb1a.txt');
  assert.ok(!c.text.includes('主辦單位') && !c.text.includes('ICP'));
  const hit = locateQuote(c, '结对帮带年轻镇村干部93名');
  assert.ok(hit);
  assert.equal(hit.quote, '結對幫帶年輕鎮村干部93名');
  assert.equal(c.text.slice(hit.start, hit.end), hit.quote);
});

test('the headline is the header line that reads like one, not a site banner, a dateline or the first sentence', () => {
  const page = (lines: string[]) => cleanArticle(lines.join('\n'));
  const a = page(['免费邮箱 注册 登录', '您当前的位置 : 首页 > 基层党建', '某县:“导师帮带”助年轻干部成长_某县新闻网', '2023年06月12日 08:35  来源:某县融媒体中心  编辑:张三', '为加快年轻干部成长,某县推行“导师帮带制”,为30名新录用公务员配备导师,并签订帮带协议,明确帮带责任。']);
  assert.equal(a.title, '某县:“导师帮带”助年轻干部成长');
  assert.equal(a.publishedAt, '2023-06-12');
  assert.ok(!a.text.includes('某县新闻网'), 'the site name after the headline is chrome');
  const b = page(['新华网北京9月10日电(记者王小明)', '教师节里话传承:师徒接力育新人', '在某中学,青年教师李晓与师傅周红结成对子。', '2024-09-10 18:20:31']);
  assert.equal(b.title, '教师节里话传承:师徒接力育新人');
});

test('a role after a name and a slash is that name’s (杨帆 / 文 周杰 / 图), after several names each one’s (X Y 文/摄); 撰稿人, 撰文 and 摄影 are roles', () => {
  const a = cleanArticle('上犹县：师徒结对促成长\n上犹县近日为18名新录用公务员确定18名导师。\n（融媒体中心 杨帆 / 文 周杰 / 图）');
  assert.deepEqual(a.credits.map((x) => `${x.role}:${x.name}`), ['author:杨帆', 'photographer:周杰']);
  const b = cleanArticle('上犹县：师徒结对促成长\n上犹县近日为18名新录用公务员确定18名导师。\n撰稿人：周莉　　摄影：何军');
  assert.deepEqual(b.credits.map((x) => `${x.role}:${x.name}`), ['author:周莉', 'photographer:何军']);
  assert.ok(!b.text.includes('周莉'), b.text);
  const c = cleanArticle('上犹县：师徒结对促成长\n上犹县近日为18名新录用公务员确定18名导师。\n张三丰 李四海 文/摄\n撰文：刘七星');
  assert.deepEqual(c.credits.map((x) => `${x.role}:${x.name}`).sort(), ['author:张三丰', 'author:李四海', 'author:刘七星'].sort());
  assert.ok(!cleanArticle('上犹县：师徒结对促成长\n上犹县近日确定18名导师。\n（作者单位：上犹县委组织部）').text.includes('作者单位'));
  // A WeChat header (account, date and time, the province of the IP address) is chrome, its date kept.
  const w = cleanArticle('导师帮带｜年轻干部成长“加速度”\n宣恩组工 2025-06-18 17:30 湖北\n宣恩县深入实施“导师帮带”工程，为每名选调生配备导师。');
  assert.equal(w.publishedAt, '2025-06-18');
  assert.ok(!w.text.includes('湖北'), w.text);
});

test('an unbracketed dateline byline with an intern and a closing 报道： loses none of its names and leaves the text clean', () => {
  const c = cleanArticle('上犹县：师徒结对促成长\n本报讯 记者 钟华 实习生 陈晨 报道：上犹县近日为18名新录用公务员确定18名导师。\n编审：周涛 监制：吴明');
  assert.deepEqual(c.credits.map((x) => `${x.role}:${x.name}`).sort(), ['editor:周涛', 'editor:吴明', 'journalist:钟华', 'journalist:陈晨'].sort());
  assert.ok(c.text.includes('本报讯 上犹县近日'), c.text);
});

test('a whole token after a byline role is a name even when it is also a word (摄影：黄海); 图片由X提供 credits X; 作者单位 names no one', () => {
  const c = cleanArticle('标题\n正文第一段。\n撰稿：陈静  摄影：黄海  责任编辑：刘一\n（图片由刘洋提供）');
  assert.deepEqual(c.credits.map((x) => `${x.role}:${x.name}`), ['author:陈静', 'photographer:黄海', 'editor:刘一', 'photographer:刘洋']);
  assert.deepEqual(cleanArticle('标题\n正文第一段。\n（作者单位：某某县委组织部）').credits, []);
  assert.deepEqual(cleanArticle('标题\n记者了解到，正文第一段。').credits, []);
});
