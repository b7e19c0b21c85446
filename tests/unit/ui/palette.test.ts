/**
 * The palette meets WCAG 2.2 AA (https://www.w3.org/TR/WCAG22/#contrast-minimum: 4.5:1 for text;
 * #non-text-contrast: 3:1 for marks and control borders), and the stylesheets carry its values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ENTITY_TYPES } from '../../../lib/entities/types';
import { composite, contrastRatio, parseHex, relativeLuminance } from '../../../lib/ui/contrast';
import {
  HIGHLIGHTS,
  NON_TEXT_ROLES,
  REFERENCE_PAGES,
  TEXT_ROLES,
  THEMES,
  TINT_ALPHA,
  type ThemeName,
} from '../../../lib/ui/palette';

const ROOT = join(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const THEME_NAMES = Object.keys(THEMES) as ThemeName[];

describe('contrast maths', () => {
  test.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#767676', '#ffffff', 4.54],
  ])('%s on %s is %f:1', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
  });

  test('parses short and long hex, and composites a tint', () => {
    expect(parseHex('#fff')).toEqual([255, 255, 255]);
    expect(parseHex('#1d4ed8')).toEqual([29, 78, 216]);
    expect(relativeLuminance('#000')).toBe(0);
    expect(composite('#000000', 0.5, '#ffffff')).toEqual([128, 128, 128]);
    expect(() => parseHex('blue')).toThrow();
  });
});

describe.each(THEME_NAMES)('%s theme', (name) => {
  const theme = THEMES[name];
  test.each(TEXT_ROLES.map((role) => [role]))('%s text is at least 4.5:1 on the background', (role) => {
    expect(contrastRatio(theme[role], theme.bg)).toBeGreaterThanOrEqual(4.5);
  });
  test.each(NON_TEXT_ROLES.map((role) => [role]))('%s is at least 3:1 on the background', (role) => {
    expect(contrastRatio(theme[role], theme.bg)).toBeGreaterThanOrEqual(3);
  });
  test('the primary button’s text (the background colour on the accent) is at least 4.5:1', () => {
    expect(contrastRatio(theme.bg, theme.accent)).toBeGreaterThanOrEqual(4.5);
  });
});

describe.each(ENTITY_TYPES)('%s highlights', (type) => {
  const colour = HIGHLIGHTS[type];
  test.each(THEME_NAMES)('the underline is at least 3:1 on a %s page, tinted or not', (page) => {
    const { background } = REFERENCE_PAGES[page];
    expect(contrastRatio(colour, background)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(colour, composite(colour, TINT_ALPHA.underlineTint, background))).toBeGreaterThanOrEqual(3);
  });
  test.each(THEME_NAMES)('the page’s own text stays at least 4.5:1 under the strongest tint, on a %s page', (page) => {
    const { background, text } = REFERENCE_PAGES[page];
    expect(contrastRatio(text, composite(colour, TINT_ALPHA.tintOnly, background))).toBeGreaterThanOrEqual(4.5);
  });
});

/** `--name: value` declarations of one CSS block. */
function customProperties(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]!.trim()]));
}

test('popup.css (the popup and dashboard) declares the palette’s themes', () => {
  const css = read('entrypoints/popup/popup.css');
  const [light, dark] = css.split('@media (prefers-color-scheme: dark)') as [string, string];
  expect(customProperties(/:root\s*\{([^}]*)\}/.exec(light)![1]!)).toEqual(THEMES.light);
  expect(customProperties(/:root\s*\{([^}]*)\}/.exec(dark)![1]!)).toEqual(THEMES.dark);
});

test('the dashboard’s stylesheet takes its colours from the palette’s properties', () => {
  expect(read('entrypoints/options/dashboard.css')).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
});

test('highlights.css paints each type in the palette’s colour, underlines opaque, tints light', () => {
  const css = read('entrypoints/content/highlights.css');
  const tints = new Set<number>(Object.values(TINT_ALPHA));
  let checked = 0;
  for (const [, selector, body] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const type = ENTITY_TYPES.find((t) => new RegExp(`dramatis-${t}\\b`).test(selector!));
    if (!type) continue;
    for (const [, property, r, g, b, alpha] of body!.matchAll(/([\w-]+):[^;]*?rgb\((\d+) (\d+) (\d+) \/ ([\d.]+)\)/g)) {
      expect([Number(r), Number(g), Number(b)], selector).toEqual(parseHex(HIGHLIGHTS[type]));
      if (property === 'text-decoration') expect(Number(alpha), selector).toBe(1);
      else expect(tints.has(Number(alpha)), `${selector}: ${alpha}`).toBe(true);
      checked++;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(ENTITY_TYPES.length * 12);
});
