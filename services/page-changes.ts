/**
 * What a batch of the page's own DOM changes did to the article's blocks: which blocks are gone
 * or were changed (their highlights go), and the blocks read again in their place. Only the
 * changed regions are read: a paragraph appended to a live blog costs that paragraph, not the
 * article. An infinite scroll's next story, appended after the article in the same kind of
 * container, is read as more of it. The painted spans follow their blocks (`carrySpans`).
 */
import { collectRegionBlocks, owningBlock, type TextBlock } from '../lib/article';
import { isSkippedElement } from '../lib/article/exclusions';
import type { PaintSpan } from '../lib/messaging/protocol';

const ELEMENT_NODE = 1;
const DOCUMENT_POSITION_FOLLOWING = 4;

export interface BlockChanges {
  /** The article's blocks after the changes, in reading order. */
  blocks: TextBlock[];
  /** Blocks that are gone or were read again: their highlights must go. */
  dropped: TextBlock[];
  /** Blocks read from the changed regions. */
  added: TextBlock[];
  /** Elements appended after the article that read as more of it (infinite scroll): new roots. */
  grown: Element[];
}

function ownsItsText(node: Node, stop: Element): boolean {
  return node.nodeType === ELEMENT_NODE && owningBlock(node, stop) === node;
}

/** Blank text, an empty element, or one whose content is never read (a script, an aside...). */
function addsNoText(node: Node): boolean {
  if (node.nodeType === ELEMENT_NODE && isSkippedElement(node as Element)) return true;
  return !/\S/.test(node.textContent ?? '');
}

/**
 * Whether `node`, added to `parent` (an ancestor of the article's root), is the next story of an
 * infinite scroll: it follows the article and is the same kind of element as the one holding it
 * there (another `<article>`, or a wrapper of the same class). A cookie banner or an ad appended
 * to the body is not.
 */
function isNextStory(node: Node, parent: Node, root: Element): node is Element {
  if (node.nodeType !== ELEMENT_NODE || !(root.compareDocumentPosition(node) & DOCUMENT_POSITION_FOLLOWING)) return false;
  let peer: Element = root;
  while (peer.parentNode !== parent) peer = peer.parentNode as Element;
  const el = node as Element;
  return el.localName === peer.localName && (el.localName === 'article' || el.className === peer.className) && !addsNoText(el);
}

/** Index of the first block that `el` does not follow, by binary search in reading order. */
function insertionPoint(blocks: readonly TextBlock[], el: Element): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.element.compareDocumentPosition(el) & DOCUMENT_POSITION_FOLLOWING) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The article's blocks after `records`, re-reading only the regions they touched. Null when the
 * article itself is gone (its first root detached): only reading the whole page again can tell.
 * @param roots the article's root, then the stories an infinite scroll appended after it
 * @param inArticle whether a node is in the article (a root, or a block read outside them)
 */
export function blockChanges(
  records: readonly MutationRecord[],
  roots: readonly Element[],
  blocks: readonly TextBlock[],
  inArticle: (node: Node) => boolean,
): BlockChanges | null {
  const root = roots[0]!;
  if (!root.isConnected) return null;
  const regions = new Set<Element>();
  const grown: Element[] = [];
  let removed = false;
  const stopFor = (node: Node): Element =>
    roots.find((r) => r.contains(node)) ?? blocks.find((b) => b.element.contains(node))?.element ?? root;
  for (const record of records) {
    const { target } = record;
    if (!inArticle(target)) {
      // Around the article: an infinite scroll's next story comes, or an earlier one goes.
      if (record.type !== 'childList' || !target.contains(root)) continue;
      removed ||= [...record.removedNodes].some((n) => roots.some((r) => n.contains(r)));
      for (const node of record.addedNodes) if (isNextStory(node, target, root)) grown.push(node);
      continue;
    }
    if (record.type === 'characterData') {
      regions.add(owningBlock(target, stopFor(target)));
      continue;
    }
    if (record.type !== 'childList') continue;
    const stop = stopFor(target);
    if (record.removedNodes.length > 0) {
      removed = true;
      // Text or inline content taken out of a block changes that block; a whole block taken
      // out only drops the blocks it held.
      if ([...record.removedNodes].some((n) => n.nodeType !== ELEMENT_NODE || !ownsItsText(n, stop) || n === stop))
        regions.add(owningBlock(target, stop));
    }
    for (const node of record.addedNodes) {
      if (!node.isConnected || addsNoText(node)) continue;
      regions.add(node.nodeType === ELEMENT_NODE && ownsItsText(node, stop) ? (node as Element) : owningBlock(target, stop));
    }
  }
  if (regions.size === 0 && grown.length === 0 && !removed) return { blocks: [...blocks], dropped: [], added: [], grown };
  // A region inside another is read with it.
  const outer = [...regions].filter((r) => r.isConnected && ![...regions].some((o) => o !== r && o.contains(r)));
  const kept: TextBlock[] = [];
  const dropped: TextBlock[] = [];
  for (const block of blocks) {
    const gone = removed && (!block.element.isConnected || block.nodes.some((n) => !n.isConnected));
    (gone || withinAny(outer, block.element) ? dropped : kept).push(block);
  }
  const added: TextBlock[] = [];
  for (const region of [...outer, ...grown]) {
    const read = collectRegionBlocks(region, grown.includes(region) ? region : stopFor(region));
    if (read.length === 0) continue;
    kept.splice(insertionPoint(kept, region), 0, ...read);
    added.push(...read);
  }
  return { blocks: kept, dropped, added, grown };
}

/**
 * Whether `node` is one of `roots` or inside one. Asked of every block once a frame on a live
 * page: an indexed loop, which makes no garbage (a callback or an iterator per block made a tenth
 * of what the page collected).
 */
export function withinAny(roots: readonly Element[], node: Node): boolean {
  for (let i = 0; i < roots.length; i++) if (roots[i]!.contains(node)) return true;
  return false;
}

/**
 * The `spans` of blocks `before`, placed in `blocks` (the page changed); a dropped block's go.
 * Blocks before the first change keep their place, and so do their spans, as they are: a live
 * blog only appends, and copying its every span ten times a second was most of the garbage the
 * page collected.
 */
export function carrySpans(before: readonly TextBlock[], blocks: readonly TextBlock[], spans: PaintSpan[]): PaintSpan[] {
  let same = 0;
  while (same < blocks.length && same < before.length && blocks[same] === before[same]) same++;
  if (spans.every((s) => s.block < same)) return spans;
  const index = new Map<TextBlock, number>();
  for (let i = same; i < blocks.length; i++) index.set(blocks[i]!, i);
  const carried: PaintSpan[] = [];
  for (const s of spans) {
    const at = s.block < same ? s.block : index.get(before[s.block]!);
    if (at !== undefined) carried.push(at === s.block ? s : { ...s, block: at });
  }
  return carried;
}
