import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openTestGraph, type TestGraph } from './helpers.js';

/** Debian's headless Chromium against the seeded test graph served on a free port. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = new URL('../test-artifacts/', import.meta.url).pathname;

export interface BrowserGraph {
  g: TestGraph;
  browser: Browser;
  base: string;
  close(): Promise<void>;
}

export async function openBrowserGraph(): Promise<BrowserGraph> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const g = await openTestGraph();
  await new Promise<void>((r) => g.app.server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(g.app.server.address() as { port: number }).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    g,
    browser,
    base,
    async close() {
      await browser.close();
      g.app.server.close();
      await g.close();
    },
  };
}

/** Offline, or behind a firewall that blocks CDNs: only our own origin answers. Returns what was refused. */
export async function onlyOurOrigin(page: Page, base: string): Promise<string[]> {
  const blocked: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return blocked;
}
