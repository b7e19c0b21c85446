/**
 * WCAG 2.x colour contrast: relative luminance, contrast ratio, and alpha compositing (for a
 * tint laid over a page). https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */

export type Rgb = readonly [number, number, number];

/**
 * `#rgb` or `#rrggbb` to its channels (0–255).
 * @example parseHex('#1d4ed8') // [29, 78, 216]
 */
export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`Not a hex colour: ${hex}`);
  const digits = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  const n = parseInt(digits, 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
}

function toRgb(colour: string | Rgb): Rgb {
  return typeof colour === 'string' ? parseHex(colour) : colour;
}

/** WCAG relative luminance: 0 for black, 1 for white. */
export function relativeLuminance(colour: string | Rgb): number {
  const [r, g, b] = toRgb(colour).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The contrast ratio of two colours, from 1 (none) to 21 (black on white).
 * @example contrastRatio('#000', '#fff') // 21
 */
export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `colour` at `alpha` painted over an opaque `background` (sRGB source-over). */
export function composite(colour: string | Rgb, alpha: number, background: string | Rgb): Rgb {
  const fg = toRgb(colour);
  const bg = toRgb(background);
  return fg.map((c, i) => Math.round(c * alpha + bg[i]! * (1 - alpha))) as unknown as Rgb;
}
