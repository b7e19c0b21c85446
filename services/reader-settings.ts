/**
 * The reader's display settings in `storage.local`: read by the content script (what to paint)
 * and written by the popup and the dashboard; every context watches the one key.
 */
import { browser } from 'wxt/browser';
import { readSettings, type ReaderSettings } from '../lib/settings/reader-settings';

const KEY = 'settings';

export async function loadSettings(): Promise<ReaderSettings> {
  return readSettings((await browser.storage.local.get(KEY))[KEY]);
}

export async function saveSettings(settings: ReaderSettings): Promise<void> {
  await browser.storage.local.set({ [KEY]: readSettings(settings) });
}

/** Calls `onChange` with the settings each time they change; returns the unsubscribe function. */
export function watchSettings(onChange: (settings: ReaderSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) onChange(readSettings(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
