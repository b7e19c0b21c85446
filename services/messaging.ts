/**
 * Typed transport for the protocol in `lib/messaging/protocol.ts`. Uses `sendResponse` rather
 * than returned promises, the one form Chrome and Firefox both honour in `onMessage`.
 */
import { browser, type Browser } from 'wxt/browser';
import { isRequest, type Envelope, type MessageName, type RequestOf, type ResponseOf } from '../lib/messaging/protocol';

type Reply<N extends MessageName> = { ok: true; value: ResponseOf<N> } | { ok: false; error: string };
export type Sender = Browser.runtime.MessageSender;
/**
 * `early`, where the request came through a page's port and its requester takes them: sends the
 * requester answers ahead of the final one (the names painted before the whole analysis is done).
 */
export type Handlers = {
  [N in MessageName]?: (
    data: RequestOf<N>,
    sender: Sender,
    early?: (value: ResponseOf<N>) => void,
  ) => Promise<ResponseOf<N>> | ResponseOf<N>;
};

/** The handler of `name`: an own entry of `handlers`, never an inherited one (`toString`). */
function handlerOf(handlers: Handlers, name: MessageName): Handlers[MessageName] | undefined {
  return Object.hasOwn(handlers, name) ? handlers[name] : undefined;
}

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
 * @param wellFormed the protocol's check of what this side is asked: `isRequest` in the
 *   background, `isTabRequest` in a content script (which then carries no other message's check)
 */
export function handleMessages(handlers: Handlers, wellFormed: (message: unknown) => message is Envelope): () => void {
  const listener = (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => {
    if (sender.id !== browser.runtime.id || !wellFormed(message)) return false;
    const handler = handlerOf(handlers, message.name) as ((data: unknown, sender: Sender) => unknown) | undefined;
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

/** The port a page's content script keeps open to the background. */
const PAGE_PORT = 'dramatis:page';

interface PortRequest {
  id: number;
  envelope: Envelope;
  /** The requester takes early answers: without it none are sent (a live page's updates). */
  early?: true;
}

/** The final answer to request `id`, or (`early`) one sent ahead of it. */
type PortReply = { id: number; reply: Reply<MessageName> } | { id: number; early: unknown };

const isPortReply = (m: unknown): m is PortReply =>
  typeof m === 'object' && m !== null && typeof (m as PortReply).id === 'number';

export interface PageChannel {
  /** @param onEarly receives each answer the background sends ahead of the last, in order */
  request<N extends MessageName>(name: N, data: RequestOf<N>, onEarly?: (value: ResponseOf<N>) => void): Promise<ResponseOf<N>>;
  /**
   * Lets the port go, for a page entering the back/forward cache: Chrome closes it there without
   * telling this side, and a request sent on it once the page is back is never answered. Requests
   * still waiting go by `sendMessage`; the next request opens a new port.
   */
  release(): void;
  close(): void;
}

/**
 * A content script's line to the background: one port, opened when the script starts, so a
 * page's requests skip the set-up `runtime.sendMessage` pays for each message (and wake a
 * sleeping background while the page is still being read). A port the browser closed (the
 * background stopped) is opened again; requests it left unanswered go by `sendMessage`.
 * @param onClosed called each time the browser closes the port (the background stopped, or the
 *   extension was reloaded or removed)
 */
export function openPageChannel(onClosed?: () => void): PageChannel {
  let port: Browser.runtime.Port | null = null;
  let lastId = 0;
  const waiting = new Map<
    number,
    { name: MessageName; data: unknown; settle: (reply: Promise<unknown>) => void; onEarly?: (value: never) => void }
  >();

  function connect(): Browser.runtime.Port | null {
    try {
      const opened = browser.runtime.connect({ name: PAGE_PORT });
      opened.onMessage.addListener((message: unknown) => {
        if (!isPortReply(message)) return;
        const request = waiting.get(message.id);
        if (!request) return;
        if ('early' in message) {
          request.onEarly?.(message.early as never);
          return;
        }
        waiting.delete(message.id);
        request.settle(unwrap(message.reply, request.name));
      });
      opened.onDisconnect.addListener(() => {
        if (port === opened) port = null;
        sendUnanswered();
        onClosed?.();
      });
      return opened;
    } catch {
      return null;
    }
  }
  port = connect();

  /** What a closed port left unanswered, sent again as one-off messages. */
  function sendUnanswered() {
    const unanswered = [...waiting.values()];
    waiting.clear();
    for (const r of unanswered) r.settle(sendToBackground(r.name, r.data as RequestOf<MessageName>));
  }

  return {
    request<N extends MessageName>(
      name: N,
      data: RequestOf<N>,
      onEarly?: (value: ResponseOf<N>) => void,
    ): Promise<ResponseOf<N>> {
      port ??= connect();
      const open = port;
      if (!open) return sendToBackground(name, data);
      const id = ++lastId;
      return new Promise<ResponseOf<N>>((resolve, reject) => {
        waiting.set(id, { name, data, onEarly, settle: (reply) => (reply as Promise<ResponseOf<N>>).then(resolve, reject) });
        try {
          open.postMessage({ id, envelope: { name, data }, ...(onEarly && { early: true }) } satisfies PortRequest);
        } catch {
          waiting.delete(id);
          port = null;
          sendToBackground(name, data).then(resolve, reject);
        }
      });
    },
    release() {
      const open = port;
      port = null;
      sendUnanswered();
      try {
        open?.disconnect();
      } catch {
        // Closed already: nothing to let go.
      }
    },
    close() {
      const open = port;
      port = null;
      waiting.clear();
      open?.disconnect();
    },
  };
}

/**
 * Answers requests that come through content scripts' ports with the same handlers (and the
 * same checks) as `handleMessages`. Returns the function that stops listening.
 */
export function handlePorts(handlers: Handlers): () => void {
  const onConnect = (port: Browser.runtime.Port) => {
    const sender = port.sender;
    if (port.name !== PAGE_PORT || !sender || sender.id !== browser.runtime.id) return;
    port.onMessage.addListener((message: unknown) => {
      const { id, envelope, early: takesEarly } = (message ?? {}) as Partial<PortRequest>;
      if (typeof id !== 'number' || !isRequest(envelope)) return;
      const handler = handlerOf(handlers, envelope.name) as
        ((data: unknown, sender: Sender, early?: (value: unknown) => void) => unknown) | undefined;
      const post = (message: PortReply) => {
        try {
          port.postMessage(message);
        } catch {
          // The page went away before its answer: nothing to tell it.
        }
      };
      const answer = (reply: Reply<MessageName>) => post({ id, reply });
      // Early answers only to a requester that takes them: spans sent to be dropped still cost
      // the page's main thread their decoding (a live blog's every update, twice).
      const early = takesEarly === true ? (value: unknown) => post({ id, early: value }) : undefined;
      if (!handler) return answer({ ok: false, error: `No handler for ${envelope.name}` });
      Promise.resolve()
        .then(() => handler(envelope.data, sender, early))
        .then(
          (value) => answer({ ok: true, value: value as ResponseOf<MessageName> }),
          (error: unknown) => answer({ ok: false, error: error instanceof Error ? error.message : String(error) }),
        );
    });
  };
  try {
    browser.runtime.onConnect.addListener(onConnect);
  } catch {
    // No ports here (a test double): content scripts fall back to `sendMessage`.
    return () => undefined;
  }
  return () => browser.runtime.onConnect.removeListener(onConnect);
}
