import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ArticleRequest, PaintSpan } from '../../../lib/messaging/protocol';
import { handlePorts, openPageChannel, type Handlers, type Sender } from '../../../services/messaging';

type Listener = (message: unknown) => void;

/** One end of a port pair: what it posts reaches the other end's listeners, a task later. */
interface FakePort {
  name: string;
  sender?: Sender;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(l: Listener): void };
  onDisconnect: { addListener(l: () => void): void };
  peer?: FakePort;
  listeners: Listener[];
  closers: (() => void)[];
  open: boolean;
}

function end(name: string, sender?: Sender): FakePort {
  const port: FakePort = {
    name,
    sender,
    listeners: [],
    closers: [],
    open: true,
    postMessage(message) {
      if (!port.open) throw new Error('Attempting to use a disconnected port object');
      const copy = structuredClone(message);
      setTimeout(() => port.peer?.listeners.forEach((l) => l(copy)), 0);
    },
    disconnect() {
      port.open = false;
      if (port.peer) port.peer.open = false;
      setTimeout(() => port.peer?.closers.forEach((c) => c()), 0);
    },
    onMessage: { addListener: (l) => port.listeners.push(l) },
    onDisconnect: { addListener: (c) => port.closers.push(c) },
  };
  return port;
}

const page: Sender = { id: fakeBrowser.runtime.id, tab: { id: 7 } as Sender['tab'], frameId: 0, url: 'https://news.example/a' };
const article: ArticleRequest = {
  url: page.url!,
  title: 'A story',
  isArticle: true,
  score: 3,
  forced: false,
  meta: { title: 'A story', byline: null, publishedAt: null, siteName: null, canonicalUrl: null, language: 'en' },
  blocks: ['Iran and Russia'],
};
const iran: PaintSpan = { block: 0, start: 0, end: 4, entityId: 'c:iran', type: 'place' };
const russia: PaintSpan = { block: 0, start: 9, end: 15, entityId: 'c:russia', type: 'place', discovered: true };

let backgroundEnd: FakePort | null;
let connects: ((port: FakePort) => void)[];

beforeEach(() => {
  fakeBrowser.reset();
  backgroundEnd = null;
  connects = [];
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((l) => void connects.push(l as never));
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info: { name: string }) => {
    const pageEnd = end(info.name);
    backgroundEnd = end(info.name, page);
    pageEnd.peer = backgroundEnd;
    backgroundEnd.peer = pageEnd;
    for (const c of connects) c(backgroundEnd);
    return pageEnd;
  }) as never);
});

afterEach(() => vi.restoreAllMocks());

test('an early answer reaches the page before the final one, through the page’s port', async () => {
  const seen: string[] = [];
  const handlers: Handlers = {
    'bg:article': (_request, sender, early) => {
      expect(sender.tab?.id).toBe(7);
      early?.({ spans: [iran] });
      return { spans: [iran, russia] };
    },
  };
  handlePorts(handlers);
  const channel = openPageChannel();
  const final = await channel.request('bg:article', article, ({ spans }) => {
    seen.push(`early ${spans.length}`);
  });
  seen.push(`final ${final.spans.length}`);
  expect(seen).toEqual(['early 1', 'final 2']);
  expect(final.spans).toEqual([iran, russia]);
});

test('a request that takes no early answer (a live page’s update) is sent none', async () => {
  const handlers: Handlers = {
    'bg:article': (_request, _sender, sendEarly) => {
      sendEarly?.({ spans: [iran] });
      return { spans: [iran, russia] };
    },
  };
  handlePorts(handlers);
  const channel = openPageChannel();
  const posted = vi.spyOn(backgroundEnd!, 'postMessage');
  const final = await channel.request('bg:article', article);
  expect(final.spans).toEqual([iran, russia]);
  // Only the final answer crossed.
  expect(posted).toHaveBeenCalledTimes(1);
  expect(posted.mock.calls[0]![0]).not.toHaveProperty('early');
});

test('a malformed request on the port is never handed to a handler', async () => {
  const handler = vi.fn(() => ({ spans: [] }));
  handlePorts({ 'bg:article': handler });
  openPageChannel();
  backgroundEnd!.peer!.postMessage({ id: 1, envelope: { name: 'bg:article', data: { ...article, blocks: [42] } } });
  backgroundEnd!.peer!.postMessage({ id: 2, envelope: { name: 'bg:drop-everything', data: {} } });
  await new Promise((done) => setTimeout(done, 10));
  expect(handler).not.toHaveBeenCalled();
});

test('a request the port leaves unanswered (the background stopped) is sent again by sendMessage', async () => {
  handlePorts({ 'bg:article': () => new Promise(() => undefined) });
  const sendMessage = vi
    .spyOn(fakeBrowser.runtime, 'sendMessage')
    .mockResolvedValue({ ok: true, value: { spans: [iran] } } as never);
  const channel = openPageChannel();
  const answer = channel.request('bg:article', article);
  await new Promise((done) => setTimeout(done, 5));
  backgroundEnd!.disconnect();
  await expect(answer).resolves.toEqual({ spans: [iran] });
  expect(sendMessage).toHaveBeenCalledWith({ name: 'bg:article', data: article });
});

test('a port let go as the page enters the back/forward cache: what waited goes by sendMessage, the next request opens a new port', async () => {
  let answering = false;
  handlePorts({ 'bg:article': () => (answering ? { spans: [russia] } : new Promise(() => undefined)) });
  const sendMessage = vi
    .spyOn(fakeBrowser.runtime, 'sendMessage')
    .mockResolvedValue({ ok: true, value: { spans: [iran] } } as never);
  const channel = openPageChannel();
  const waiting = channel.request('bg:article', article);
  const first = backgroundEnd!;
  // Chrome closes the port in the cache without telling the page: an answer on it never comes.
  first.peer!.postMessage = () => undefined;
  channel.release();
  await expect(waiting).resolves.toEqual({ spans: [iran] });
  expect(sendMessage).toHaveBeenCalledTimes(1);
  // The page is back: its next request goes through a port of its own, and is answered.
  answering = true;
  await expect(channel.request('bg:article', article)).resolves.toEqual({ spans: [russia] });
  expect(fakeBrowser.runtime.connect).toHaveBeenCalledTimes(2);
  expect(backgroundEnd).not.toBe(first);
  expect(sendMessage).toHaveBeenCalledTimes(1);
});
