/**
 * Reads a file, parses it in the page (off the background, with progress and cancel), then
 * hands the whole result to the background, which applies it in one transaction. A refused or
 * cancelled file changes nothing.
 */
import { exportCsv, exportJson, importEntities, ImportError, isAbortError, MAX_IMPORT_BYTES } from '../../lib/import';
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
    report(
      state(
        'failed',
        `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1e6} MB. Nothing was imported.`,
      ),
    );
    return false;
  }
  report(state('parsing', `Reading ${file.name}…`));
  try {
    const text = await file.text();
    const result = await importEntities(text, {
      fileName: file.name,
      sourceName: file.name,
      signal,
      onProgress: (done, total) => report(state('parsing', `Reading ${file.name}…`, [], done, total)),
    });
    if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
    report(state('saving', `Saving ${result.entities.length} entities…`, [], result.entities.length, result.entities.length));
    const { total } = await sendToBackground('bg:entities-import', { entities: result.entities, mode });
    const skipped = result.skipped ? `, ${result.skipped} records of other kinds skipped` : '';
    report(
      state(
        'done',
        `Imported ${result.entities.length} entities from ${file.name}${skipped}. The knowledge base holds ${total}.`,
        result.warnings.map((w) => w.message),
      ),
    );
    return true;
  } catch (error) {
    if (isAbortError(error)) report(state('cancelled', 'Import cancelled. Nothing was changed.'));
    else if (error instanceof ImportError)
      report(
        state(
          'failed',
          `${file.name} was not imported: ${error.message}. Nothing was changed.`,
          error.issues.map((i) => i.message),
        ),
      );
    else
      report(
        state(
          'failed',
          `${file.name} was not imported: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`,
        ),
      );
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
