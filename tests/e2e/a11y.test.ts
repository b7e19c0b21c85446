/**
 * Accessibility of the popup, the dashboard and the hover card in Chromium, in light and dark: axe-core finds no
 * serious or critical violation with the menus and forms open, and the keyboard reaches and
 * operates what the mouse does, with a visible focus ring.
 *
 * Extension pages forbid inline scripts (MV3 CSP `script-src 'self'`), so `page.addScriptTag`
 * silently does nothing there; axe's source is evaluated over the DevTools protocol instead.
 */
import { createRequire } from 'node:module';
import type { Browser, CDPSession, Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { activeTabId, extensionWorker } from '../../scripts/lib/browsers';
import { serveStatic, type Served } from '../../scripts/lib/serve';
import { hoverHighlight } from '../../scripts/lib/highlight-point';
import { FIXTURES_DIR, launch, newPopupPage, waitForPageDone } from './harness';

const axe = createRequire(import.meta.url)('axe-core') as { source: string };

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

type Scheme = 'light' | 'dark';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe's violations on `page`, serious and critical ones first, as readable lines. */
async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } })
      .axe.run;
    const { violations } = await run(document, { resultTypes: ['violations'] });
    return violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact: impact ?? null,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target: target.map(String), failureSummary })),
    }));
  });
}

function describeViolations(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n');
}

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = violations.filter((v) => !serious.includes(v));
  if (minor.length) console.info(`${what}: minor axe findings\n${describeViolations(minor)}`);
  expect(serious, `${what}\n${describeViolations(serious)}`).toEqual([]);
}

async function openArticle(file: string): Promise<number> {
  const page = await browser.newPage();
  await page.goto(server.url + file, { waitUntil: 'load' });
  await waitForPageDone(page);
  return activeTabId(worker, page);
}

async function openExtensionPage(path: string, scheme: Scheme, width = 360): Promise<Page> {
  const page = path.startsWith('popup.html') ? await newPopupPage(browser) : await browser.newPage();
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.setViewport({ width, height: 700 });
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

describe.each<Scheme>(['light', 'dark'])('axe, %s theme', (scheme) => {
  test('the popup on an article, with a discovered name’s actions and the highlighting settings open', async () => {
    const tabId = await openArticle('caspian-cooperation.html');
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`, scheme);
    expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    await (await popup.waitForSelector('.actor.discovered button.more'))!.click();
    await popup.waitForSelector('.actor-actions[role="group"]');
    await popup.click('.display-settings summary');
    await popup.waitForSelector('.display-settings[open] select');
    await expectNoSeriousViolations(popup, `popup, article, ${scheme}`);
    await popup.close();
  });

  test('the popup on a page that is not an article', async () => {
    const tabId = await openArticle('section-front.html');
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`, scheme);
    await popup.waitForSelector('.not-article button');
    await expectNoSeriousViolations(popup, `popup, not an article, ${scheme}`);
    await popup.close();
  });

  test('the dashboard with the editor open', async () => {
    const dashboard = await openExtensionPage('options.html', scheme, 1200);
    await dashboard.waitForSelector('table.entities tbody tr');
    await dashboard.click('table.entities tbody tr button');
    await dashboard.waitForSelector('form.editor');
    await expectNoSeriousViolations(dashboard, `dashboard, ${scheme}`);
    await dashboard.close();
  });

  test('the dashboard’s reading memory: search, an article page, an entity page, memory and backup', async () => {
    await openArticle('caspian-cooperation.html'); // stored, so there is something to show
    const dashboard = await openExtensionPage('options.html#search=', scheme, 1200);
    await dashboard.waitForSelector('li.result h3 a', { timeout: 20_000 });
    await expectNoSeriousViolations(dashboard, `dashboard articles, ${scheme}`);
    await dashboard.click('li.result h3 a');
    await dashboard.waitForSelector('.article-page .actor a');
    await expectNoSeriousViolations(dashboard, `dashboard article page, ${scheme}`);
    await dashboard.click('.article-page .actor-group[data-type="person"] .actor a');
    await dashboard.waitForSelector('.entity-page');
    await dashboard.evaluate(() => document.querySelector('.timeline details')?.setAttribute('open', ''));
    await expectNoSeriousViolations(dashboard, `dashboard entity page, ${scheme}`);
    await dashboard.goto(`chrome-extension://${extensionId}/options.html#memory`);
    await dashboard.waitForSelector('.settings-form');
    await dashboard.click('input[name="retention"][value="days"]');
    await dashboard.waitForSelector('input[name="retention-amount"]');
    await expectNoSeriousViolations(dashboard, `dashboard memory, ${scheme}`);
    await dashboard.close();
  });
});

/** What has focus: its tag, class and text, and whether its focus ring shows. */
async function focused(page: Page): Promise<{ tag: string; cls: string; text: string; label: string; ring: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return {
      tag: el.localName,
      cls: el.className,
      text: (el.textContent ?? '').trim(),
      label: el.getAttribute('aria-label') ?? '',
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });
}

/** Presses Tab until `match` has focus, or fails after `limit` presses. */
async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (match(f)) return f;
  }
  throw new Error(`Tab never reached the element (last: ${JSON.stringify(await focused(page))})`);
}

test('popup by keyboard: Tab reaches the names and ⋯, Enter and Space operate them, focus shows', async () => {
  const page = await browser.newPage();
  await page.goto(server.url + 'humanitarian-readiness.html', { waitUntil: 'load' });
  await waitForPageDone(page);
  const tabId = await activeTabId(worker, page);
  const popup = await openExtensionPage(`popup.html?tabId=${tabId}`, 'light');
  await popup.waitForSelector('.actor .reveal');

  // The mention shown: its text and where it starts, since a name may be found under an alias.
  const shown = () =>
    page.evaluate(() => [...(CSS.highlights.get('dramatis-focus') ?? [])].map((r) => `${String(r)}@${r.startOffset}`).join());
  const reveal = await tabTo(popup, (f) => f.cls.includes('reveal'));
  expect(reveal.ring).toBe(true);
  await popup.keyboard.press('Enter');
  await page.waitForFunction(() => (CSS.highlights.get('dramatis-focus')?.size ?? 0) > 0);
  const first = await shown();

  const next = await tabTo(popup, (f) => f.cls.includes('reveal') && f.text !== reveal.text);
  expect(next.ring).toBe(true);
  await popup.keyboard.press('Space');
  await expect.poll(shown, { timeout: 10_000 }).not.toBe(first);

  const more = await tabTo(popup, (f) => f.cls.includes('more'));
  expect(more.label).toMatch(/^Correct or keep /);
  expect(more.ring).toBe(true);
  await popup.keyboard.press('Enter');
  await popup.waitForSelector('button.more[aria-expanded="true"] ~ *, .actor-actions[role="group"]');
  const keep = await tabTo(popup, () => true, 1);
  expect(keep.text).toBe('Keep');
  await popup.keyboard.press('Escape');
  expect((await focused(popup)).cls).toContain('more');
  expect(await popup.$('.actor-actions')).toBeNull();
  await popup.keyboard.press('Space');
  await popup.waitForSelector('.actor-actions[role="group"]');
  await popup.close();
  await page.close();
});

test('dashboard by keyboard: Tab reaches the table’s actions; the editor takes focus and gives it back', async () => {
  const dashboard = await openExtensionPage('options.html', 'light', 1200);
  await dashboard.waitForSelector('table.entities tbody tr');
  const edit = await tabTo(dashboard, (f) => f.tag === 'button' && f.label.startsWith('Edit '));
  expect(edit.ring).toBe(true);
  const hide = await tabTo(dashboard, () => true, 1);
  expect(hide.label).toMatch(/^Hide .* everywhere$/);
  await tabTo(dashboard, () => true, 1);
  expect((await focused(dashboard)).text).toBe('Merge…');

  await dashboard.keyboard.down('Shift');
  await dashboard.keyboard.press('Tab');
  await dashboard.keyboard.press('Tab');
  await dashboard.keyboard.up('Shift');
  expect((await focused(dashboard)).label).toBe(edit.label);
  await dashboard.keyboard.press('Enter');
  await dashboard.waitForSelector('form.editor');
  expect((await focused(dashboard)).tag).toBe('input');
  await dashboard.keyboard.press('Escape');
  await dashboard.waitForFunction(() => !document.querySelector('form.editor'));
  expect((await focused(dashboard)).label).toBe(edit.label);
  await dashboard.close();
});

test('dashboard views by keyboard: Tab reaches the views, Enter opens one and its heading takes focus', async () => {
  const dashboard = await openExtensionPage('options.html', 'light', 1200);
  await dashboard.waitForSelector('table.entities tbody tr');
  const articles = await tabTo(dashboard, (f) => f.tag === 'a' && f.text === 'Articles');
  expect(articles.ring).toBe(true);
  await dashboard.keyboard.press('Enter');
  await dashboard.waitForSelector('.articles-view');
  await dashboard.waitForFunction(() => document.activeElement?.id === 'view-heading');
  expect(await dashboard.$eval('nav.views a[aria-current="page"]', (a) => a.textContent)).toBe('Articles');
  // The view's heading sits right after the views: Shift+Tab goes back to the last of them.
  await dashboard.keyboard.down('Shift');
  await dashboard.keyboard.press('Tab');
  await dashboard.keyboard.up('Shift');
  const memory = await focused(dashboard);
  expect(memory.text).toBe('Memory and backup');
  expect(memory.ring).toBe(true);
  await dashboard.keyboard.press('Enter');
  await dashboard.waitForSelector('.memory-view');
  await dashboard.waitForFunction(
    () => document.activeElement?.textContent === 'Memory and backup' && document.activeElement.localName === 'h2',
  );
  await dashboard.close();
});

describe.each<Scheme>(['light', 'dark'])('axe on the card, %s theme', (scheme) => {
  test('the hover card, opened by the pointer, checked inside its closed shadow root', async () => {
    const page = await browser.newPage();
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(server.url + 'humanitarian-readiness.html', { waitUntil: 'load' });
    await waitForPageDone(page);
    await hoverHighlight(page, 'Habibullah Sayyari');
    const cdp = await page.createCDPSession();
    const { violations, checked } = await axeInCard(page, cdp);
    expect(checked, 'axe checked the card’s content').toBeGreaterThan(5);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const minor = violations.filter((v) => !serious.includes(v));
    if (minor.length) console.info(`card, ${scheme}: minor axe findings\n${describeViolations(minor)}`);
    expect(serious, `card, ${scheme}\n${describeViolations(serious)}`).toEqual([]);
    await page.close();
  });
});

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * Runs axe over the card. axe walks shadow trees through `element.shadowRoot`, which a closed root
 * hides; the DevTools protocol sees the root, so the test hands it to axe on the host element
 * (for the test only, and taken back after) and axe checks the card as rendered.
 */
async function axeInCard(page: Page, cdp: CDPSession): Promise<{ violations: Violation[]; checked: number }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const until = Date.now() + 5_000;
  for (;;) {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: CdpNode };
    const all: CdpNode[] = [];
    const walk = (n: CdpNode) => {
      all.push(n);
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c);
    };
    walk(root);
    const shadow = all.find((n) => n.nodeName.toLowerCase() === 'dramatis-card')?.shadowRoots?.[0];
    const inner: CdpNode[] = [];
    if (shadow) walk2(shadow, inner);
    if (shadow && inner.some((n) => n.nodeName === 'BODY' && (n.children?.length ?? 0) > 0)) {
      // Let the 120 ms fade-in end: mid-animation colours are blends, not the card's colours.
      await new Promise((done) => setTimeout(done, 400));
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: `async function () {
          const host = this.host;
          Object.defineProperty(host, 'shadowRoot', { value: this, configurable: true });
          try {
            const { violations, passes } = await window.axe.run(host, { resultTypes: ['violations'] });
            return {
              checked: passes.length,
              violations: violations.map(({ id, impact, help, nodes }) => ({
                id, impact: impact ?? null, help,
                nodes: nodes.map(({ target, failureSummary }) => ({ target: target.map(String), failureSummary })),
              })),
            };
          } finally {
            delete host.shadowRoot;
          }
        }`,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(`axe failed in the card: ${exceptionDetails.exception?.description}`);
      return result.value as { violations: Violation[]; checked: number };
    }
    if (Date.now() > until) throw new Error('The card never opened');
    await new Promise((done) => setTimeout(done, 100));
  }
}

function walk2(n: CdpNode, out: CdpNode[]): void {
  out.push(n);
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk2(c, out);
}
