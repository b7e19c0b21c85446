/**
 * The backup: everything (knowledge base, articles, settings) exported as one JSON file, a file
 * imported back by merging or replacing, with progress and the background's reason when it
 * refuses a file; and deleting every stored article.
 */
import { t } from '../services/i18n';
import type { ImportState } from './ImportPanel';

export interface BackupPanelProps {
  exporting: boolean;
  /** What the last export did, for the status line. */
  exportMessage: string;
  importState: ImportState;
  mode: 'merge' | 'replace';
  onModeChange(mode: 'merge' | 'replace'): void;
  onExport(): void;
  onFile(file: File): void;
  onClearAll(): void;
  articles: number;
}

export function BackupPanel(props: BackupPanelProps) {
  const { importState: state } = props;
  const busy = state.phase === 'saving' || state.phase === 'parsing';
  return (
    <section class="backup-panel" aria-labelledby="backup-heading">
      <h3 id="backup-heading">{t('dashboard_backup')}</h3>
      <p class="hint" id="backup-hint">
        {t('dashboard_backup_hint')}
      </p>
      <div class="row">
        <button type="button" class="export-backup" disabled={props.exporting} onClick={props.onExport}>
          {props.exporting ? t('dashboard_backup_exporting') : t('dashboard_backup_export')}
        </button>
      </div>
      <p role="status" class="export-status">
        {props.exportMessage}
      </p>
      <div class="row">
        <label>
          {t('dashboard_backup_file')}
          <input
            type="file"
            class="backup-file"
            accept=".json,application/json"
            aria-describedby="backup-hint"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) props.onFile(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <fieldset class="mode">
          <legend>{t('dashboard_import_mode')}</legend>
          <label>
            <input
              type="radio"
              name="backup-mode"
              checked={props.mode === 'merge'}
              onChange={() => props.onModeChange('merge')}
            />{' '}
            {t('dashboard_backup_merge')}
          </label>
          <label>
            <input
              type="radio"
              name="backup-mode"
              checked={props.mode === 'replace'}
              onChange={() => props.onModeChange('replace')}
            />{' '}
            {t('dashboard_backup_replace')}
          </label>
        </fieldset>
      </div>
      {busy && (
        <progress
          max={state.total || 1}
          value={state.done}
          aria-label={t('dashboard_backup_progress', state.done, state.total)}
        />
      )}
      <p role="status" class={`backup-status ${state.phase}`}>
        {state.message}
      </p>
      <h3 id="danger-heading">{t('dashboard_clear_heading')}</h3>
      <p class="hint">{t('dashboard_clear_hint')}</p>
      <button type="button" class="danger clear-all" disabled={props.articles === 0} onClick={props.onClearAll}>
        {t('dashboard_clear_all', props.articles)}
      </button>
    </section>
  );
}
