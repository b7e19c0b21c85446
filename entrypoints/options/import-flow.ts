/**
 * Reads a file, parses it in the page (off the background, with progress and cancel), then
 * hands the whole result to the background, which applies it in one transaction. A refused or
 * cancelled file changes nothing.
 */
import { exportCsv, exportJson, importEntities, ImportError, isAbortError, MAX_IMPORT_BYTES } from '../../lib/import';
import { t } from '../../services/i18n';
import { sendToBackground } from '../../services/messaging';
import type { ImportState } from '../../components/ImportPanel';

type Report = (state: ImportState) => void;

const state = (phase: ImportState['phase'], message: string, problems: string[] = [], done = 0, total = 0): ImportState => ({
  phase,
  done,
  total,
  message,
  problems,
});

export async function runImport(file: File, mode: 'merge' | 'replace', signal: AbortSignal, report: Report): Promise<boolean> {
  if (file.size > MAX_IMPORT_BYTES) {
    report(state('failed', t('dashboard_import_too_big', file.name, (file.size / 1e6).toFixed(1), MAX_IMPORT_BYTES / 1e6)));
    return false;
  }
  report(state('parsing', t('dashboard_import_reading', file.name)));
  try {
    const text = await file.text();
    const result = await importEntities(text, {
      fileName: file.name,
      sourceName: file.name,
      signal,
      onProgress: (done, total) => report(state('parsing', t('dashboard_import_reading', file.name), [], done, total)),
    });
    if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
    const count = result.entities.length;
    report(state('saving', t('dashboard_import_saving', count), [], count, count));
    const { total } = await sendToBackground('bg:entities-import', { entities: result.entities, mode });
    const done = result.skipped
      ? t('dashboard_import_done_skipped', count, file.name, result.skipped, total)
      : t('dashboard_import_done', count, file.name, total);
    report(
      state(
        'done',
        done,
        result.warnings.map((w) => w.message),
      ),
    );
    return true;
  } catch (error) {
    if (isAbortError(error)) report(state('cancelled', t('dashboard_import_cancelled')));
    else if (error instanceof ImportError)
      report(
        state(
          'failed',
          t('dashboard_import_failed', file.name, error.message),
          error.issues.map((i) => i.message),
        ),
      );
    else report(state('failed', t('dashboard_import_failed', file.name, error instanceof Error ? error.message : String(error))));
    return false;
  }
}

/** Saves the knowledge base as a file the reader downloads. */
export async function runExport(format: 'json' | 'csv'): Promise<void> {
  const { entities } = await sendToBackground('bg:entities-export', {});
  const text = format === 'json' ? exportJson(entities) : exportCsv(entities);
  const blob = new Blob([text], { type: format === 'json' ? 'application/json' : 'text/csv' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `dramatis-entities-${new Date().toISOString().slice(0, 10)}.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
