/**
 * What the background knows of each tab, kept in `storage.session` so a service worker that the
 * browser stopped answers the popup at once when it wakes, without asking the page again.
 * Extension pages watch the same keys (`watchTab`) to update as the analysis lands.
 */
import { browser } from 'wxt/browser';
import type { TabAnalysis } from '../lib/messaging/protocol';

const keyOf = (tabId: number) => `tab:${tabId}`;

export async function readTab(tabId: number): Promise<TabAnalysis | undefined> {
  const key = keyOf(tabId);
  const stored = await browser.storage.session.get(key);
  return stored[key] as TabAnalysis | undefined;
}

export async function writeTab(tabId: number, analysis: TabAnalysis): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: analysis });
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

/** Calls `onChange` with each new analysis of tab `tabId`; returns the unsubscribe function. */
export function watchTab(tabId: number, onChange: (analysis: TabAnalysis) => void): () => void {
  const key = keyOf(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const next = changes[key]?.newValue;
    if (area === 'session' && next) onChange(next as TabAnalysis);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
