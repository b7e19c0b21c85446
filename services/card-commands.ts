/**
 * Keyboard navigation through the article's names: the manifest's `commands` (so the reader can
 * rebind them in the browser's shortcut settings) are relayed to the active tab's content script
 * as `tab:navigate`, which moves to the next or previous mention and opens its card.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from './messaging';

/** Command names as declared in wxt.config.ts, with the direction each moves in. */
export const NAVIGATION_COMMANDS: Readonly<Record<string, 1 | -1>> = {
  'next-mention': 1,
  'previous-mention': -1,
};

/** Relays `command` to the active tab; false when it is not a navigation command or no tab answers. */
export async function relayCommand(command: string, tabId?: number): Promise<boolean> {
  const direction = NAVIGATION_COMMANDS[command];
  if (!direction) return false;
  const id = tabId ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (id === undefined) return false;
  try {
    return (await sendToTab(id, 'tab:navigate', { direction })).ok;
  } catch {
    return false; // a page the content script does not run on
  }
}

export function relayNavigationCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => void relayCommand(command, tab?.id));
}
