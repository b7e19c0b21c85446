/**
 * What a batch of the page's own DOM changes did to the article's blocks: which blocks are gone
 * or were changed (their highlights go), and the blocks read again in their place. Only the
 * changed regions are read: a paragraph appended to a live blog costs that paragraph, not the
 * article.
 */
import { collectRegionBlocks, owningBlock, type TextBlock } from '../lib/article';
import { isSkippedElement } from '../lib/article/exclusions';

const ELEMENT_NODE = 1;
const DOCUMENT_POSITION_FOLLOWING = 4;

export interface BlockChanges {
  /** The article's blocks after the changes, in reading order. */
  blocks: TextBlock[];
  /** Blocks that are gone or were read again: their highlights must go. */
  dropped: TextBlock[];
  /** Blocks read from the changed regions. */
  added: TextBlock[];
}

function ownsItsText(node: Node, stop: Element): boolean {
  return node.nodeType === ELEMENT_NODE && owningBlock(node, stop) === node;
}

/** Blank text, an empty element, or one whose content is never read (a script, an aside...). */
function addsNoText(node: Node): boolean {
  if (node.nodeType === ELEMENT_NODE && isSkippedElement(node as Element)) return true;
  return !/\S/.test(node.textContent ?? '');
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
 * article itself is gone (`root` detached): only reading the whole page again can tell.
 * @param inArticle whether a node is in the article (its root, or a block read outside it)
 */
export function blockChanges(
  records: readonly MutationRecord[],
  root: Element,
  blocks: readonly TextBlock[],
  inArticle: (node: Node) => boolean,
): BlockChanges | null {
  if (!root.isConnected) return null;
  const regions = new Set<Element>();
  let removed = false;
  const stopFor = (node: Node): Element =>
    root.contains(node) ? root : (blocks.find((b) => b.element.contains(node))?.element ?? root);
  for (const record of records) {
    const { target } = record;
    if (!inArticle(target)) continue;
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
  if (regions.size === 0 && !removed) return { blocks: [...blocks], dropped: [], added: [] };
  // A region inside another is read with it.
  const outer = [...regions].filter((r) => r.isConnected && ![...regions].some((o) => o !== r && o.contains(r)));
  const inRegion = (el: Element) => outer.some((r) => r === el || r.contains(el));
  const kept: TextBlock[] = [];
  const dropped: TextBlock[] = [];
  for (const block of blocks) {
    const gone = removed && (!block.element.isConnected || block.nodes.some((n) => !n.isConnected));
    (gone || inRegion(block.element) ? dropped : kept).push(block);
  }
  const added: TextBlock[] = [];
  for (const region of outer) {
    const read = collectRegionBlocks(region, root);
    if (read.length === 0) continue;
    kept.splice(insertionPoint(kept, region), 0, ...read);
    added.push(...read);
  }
  return { blocks: kept, dropped, added };
}
