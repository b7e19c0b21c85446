// @vitest-environment happy-dom
/**
 * Keyboard navigation's content-script side, through the real message listener: `tab:navigate`
 * (what the background relays from a browser command) steps the focus highlight through the
 * painted mentions in reading order, both ways, and opens the card of each with the keyboard in
 * it. The e2e tier drives this in Chromium from the service worker; Firefox's background cannot be
 * reached over WebDriver BiDi, so this test is what covers the handler outside Chromium.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardData, Envelope, PaintSpan } from '../../../lib/messaging/protocol';
import { startPageSession } from '../../../services/page-session';
import { loadHighlightPage } from '../../support/highlight-page';

const html = readFileSync(path.resolve(__dirname, '../../fixtures/caspian-cooperation.html'), 'utf8');
const NAMES: Record<string, string> = { Iran: 'country:ir', Russia: 'country:ru', Tehran: 'city:tehran' };

let ctx: ContentScriptContext;
let highlights: Map<string, Set<Range>>;

function spansOf(blocks: string[]): PaintSpan[] {
  return blocks.flatMap((text, block) =>
    [...text.matchAll(/\b(Iran|Russia|Tehran)\b/g)].map((m) => ({
      block,
      start: m.index!,
      end: m.index! + m[0].length,
      entityId: NAMES[m[0]]!,
      type: 'place' as const,
    })),
  );
}

function answer(message: Envelope): unknown {
  const data = message.data as { blocks: string[]; entityId: string };
  switch (message.name) {
    case 'bg:article':
      return { spans: spansOf(data.blocks) };
    case 'bg:not-article':
      return { ok: true };
    case 'bg:card': {
      const name = Object.keys(NAMES).find((n) => NAMES[n] === data.entityId)!;
      return { entity: { id: data.entityId, name, type: 'place' }, memory: null } satisfies CardData;
    }
    default:
      throw new Error(`unexpected ${message.name}`);
  }
}

/** Delivers a message to the content script the way the background's `tabs.sendMessage` does. */
function deliver(message: Envelope): Promise<unknown> {
  return new Promise((resolve) => {
    // The fake's types omit `sendResponse`, which the transport answers through.
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
    void trigger(message, { id: fakeBrowser.runtime.id }, resolve).then((results) => results.length === 0 && resolve(undefined));
  });
}

const focusText = () => [...(highlights.get('dramatis-focus') ?? [])].map(String).join();
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

beforeEach(async () => {
  fakeBrowser.reset();
  highlights = loadHighlightPage(html);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Envelope) => ({
    ok: true,
    value: answer(message),
  })) as never);
  ctx = new ContentScriptContext('content');
  startPageSession(ctx, { cardCss: '' });
  await deliver({ name: 'tab:analyze-anyway', data: {} });
  await until(() => [...highlights.keys()].some((k) => k.startsWith('dramatis-place')));
});
afterEach(() => {
  ctx.notifyInvalidated();
  vi.restoreAllMocks();
});

test('tab:navigate moves the focus highlight through the mentions in reading order, both ways, and opens the card', async () => {
  const painted = [...highlights]
    .filter(([name]) => name !== 'dramatis-focus')
    .flatMap(([, set]) => [...set])
    .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
    .map(String);
  expect(painted.length).toBeGreaterThan(3);

  expect(await deliver({ name: 'tab:navigate', data: { direction: 1 } })).toEqual({ ok: true, value: { ok: true } });
  expect(focusText()).toBe(painted[0]);
  await deliver({ name: 'tab:navigate', data: { direction: 1 } });
  expect(focusText()).toBe(painted[1]);
  await deliver({ name: 'tab:navigate', data: { direction: -1 } });
  expect(focusText()).toBe(painted[0]);
  await deliver({ name: 'tab:navigate', data: { direction: -1 } });
  expect(focusText()).toBe(painted.at(-1)); // wraps around

  // The card opened, in its host, with the keyboard in it.
  await until(() => document.querySelector('dramatis-card') !== null);
  await until(() => document.activeElement?.localName === 'dramatis-card');

  // Escape closes it and the keyboard is back in the page.
  document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
  await until(() => document.querySelector('dramatis-card') === null);
});

test('after invalidation (an extension update) nothing is left: no card, no focus highlight, no listener', async () => {
  await deliver({ name: 'tab:navigate', data: { direction: 1 } });
  await until(() => document.querySelector('dramatis-card') !== null);
  ctx.notifyInvalidated();
  expect(document.querySelector('dramatis-card')).toBeNull();
  expect(highlights.size).toBe(0);
  expect(await deliver({ name: 'tab:navigate', data: { direction: 1 } })).toBeUndefined(); // nobody listens
});
