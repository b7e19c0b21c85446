/**
 * Wires the dashboard: the header, the views' navigation and the view the location hash names
 * (entities, the stored articles, an entity's page, an article's page, memory and backup). Asks
 * the browser once to keep the extension's storage for good (`navigator.storage.persist()`).
 */
import { useEffect, useState } from 'preact/hooks';
import { DashboardNav } from '../../components/DashboardNav';
import { t } from '../../services/i18n';
import { ArticlePageView } from './ArticlePageView';
import { ArticlesView } from './ArticlesView';
import { EntitiesView } from './EntitiesView';
import { EntityPageView } from './EntityPageView';
import { MemoryView } from './MemoryView';
import { useRoute } from './use-route';

/** Asks for persistent storage; resolves to whether the storage is persistent, null when unknown. */
async function askPersistence(): Promise<boolean | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist) return null;
  try {
    return await storage.persist();
  } catch {
    return null;
  }
}

export function Dashboard() {
  const route = useRoute();
  const [notice, setNotice] = useState('');
  const [persisted, setPersisted] = useState<boolean | null>(null);

  useEffect(() => {
    void askPersistence().then(setPersisted);
  }, []);

  return (
    <main class="dashboard">
      <h1 class="brand">
        <span class="logo" aria-hidden="true">
          ◆
        </span>{' '}
        {t('brand')} · {t('dashboard_title')}
      </h1>
      <DashboardNav current={route.view} />
      {route.view === 'entities' && <EntitiesView route={route} />}
      {route.view === 'articles' && <ArticlesView route={route} onNotice={setNotice} />}
      {route.view === 'entity' && <EntityPageView key={route.id} id={route.id} onNotice={setNotice} />}
      {route.view === 'article' && <ArticlePageView key={route.id} id={route.id} onNotice={setNotice} />}
      {route.view === 'memory' && <MemoryView persisted={persisted} onNotice={setNotice} />}
      {route.view !== 'entities' && (
        <p role="status" aria-live="polite" class="notice memory-notice">
          {notice}
        </p>
      )}
    </main>
  );
}
