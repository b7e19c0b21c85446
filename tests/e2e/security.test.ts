/**
 * Hostile input, end to end (SECURITY.md). A hostile page (tests/fixtures/hostile/: markup,
 * `javascript:` addresses, bidi overrides, zero-width characters and a 600-letter word in its
 * title, byline, site name and text; its own script patches `attachShadow` and watches every node
 * added) and a hostile import file (the same in entity names, aliases, descriptions and roles).
 *
 * Chromium: the file is imported through the dashboard, the page visited; the card, the popup and
 * the dashboard show every string as text: no element made from it, no `javascript:` link, no
 * dialog, the flag the payloads would set stays unset, and every bidi control sits in an isolate.
 * Both browsers: while the card is shown, the page's own world cannot read it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { activeTabId, extensionWorker } from '../../scripts/lib/browsers';
import { hoverHighlight } from '../../scripts/lib/highlight-point';
import { serveStatic, type Served } from '../../scripts/lib/serve';
import { FIXTURES_DIR, highlightsOn, launch, newPopupPage, visit, waitForPageDone } from './harness';

const HOST = 'dramatis-card';
const PAGE = 'hostile/hostile.html';
const PAYLOAD = '<img src=x onerror="window.__dramatisPwned=1">';
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

let server: Served;
beforeAll(async () => {
  // Served without a CSP: the page's own script is the adversary and must run.
  server = await serveStatic(FIXTURES_DIR);
});
afterAll(() => server?.close());

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** What went wrong on any page: dialogs opened, CSP violations and errors reported. */
const incidents: string[] = [];
function watch(page: Page, label: string): Page {
  page.on('dialog', (d) => {
    incidents.push(`${label}: dialog "${d.message()}"`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) incidents.push(`${label}: ${m.text()}`);
  });
  page.on('pageerror', (e) => incidents.push(`${label}: ${String(e)}`));
  return page;
}

/** An extension page as its own world sees it: what elements the hostile strings could have made. */
async function inspect(page: Page) {
  return page.evaluate((bidi: string) => {
    const controls = new RegExp(bidi);
    const unisolated: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!controls.test((n as Text).data)) continue;
      let isolated = false;
      for (let el = n.parentElement, up = 0; el && up < 3 && !isolated; el = el.parentElement, up++) {
        isolated = ['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(el).unicodeBidi);
      }
      if (!isolated) unisolated.push(`${n.parentElement?.localName}: ${(n as Text).data.slice(0, 60)}`);
    }
    return {
      images: document.querySelectorAll('img, iframe, object, embed').length,
      scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
      links: [...document.querySelectorAll('a[href]')]
        .map((a) => a.getAttribute('href')!)
        .filter((href) => !/^(#|https?:)/.test(href)),
      pwned: (window as unknown as { __dramatisPwned?: unknown }).__dramatisPwned,
      text: document.body.textContent ?? '',
      unisolated,
    };
  }, BIDI.source);
}

/** The page's own world, trying every way it has to read the card. */
async function pageAttempts(page: Page) {
  return page.evaluate((host: string) => {
    const el = document.querySelector(host) as (HTMLElement & { getHTML?: (o: object) => string }) | null;
    const seen = (window as unknown as { __seen: { roots: unknown[]; added: { text: string; root: string | null }[] } }).__seen;
    let attach = 'no host';
    try {
      el?.attachShadow({ mode: 'open' });
      attach = 'attached';
    } catch (error) {
      attach = String(error).slice(0, 40);
    }
    return {
      host: el !== null,
      shadowRoot: el ? el.shadowRoot !== null : null,
      hostText: el ? el.innerText + el.textContent : '',
      serialized: el?.getHTML ? el.getHTML({ serializableShadowRoots: true }) : '',
      bodyText: document.body.innerText,
      everyElement: [...document.querySelectorAll('*')].map((e) => e.textContent ?? '').join('\n'),
      attach,
      stolenRoots: seen.roots.length,
      added: seen.added.map((a) => a.text + (a.root ?? '')).join('\n'),
      pwned: (window as unknown as { __dramatisPwned?: unknown }).__dramatisPwned,
    };
  }, HOST);
}

describe('chromium', () => {
  let browser: Browser;
  let extensionId: string;
  let worker: WebWorker;
  let dashboard: Page;
  let ownScripts: (string | null)[];
  let article: Page;

  beforeAll(async () => {
    ({ browser, extensionId } = await launch('chromium'));
    worker = await extensionWorker(browser, extensionId);
    dashboard = watch(await browser.newPage(), 'dashboard');
    await dashboard.goto(`chrome-extension://${extensionId}/options.html`);
    await dashboard.waitForSelector('table.entities');
    ownScripts = (await inspect(dashboard)).scripts;
  });
  afterAll(() => browser?.close());

  test('a hostile import is read as text: the dashboard’s table shows it inert and isolated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dramatis-hostile-'));
    const file = join(dir, 'hostile-entities.csv');
    writeFileSync(file, readFileSync(join(FIXTURES_DIR, 'hostile/hostile-entities.csv')));
    await (await dashboard.$('.import-panel input[type="file"]'))!.uploadFile(file);
    await dashboard.waitForFunction(
      () => /Imported|not imported/.test(document.querySelector('.import-status')?.textContent ?? ''),
      { timeout: 20_000 },
    );
    expect(await dashboard.$eval('.import-status', (e) => e.textContent)).toMatch(/Entities read: 2\./);
    await dashboard.type('input[type="search"]', 'Mallory');
    await dashboard.waitForFunction(() => /Mallory/.test(document.querySelector('table.entities tbody')?.textContent ?? ''));
    const seen = await inspect(dashboard);
    expect(seen.text).toContain(`${PAYLOAD}<script>window.__dramatisPwned=2</script>`);
    expect(seen.text).toContain('javascript:window.__dramatisPwned=7');
    expect(seen).toMatchObject({ images: 0, scripts: ownScripts, links: [], unisolated: [] });
    expect(seen.pwned).toBeUndefined();
  });

  test('the hostile page: highlighted, and its card shows the hostile entity as inert, isolated text', async () => {
    article = watch(await browser.newPage(), 'article');
    await visit(article, server.url + PAGE, { waitUntil: 'load' });
    await waitForPageDone(article);
    expect((await highlightsOn(article)).map((h) => h.text)).toContain('Mallory Corporation');
    const cdp = await article.createCDPSession();
    await hoverHighlight(article, 'Mallory Corporation');
    const card = await waitForCard(cdp, /Shipping group/);
    const nodes = walk(card);
    expect(textOf(card)).toContain(PAYLOAD);
    expect(textOf(card)).toContain('javascript:window.__dramatisPwned=8');
    expect(nodes.filter((n) => /^(IMG|SCRIPT|IFRAME|OBJECT|EMBED)$/.test(n.nodeName)).map((n) => n.nodeName)).toEqual([]);
    expect(nodes.flatMap((n) => hrefOf(n) ?? []).filter((h) => !/^https?:/.test(h))).toEqual([]);
    // Every text with a bidi control is inside a <bdi> or an element with `dir`.
    const parents = new Map<number, CdpNode>();
    for (const n of nodes) for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) parents.set(c.nodeId, n);
    const unisolated = nodes
      .filter((n) => n.nodeType === 3 && BIDI.test(n.nodeValue))
      .filter((n) => {
        for (let p = parents.get(n.nodeId), up = 0; p && up < 3; p = parents.get(p.nodeId), up++) {
          if (p.nodeName === 'BDI' || attr(p, 'dir')) return false;
        }
        return true;
      })
      .map((n) => n.nodeValue.slice(0, 40));
    expect(unisolated).toEqual([]);

    // The page's own world, with its patched attachShadow and its observer, reads none of it.
    const tried = await pageAttempts(article);
    expect(tried).toMatchObject({ host: true, shadowRoot: false, hostText: '', stolenRoots: 0 });
    expect(tried.pwned).toBeUndefined();
    expect(tried.attach).not.toBe('attached');
    for (const text of [tried.serialized, tried.bodyText, tried.everyElement, tried.added]) {
      expect(text).not.toContain('Shipping group');
      expect(text).not.toContain('Pin to watchlist');
    }
  });

  test('the popup lists the hostile page’s actors and title as inert, isolated text', async () => {
    const tabId = await activeTabId(worker, article);
    const popup = watch(await newPopupPage(browser), 'popup');
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForFunction(() => /Mallory/.test(document.querySelector('.actors, .state.article')?.textContent ?? ''));
    const seen = await inspect(popup);
    expect(seen.text).toContain(PAYLOAD); // the entity's name
    expect(seen.text).toContain('javascript:window.__dramatisPwned=4'); // the page's title
    expect(seen).toMatchObject({ images: 0, links: [], unisolated: [] });
    expect(seen.pwned).toBeUndefined();
    expect(seen.scripts.every((src) => src?.startsWith('/chunks/'))).toBe(true);
    await popup.close();
  });

  test('the dashboard’s search lists the stored hostile article as inert, isolated text', async () => {
    await dashboard.goto('about:blank'); // a fresh dashboard, not a same-document hash change
    await dashboard.goto(`chrome-extension://${extensionId}/options.html#search=`);
    await dashboard.waitForSelector('li.result', { timeout: 20_000 });
    const seen = await inspect(dashboard);
    expect(seen.text).toContain('javascript:window.__dramatisPwned=4');
    expect(seen).toMatchObject({ images: 0, scripts: ownScripts, links: [], unisolated: [] });
    expect(seen.pwned).toBeUndefined();
  });

  test('no dialog opened, no CSP violation or error on any page', () => {
    expect(incidents).toEqual([]);
  });
});

describe('firefox', () => {
  let browser: Browser;
  beforeAll(async () => {
    ({ browser } = await launch('firefox'));
  });
  afterAll(() => browser?.close());

  // BiDi cannot open moz-extension:// pages (no import, no popup): what Firefox shows is the card
  // of a name its pack lists, on the same hostile page, read from the page's side.
  test('the hostile page: while the card is shown, the page’s own world cannot read it', async () => {
    const page = watch(await browser.newPage(), 'firefox article');
    await visit(page, server.url + PAGE, { waitUntil: 'load' });
    await waitForPageDone(page);
    await hoverHighlight(page, 'Iran');
    await page.waitForFunction((host: string) => !!document.querySelector(host), { timeout: 5_000 }, HOST);
    await pause(300); // the card's content renders after its host is placed
    const tried = await pageAttempts(page);
    expect(tried).toMatchObject({ host: true, shadowRoot: false, hostText: '', stolenRoots: 0 });
    expect(tried.pwned).toBeUndefined();
    expect(tried.attach).not.toBe('attached');
    for (const text of [tried.serialized, tried.bodyText, tried.everyElement, tried.added]) {
      expect(text).not.toMatch(/Pin to watchlist|Not this one here/);
    }
    expect(incidents.filter((i) => i.startsWith('firefox'))).toEqual([]);
  });
});

interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  attributes?: string[];
}

const walk = (n: CdpNode, out: CdpNode[] = []): CdpNode[] => {
  out.push(n);
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c, out);
  return out;
};
const textOf = (n: CdpNode): string =>
  n.nodeType === 3
    ? n.nodeValue
    : n.nodeName === 'STYLE'
      ? ''
      : [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf).join('');
const attr = (n: CdpNode, name: string): string | undefined => {
  const a = n.attributes ?? [];
  const i = a.findIndex((x, k) => k % 2 === 0 && x === name);
  return i < 0 ? undefined : a[i + 1];
};
const hrefOf = (n: CdpNode) => (n.nodeName === 'A' ? (attr(n, 'href') ?? null) : null);

/** The card's host with its closed shadow tree, as the DevTools protocol sees it, once it reads `pattern`. */
async function waitForCard(cdp: CDPSession, pattern: RegExp, timeout = 8_000): Promise<CdpNode> {
  const until = Date.now() + timeout;
  for (;;) {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: CdpNode };
    const host = walk(root).find((n) => n.nodeName.toLowerCase() === HOST);
    if (host && pattern.test(textOf(host))) return host;
    if (Date.now() > until) throw new Error(`The card never read ${pattern}: "${host ? textOf(host) : ''}"`);
    await pause(100);
  }
}
