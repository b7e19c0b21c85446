/**
 * The reading memory in Chromium, the seed scenario: a reader reads the caspian story, then the
 * humanitarian one. The second story's popup lists the first as related, with the admiral
 * (spelled "Habibollah" there, "Habibullah" here) among the reasons, and his card says the reader
 * met him before and links the first story. A fresh profile, so nothing else is stored.
 */
import type { Browser, CDPSession, Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { activeTabId, extensionWorker } from '../../scripts/lib/browsers';
import { serveStatic, type Served } from '../../scripts/lib/serve';
import { hoverHighlight } from '../../scripts/lib/highlight-point';
import { FIXTURES_DIR, launch, newPopupPage, visit, waitForPageDone } from './harness';

let server: Served;
let browser: Browser;
let extensionId: string;
let worker: WebWorker;

beforeAll(async () => {
  server = await serveStatic(FIXTURES_DIR, { blockScripts: true });
  ({ browser, extensionId } = await launch('chromium'));
  worker = await extensionWorker(browser, extensionId);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function read(file: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.newPage();
  await visit(page, server.url + file, { waitUntil: 'load' });
  await waitForPageDone(page);
  return { page, tabId: await activeTabId(worker, page) };
}

interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** The card's text and links, read through the DevTools protocol (it sees closed shadow roots). */
async function card(cdp: CDPSession): Promise<{ text: string; links: { href: string; text: string }[] }> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: CdpNode };
  const all = (n: CdpNode, out: CdpNode[] = []): CdpNode[] => {
    out.push(n);
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) all(c, out);
    return out;
  };
  const host = all(root).find((n) => n.nodeName.toLowerCase() === 'dramatis-card');
  if (!host) return { text: '', links: [] };
  const textOf = (n: CdpNode): string =>
    n.nodeType === 3
      ? n.nodeValue
      : n.nodeName === 'STYLE'
        ? ''
        : [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf).join(' ');
  const links = all(host)
    .filter((n) => n.nodeName === 'A')
    .map((a) => {
      const attrs = a.attributes ?? [];
      return { href: attrs[attrs.indexOf('href') + 1] ?? '', text: textOf(a).replace(/\s+/g, ' ').trim() };
    });
  return { text: textOf(host).replace(/\s+/g, ' '), links };
}

test('after the caspian story, the humanitarian story’s popup lists it as related, because of the admiral', async () => {
  const caspian = await read('caspian-cooperation.html');
  const caspianTitle = await caspian.page.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? '');
  const { tabId } = await read('humanitarian-readiness.html');

  const popup = await newPopupPage(browser);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  const item = await popup.waitForSelector('.related-article', { timeout: 10_000 });
  const related = await popup.$$eval('.related-article', (items) =>
    items.map((li) => ({
      title: li.querySelector('a')?.textContent ?? '',
      href: li.querySelector('a')?.getAttribute('href') ?? '',
      reason: li.querySelector('.related-reason')?.textContent ?? '',
    })),
  );
  expect(item).not.toBeNull();
  expect(related).toHaveLength(1);
  expect(related[0]!.title).toBe(caspianTitle);
  expect(related[0]!.href).toBe(server.url + 'caspian-cooperation.html');
  expect(related[0]!.reason).toContain('Habibollah Sayyari');
  await popup.close();
});

test('the admiral’s card on the humanitarian story links the caspian story the reader read before', async () => {
  const { page } = await read('humanitarian-readiness.html');
  await hoverHighlight(page, 'Habibullah Sayyari');
  const cdp = await page.createCDPSession();
  await expect.poll(async () => (await card(cdp)).text, { timeout: 5_000 }).toMatch(/In \d+ of your articles/);
  const { text, links } = await card(cdp);
  expect(text).toContain('Habibollah Sayyari');
  expect(text).toMatch(/matched as .\s?Habibullah Sayyari\s?./);
  expect(links.map((l) => l.href)).toContain(server.url + 'caspian-cooperation.html');
  // The page's own copy of this story is not offered as a link to itself.
  expect(links.map((l) => l.href)).not.toContain(server.url + 'humanitarian-readiness.html');
});
