/** Wires the popup: which tab, its analysis from the background, live updates, actions. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Panel } from '../../components/Panel';
import type { TabAnalysis } from '../../lib/messaging/protocol';
import { sendToBackground } from '../../services/messaging';
import { watchTab } from '../../services/tab-analyses';

/** `popup.html?tabId=N` shows tab N; otherwise the active tab of this window. */
async function resolveTabId(): Promise<number> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('No active tab');
  return tab.id;
}

export function App() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [analysis, setAnalysis] = useState<TabAnalysis | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  useEffect(() => {
    resolveTabId().then(setTabId, fail);
  }, []);

  useEffect(() => {
    if (tabId === null) return;
    const stop = watchTab(tabId, setAnalysis);
    sendToBackground('bg:get-tab', { tabId }).then(setAnalysis, fail);
    return stop;
  }, [tabId]);

  async function analyzeAnyway() {
    if (tabId === null) return;
    setBusy(true);
    try {
      setAnalysis(await sendToBackground('bg:analyze-anyway', { tabId }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="popup">
      <header class="brand">
        <span class="logo" aria-hidden="true">
          ◆
        </span>{' '}
        Dramatis
      </header>
      <Panel analysis={analysis} error={error} busy={busy} onAnalyzeAnyway={analyzeAnyway} />
    </main>
  );
}
