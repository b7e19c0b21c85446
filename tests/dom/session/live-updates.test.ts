// @vitest-environment happy-dom
/**
 * A changing page's updates (services/page-session.ts): the article is sent again as runs against
 * the text the port sent last, so the blocks the page kept are named and only a new paragraph's
 * text travels; when the background no longer has that text (a new port, a restarted worker), the
 * page sends it whole, and the new paragraph's names are painted either way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BlockRun } from '../../../lib/messaging/block-runs';
import type { PaintSpan } from '../../../lib/messaging/protocol';
import { startTestSession, type PagePort } from '../../support/page-port';

vi.hoisted(() => {
  (globalThis as unknown as { navigation: EventTarget }).navigation = new EventTarget();
});

const html = readFileSync(path.resolve(__dirname, '../../fixtures/caspian-cooperation.html'), 'utf8');
const ADDED = 'Later on Monday, Admiral Kuznetsova arrived in Bandar Abbas.';

let ctx: ContentScriptContext;
let highlights: Map<string, Set<Range>>;
let port: PagePort;

const until = async (check: () => boolean) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};
const answer = (id: number, value: unknown) => port.reply({ id, reply: { ok: true, value } });
const shownTexts = () => [...highlights.values()].flatMap((ranges) => [...ranges].map((r) => r.toString()));

function spanOf(blocks: string[], word: string): PaintSpan {
  const block = blocks.findIndex((b) => b.includes(word));
  const start = blocks[block]!.indexOf(word);
  return { block, start, end: start + word.length, entityId: word, type: 'person' };
}

beforeEach(() => {
  ({ highlights, port, ctx } = startTestSession(html));
});

afterEach(() => {
  ctx.notifyInvalidated();
  vi.restoreAllMocks();
});

/** The first reading answered with no names; then a paragraph appended to the article. */
async function readThenAppend() {
  await until(() => port.asked.length === 1);
  const first = port.asked[0]!;
  expect(first.name).toBe('bg:article');
  const blocks = first.data.blocks as string[];
  answer(first.id, { spans: [] });
  await until(() => performance.getEntriesByName('dramatis:page').length > 0);
  const p = document.createElement('p');
  p.textContent = ADDED;
  document.querySelector('.item-body')!.append(p);
  await until(() => port.asked.length === 2);
  return { first, blocks, update: port.asked[1]! };
}

test('an appended paragraph: the kept blocks are named by the first text’s number, only the new text is sent', async () => {
  const { first, blocks, update } = await readThenAppend();
  expect(update.name).toBe('bg:article-update');
  expect(update.data.base).toBe(first.data.seq);
  expect(update.data.seq).toBeGreaterThan(first.data.seq as number);
  expect(update.data.runs as BlockRun[]).toEqual([[0, blocks.length], ADDED]);
  expect(update.data).not.toHaveProperty('blocks');

  const now = [...blocks, ADDED];
  answer(update.id, { spans: [spanOf(now, 'Kuznetsova')], keep: [[0, blocks.length]] });
  await until(() => shownTexts().includes('Kuznetsova'));
});

test('the blocks an update keeps keep their highlights; those it sends anew are painted anew', async () => {
  await until(() => port.asked.length === 1);
  const first = port.asked[0]!;
  const blocks = first.data.blocks as string[];
  const word = blocks[0]!.split(/\s+/).find((w) => /^[A-Z][a-z]{3,}$/.test(w))!;
  const other = blocks[1]!.split(/\s+/).find((w) => /^[A-Z][a-z]{3,}$/.test(w))!;
  answer(first.id, { spans: [spanOf(blocks, word), spanOf(blocks, other)] });
  await until(() => shownTexts().length === 2);
  const before = [...highlights.values()].flatMap((h) => [...h]);
  const p = document.createElement('p');
  p.textContent = ADDED;
  document.querySelector('.item-body')!.append(p);
  await until(() => port.asked.length === 2);
  const now = [...blocks, ADDED];
  // Block 0 kept; block 1 sent with no names now (the reader marked one "not here"); the new block's name.
  answer(port.asked[1]!.id, {
    spans: [spanOf(now, 'Kuznetsova')],
    keep: [
      [0, 1],
      [2, blocks.length - 2],
    ],
  });
  await until(() => shownTexts().includes('Kuznetsova'));
  expect(shownTexts().sort()).toEqual([word, 'Kuznetsova'].sort());
  // Block 0's highlight is the very Range painted before: it was not taken down and built again.
  const after = [...highlights.values()].flatMap((h) => [...h]);
  expect(after.filter((r) => before.includes(r)).map((r) => r.toString())).toEqual([word]);
});

test('an unknown base: the article is sent whole, and its names painted', async () => {
  const { blocks, update } = await readThenAppend();
  answer(update.id, { unknownBase: true });
  await until(() => port.asked.length === 3);
  const whole = port.asked[2]!;
  expect(whole.name).toBe('bg:article');
  expect(whole.data.blocks).toEqual([...blocks, ADDED]);
  expect(whole.data.seq).toBeGreaterThan(update.data.seq as number);
  answer(whole.id, { spans: [spanOf(whole.data.blocks as string[], 'Kuznetsova')] });
  await until(() => shownTexts().includes('Kuznetsova'));
});
