/**
 * Reads `<meta>` tags once into a lookup keyed by lower-cased property/name/itemprop, so that
 * Open Graph (https://ogp.me), `article:*`, Twitter, Dublin Core and plain name tags are read alike.
 */

/** Lower-cased meta key -> first non-empty content. */
export type MetaTags = ReadonlyMap<string, string>;

/**
 * @example readMetaTags(document).get('og:type') // "article"
 */
export function readMetaTags(doc: Document): MetaTags {
  const tags = new Map<string, string>();
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const content = meta.getAttribute('content')!.trim();
    if (content === '') continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

/** The first of `keys` present in the tags. */
export function firstMeta(tags: MetaTags, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key);
    if (value !== undefined) return value;
  }
  return null;
}

/** True when any tag key starts with `prefix` ("article:" for Open Graph article tags). */
export function hasMetaPrefix(tags: MetaTags, prefix: string): boolean {
  for (const key of tags.keys()) if (key.startsWith(prefix)) return true;
  return false;
}
