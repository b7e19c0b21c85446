// `npm run demo`: the built extension on the bundled sample articles. With no display it runs
// headless and saves screenshots into demo-output/; with one it opens a real browser window.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { ensureBrowsers, extensionWorker, launchChromium, launchFirefox, tabIdOf } from './lib/browsers';
import { hoverHighlight } from './lib/highlight-point';
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

type Theme = 'light' | 'dark';
const THEMES: Theme[] = ['light', 'dark'];
const suffix = (theme: Theme) => (theme === 'dark' ? '-dark' : '');

async function screenshotPopup(browser: Browser, extensionId: string, tabId: number, file: string): Promise<void> {
  for (const theme of THEMES) {
    const popup = await browser.newPage();
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
    await popup.setViewport({ width: 360, height: 240, deviceScaleFactor: 2 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.state');
    await popup.screenshot({ path: `${OUT}/${file}${suffix(theme)}.png`, fullPage: true });
    await popup.close();
  }
}

async function screenshotDashboard(browser: Browser, extensionId: string): Promise<void> {
  const views: { file: string; hash: string; ready: string }[] = [
    { file: 'dashboard', hash: '', ready: 'table.entities tbody tr' },
    { file: 'dashboard-search', hash: '#search=Sayyari', ready: 'mark' },
    // The admiral learned from the first story, met again (as "Habibullah") in the second.
    { file: 'dashboard-entity', hash: '#actor=discovered%3Ahabibollah-sayyari', ready: 'canvas' },
  ];
  for (const theme of THEMES) {
    for (const view of views) {
      const dashboard = await browser.newPage();
      await dashboard.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
      await dashboard.setViewport({ width: 1200, height: 800 });
      await dashboard.goto(`chrome-extension://${extensionId}/options.html${view.hash}`);
      try {
        await dashboard.waitForSelector(view.ready, { timeout: 10_000 });
      } catch {
        console.warn(`  the dashboard's ${view.file} view never showed ${view.ready}: screenshot taken as it is`);
      }
      if (view.file === 'dashboard') await dashboard.type('input[type="search"]', 'Iran');
      await new Promise((done) => setTimeout(done, 800));
      await dashboard.screenshot({ path: `${OUT}/${view.file}${suffix(theme)}.png` });
      await dashboard.close();
    }
  }
}

/** Hovers a highlighted name the way a reader does and screenshots its card, light and dark. */
async function screenshotCard(page: Page, text: string, file: string): Promise<void> {
  for (const theme of THEMES) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
    await page.mouse.move(5, 5);
    await new Promise((done) => setTimeout(done, 400));
    try {
      await hoverHighlight(page, text);
    } catch {
      return console.warn(`  no highlight reads "${text}": no card screenshot`);
    }
    await new Promise((done) => setTimeout(done, 1_000));
    await page.screenshot({ path: `${OUT}/${file}${suffix(theme)}.png` });
  }
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
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
    if (tabId !== null) await screenshotPopup(browser, extensionId, tabId, `${name}-popup`);
    // Read after the caspian story: the card names Habibollah Sayyari, matched as Habibullah.
    if (file === 'humanitarian-readiness.html') await screenshotCard(page, 'Habibullah Sayyari', 'card');
  }
  if (headless) {
    await screenshotDashboard(browser, extensionId);
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
