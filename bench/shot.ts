import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [w, h, name] of [[1366, 800, 'desk'], [390, 844, 'phone']] as const) {
  const p = await b.newPage({ viewport: { width: w, height: h } });
  p.on('pageerror', (e) => console.log('pageerror', e.message));
  p.on('console', (m) => console.log('console', m.text()));
  await p.goto('http://localhost:4000' + (process.argv[2] ?? '/explore?focus=place:420921'));
  await p.waitForFunction(() => /个节点|出错/.test(document.getElementById('status')!.textContent!), null, { timeout: 20000 }).catch(() => {});
  await p.waitForTimeout(500);
  console.log(name, await p.textContent('#status'), await p.evaluate(() => ({ n: (window as any).cy.nodes().length, zoom: (window as any).cy.zoom(), url: location.search })));
  const before = await p.evaluate(() => Object.fromEntries((window as any).cy.nodes().map((n: any) => [n.id(), { ...n.position() }])));
  await p.evaluate(() => (window as any).cy.nodes().filter((x: any) => x.data('label') === '雁雏共翔计划')[0].emit('dbltap'));
  await p.waitForTimeout(3000);
  const moved = await p.evaluate((b) => (window as any).cy.nodes().filter((n: any) => b[n.id()]).map((n: any) => Math.hypot(n.position().x - b[n.id()].x, n.position().y - b[n.id()].y)), before);
  console.log('after expand', await p.textContent('#status'), 'max moved', Math.max(...moved), await p.evaluate(() => ({ z: (window as any).cy.zoom(), w: (window as any).cy.width(), h: (window as any).cy.height() })));
  await p.screenshot({ path: `/tmp/ex-${name}.png` });
}
await b.close();
