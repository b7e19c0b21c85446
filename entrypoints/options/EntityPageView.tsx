/** Wires an entity's page (`#actor=<id>`): asks the background for the entity over the reader's articles. */
import { useEffect, useState } from 'preact/hooks';
import { EntityMemoryPage } from '../../components/EntityMemoryPage';
import type { EntityMemory } from '../../lib/messaging/protocol';
import { t } from '../../services/i18n';
import { sendToBackground } from '../../services/messaging';
import { navigate } from './use-route';
import { useTheme } from './use-theme';
import { useViewFocus } from './view-focus';

export function EntityPageView({ id, onNotice }: { id: string; onNotice(text: string): void }) {
  const [memory, setMemory] = useState<EntityMemory | null>(null);
  const [failed, setFailed] = useState(false);
  const theme = useTheme();
  useViewFocus('view-heading', memory !== null || failed);

  useEffect(() => {
    sendToBackground('bg:memory-entity', { id }).then(setMemory, (e) => {
      setFailed(true);
      onNotice(t('dashboard_failed', e instanceof Error ? e.message : String(e)));
    });
  }, [id]);

  if (failed || (memory && !memory.entity && memory.mentions.length === 0))
    return (
      <section aria-labelledby="view-heading">
        <h2 id="view-heading" tabIndex={-1}>
          {t('dashboard_not_found', id)}
        </h2>
      </section>
    );
  if (!memory) return <div class="skeleton" role="progressbar" aria-busy="true" aria-label={t('dashboard_loading')} />;
  return (
    <EntityMemoryPage id={id} memory={memory} theme={theme} onOpenEntity={(next) => navigate({ view: 'entity', id: next })} />
  );
}
