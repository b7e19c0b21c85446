/**
 * Untrusted strings from a file stay data: they are never parsed as markup, only stripped of
 * control characters (C0/C1, keeping tab and newline where text may span lines) and trimmed.
 * Format characters such as ZWNJ stay: Persian names need them.
 */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const WHITESPACE_RUN = /\s+/g;

/** A name or alias: control characters dropped, whitespace (newlines too) collapsed to one space, trimmed. */
export function cleanName(value: string): string {
  return value.replace(/\r/g, ' ').replace(CONTROL, '').replace(WHITESPACE_RUN, ' ').trim();
}

/** A free text (description, role): line breaks normalized to `\n`, other control characters dropped, trimmed. */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** Names cleaned, empties and exact duplicates dropped, first spelling first. */
export function cleanNames(values: Iterable<string>, exclude?: string): string[] {
  const seen = new Set<string>(exclude === undefined ? [] : [exclude]);
  const out: string[] = [];
  for (const raw of values) {
    const name = cleanName(raw);
    if (name && !seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

/**
 * The first `max` code units of `value`, one fewer when the cut would split a surrogate pair
 * (half an emoji is not text: it shows as a replacement character).
 * @example
 * clipText('ab😀', 3) // 'ab'
 */
export function clipText(value: string, max: number): string {
  const unit = value.charCodeAt(max - 1);
  return value.slice(0, unit >= 0xd800 && unit <= 0xdbff ? max - 1 : max);
}

/**
 * Cuts a third-party text to `max` code units at a word boundary, marking the cut with an ellipsis.
 * @example
 * truncateText('Owner of LLC CST and chairman', 16) // 'Owner of LLC…'
 */
export function truncateText(value: string, max: number): string {
  if (value.length <= max) return value;
  const head = clipText(value, max - 1);
  const space = head.search(/\s\S*$/);
  const cut = space > max / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.-]+$/, '')}…`;
}

/** An ISO 3166-1 alpha-2 code in upper case, or undefined when `value` is not two ASCII letters. */
export function toCountryCode(value: string): string | undefined {
  const code = value.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : undefined;
}

/** A Wikidata item id ("Q794"), or undefined. Accepts a full entity URL too. */
export function toQid(value: string): string | undefined {
  const match = /^(?:https?:\/\/(?:www\.)?wikidata\.org\/(?:wiki|entity)\/)?(Q[1-9]\d*)$/i.exec(value.trim());
  return match ? match[1]!.toUpperCase() : undefined;
}
