import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ARTIFACTS, onlyOurOrigin, openBrowserGraph, type BrowserGraph } from './browser.js';
import { TEST_API_KEY } from './helpers.js';

/** The overview page (/overview) in real headless Chromium, with every other host blocked. */
let ctx: BrowserGraph;

before(async () => {
  ctx = await openBrowserGraph();
  // A second dated report, so that the timeline has two months.
  const r = await ctx.g.gql(
    'mutation($i: IngestArticleInput!) { ingestArticle(input: $i) { status } }',
    { i: { text: '孝昌县推行年轻干部导师帮带制\n\n孝昌县委组织部近日为全县30名年轻干部配备导师，县委常委李明与年轻干部王强结成帮带对子。', publishedAt: '2023-05-12', title: '孝昌县推行年轻干部导师帮带制' } },
    { authorization: `Bearer ${TEST_API_KEY}` },
  );
  assert.equal(r.data?.ingestArticle.status, 'created', JSON.stringify(r));
});
after(() => ctx?.close());

async function open(page: Page, path: string) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${e.message} at ${page.url()}\n${e.stack ?? ''}`));
  const blocked = await onlyOurOrigin(page, ctx.base);
  await page.goto(ctx.base + path);
  await page.waitForFunction(() => /有记录|出错/.test(document.getElementById('status')?.textContent ?? ''), undefined, { timeout: 30_000 });
  return { errors, blocked };
}

/** The map's features as drawn: name, shaded value and the place the page links them to. */
const drawn = (page: Page) =>
  page.evaluate(() => (window as any).overview.state.features.map((f: any) => ({ name: f.name, value: f.value, code: f.code, place: f.row?.place.id ?? null })));

/** Where a point (longitude, latitude) of the current map is on the page. */
async function pointOnMap(page: Page, lnglat: [number, number]) {
  return page.evaluate((ll) => {
    const chart = (window as any).overview.map;
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, ll);
    const box = document.getElementById('map')!.getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  }, lnglat);
}

test('the national map shades provinces by mentoring, with the timeline and the top initiatives; a click goes to the prefectures, then to the explorer', { timeout: 120_000 }, async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const { errors, blocked } = await open(page, '/overview');

  const features = await drawn(page);
  assert.ok(features.length >= 34, `every province is drawn (${features.length})`);
  const hubei = features.find((f: any) => f.name === '湖北');
  assert.ok(hubei && hubei.value > 0 && hubei.place === 'place:42', JSON.stringify(hubei));
  assert.ok(features.filter((f: any) => f.value > 0).length >= 2, 'more than one province has mentoring');
  // The shading follows the chosen count.
  await page.selectOption('#metric', 'articles');
  const byArticles = await drawn(page);
  assert.ok(byArticles.find((f: any) => f.name === '广东')!.value > 0, '广东 has articles but no mentorships');

  const rows = await page.$$eval('#region-table tbody tr', (l) => l.map((r) => r.textContent ?? ''));
  assert.match(rows[0]!, /^湖北省[1-9]/, 'the provinces by mentorships, 湖北 first');
  const months = await page.evaluate(() => (window as any).overview.timeline.getOption().xAxis[0].data);
  assert.equal(months.length, 28, 'every month from the first report to the last, oldest first');
  assert.deepEqual([months[0], months[27]], ['2021-02', '2023-05']);
  const articles = await page.evaluate(() => (window as any).overview.timeline.getOption().series[0].data);
  assert.equal(articles.filter((n: number) => n > 0).length, 2, 'two months with reports, the rest zero');
  const top = await page.$$eval('#top li a', (l) => l.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.equal(top[0]![0], '雁雏共翔计划');
  assert.match(top[0]![1]!, /^\/explore\?focus=initiative%3A/);
  await page.screenshot({ path: `${ARTIFACTS}overview-desktop.png`, fullPage: true });

  // A real click on 湖北 (at 孝昌) draws its prefectures and says where we are.
  const xiaochang: [number, number] = [113.98, 31.25];
  await page.mouse.click(...(Object.values(await pointOnMap(page, xiaochang)) as [number, number]));
  await page.waitForFunction(() => (window as any).overview.state.province?.code === '42');
  await page.waitForFunction(() => /地市/.test(document.getElementById('status')?.textContent ?? ''));
  assert.match((await page.textContent('#crumbs'))!, /全国›湖北省/);
  assert.equal(new URL(page.url()).searchParams.get('region'), 'place:42');
  const prefectures = await drawn(page);
  const xiaogan = prefectures.find((f: any) => f.name === '孝感市');
  assert.ok(xiaogan && xiaogan.value > 0 && xiaogan.place === 'place:4209', JSON.stringify(xiaogan));
  assert.match((await page.textContent('#region-table tbody'))!, /孝昌县/, 'the counties of the province');
  assert.equal(await page.getAttribute('#open-explorer', 'href'), '/explore?focus=place%3A42');
  await page.screenshot({ path: `${ARTIFACTS}overview-province.png`, fullPage: true });

  // Clicking the prefecture opens the explorer focused on it.
  await page.mouse.click(...(Object.values(await pointOnMap(page, xiaochang)) as [number, number]));
  await page.waitForURL(/\/explore\?focus=place%3A4209/);
  await page.waitForFunction(() => (window as any).cy?.nodes('.focus').length === 1);
  assert.equal(await page.evaluate(() => (window as any).cy.nodes('.focus')[0].id()), 'place:4209');

  assert.deepEqual(blocked, [], 'nothing was fetched from another host');
  assert.deepEqual(errors, []);
  await page.close();
});

test('at phone width: one column, no sideways scrolling, the map as wide as the screen', { timeout: 60_000 }, async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const { errors } = await open(page, '/overview?region=湖北');
  const layout = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    map: document.getElementById('map')!.getBoundingClientRect(),
    region: document.getElementById('region-card')!.getBoundingClientRect().top,
    header: document.querySelector('header')!.getBoundingClientRect().height,
  }));
  assert.ok(layout.scroll <= 390, `page is ${layout.scroll}px wide`);
  assert.ok(layout.map.width >= 340 && layout.map.height >= 250, JSON.stringify(layout.map));
  assert.ok(layout.region >= layout.map.bottom, 'the region card comes below the map');
  assert.ok(layout.header <= 60, `a compact header (${layout.header}px)`);
  assert.equal(await page.evaluate(() => (window as any).overview.state.province?.name), '湖北省', 'a short form in the URL opens the province');
  await page.screenshot({ path: `${ARTIFACTS}overview-phone.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a region the graph does not hold is said, not drawn as an empty map', { timeout: 60_000 }, async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await open(page, '/overview?region=火星');
  assert.match((await page.textContent('#status'))!, /出错：.*火星/);
  await page.close();
});

test('the overview and its boundaries come from our server: GraphQL answers its queries, the explorer links to it', async () => {
  const html = await (await fetch(`${ctx.base}/overview`)).text();
  assert.ok(!/https?:\/\//.test(html.replace(/<meta[^>]*>/g, '')), 'no external URLs');
  for (const src of html.matchAll(/(?:src|href)="(\/[^"]+)"/g)) assert.equal((await fetch(ctx.base + src[1])).status, 200, src[1]);
  const hubei = await (await fetch(`${ctx.base}/overview/map/42.json`)).json();
  assert.ok(hubei.features.some((f: any) => f.properties.name === '孝感市' && f.id === '420900'));
  assert.equal((await fetch(`${ctx.base}/overview/map/99.json`)).status, 404);
  assert.match(await (await fetch(`${ctx.base}/explore`)).text(), /href="\/overview"/);
});
