/** Wires the popup: which tab, its analysis from the background, live updates, actions. */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ActorAction } from '../../components/ActorActions';
import { Panel } from '../../components/Panel';
import type { Entity } from '../../lib/entities/types';
import type { TabAnalysis } from '../../lib/messaging/protocol';
import type { ReaderSettings } from '../../lib/settings/reader-settings';
import { dayFormat } from '../../lib/ui/dates';
import { loadSettings, saveSettings, watchSettings } from '../../services/reader-settings';
import { sendToBackground } from '../../services/messaging';
import { t } from '../../services/i18n';
import { watchTab } from '../../services/tab-analyses';
import { announceAction, announceAnalysis } from './announce';

/** `popup.html?tabId=N` shows tab N; otherwise the active tab of this window. */
async function resolveTabId(): Promise<number> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error(t('panel_no_active_tab'));
  return tab.id;
}

async function entityOf(id: string, fallback: Pick<Entity, 'name' | 'type'>): Promise<Entity> {
  const { entity } = await sendToBackground('bg:entity-get', { id });
  return entity ?? { id, ...fallback, aliases: [], source: { kind: 'discovered' } };
}

/** Carries out a reader's correction of a discovered name through the background. */
async function applyAction(action: ActorAction): Promise<void> {
  const { actor } = action;
  switch (action.kind) {
    case 'promote':
      await sendToBackground('bg:entity-promote', { id: actor.entityId, name: actor.name, type: actor.type });
      return;
    case 'reject':
      await sendToBackground('bg:entity-reject', { id: actor.entityId, name: actor.name });
      return;
    case 'edit': {
      const entity = await entityOf(actor.entityId, actor);
      // The old name stays an alias, so the text that was found still matches.
      const aliases = [...new Set([...entity.aliases, entity.name])].filter((a) => a !== action.name);
      await sendToBackground('bg:entity-save', { entity: { ...entity, name: action.name, type: action.type, aliases } });
      return;
    }
    case 'merge': {
      if (!actor.unsaved) {
        await sendToBackground('bg:entities-merge', { keepId: action.intoId, mergeId: actor.entityId });
        return;
      }
      const into = await entityOf(action.intoId, actor);
      await sendToBackground('bg:entity-save', { entity: { ...into, aliases: [...new Set([...into.aliases, actor.name])] } });
    }
  }
}

export function App() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [analysis, setAnalysis] = useState<TabAnalysis | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [settings, setSettings] = useState<ReaderSettings | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<TabAnalysis | null>(null);
  /** When the background's first answer came, until the frame that shows it is measured. */
  const answeredAt = useRef<number | null>(null);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  /**
   * The tab's analyses as written, in order, counted. The background's answers are reads of the
   * same record, each as it was when read: one that arrives after a newer write was shown would
   * show an older analysis (the page "not an article" again, after it was analyzed), so it is
   * shown only if no write arrived while it was asked.
   */
  const writes = useRef(0);
  async function showAnswer(ask: Promise<TabAnalysis>): Promise<void> {
    const before = writes.current;
    const answer = await ask;
    if (writes.current === before) setAnalysis(answer);
  }

  useEffect(() => {
    const said = announceAnalysis(previous.current, analysis);
    previous.current = analysis;
    if (said) setAnnouncement(said);
  }, [analysis]);

  useEffect(() => {
    resolveTabId().then(setTabId, fail);
    loadSettings().then(setSettings, fail);
    return watchSettings(setSettings);
  }, []);

  useEffect(() => {
    if (tabId === null) return;
    const stop = watchTab(tabId, (written) => {
      writes.current++;
      setAnalysis(written);
    });
    const asked = sendToBackground('bg:get-tab', { tabId }).then((answer) => {
      answeredAt.current ??= performance.now();
      return answer;
    });
    showAnswer(asked).catch(fail);
    // The related articles' dates need a date formatter: made while the background answers, not
    // after. The first one in a fresh process (the popup opened after the background stopped)
    // took 18-28 ms, and the answer then waited that long to show.
    dayFormat();
    return stop;
  }, [tabId]);

  // From the background's answer: `dramatis:popup-render` until the answer is in the DOM (the
  // popup's own work, which `npm run bench` holds to one frame so that the next frame shows it),
  // and `dramatis:popup` until that frame begins (adding the wait for it, up to a frame).
  useLayoutEffect(() => {
    const start = answeredAt.current;
    if (analysis === null || start === null || start < 0) return;
    answeredAt.current = -1;
    performance.measure('dramatis:popup-render', { start, end: performance.now() });
    requestAnimationFrame(() => performance.measure('dramatis:popup', { start, end: performance.now() }));
  }, [analysis]);

  async function analyzeAnyway() {
    if (tabId === null) return;
    setBusy(true);
    try {
      await showAnswer(sendToBackground('bg:analyze-anyway', { tabId }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function act(action: ActorAction) {
    if (tabId === null) return;
    setBusy(true);
    try {
      await applyAction(action);
      await sendToBackground('bg:reanalyze', { tabId });
      setAnnouncement(announceAction(action));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="popup">
      <h1 class="brand">
        <span class="logo" aria-hidden="true">
          ◆
        </span>{' '}
        {t('brand')}
      </h1>
      {/* Present from the start, so changes to it are announced; polite, never assertive. */}
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <Panel
        analysis={analysis}
        error={error}
        busy={busy}
        onAnalyzeAnyway={analyzeAnyway}
        onActorAction={act}
        onReveal={(entityId) => tabId !== null && void sendToBackground('bg:reveal', { tabId, entityId }).catch(fail)}
        settings={settings}
        onSettingsChange={(next) => void saveSettings(next).catch(fail)}
      />
    </main>
  );
}
