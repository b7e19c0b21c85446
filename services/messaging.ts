/**
 * Typed transport for the protocol in `lib/messaging/protocol.ts`. Uses `sendResponse` rather
 * than returned promises, the one form Chrome and Firefox both honour in `onMessage`.
 */
import { browser, type Browser } from 'wxt/browser';
import { isRequest, type Envelope, type MessageName, type RequestOf, type ResponseOf } from '../lib/messaging/protocol';

type Reply<N extends MessageName> = { ok: true; value: ResponseOf<N> } | { ok: false; error: string };
export type Sender = Browser.runtime.MessageSender;
export type Handlers = { [N in MessageName]?: (data: RequestOf<N>, sender: Sender) => Promise<ResponseOf<N>> | ResponseOf<N> };

async function unwrap<N extends MessageName>(reply: Reply<N> | undefined, name: N): Promise<ResponseOf<N>> {
  if (!reply) throw new Error(`No answer to ${name}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Sends a request to the background. */
export async function sendToBackground<N extends MessageName>(name: N, data: RequestOf<N>): Promise<ResponseOf<N>> {
  const envelope: Envelope<N> = { name, data };
  return unwrap((await browser.runtime.sendMessage(envelope)) as Reply<N> | undefined, name);
}

/** Sends a request to the content script of tab `tabId` (top frame). */
export async function sendToTab<N extends MessageName>(tabId: number, name: N, data: RequestOf<N>): Promise<ResponseOf<N>> {
  const envelope: Envelope<N> = { name, data };
  return unwrap((await browser.tabs.sendMessage(tabId, envelope, { frameId: 0 })) as Reply<N> | undefined, name);
}

/**
 * Answers the requests `handlers` names; everything else, malformed or from another
 * extension, is ignored. Returns the function that removes the listener.
 */
export function handleMessages(handlers: Handlers, accept: (sender: Sender) => boolean = () => true): () => void {
  const listener = (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => {
    if (sender.id !== browser.runtime.id || !isRequest(message) || !accept(sender)) return false;
    const handler = handlers[message.name] as ((data: unknown, sender: Sender) => unknown) | undefined;
    if (!handler) return false;
    Promise.resolve()
      .then(() => handler(message.data, sender))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
