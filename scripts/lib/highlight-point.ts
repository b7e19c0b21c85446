/**
 * Where a reader would put the pointer to hover a highlighted name: the first painted range
 * reading `text`, scrolled to the middle of the viewport. Shared by the e2e tests and the demo.
 */
import type { Page } from 'puppeteer-core';

export async function highlightPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted: string) => {
    for (const [name, highlight] of CSS.highlights) {
      if (name === 'dramatis-focus') continue;
      for (const range of highlight as unknown as Iterable<Range>) {
        if (range.toString() !== wanted) continue;
        range.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
        const r = range.getClientRects()[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
    }
    return null;
  }, text);
  if (!point) throw new Error(`No highlight reads "${text}"`);
  return point;
}

/** Moves the pointer from a corner onto the name, the way a hand does (the card's intent delay). */
export async function hoverHighlight(page: Page, text: string): Promise<{ x: number; y: number }> {
  await page.mouse.move(5, 5);
  const point = await highlightPoint(page, text);
  await page.mouse.move(point.x - 3, point.y);
  await page.mouse.move(point.x, point.y, { steps: 3 });
  return point;
}
