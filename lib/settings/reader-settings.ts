/**
 * The reader's display settings: highlighting on or off (globally and per site), the entity types
 * shown, and the highlight style. Pure: the content script, the popup and the dashboard share
 * the rules; `services/reader-settings.ts` keeps the value in `storage.local`.
 */
import { ENTITY_TYPES, isEntityType, type EntityType } from '../entities/types';

export const HIGHLIGHT_STYLES = ['underline-tint', 'underline', 'tint'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export interface ReaderSettings {
  /** Highlighting anywhere at all. */
  enabled: boolean;
  /** Hostnames where the reader turned highlighting off. */
  disabledSites: string[];
  /** Entity types not painted (the panel still lists them). */
  hiddenTypes: EntityType[];
  highlightStyle: HighlightStyle;
}

export const DEFAULT_SETTINGS: ReaderSettings = {
  enabled: true,
  disabledSites: [],
  hiddenTypes: [],
  highlightStyle: 'underline-tint',
};

const MAX_SITES = 10_000;

/** The site a URL belongs to, as the per-site switch keys it: its hostname without `www.`. */
export function siteOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Whether Dramatis paints on `url`. */
export function isHighlightingOn(settings: ReaderSettings, url: string): boolean {
  const site = siteOf(url);
  return settings.enabled && (site === null || !settings.disabledSites.includes(site));
}

/** `settings` with highlighting on `url`'s site switched `on`. */
export function withSite(settings: ReaderSettings, url: string, on: boolean): ReaderSettings {
  const site = siteOf(url);
  if (site === null) return settings;
  const others = settings.disabledSites.filter((s) => s !== site);
  return { ...settings, disabledSites: on ? others : [...others, site] };
}

/**
 * Reads a stored value into settings: anything missing or malformed falls back to the default,
 * field by field, so a damaged value never turns highlighting into an error.
 * @example readSettings(undefined) // DEFAULT_SETTINGS
 */
export function readSettings(value: unknown): ReaderSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const sites = Array.isArray(v.disabledSites) ? v.disabledSites.filter((s): s is string => typeof s === 'string') : [];
  const types = Array.isArray(v.hiddenTypes) ? v.hiddenTypes.filter(isEntityType) : [];
  return {
    enabled: typeof v.enabled === 'boolean' ? v.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: [...new Set(sites)].slice(0, MAX_SITES),
    hiddenTypes: ENTITY_TYPES.filter((t) => types.includes(t)),
    highlightStyle: HIGHLIGHT_STYLES.includes(v.highlightStyle as HighlightStyle)
      ? (v.highlightStyle as HighlightStyle)
      : DEFAULT_SETTINGS.highlightStyle,
  };
}
