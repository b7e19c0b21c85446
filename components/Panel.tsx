/** The popup's body for one tab, in each of the states an analysis can be in. */
import type { TabAnalysis } from '../lib/messaging/protocol';
import type { ActorAction } from './ActorActions';
import { ActorList } from './ActorList';
import { TopicList } from './TopicList';
import { DisplaySettings } from './DisplaySettings';
import type { ReaderSettings } from '../lib/settings/reader-settings';

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

function Skeleton() {
  return (
    <div class="skeleton" aria-busy="true" aria-label="Analyzing this page">
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
      <p>This page does not look like an article, so nothing was highlighted.</p>
      <button type="button" class="primary" disabled={busy} onClick={onAnalyzeAnyway}>
        {busy ? 'Analyzing…' : 'Analyze this page anyway'}
      </button>
    </div>
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
  if (error)
    return (
      <p class="state failed" role="alert">
        Analysis failed: {error}
      </p>
    );
  if (!analysis || analysis.status === 'pending') return <Skeleton />;
  switch (analysis.status) {
    case 'unsupported':
      return <p class="state unsupported">{analysis.reason ?? 'Dramatis cannot run on this page.'}</p>;
    case 'failed':
      return (
        <p class="state failed" role="alert">
          Analysis failed: {analysis.reason ?? 'unknown error'}
        </p>
      );
    case 'not-article':
      return <NotArticle busy={busy} onAnalyzeAnyway={onAnalyzeAnyway} />;
    case 'article':
      return (
        <div class="state article">
          <h1 class="article-title">{analysis.meta?.title || analysis.title}</h1>
          {analysis.meta?.siteName && <p class="site">{analysis.meta.siteName}</p>}
          {analysis.forced && <p class="note">Analyzed on request: this page is not an article.</p>}
          {settings && onSettingsChange && <DisplaySettings settings={settings} url={analysis.url} onChange={onSettingsChange} />}
          <ActorList actors={analysis.actors} onAction={onActorAction} onReveal={onReveal} />
          <TopicList topics={analysis.topics ?? []} />
        </div>
      );
  }
}
