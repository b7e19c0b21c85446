/**
 * Stable entity ids. A file's own ids win (prefixed by format so an FtM id never collides with a
 * STIX one); otherwise the id is derived from type and folded name, so re-importing the same list,
 * or typing the same person by hand, lands on the same id instead of a duplicate.
 */
import type { EntityType } from '../entities/types';
import { foldText } from '../matcher/normalize';

const MAX_SLUG = 80;

/**
 * The spelling key two names share when the matcher would treat them as the same
 * (case, accents, quote styles and spacing folded).
 */
export function nameKey(name: string): string {
  return foldText(name).text.trim();
}

/** FNV-1a over UTF-16 units, base 36: a short stable tag for names that leave no slug. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** Letters and digits of any script, joined by single hyphens. */
function slugOf(name: string): string {
  const slug = nameKey(name)
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return [...slug].slice(0, MAX_SLUG).join('').replace(/-+$/, '');
}

/**
 * The id of an entity that has none of its own.
 * @example
 * deriveEntityId('person', 'Habibollah Sayyari') // 'user:person:habibollah-sayyari'
 * deriveEntityId('person', 'حبیب‌الله سیاری')     // 'user:person:حبيبالله-سياري' (folded like the matcher)
 */
export function deriveEntityId(type: EntityType, name: string): string {
  return `user:${type}:${slugOf(name) || shortHash(name)}`;
}
