/**
 * Countries by name, as a reader's language writes them, through one `Intl.DisplayNames` per
 * locale.
 */
const names = new Map<string, Intl.DisplayNames | null>();

/**
 * The name of the country with ISO 3166-1 alpha-2 code `code` (the browser's locale when
 * `locale` is undefined); the code itself when the locale has no name for it.
 * @example regionName('ir', 'en') // 'Iran'
 */
export function regionName(code: string, locale?: string): string {
  const key = locale ?? '';
  let display = names.get(key);
  if (display === undefined) {
    try {
      display = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region' });
    } catch {
      display = null; // a locale the engine refuses
    }
    names.set(key, display);
  }
  try {
    return display?.of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}
