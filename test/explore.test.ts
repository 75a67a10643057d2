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

/** Where a drawn node (by label) is on the page. */
const nodeOnScreen = (page: Page, label: string) =>
  page.evaluate((l) => {
    const n = (window as any).cy.nodes().filter((x: any) => x.data('label') === l)[0];
    const p = n.renderedPosition();
    const box = (document.getElementById('cy') as HTMLElement).getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y, id: n.id() as string };
  }, label);

const positions = (page: Page) =>
  page.evaluate(() => Object.fromEntries((window as any).cy.nodes().map((n: any) => [n.id(), { ...n.position() }])) as Record<string, { x: number; y: number }>);

/** The farthest any of the given nodes has moved (model coordinates). */
const moved = (page: Page, before: Record<string, { x: number; y: number }>) =>
  page.evaluate((b) => {
    const d = (window as any).cy.nodes().filter((n: any) => b[n.id()]).map((n: any) => Math.hypot(n.position().x - b[n.id()].x, n.position().y - b[n.id()].y));
    return Math.max(0, ...d);
  }, before);

async function searchAndOpen(page: Page, query: string, id: string) {
  await page.goto(`${base}/explore`);
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
  await page.waitForSelector(`#results li[data-id="${id}"]`);
  await page.click(`#results li[data-id="${id}"]`);
  await page.waitForFunction(() => (window as any).cy?.nodes('.focus').length === 1);
}

test('search, draw; a click selects, a double-click expands and leaves every drawn node in place; evidence and its article', { timeout: 120_000 }, async () => {
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

  // A real mouse click on the drawn node 雁雏共翔计划 selects it: details, nothing added.
  const target = await nodeOnScreen(page, '雁雏共翔计划');
  const placed = await positions(page);
  await page.mouse.click(target.x, target.y);
  await page.waitForFunction((id) => (window as any).cy.getElementById(id).selected(), target.id);
  await page.waitForSelector('#panel .evidence');
  assert.equal(await nodeCount(page), before, 'a click does not expand');
  // A double-click expands around it; what was drawn stays where it was.
  await page.mouse.dblclick(target.x, target.y);
  await page.waitForFunction((id) => (window as any).cy.getElementById(id).hasClass('focus'), target.id);
  await page.waitForFunction((n) => (window as any).cy.nodes().length > n, before);
  assert.ok((await nodeCount(page)) > before, 'expanding adds the neighbours');
  assert.ok((await moved(page, placed)) < 0.5, 'no drawn node moves when the view grows');
  assert.deepEqual(new URL(page.url()).searchParams.getAll('focus'), ['place:420921', target.id], 'the expansion is in the URL');
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

test('works at phone width: one screen, a compact header, readable labels, details as a bottom sheet with the evidence in view', { timeout: 90_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await searchAndOpen(page, '孝昌', 'place:420921');
  await page.waitForSelector('#panel.open .evidence');
  await page.waitForTimeout(300); // the sheet slides up
  const layout = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    header: document.querySelector('header')!.getBoundingClientRect().height,
    cy: document.getElementById('cy')!.getBoundingClientRect(),
    sheet: document.getElementById('panel')!.getBoundingClientRect(),
    labelPx: (window as any).cy.zoom() * 13,
  }));
  assert.ok(layout.scroll <= 390, `page is ${layout.scroll}px wide`);
  assert.ok(layout.scrollHeight <= 844, `nothing to scroll: the graph cannot swallow page scrolling (${layout.scrollHeight}px)`);
  assert.ok(layout.header <= 60, `a compact header (${layout.header}px)`);
  assert.ok(layout.cy.width >= 380 && layout.cy.height >= 400, `the graph fills the screen (${layout.cy.width}×${layout.cy.height})`);
  assert.ok(layout.labelPx >= 10, `labels drawn at a readable size (${layout.labelPx.toFixed(1)}px)`);
  assert.ok(layout.sheet.top >= 844 * 0.45 && layout.sheet.bottom <= 845, `details come up from the bottom (${layout.sheet.top}–${layout.sheet.bottom})`);
  await page.screenshot({ path: `${ARTIFACTS}explore-phone.png` });
  // Open the evidence's article: the quote is on screen, not below the fold.
  await page.waitForSelector('#panel .evidence .article-link');
  await page.tap('#panel .evidence .article-link');
  await page.waitForSelector('#article-text mark');
  const mark = await page.evaluate(() => document.querySelector('#article-text mark')!.getBoundingClientRect());
  assert.ok(mark.top >= 844 * 0.45 && mark.top < 844 - 20, `the quote is in view (${mark.top}px)`);
  await page.screenshot({ path: `${ARTIFACTS}explore-phone-evidence.png` });
  await page.tap('#sheet-close');
  await page.waitForFunction(() => document.getElementById('panel')!.getBoundingClientRect().top >= 843);
  await page.close();
});

test('hide, pin and undo; a type filter; groups for large neighbourhoods; the view in the URL reloads and exports as it is', { timeout: 120_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // An article's neighbourhood: its 14 figures arrive as one group, not 14 nodes.
  await page.goto(`${base}/explore?focus=article:b7ac543402fb2b58`);
  await page.waitForFunction(() => (window as any).cy?.nodes('.focus').length === 1);
  const group = await page.evaluate(() => {
    const g = (window as any).cy.nodes('[type = "Group"]').filter((n: any) => n.data('memberType') === 'Figure')[0];
    return g ? { id: g.id(), label: g.data('label') as string, members: g.data('members').length as number } : null;
  });
  assert.ok(group && group.members > 6 && group.label === `${group.members} 个数据`, JSON.stringify(group));
  assert.equal(await page.evaluate(() => (window as any).cy.nodes('[type = "Figure"]').length), 0, 'no figure drawn one by one');
  const before = await nodeCount(page);
  const placed = await positions(page);
  const g = await nodeOnScreen(page, group!.label);
  await page.mouse.dblclick(g.x, g.y);
  await page.waitForFunction((n) => (window as any).cy.nodes('[type = "Figure"]').length === n, group!.members);
  assert.equal(await nodeCount(page), before - 1 + group!.members, 'the group gives way to its members');
  assert.ok((await moved(page, placed)) < 0.5, 'opening a group moves nothing drawn');

  // Undo brings the group back; hide takes a node out (and into the URL); pin locks one.
  await page.click('#undo');
  assert.equal(await nodeCount(page), before);
  const person = await page.evaluate(() => (window as any).cy.nodes('[type = "Person"]')[0].id() as string);
  await page.evaluate((id) => (window as any).cy.getElementById(id).emit('tap'), person);
  await page.click('#panel [data-act="pin"]');
  assert.ok(await page.evaluate((id) => (window as any).cy.getElementById(id).locked(), person), 'pinned');
  await page.click('#panel [data-act="hide"]');
  assert.equal(await page.evaluate((id) => (window as any).cy.getElementById(id).length, person), 0, 'hidden');
  assert.deepEqual(new URL(page.url()).searchParams.getAll('hide'), [person]);
  await page.click('#undo');
  assert.equal(await page.evaluate((id) => (window as any).cy.getElementById(id).length, person), 1, 'undo shows it again');
  assert.ok(await page.evaluate((id) => (window as any).cy.getElementById(id).locked(), person), 'and as it was: pinned');
  await page.evaluate((id) => (window as any).cy.getElementById(id).emit('tap'), person);
  await page.click('#panel [data-act="hide"]');

  // The type filter: organizations off.
  await page.uncheck('#legend input[data-type="Organization"]');
  assert.equal(await page.evaluate(() => (window as any).cy.nodes('[type = "Organization"]:visible').length), 0);
  assert.equal(new URL(page.url()).searchParams.get('types')?.includes('Organization'), false);

  // Export this view: the focus, without the hidden node and the filtered type.
  const href = (await page.getAttribute('#export-json', 'href'))!;
  assert.match(href, /^\/export\/graph\.json\?focus=article%3Ab7ac543402fb2b58&depth=1&hide=/);
  const exported = await (await fetch(base + href)).json();
  const ids = exported.elements.nodes.map((n: any) => n.data.id);
  assert.ok(!ids.includes(person), 'the hidden node is not exported');
  assert.ok(!exported.elements.nodes.some((n: any) => n.data.type === 'Organization'), 'nor the filtered type');
  for (const f of ['graphml', 'gexf']) assert.equal((await fetch(base + (await page.getAttribute(`#export-${f}`, 'href')))).status, 200, f);

  // Reload: the same view from the URL.
  const shown = await page.evaluate(() => (window as any).cy.nodes(':visible').map((n: any) => n.id()).sort());
  await page.reload();
  await page.waitForFunction(() => (window as any).cy?.nodes('.focus').length >= 1 && /个节点/.test(document.getElementById('status')!.textContent!));
  assert.deepEqual(await page.evaluate(() => (window as any).cy.nodes(':visible').map((n: any) => n.id()).sort()), shown, 'a reload draws the same view');
  assert.equal(await page.isChecked('#legend input[data-type="Organization"]'), false);

  // Depth 2 from the URL reaches further than depth 1 (counting what groups hold).
  const reached = () =>
    page.evaluate(() => (window as any).cy.nodes().reduce((n: number, x: any) => n + (x.data('type') === 'Group' ? x.data('members').length : 1), 0) as number);
  await page.goto(`${base}/explore?focus=place:420921&depth=2`);
  await page.waitForFunction(() => (window as any).cy?.nodes('.focus').length === 1);
  const deep = await reached();
  assert.equal(await page.inputValue('#depth'), '2');
  await page.goto(`${base}/explore?focus=place:420921`);
  await page.waitForFunction(() => (window as any).cy?.nodes('.focus').length === 1);
  assert.ok(deep > (await reached()), `depth=2 reaches further (${deep})`);
  assert.equal(await page.inputValue('#depth'), '1');
  assert.deepEqual(errors, []);
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
