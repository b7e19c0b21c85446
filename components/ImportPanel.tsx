/** Import and export of the knowledge base: file, mode, progress with cancel, and what went wrong. */
import { t } from '../services/i18n';

export type ImportPhase = 'idle' | 'parsing' | 'saving' | 'done' | 'failed' | 'cancelled';

export interface ImportState {
  phase: ImportPhase;
  done: number;
  total: number;
  /** What the reader reads: the outcome, or why the file was refused. */
  message: string;
  /** Each problem found, with its place in the file. */
  problems: string[];
}

export interface ImportPanelProps {
  state: ImportState;
  mode: 'merge' | 'replace';
  onModeChange(mode: 'merge' | 'replace'): void;
  onFile(file: File): void;
  onCancel(): void;
  onExport(format: 'json' | 'csv'): void;
}

export const IDLE_IMPORT: ImportState = { phase: 'idle', done: 0, total: 0, message: '', problems: [] };

const busy = (phase: ImportPhase) => phase === 'parsing' || phase === 'saving';

export function ImportPanel({ state, mode, onModeChange, onFile, onCancel, onExport }: ImportPanelProps) {
  return (
    <section class="import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('dashboard_import_heading')}</h2>
      <p class="hint" id="import-hint">
        {t('dashboard_import_hint')}
      </p>
      <div class="row">
        <label>
          {t('dashboard_import_file')}
          <input
            type="file"
            aria-describedby="import-hint"
            accept=".csv,.json,.jsonl,.ndjson,.ftm,.txt"
            disabled={busy(state.phase)}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) onFile(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <fieldset class="mode">
          <legend>{t('dashboard_import_mode')}</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => onModeChange('merge')} />{' '}
            {t('dashboard_import_merge')}
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => onModeChange('replace')} />{' '}
            {t('dashboard_import_replace')}
          </label>
        </fieldset>
      </div>
      {busy(state.phase) && (
        <div class="progress-row">
          <progress max={state.total || 1} value={state.done} aria-label={t('dashboard_import_progress')} />
          <button type="button" onClick={onCancel}>
            {t('dashboard_import_cancel')}
          </button>
        </div>
      )}
      <div role="status" aria-live="polite" class={`import-status ${state.phase}`}>
        {state.message}
      </div>
      {state.problems.length > 0 && (
        <ul class="problems">
          {state.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      <div class="row">
        <button type="button" onClick={() => onExport('json')}>
          {t('dashboard_export_json')}
        </button>
        <button type="button" onClick={() => onExport('csv')}>
          {t('dashboard_export_csv')}
        </button>
      </div>
    </section>
  );
}
