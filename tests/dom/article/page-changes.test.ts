// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test } from 'vitest';
import { collectTextBlocks, type TextBlock } from '../../../lib/article';
import type { PaintSpan } from '../../../lib/messaging/protocol';
import { blockChanges, carrySpans } from '../../../services/page-changes';

let root: HTMLElement;
let blocks: TextBlock[];
let observer: MutationObserver;
let records: MutationRecord[];

beforeEach(() => {
  document.body.innerHTML = '';
  root = document.createElement('article');
  for (const text of ['Iran and Russia met in Tehran.', 'Habibollah Sayyari spoke.', 'The navy sailed.']) {
    const p = document.createElement('p');
    p.textContent = text;
    root.append(p);
  }
  document.body.append(root);
  blocks = collectTextBlocks(root);
  records = [];
  observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
});

afterEach(() => observer.disconnect());

/** The records of what the page did, as the content script's observer sees them. */
async function changes(roots: Element[] = [root], read: TextBlock[] = blocks) {
  await Promise.resolve();
  records.push(...observer.takeRecords());
  return blockChanges(records, roots, read, (node) => roots.some((r) => r.contains(node)));
}

test('an appended paragraph is the only block read; the others stay the very same blocks', async () => {
  const p = document.createElement('p');
  p.textContent = 'Update: Sergei Shoigu arrived.';
  root.append(p);
  const result = (await changes())!;
  expect(result.added.map((b) => b.text)).toEqual(['Update: Sergei Shoigu arrived.']);
  expect(result.dropped).toEqual([]);
  expect(result.blocks.slice(0, 3)).toEqual(blocks);
  expect(result.blocks[0]).toBe(blocks[0]);
  expect(result.blocks.map((b) => b.text).at(-1)).toBe('Update: Sergei Shoigu arrived.');
});

test('a paragraph inserted in the middle lands in reading order', async () => {
  const p = document.createElement('p');
  p.textContent = 'Inserted.';
  root.insertBefore(p, root.children[1]!);
  const result = (await changes())!;
  expect(result.blocks.map((b) => b.text)).toEqual([
    'Iran and Russia met in Tehran.',
    'Inserted.',
    'Habibollah Sayyari spoke.',
    'The navy sailed.',
  ]);
});

test('edited text re-reads its block alone, and the old block is dropped', async () => {
  (root.children[1]!.firstChild as Text).data = 'Habibullah Sayyari spoke again.';
  const result = (await changes())!;
  expect(result.dropped).toEqual([blocks[1]]);
  expect(result.added.map((b) => b.text)).toEqual(['Habibullah Sayyari spoke again.']);
  expect(result.blocks[0]).toBe(blocks[0]);
  expect(result.blocks[2]).toBe(blocks[2]);
});

test('a removed paragraph drops its block and reads nothing', async () => {
  root.children[0]!.remove();
  const result = (await changes())!;
  expect(result.dropped).toEqual([blocks[0]]);
  expect(result.added).toEqual([]);
  expect(result.blocks).toEqual([blocks[1], blocks[2]]);
});

test('inline content added to a paragraph re-reads that paragraph', async () => {
  const em = document.createElement('em');
  em.textContent = ' (Iran)';
  root.children[2]!.append(em);
  const result = (await changes())!;
  expect(result.dropped).toEqual([blocks[2]]);
  expect(result.added.map((b) => b.text)).toEqual(['The navy sailed. (Iran)']);
});

test('a share box or a form the page adds is not read as article text', async () => {
  const aside = document.createElement('aside');
  aside.innerHTML = '<p>Share this story with Russia</p>';
  const share = document.createElement('div');
  share.className = 'share-bar';
  share.innerHTML = '<p>Share on social media</p>';
  root.append(aside, share);
  const result = (await changes())!;
  expect(result.added.map((b) => b.text)).toEqual([]);
  expect(result.blocks).toEqual(blocks);
});

test('changes outside the article are ignored; a detached article asks for a whole new reading', async () => {
  const elsewhere = document.createElement('p');
  elsewhere.textContent = 'Sidebar text';
  document.body.append(elsewhere);
  expect((await changes())!.blocks).toEqual(blocks);
  records = [];
  root.remove();
  expect(await changes()).toBeNull();
});

test('blank text and empty elements the page adds read nothing again', async () => {
  root.append(document.createTextNode('\n  '), document.createElement('br'), document.createElement('span'));
  const result = (await changes())!;
  expect(result.added).toEqual([]);
  expect(result.dropped).toEqual([]);
});

test('the next story an infinite scroll appends after the article is read as a new root; a banner is not', async () => {
  const feed = document.createElement('main');
  root.replaceWith(feed);
  feed.append(root);
  records = [];
  await changes();
  records = [];
  const next = document.createElement('article');
  const p = document.createElement('p');
  p.textContent = 'Gilles Carbonnier met the International Committee of the Red Cross.';
  next.append(p);
  const banner = document.createElement('div');
  banner.className = 'cookie-banner';
  banner.textContent = 'We use cookies to improve your experience on this site.';
  feed.append(next);
  document.body.append(banner);
  const result = (await changes())!;
  expect(result.grown).toEqual([next]);
  expect(result.added.map((b) => b.text)).toEqual(['Gilles Carbonnier met the International Committee of the Red Cross.']);
  expect(result.blocks.slice(0, 3)).toEqual(blocks);

  // Once a root, its removal drops its blocks.
  records = [];
  next.remove();
  expect((await changes([root, next], result.blocks))!.blocks).toEqual(blocks);
});

/** A span on block `block`, at its start. */
const spanOn = (block: number, entityId = `e${block}`): PaintSpan => ({ block, start: 0, end: 4, entityId, type: 'person' });

test('spans follow their blocks: a dropped block takes its spans, later blocks are renumbered', async () => {
  const spans = [spanOn(0), spanOn(1), spanOn(2)];
  root.children[1]!.remove();
  const result = (await changes())!;
  const carried = carrySpans(blocks, result.blocks, spans);
  expect(carried.map((s) => [s.entityId, s.block])).toEqual([
    ['e0', 0],
    ['e2', 1],
  ]);
  expect(carried[0]).toBe(spans[0]);
  // The input is not changed: the page may still be painting from it.
  expect(spans.map((s) => s.block)).toEqual([0, 1, 2]);
});

test('an insertion renumbers the spans below it and keeps those above as they are', async () => {
  const spans = [spanOn(2), spanOn(0)];
  const p = document.createElement('p');
  p.textContent = 'Inserted.';
  root.insertBefore(p, root.children[1]!);
  const carried = carrySpans(blocks, (await changes())!.blocks, spans);
  expect(carried.map((s) => [s.entityId, s.block])).toEqual([
    ['e2', 3],
    ['e0', 0],
  ]);
  expect(carried[1]).toBe(spans[1]);
});

test('an append keeps the very same spans: a live blog copies nothing', async () => {
  const spans = [spanOn(0), spanOn(2)];
  const p = document.createElement('p');
  p.textContent = 'Update: Sergei Shoigu arrived.';
  root.append(p);
  expect(carrySpans(blocks, (await changes())!.blocks, spans)).toBe(spans);
});
