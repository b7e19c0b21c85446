/**
 * The content script's port to the background, stood in for in DOM tests of the page session:
 * every request the page posts is recorded, and `reply` answers as the background would (its
 * message structured-cloned, as the browser copies it).
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Envelope } from '../../lib/messaging/protocol';
import { startPageSession } from '../../services/page-session';
import { loadHighlightPage } from './highlight-page';

export interface PagePort {
  /** What the page asked through its port, in order. */
  asked: { id: number; name: string; data: Record<string, unknown> }[];
  /** Delivers `message` to the page's port listeners. */
  reply(message: unknown): void;
}

export function fakePagePort(): PagePort {
  const port: PagePort = { asked: [], reply: () => undefined };
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation((() => {
    const listeners: ((message: unknown) => void)[] = [];
    port.reply = (message) => listeners.forEach((l) => l(structuredClone(message)));
    return {
      name: 'dramatis:page',
      onMessage: { addListener: (l: (message: unknown) => void) => listeners.push(l) },
      onDisconnect: { addListener: () => undefined },
      postMessage({ id, envelope }: { id: number; envelope: Envelope }) {
        port.asked.push({ id, name: envelope.name, data: structuredClone(envelope.data) as Record<string, unknown> });
      },
      disconnect() {},
    };
  }) as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => ({ ok: true, value: { ok: true } })) as never);
  return port;
}

/**
 * A page session started on `html` over a fake port: what DOM tests of the session begin with.
 * `stop` ends it as an invalidated extension context does, and restores the mocks.
 */
export function startTestSession(html: string) {
  fakeBrowser.reset();
  performance.clearMeasures();
  const highlights = loadHighlightPage(html);
  const port = fakePagePort();
  const ctx = new ContentScriptContext('content');
  startPageSession(ctx, { cardCss: '' });
  return { highlights, port, ctx };
}
