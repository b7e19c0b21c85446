// @vitest-environment happy-dom
/**
 * The page session's end, through the real session over a fake background: when the extension
 * is reloaded, updated or removed while the page is open, nothing of the old content script may
 * go on acting in the page. Chrome leaves the old script running, orphaned, and only its port
 * closing tells it (the context is then asked, and finds the extension gone); Firefox injects the
 * updated extension's script into the open tab, whose WXT context invalidates the old one.
 * Firefox's WebDriver BiDi cannot reload an extension, so this is what covers it there (the e2e
 * tier reloads the extension in Chromium).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Envelope, PaintSpan } from '../../../lib/messaging/protocol';
import { startPageSession } from '../../../services/page-session';
import { loadHighlightPage } from '../../support/highlight-page';

// As in Chrome and Firefox, the page has the Navigation API, so WXT watches the address through
// it instead of polling every second (a poll that would ask the context, and hide whether the
// session itself notices the extension gone).
vi.hoisted(() => {
  (globalThis as unknown as { navigation: EventTarget }).navigation = new EventTarget();
});

const html = readFileSync(path.resolve(__dirname, '../../fixtures/caspian-cooperation.html'), 'utf8');

/** The fake browser's extension id (the context is valid while `runtime.id` is set). */
const EXTENSION_ID = fakeBrowser.runtime.id;

let ctx: ContentScriptContext;
let highlights: Map<string, Set<Range>>;
/** Requests the session made, by port or by message. */
let requests: string[];
/** The open ports' disconnect listeners: what the browser calls when it closes them. */
let disconnects: (() => void)[];
/** Mutation observers observing now. */
let observing: Set<MutationObserver>;
/** What the session had done when `startPageSession` returned, in the page's task. */
let atStart: { ports: number; listening: boolean };

function spansOf(blocks: string[]): PaintSpan[] {
  return blocks.flatMap((text, block) =>
    [...text.matchAll(/\b(Iran|Russia|Fomin)\b/g)].map((m) => ({
      block,
      start: m.index!,
      end: m.index! + m[0].length,
      entityId: m[0],
      type: 'place' as const,
    })),
  );
}

function answer({ name, data }: Envelope): unknown {
  requests.push(name);
  return name === 'bg:article' ? { spans: spansOf((data as { blocks: string[] }).blocks) } : { ok: true };
}

/** A port to a background that answers at once; the browser closes it with `disconnects`. */
function fakePort() {
  const listeners: ((message: unknown) => void)[] = [];
  return {
    name: 'dramatis:page',
    onMessage: { addListener: (l: (message: unknown) => void) => listeners.push(l) },
    onDisconnect: { addListener: (l: () => void) => disconnects.push(l) },
    postMessage({ id, envelope }: { id: number; envelope: Envelope }) {
      const value = answer(envelope);
      setTimeout(() => listeners.forEach((l) => l({ id, reply: { ok: true, value } })));
    },
    disconnect() {},
  };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Whether anything listens to a fake browser event (the fake has `hasListeners`, its types do not say so). */
const listens = (event: unknown) => (event as { hasListeners(): boolean }).hasListeners();
const painted = () => [...highlights.keys()].filter((k) => k.startsWith('dramatis-'));

beforeEach(async () => {
  fakeBrowser.reset();
  requests = [];
  disconnects = [];
  observing = new Set();
  highlights = loadHighlightPage(html);
  const Native = globalThis.MutationObserver;
  vi.stubGlobal(
    'MutationObserver',
    class extends Native {
      override observe(target: Node, options?: MutationObserverInit) {
        observing.add(this);
        super.observe(target, options);
      }
      override disconnect() {
        observing.delete(this);
        super.disconnect();
      }
    },
  );
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation((() => fakePort()) as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Envelope) => ({
    ok: true,
    value: answer(message),
  })) as never);
  ctx = new ContentScriptContext('content');
  startPageSession(ctx, { cardCss: '' });
  atStart = {
    ports: vi.mocked(fakeBrowser.runtime.connect).mock.calls.length,
    listening: listens(fakeBrowser.runtime.onMessage),
  };
  await until(() => painted().length > 0 && observing.size > 0);
});

afterEach(() => {
  (fakeBrowser.runtime as { id?: string }).id = EXTENSION_ID;
  ctx.notifyInvalidated();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Nothing of the session is left: no highlight, observer or extension listener, and the page's changes reach nobody. */
async function expectNothingLeft() {
  expect(painted()).toEqual([]);
  expect(observing.size).toBe(0);
  expect(listens(fakeBrowser.runtime.onMessage)).toBe(false);
  expect(listens(fakeBrowser.storage.onChanged)).toBe(false);
  const asked = requests.length;
  const p = document.createElement('p');
  p.textContent = 'Update: Russia and Iran signed the agreement in Tehran on Monday.';
  document.querySelector('article .item-body')!.append(p);
  await pause(1_000);
  expect(requests.length).toBe(asked);
  expect(painted()).toEqual([]);
}

test('the session sets itself up in a task of its own, not in the page’s task that started the script', () => {
  expect(atStart).toEqual({ ports: 0, listening: false });
  expect(fakeBrowser.runtime.connect).toHaveBeenCalledTimes(1);
  expect(listens(fakeBrowser.runtime.onMessage)).toBe(true);
});

test('a script taken down before its session set itself up sets up nothing', async () => {
  const ports = vi.mocked(fakeBrowser.runtime.connect).mock.calls.length;
  const early = new ContentScriptContext('content');
  startPageSession(early, { cardCss: '' });
  early.notifyInvalidated();
  await pause(100);
  expect(fakeBrowser.runtime.connect).toHaveBeenCalledTimes(ports);
});

test('the page’s changes are still read while the extension is there (what the checks below rely on)', async () => {
  const asked = requests.length;
  const p = document.createElement('p');
  p.textContent = 'Update: Russia and Iran signed the agreement in Tehran on Monday.';
  document.querySelector('article .item-body')!.append(p);
  await until(() => requests.length > asked);
});

test('a port the browser closes while the extension is still there (its worker slept) changes nothing', async () => {
  for (const closed of disconnects) closed();
  await pause(1_200);
  expect(painted().length).toBeGreaterThan(0);
  expect(observing.size).toBeGreaterThan(0);
});

test('an extension reloaded or removed (Chrome: the port closes, the extension is gone) leaves nothing behind', async () => {
  // What an orphaned script sees: no extension id, and listeners that throw when removed.
  (fakeBrowser.runtime as { id?: string }).id = undefined;
  vi.spyOn(fakeBrowser.runtime.onMessage, 'removeListener').mockImplementation(() => {
    throw new Error('Extension context invalidated.');
  });
  for (const closed of disconnects) closed();
  // Only the session may ask the context (asking is what invalidates it): the test reads the signal.
  await until(() => painted().length === 0);
  expect(ctx.signal.aborted).toBe(true);
  vi.mocked(fakeBrowser.runtime.onMessage.removeListener).mockRestore();
  // The listener could not be removed by the session; the browser drops it with the context.
  fakeBrowser.runtime.onMessage.removeAllListeners();
  (fakeBrowser.runtime as { id?: string }).id = EXTENSION_ID;
  await expectNothingLeft();
});

test('an updated extension’s script starting in the page (Firefox) takes the old one down', async () => {
  const newer = new ContentScriptContext('content');
  expect(ctx.signal.aborted).toBe(true);
  await expectNothingLeft();
  newer.notifyInvalidated();
});

/** What the browser fires as a page enters or leaves the back/forward cache (`persisted`), or unloads. */
const transition = (type: 'pagehide' | 'pageshow', persisted: boolean) =>
  window.dispatchEvent(Object.assign(new Event(type), { persisted }));

test('a page the back/forward cache keeps lets go of what it read and painted, and is read again when the reader comes back', async () => {
  const articles = () => requests.filter((r) => r === 'bg:article').length;
  const asked = articles();
  transition('pagehide', true);
  expect(painted()).toEqual([]);
  expect(observing.size).toBe(0);
  transition('pageshow', true);
  await until(() => painted().length > 0 && observing.size > 0);
  expect(articles()).toBe(asked + 1);
  // Read again, it follows the page's changes as before.
  const p = document.createElement('p');
  p.textContent = 'Update: Russia and Iran signed the agreement in Tehran on Monday.';
  document.querySelector('article .item-body')!.append(p);
  await until(() => articles() > asked + 1);
});

test('a page unloaded for good, or shown the first time, changes nothing', async () => {
  const before = painted();
  transition('pagehide', false);
  transition('pageshow', false);
  await pause(200);
  expect(painted()).toEqual(before);
  expect(observing.size).toBeGreaterThan(0);
});
