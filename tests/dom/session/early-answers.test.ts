// @vitest-environment happy-dom
/**
 * The background answers an article in steps (services/background-service.ts): the names its
 * knowledge base holds, then every name, discovered ones too, while it journals the reading, then
 * the answer, which repeats the last step. Through the real session over a background the test
 * answers by hand: each step is painted as it comes, and the answer that changes nothing paints
 * nothing again (a repaint takes every highlight down and builds them anew). And the script's
 * first task, which on a huge page already pays for compiling it, does none of the reading.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PaintSpan } from '../../../lib/messaging/protocol';
import { startPageSession } from '../../../services/page-session';
import { startTestSession, type PagePort } from '../../support/page-port';

vi.hoisted(() => {
  (globalThis as unknown as { navigation: EventTarget }).navigation = new EventTarget();
});

const html = readFileSync(path.resolve(__dirname, '../../fixtures/caspian-cooperation.html'), 'utf8');

let ctx: ContentScriptContext;
let highlights: Map<string, Set<Range>>;
let port: PagePort;
/** The page's article requests, by id, with the blocks each sent. */
const asked = () =>
  port.asked.filter((r) => r.name === 'bg:article').map(({ id, data }) => ({ id, blocks: data.blocks as string[] }));
const reply = (message: unknown) => port.reply(message);

/** Spans of `word` in the article's blocks, known or discovered. */
function spansOf(blocks: string[], word: string, discovered = false): PaintSpan[] {
  return blocks.flatMap((text, block) =>
    [...text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))].map((m) => ({
      block,
      start: m.index!,
      end: m.index! + m[0].length,
      entityId: word,
      type: 'place' as const,
      ...(discovered ? { discovered: true } : {}),
    })),
  );
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Each highlight's ranges, as the text they cover. */
const shown = () =>
  Object.fromEntries([...highlights].map(([name, ranges]) => [name, [...ranges].map((r) => r.toString()).sort()]));

beforeEach(() => {
  ({ highlights, port, ctx } = startTestSession(html));
});

afterEach(() => {
  ctx.notifyInvalidated();
  vi.restoreAllMocks();
});

test('each early answer is painted as it comes; the answer repeating the last one paints nothing again', async () => {
  await until(() => asked().length === 1);
  const { id, blocks } = asked()[0]!;
  const known = spansOf(blocks, 'Iran');
  const every = [...known, ...spansOf(blocks, 'Russia', true)].sort((a, b) => a.block - b.block || a.start - b.start);
  expect(known.length).toBeGreaterThan(0);
  expect(every.length).toBeGreaterThan(known.length);

  reply({ id, early: { spans: known } });
  await until(() => highlights.has('dramatis-place'));
  expect(Object.keys(shown())).toEqual(['dramatis-place']);
  expect(performance.getEntriesByName('dramatis:article')).toHaveLength(1);

  // Every name, while the background journals: the discovered ones are painted before the answer.
  reply({ id, early: { spans: every } });
  await until(() => highlights.has('dramatis-place-discovered'));
  const afterEarly = shown();
  const objects = [...highlights.values()];
  expect(afterEarly['dramatis-place-discovered']!.every((text) => text === 'Russia')).toBe(true);

  reply({ id, reply: { ok: true, value: { spans: every } } });
  await pause(100);
  expect(shown()).toEqual(afterEarly);
  // The same Highlight objects: nothing was taken down and built again.
  const now = [...highlights.values()];
  expect(now).toHaveLength(objects.length);
  expect(now.every((h, i) => h === objects[i])).toBe(true);
});

test('a page whose names the knowledge base lacks is painted from the second early answer, with no answer yet', async () => {
  await until(() => asked().length === 1);
  const { id, blocks } = asked()[0]!;
  const discovered = spansOf(blocks, 'Russia', true);
  reply({ id, early: { spans: [] } });
  await pause(50);
  expect(highlights.size).toBe(0);
  expect(performance.getEntriesByName('dramatis:article')).toHaveLength(0);

  reply({ id, early: { spans: discovered } });
  await until(() => highlights.has('dramatis-place-discovered'));
  expect(shown()['dramatis-place-discovered']).toHaveLength(discovered.length);
  expect(performance.getEntriesByName('dramatis:article')).toHaveLength(1);
});

test('an answer that differs from the last early one is painted', async () => {
  await until(() => asked().length === 1);
  const { id, blocks } = asked()[0]!;
  reply({ id, early: { spans: spansOf(blocks, 'Iran') } });
  await until(() => highlights.has('dramatis-place'));
  reply({ id, reply: { ok: true, value: { spans: spansOf(blocks, 'Russia', true) } } });
  await until(() => highlights.has('dramatis-place-discovered') && !highlights.has('dramatis-place'));
});

test('the script’s first task reads nothing of the page: reading starts in a task of its own', () => {
  // A session started here, on a fresh context, with the page's reads counted from its first line.
  ctx.notifyInvalidated();
  const reads = vi.spyOn(document, 'querySelectorAll');
  const read = vi.spyOn(document, 'querySelector');
  ctx = new ContentScriptContext('content');
  startPageSession(ctx, { cardCss: '' });
  expect(reads).not.toHaveBeenCalled();
  expect(read).not.toHaveBeenCalled();
  return until(() => reads.mock.calls.length > 0);
});

test('“analyze anyway” asked while a reading awaits its answer is answered once its own forced reading is, not the one it interrupted', async () => {
  await until(() => asked().length === 1);
  const first = asked()[0]!;
  // The popup's request, relayed by the background to the page (services/background-service.ts).
  let answered: unknown;
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
  void trigger({ name: 'tab:analyze-anyway', data: {} }, { id: fakeBrowser.runtime.id }, (reply: unknown) => {
    answered = reply;
  });
  reply({ id: first.id, reply: { ok: true, value: { spans: spansOf(first.blocks, 'Iran') } } });
  await until(() => asked().length === 2);
  await pause(50);
  // The interrupted reading is answered; the forced one is asked, and the popup still waits for it.
  expect(answered).toBeUndefined();
  const forced = port.asked.filter((r) => r.name === 'bg:article')[1]!;
  expect(forced.data.forced).toBe(true);
  reply({ id: forced.id, reply: { ok: true, value: { spans: spansOf(first.blocks, 'Iran') } } });
  await until(() => answered !== undefined);
  expect(answered).toEqual({ ok: true, value: { ok: true } });
});
