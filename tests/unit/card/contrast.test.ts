// The card's text colours meet WCAG 2.2 AA (4.5:1, SC 1.4.3) on its background, light and dark;
// button borders meet the 3:1 of non-text contrast (SC 1.4.11).
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const css = readFileSync(new URL('../../../entrypoints/content/card.css', import.meta.url), 'utf8');

function varsIn(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
}
const light = varsIn(css.slice(css.indexOf('.card {'), css.indexOf('@media (prefers-color-scheme: dark)')));
const dark = varsIn(css.slice(css.indexOf('@media (prefers-color-scheme: dark)')));

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

const TEXT = ['fg', 'muted', 'accent', 'person', 'organization', 'place', 'group', 'event'];

test.each([
  ['light', light],
  ['dark', dark],
])('%s theme: every text colour on the background is at least 4.5:1', (_, theme) => {
  for (const name of TEXT) {
    expect(theme[name], `--${name}`).toBeDefined();
    expect(contrast(theme[name]!, theme.bg!), `--${name} on --bg`).toBeGreaterThanOrEqual(4.5);
  }
});

test.each([
  ['light', light],
  ['dark', dark],
])('%s theme: button borders (--muted) stand out at least 3:1', (_, theme) => {
  expect(contrast(theme.muted!, theme.bg!)).toBeGreaterThanOrEqual(3);
});
