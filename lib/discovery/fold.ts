/**
 * The folded form of a name, its identity within an article and what `isSuppressed` compares:
 * lower case, no diacritics, one kind of apostrophe, single spaces.
 */

/**
 * @example foldName('Gilles  Carbonnier’s') // "gilles carbonnier's"
 */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐-―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The initials of a name's words, connectors included (not a possessive "'s"): what an acronym may
 * abbreviate.
 * @example initialsOf(['International', 'Committee', 'of', 'the', 'Red', 'Cross']) // "ICotRC"
 */
export function initialsOf(words: readonly string[]): string {
  return words
    .filter((w) => /^\p{L}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/**
 * Whether `acronym` abbreviates a name with these initials: its letters in order, starting with the
 * first word's, skipping only lower-case connector initials.
 * @example isAcronymOf('ICRC', 'ICotRC') // true
 */
export function isAcronymOf(acronym: string, initials: string): boolean {
  const letters = acronym.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || letters[0] !== initials[0]) return false;
  let i = 0;
  for (const ch of initials) {
    if (i < letters.length && ch.toUpperCase() === letters[i]) i++;
    else if (ch === ch.toUpperCase()) return false;
  }
  return i === letters.length;
}
