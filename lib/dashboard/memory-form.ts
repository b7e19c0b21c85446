/**
 * Validation of the reading memory's settings as the dashboard's form holds them (text fields):
 * a retention of whole days or articles, and the excluded sites as host names.
 */
import type { RetentionPolicy } from '../memory/retention';

export type RetentionKind = RetentionPolicy['kind'];

/** Bounds the form accepts: a century of days, a million articles. */
export const RETENTION_MAX = { days: 36_500, count: 1_000_000 } as const;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: 'number' | 'range' | 'site'; detail?: string };

/**
 * The policy the form describes, or why not.
 * @example readRetention('days', '30') // { ok: true, value: { kind: 'days', days: 30 } }
 * @example readRetention('count', '0') // { ok: false, error: 'range' }
 */
export function readRetention(kind: RetentionKind, amount: string): Checked<RetentionPolicy> {
  if (kind === 'all') return { ok: true, value: { kind: 'all' } };
  const text = amount.trim();
  if (!/^\d+$/.test(text)) return { ok: false, error: 'number' };
  const n = Number(text);
  if (n < 1 || n > RETENTION_MAX[kind]) return { ok: false, error: 'range' };
  return { ok: true, value: kind === 'days' ? { kind, days: n } : { kind, count: n } };
}

const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** One excluded site as a host name: scheme, path, port and a leading `www.` dropped. */
export function siteHost(entry: string): string | null {
  const text = entry.trim().toLowerCase();
  if (!text) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  return HOST.test(host) ? host : null;
}

/**
 * The excluded sites written one per line (or comma-separated), deduplicated, or the first entry
 * that is not a site.
 * @example readSites('https://www.example.com/news\nnews.site') // { ok: true, value: ['example.com', 'news.site'] }
 */
export function readSites(text: string): Checked<string[]> {
  const sites: string[] = [];
  for (const entry of text.split(/[\n,]+/)) {
    if (!entry.trim()) continue;
    const host = siteHost(entry);
    if (!host) return { ok: false, error: 'site', detail: entry.trim() };
    if (!sites.includes(host)) sites.push(host);
  }
  return { ok: true, value: sites };
}
