/**
 * The dashboard's deep link: `options.html#entity=<id>` opens that entity in the editor (the
 * hover card's "edit" action links there). The id is URI-encoded, since ids hold colons.
 */

/**
 * The entity id a location hash asks for, or null.
 * @example entityIdFromHash('#entity=country%3Air') // 'country:ir'
 */
export function entityIdFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('entity');
  return value ? value : null;
}
