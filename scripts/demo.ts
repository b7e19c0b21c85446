// `npm run demo`: the built extension on the bundled sample articles. With no display it runs
// headless and saves screenshots into demo-output/; with one it opens a real browser window.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { ensureBrowsers, extensionWorker, launchChromium, launchFirefox, tabIdOf } from './lib/browsers';
import { serveStatic } from './lib/serve';

const OUT = resolve('demo-output');
const ARTICLES = ['caspian-cooperation.html', 'humanitarian-readiness.html', 'section-front.html'];
const headless = !process.env.DISPLAY || process.env.CI === 'true';

async function openAndWait(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('dramatis:page').length > 0, { timeout: 20_000 });
  return page;
}

async function screenshotPopup(browser: Browser, extensionId: string, tabId: number, file: string): Promise<void> {
  const popup = await browser.newPage();
  await popup.setViewport({ width: 360, height: 240, deviceScaleFactor: 2 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('.state');
  await popup.screenshot({ path: `${OUT}/${file}`, fullPage: true });
  await popup.close();
}

async function chromiumTour(server: string): Promise<void> {
  const { browser, extensionId } = await launchChromium({ extensionDir: resolve('.output/chrome-mv3'), headless });
  const worker = await extensionWorker(browser, extensionId);
  for (const file of ARTICLES) {
    const page = await openAndWait(browser, server + file);
    const highlights = await page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
    const name = file.replace('.html', '');
    console.log(`  ${file}: ${highlights} highlights`);
    if (!headless) continue;
    await page.screenshot({ path: `${OUT}/${name}.png` });
    const tabId = await tabIdOf(worker, server + file);
    if (tabId !== null) await screenshotPopup(browser, extensionId, tabId, `${name}-popup.png`);
  }
  if (headless) {
    const dashboard = await browser.newPage();
    await dashboard.setViewport({ width: 1200, height: 800 });
    await dashboard.goto(`chrome-extension://${extensionId}/options.html`);
    await dashboard.waitForSelector('table.entities');
    await dashboard.type('input[type="search"]', 'Iran');
    await new Promise((done) => setTimeout(done, 500));
    await dashboard.screenshot({ path: `${OUT}/dashboard.png` });
    return void (await browser.close());
  }
  console.log('The browser stays open: read the articles, click the extension’s icon. Close it to end the demo.');
  await new Promise((done) => browser.on('disconnected', done));
}

async function firefoxShot(server: string): Promise<void> {
  const { browser } = await launchFirefox({ extensionDir: resolve('.output/firefox-mv2') });
  try {
    const page = await openAndWait(browser, server + ARTICLES[0]);
    await page.screenshot({ path: `${OUT}/firefox-caspian-cooperation.png` });
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  ensureBrowsers(headless ? ['chromium', 'firefox'] : ['chromium']);
  mkdirSync(OUT, { recursive: true });
  const server = await serveStatic(resolve('tests/fixtures'));
  console.log(`Serving the sample articles at ${server.url}`);
  try {
    await chromiumTour(server.url);
    if (headless) await firefoxShot(server.url);
  } finally {
    await server.close();
  }
  if (headless) console.log(`Screenshots written to ${OUT}/`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
