/**
 * Dramatis's colours in one place: the popup and dashboard themes (light and dark, following
 * `prefers-color-scheme`) and the highlight colours painted on pages. `popup.css` and
 * `entrypoints/content/highlights.css` repeat these values; tests/unit/ui/palette.test.ts checks
 * that they match and that each pair meets WCAG 2.2 AA contrast
 * (https://www.w3.org/TR/WCAG22/#contrast-minimum, #non-text-contrast).
 */
import type { EntityType } from '../entities/types';

export type ThemeName = 'light' | 'dark';

/** One theme's colours, keyed by the CSS custom property that carries each (`--bg`, ...). */
export interface Theme extends Record<EntityType, string> {
  /** Page background of the popup and dashboard. */
  bg: string;
  /** Body text. */
  fg: string;
  /** Secondary text: headings of groups, counts, hints. At least 4.5:1, like body text. */
  muted: string;
  /** Hairlines between rows: decorative, carries no information. */
  line: string;
  /** Borders of inputs, selects and buttons: non-text contrast, at least 3:1. */
  border: string;
  /** Links, the primary button, the focus ring. */
  accent: string;
  /** Errors and destructive actions. */
  danger: string;
  /** The skeleton's placeholder bars: decorative. */
  skeleton: string;
}

/**
 * The type colours (`person` ... `event`) are text colours: swatches use them too, so a swatch
 * passes the 4.5:1 text threshold though 3:1 would do for a non-text mark.
 */
export const THEMES: Record<ThemeName, Theme> = {
  light: {
    bg: '#ffffff',
    fg: '#1f2328',
    muted: '#59636e',
    line: '#d1d9e0',
    border: '#818b98',
    accent: '#1d4ed8',
    danger: '#b42318',
    skeleton: '#eef1f4',
    person: '#2563eb',
    organization: '#9333ea',
    place: '#047857',
    group: '#b45309',
    event: '#be185d',
  },
  dark: {
    bg: '#16191d',
    fg: '#e6e8eb',
    muted: '#9aa4ae',
    line: '#30363d',
    border: '#6e7681',
    accent: '#7aa2ff',
    danger: '#ff8a80',
    skeleton: '#262b31',
    person: '#7aa2ff',
    organization: '#c89bff',
    place: '#4fd1a5',
    group: '#f5b14c',
    event: '#f47fb4',
  },
};

/** Which theme colours are read as text (4.5:1) and which are non-text marks (3:1). */
export const TEXT_ROLES = ['fg', 'muted', 'accent', 'danger', 'person', 'organization', 'place', 'group', 'event'] as const;
export const NON_TEXT_ROLES = ['border'] as const;

/**
 * Highlight underline colours, one per type. The page may be light or dark and the content
 * script cannot know which, so each is a mid-tone that keeps 3:1 (non-text contrast) against
 * both white and a near-black page.
 */
export const HIGHLIGHTS: Record<EntityType, string> = {
  person: '#3b82f6',
  organization: '#a855f7',
  place: '#059669',
  group: '#c2680a',
  event: '#db2777',
};

/** The tints under highlighted text: light enough that the page's own text stays legible. */
export const TINT_ALPHA = {
  /** Underline and tint (the default). */
  underlineTint: 0.14,
  /** Tint only: stronger, since it is the only mark. */
  tintOnly: 0.28,
  /** Discovered names: half as strong as known ones. */
  discovered: 0.07,
} as const;

/** The pages the highlights are checked against: white and near-black, with typical text. */
export const REFERENCE_PAGES: Record<ThemeName, { background: string; text: string }> = {
  light: { background: '#ffffff', text: '#222222' },
  dark: { background: '#121212', text: '#e0e0e0' },
};
