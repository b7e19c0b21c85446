/**
 * The extension's user-visible strings live in `locales/<lang>/*.json` fragments (one per area,
 * so the card, the panel and the dashboard are translated and edited apart), in the
 * `messages.json` format of the WebExtensions i18n API. The build merges each language's
 * fragments into `_locales/<lang>/messages.json` (wxt.config.ts); a translation needs no code.
 */

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;

/** Keys the i18n API accepts: ASCII letters, digits and underscores. */
const KEY = /^[A-Za-z0-9_]+$/;

/**
 * Merges fragments into one `messages.json`; a key defined twice, a bad key or an entry without
 * a message is an error naming the fragment.
 * @example mergeMessages({ 'card.json': { card_close: { message: 'Close' } } })
 */
export function mergeMessages(fragments: Record<string, unknown>): Messages {
  const merged: Messages = {};
  const origin = new Map<string, string>();
  for (const [file, fragment] of Object.entries(fragments)) {
    if (typeof fragment !== 'object' || fragment === null || Array.isArray(fragment))
      throw new Error(`${file}: not a JSON object`);
    for (const [key, entry] of Object.entries(fragment)) {
      if (!KEY.test(key)) throw new Error(`${file}: "${key}" is not a valid message name`);
      if (origin.has(key)) throw new Error(`${file}: "${key}" is already defined in ${origin.get(key)}`);
      const message = (entry as MessageEntry | null)?.message;
      if (typeof message !== 'string' || message.length === 0) throw new Error(`${file}: "${key}" has no message`);
      origin.set(key, file);
      merged[key] = entry as MessageEntry;
    }
  }
  return merged;
}

/**
 * Fills `$1`..`$9` and named placeholders the way `browser.i18n.getMessage` does, for the tests'
 * stand-in of that API.
 */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[] = []): string {
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    const value = content.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
    text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), () => value);
  }
  return text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
}
