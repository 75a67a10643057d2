import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, onlyOurOrigin, openBrowserGraph, type BrowserGraph } from './browser.js';

/** The explorer page and GraphiQL in real headless Chromium (Debian's), against the seeded test graph. */
let ctx: BrowserGraph;
let browser: Browser;
let base: string;

before(async () => {
  ctx = await openBrowserGraph();
  ({ browser, base } = ctx);
});
after(() => ctx?.close());

const nodeCount = (page: Page) => page.evaluate(() => (window as any).cy.nodes().length as number);

/** Pairs of nodes whose label boxes overlap (model coordinates). */
const labelOverlaps = (page: Page) =>
  page.evaluate(() => {
    const ns = (window as any).cy.nodes().toArray();
    const out: string[] = [];
    for (let i = 0; i < ns.length; i++)
      for (let j = i + 1; j < ns.length; j++) {
        const a = ns[i].boundingBox({ includeLabels: true });
        const b = ns[j].boundingBox({ includeLabels: true });
        if (Math.min(a.x2, b.x2) > Math.max(a.x1, b.x1) && Math.min(a.y2, b.y2) > Math.max(a.y1, b.y1)) out.push(`${ns[i].data('label')} / ${ns[j].data('label')}`);
      }
    return out;
  });

async function searchAndOpen(page: Page, query: string, id: string) {
  await page.goto(`${base}/explore`);
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
  await page.waitForSelector(`#results li[data-id="${id}"]`);
  await page.click(`#results li[data-id="${id}"]`);
  await page.waitForFunction(() => (window as any).cy?.nodes('.focus').length === 1);
}

test('search, draw, expand by clicking a node, open the evidence and its article', { timeout: 120_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await searchAndOpen(page, '孝昌', 'place:420921');

  const before = await nodeCount(page);
  assert.ok(before >= 10 && before <= 60, `a readable neighbourhood, not a hairball (${before} nodes)`);
  assert.deepEqual(await labelOverlaps(page), [], 'no two labels overlap');
  const legend = await page.textContent('#legend');
  for (const t of ['地点', '计划/举措', '人物', '群体', '帮带']) assert.ok(legend!.includes(t), t);
  await page.screenshot({ path: `${ARTIFACTS}explore-desktop.png` });

  // Expand: a real mouse click on the drawn node 雁雏共翔计划.
  const target = await page.evaluate(() => {
    const n = (window as any).cy.nodes().filter((x: any) => x.data('label') === '雁雏共翔计划')[0];
    const p = n.renderedPosition();
    const box = (document.getElementById('cy') as HTMLElement).getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y, id: n.id() };
  });
  await page.mouse.click(target.x, target.y);
  await page.waitForFunction((id) => (window as any).cy.getElementById(id).hasClass('focus'), target.id);
  await page.waitForFunction((n) => (window as any).cy.nodes().length > n, before);
  assert.ok((await nodeCount(page)) > before, 'expanding adds the neighbours');
  await page.waitForSelector('#panel .evidence');
  assert.match((await page.textContent('#panel h2'))!, /雁雏共翔计划/);
  const quote = (await page.getAttribute('#panel .evidence .article-link', 'data-quote'))!;
  assert.ok(quote.length > 5);

  // Open the evidence's article: its text, with the quote marked.
  await page.click('#panel .evidence .article-link');
  await page.waitForSelector('#article-text mark');
  assert.equal(await page.textContent('#article-text mark'), quote);
  assert.match((await page.textContent('#panel h2'))!, /孝昌县/);
  await page.screenshot({ path: `${ARTIFACTS}explore-evidence.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a MENTORS edge shows the mentorship and its quote', { timeout: 60_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  await searchAndOpen(page, '羊角塘', 'place:431181110');
  await page.evaluate(() => (window as any).cy.edges('[type = "MENTORS"]')[0].emit('tap'));
  await page.waitForSelector('#panel .evidence');
  assert.match((await page.textContent('#panel'))!, /帮带/);
  assert.match((await page.textContent('#panel .evidence'))!, /結對幫帶年輕鎮村干部93名/);
  // Names and titles, not ids: the quote's article by its title, the initiative by its name.
  const panel = (await page.textContent('#panel'))!;
  assert.doesNotMatch(panel, /articleIds|initiative:\d|article:[0-9a-f]{16}|原文/);
  const title = await page.textContent('#panel .evidence .article-link');
  assert.ok(title && title !== '文章', `the article's title: ${title}`);
  await page.close();
});

test('a view in the URL: /explore?focus=… draws that neighbourhood, and choosing a node puts it there', { timeout: 60_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  await page.goto(`${base}/explore?focus=place:420921`);
  await page.waitForFunction(() => (window as any).cy?.nodes('.focus').length === 1 && (window as any).cy.nodes().length > 5);
  assert.equal(await page.evaluate(() => (window as any).cy.nodes('.focus')[0].id()), 'place:420921');
  await searchAndOpen(page, '羊角塘', 'place:431181110');
  assert.equal(new URL(page.url()).searchParams.get('focus'), 'place:431181110');
  await page.close();
});

test('the place filter limits results to what lies in that place', { timeout: 60_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  await page.goto(`${base}/explore`);
  await page.fill('#place', '湖南省');
  await page.fill('#q', '导师');
  await page.press('#q', 'Enter');
  await page.waitForSelector('#results li[data-id]');
  const items = await page.$$eval('#results li', (l) => l.map((x) => x.textContent ?? ''));
  assert.ok(items.some((t) => t.includes('导师帮带制')), items.join(' | '));
  assert.ok(!items.some((t) => t.includes('孝昌')), 'nothing from 湖北');
  await page.close();
});

test('works at phone width: no sideways scrolling, graph and panel stacked', { timeout: 60_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await searchAndOpen(page, '孝昌', 'place:420921');
  const layout = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    cy: document.getElementById('cy')!.getBoundingClientRect().width,
    panelTop: document.getElementById('panel')!.getBoundingClientRect().top,
    graphBottom: document.getElementById('graph-pane')!.getBoundingClientRect().bottom,
  }));
  assert.ok(layout.scroll <= 390, `page is ${layout.scroll}px wide`);
  assert.ok(layout.cy >= 350, 'the graph uses the width');
  assert.ok(layout.panelTop >= layout.graphBottom - 1, 'the panel comes below the graph');
  await page.screenshot({ path: `${ARTIFACTS}explore-phone.png`, fullPage: true });
  await page.close();
});

test('the page loads only from our server (no CDN)', async () => {
  const res = await fetch(`${base}/explore`);
  const html = await res.text();
  assert.ok(!/https?:\/\//.test(html.replace(/<meta[^>]*>/g, '')), 'no external URLs');
  assert.match(res.headers.get('content-security-policy')!, /default-src 'self'/);
  for (const src of html.matchAll(/src="([^"]+)"/g)) assert.equal((await fetch(base + src[1])).status, 200, src[1]);
});

test('GraphiQL is served by this server, works with every other host blocked, and opens on the examples as tabs', { timeout: 120_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const blocked = await onlyOurOrigin(page, base);
  const res = await page.goto(`${base}/graphql`);
  assert.equal(res?.status(), 200);
  assert.ok((await res!.text()).length < 20_000, 'the page loads its script, it does not inline 9 MB');
  await page.waitForSelector('.graphiql-container .graphiql-tab', { timeout: 60_000 });
  const { EXAMPLE_TABS } = await import('../src/graphql/examples.js');
  const tabs = await page.locator('.graphiql-tab').count();
  assert.equal(tabs, EXAMPLE_TABS.length, 'one tab per example');
  // The first tab holds the first example, not yoga's welcome text; running it answers from the graph.
  await page.waitForFunction(() => document.querySelector('.graphiql-query-editor')?.textContent?.includes('MentorsInXiaochang'), undefined, { timeout: 30_000 });
  await page.click('.graphiql-execute-button');
  // The response editor draws the lines in view: the first mentorship's mentor is enough.
  await page.waitForFunction(() => /"totalCount":\s*5/.test(document.querySelector('.graphiql-response')?.textContent?.replace(/\s+/g, ' ') ?? ''), undefined, { timeout: 30_000 });
  await page.screenshot({ path: `${ARTIFACTS}graphiql.png` });
  assert.deepEqual(blocked, [], 'nothing was fetched from another host');
  assert.deepEqual(errors, []);
  await page.close();
});
