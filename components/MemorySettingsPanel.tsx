/**
 * What the reading memory keeps and where it stands: usage, whether the browser keeps the
 * storage for good, how long articles are kept, private windows, and sites never stored.
 * The form checks itself before it hands the settings on.
 */
import { useState } from 'preact/hooks';
import { readRetention, readSites, RETENTION_MAX, type RetentionKind } from '../lib/dashboard/memory-form';
import type { MemorySettings, MemoryStatus } from '../lib/messaging/protocol';
import { t } from '../services/i18n';
import { formatBytes } from './format';

export interface StorageInfo {
  usage: number | null;
  quota: number | null;
  /** Whether the browser keeps the storage under pressure; null when unknown. */
  persisted: boolean | null;
}

export interface MemorySettingsPanelProps {
  status: MemoryStatus;
  storage: StorageInfo;
  onSave(settings: MemorySettings): void;
}

function amountOf(settings: MemorySettings): string {
  const r = settings.retention;
  return r.kind === 'days' ? String(r.days) : r.kind === 'count' ? String(r.count) : '';
}

function Usage({ status, storage }: Pick<MemorySettingsPanelProps, 'status' | 'storage'>) {
  return (
    <dl class="facts usage">
      <dt>{t('dashboard_usage_articles')}</dt>
      <dd>{t('dashboard_usage_articles_value', status.articles, formatBytes(status.bytesPerArticle))}</dd>
      <dt>{t('dashboard_usage_storage')}</dt>
      <dd>
        {storage.usage === null || storage.quota === null
          ? t('dashboard_usage_unknown')
          : t('dashboard_usage_storage_value', formatBytes(storage.usage), formatBytes(storage.quota))}
      </dd>
      <dt>{t('dashboard_usage_persistent')}</dt>
      <dd class="persistence">
        {storage.persisted === null
          ? t('dashboard_usage_unknown')
          : storage.persisted
            ? t('dashboard_usage_persistent_yes')
            : t('dashboard_usage_persistent_no')}
      </dd>
    </dl>
  );
}

export function MemorySettingsPanel({ status, storage, onSave }: MemorySettingsPanelProps) {
  const { settings } = status;
  const [kind, setKind] = useState<RetentionKind>(settings.retention.kind);
  const [amount, setAmount] = useState(amountOf(settings));
  const [storePrivate, setStorePrivate] = useState(settings.storePrivate);
  const [sites, setSites] = useState(settings.excludedSites.join('\n'));
  const [errors, setErrors] = useState<{ retention?: string; sites?: string }>({});

  function submit(event: Event) {
    event.preventDefault();
    const retention = readRetention(kind, amount);
    const excluded = readSites(sites);
    const next = {
      retention: retention.ok
        ? undefined
        : retention.error === 'number'
          ? t('dashboard_retention_not_number')
          : t('dashboard_retention_range', kind === 'days' ? RETENTION_MAX.days : RETENTION_MAX.count),
      sites: excluded.ok ? undefined : t('dashboard_excluded_invalid', excluded.detail ?? ''),
    };
    setErrors(next);
    if (retention.ok && excluded.ok) onSave({ retention: retention.value, storePrivate, excludedSites: excluded.value });
  }

  return (
    <section class="memory-settings" aria-labelledby="memory-settings-heading">
      <h3 id="memory-settings-heading">{t('dashboard_memory_settings')}</h3>
      <Usage status={status} storage={storage} />
      <form class="settings-form" onSubmit={submit} noValidate>
        <fieldset class="retention">
          <legend>{t('dashboard_retention')}</legend>
          {(['all', 'days', 'count'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="retention" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
              {t(`dashboard_retention_${k}`)}
            </label>
          ))}
          {kind !== 'all' && (
            <label>
              {kind === 'days' ? t('dashboard_retention_days_amount') : t('dashboard_retention_count_amount')}
              <input
                type="number"
                name="retention-amount"
                min={1}
                step={1}
                inputMode="numeric"
                value={amount}
                aria-invalid={errors.retention ? true : undefined}
                aria-describedby={errors.retention ? 'retention-error' : undefined}
                onInput={(e) => setAmount(e.currentTarget.value)}
              />
            </label>
          )}
          {errors.retention && (
            <p id="retention-error" class="problems">
              {errors.retention}
            </p>
          )}
        </fieldset>
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={storePrivate}
            aria-describedby="private-hint"
            onChange={(e) => setStorePrivate(e.currentTarget.checked)}
          />{' '}
          {t('dashboard_store_private')}
        </label>
        <p id="private-hint" class="hint">
          {t('dashboard_store_private_hint')}
        </p>
        <label>
          {t('dashboard_excluded_sites')}
          <textarea
            name="excluded-sites"
            rows={4}
            value={sites}
            aria-invalid={errors.sites ? true : undefined}
            aria-describedby={errors.sites ? 'sites-hint sites-error' : 'sites-hint'}
            onInput={(e) => setSites(e.currentTarget.value)}
          />
        </label>
        <p id="sites-hint" class="hint">
          {t('dashboard_excluded_hint')}
        </p>
        {errors.sites && (
          <p id="sites-error" class="problems">
            {errors.sites}
          </p>
        )}
        <div>
          <button type="submit" class="primary">
            {t('dashboard_memory_save')}
          </button>
        </div>
      </form>
    </section>
  );
}
