/** The popup's body for one tab, in each of the states an analysis can be in. */
import type { TabAnalysis } from '../lib/messaging/protocol';
import type { ActorAction } from './ActorActions';
import { ActorList } from './ActorList';
import { RelatedList } from './RelatedList';
import { TopicList } from './TopicList';
import { DisplaySettings } from './DisplaySettings';
import type { ReaderSettings } from '../lib/settings/reader-settings';
import { t } from '../services/i18n';

export interface PanelProps {
  analysis: TabAnalysis | null;
  error?: string | null;
  busy?: boolean;
  onAnalyzeAnyway?: () => void;
  onActorAction?: (action: ActorAction) => void;
  /** Scroll the page to the actor's next mention. */
  onReveal?: (entityId: string) => void;
  settings?: ReaderSettings;
  onSettingsChange?: (settings: ReaderSettings) => void;
}

/** A placeholder, not a blank, while the analysis runs: busy for assistive technology. */
function Skeleton() {
  return (
    <div class="skeleton" role="progressbar" aria-busy="true" aria-label={t('panel_analyzing_label')}>
      <div class="bar wide" />
      <div class="bar" />
      <div class="bar" />
      <div class="bar narrow" />
    </div>
  );
}

function NotArticle({ busy, onAnalyzeAnyway }: Pick<PanelProps, 'busy' | 'onAnalyzeAnyway'>) {
  return (
    <div class="state not-article">
      <p>{t('panel_not_article')}</p>
      <button type="button" class="primary" aria-disabled={busy} onClick={busy ? undefined : onAnalyzeAnyway}>
        {busy ? t('panel_analyzing') : t('panel_analyze_anyway')}
      </button>
    </div>
  );
}

/** Failures are part of the popup's content, not an interruption: polite, like every change. */
function Failed({ reason }: { reason: string }) {
  return (
    <p class="state failed" role="status">
      {t('panel_failed', reason)}
    </p>
  );
}

export function Panel({
  analysis,
  error,
  busy,
  onAnalyzeAnyway,
  onActorAction,
  onReveal,
  settings,
  onSettingsChange,
}: PanelProps) {
  if (error) return <Failed reason={error} />;
  if (!analysis || analysis.status === 'pending') return <Skeleton />;
  switch (analysis.status) {
    case 'unsupported':
      return <p class="state unsupported">{t('panel_unsupported')}</p>;
    case 'failed':
      return <Failed reason={analysis.reason ?? t('panel_failed_unknown')} />;
    case 'not-article':
      return <NotArticle busy={busy} onAnalyzeAnyway={onAnalyzeAnyway} />;
    case 'article':
      return (
        <div class="state article">
          <h2 class="article-title" dir="auto">
            {analysis.meta?.title || analysis.title}
          </h2>
          {analysis.meta?.siteName && (
            <p class="site" dir="auto">
              {analysis.meta.siteName}
            </p>
          )}
          {analysis.forced && <p class="note">{t('panel_forced')}</p>}
          {analysis.storeError && (
            <p class="note store-error" role="status">
              {analysis.storeError}
            </p>
          )}
          {settings && onSettingsChange && <DisplaySettings settings={settings} url={analysis.url} onChange={onSettingsChange} />}
          <ActorList actors={analysis.actors} onAction={onActorAction} onReveal={onReveal} />
          <TopicList topics={analysis.topics ?? []} />
          <RelatedList related={analysis.related ?? []} />
        </div>
      );
  }
}
