/**
 * Wires the reading memory's settings and the backup: status and storage usage, saving the
 * settings, exporting everything in parts assembled into one downloaded file, importing a
 * backup in parts (replacing asks first), and deleting every stored article (asks first).
 */
import { useEffect, useState } from 'preact/hooks';
import { BackupPanel } from '../../components/BackupPanel';
import { IDLE_IMPORT, type ImportState } from '../../components/ImportPanel';
import { MemorySettingsPanel, type StorageInfo } from '../../components/MemorySettingsPanel';
import { receiveBackup, sendBackup } from '../../lib/dashboard/backup-transfer';
import type { MemorySettings, MemoryStatus } from '../../lib/messaging/protocol';
import { t } from '../../services/i18n';
import { sendToBackground } from '../../services/messaging';
import { useViewFocus } from './view-focus';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Offers `blob` as a download named `name`, through an object URL revoked once it is taken. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Every stored thing as one file: the background's parts, in order, in one Blob. */
export async function exportBackup(): Promise<Blob> {
  const parts = await receiveBackup((request) => sendToBackground('bg:backup-export', request));
  return new Blob(parts, { type: 'application/json' });
}

async function storageEstimate(): Promise<Pick<StorageInfo, 'usage' | 'quota'>> {
  try {
    const estimate = await navigator.storage.estimate();
    return { usage: estimate.usage ?? null, quota: estimate.quota ?? null };
  } catch {
    return { usage: null, quota: null };
  }
}

export interface MemoryViewProps {
  /** Whether the browser granted persistent storage when the dashboard opened. */
  persisted: boolean | null;
  onNotice(text: string): void;
}

export function MemoryView({ persisted, onNotice }: MemoryViewProps) {
  const [status, setStatus] = useState<MemoryStatus | null>(null);
  const [usage, setUsage] = useState<Pick<StorageInfo, 'usage' | 'quota'>>({ usage: null, quota: null });
  const [exporting, setExporting] = useState(false);
  const [exportMessage, setExportMessage] = useState('');
  const [importState, setImportState] = useState<ImportState>(IDLE_IMPORT);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  useViewFocus('view-heading', true);

  async function refresh() {
    try {
      setStatus(await sendToBackground('bg:memory-status', {}));
    } catch (e) {
      onNotice(t('dashboard_failed', message(e)));
    }
    setUsage(await storageEstimate());
  }
  useEffect(() => void refresh(), []);

  async function save(settings: MemorySettings) {
    try {
      setStatus(await sendToBackground('bg:memory-settings', settings));
      onNotice(t('dashboard_memory_saved'));
    } catch (e) {
      onNotice(t('dashboard_failed', message(e)));
    }
  }

  async function runExport() {
    setExporting(true);
    setExportMessage(t('dashboard_backup_exporting'));
    try {
      const blob = await exportBackup();
      download(blob, `dramatis-backup-${new Date().toISOString().slice(0, 10)}.json`);
      setExportMessage(t('dashboard_backup_exported', (blob.size / 1e6).toFixed(1)));
    } catch (e) {
      setExportMessage(t('dashboard_backup_export_failed', message(e)));
    } finally {
      setExporting(false);
    }
  }

  async function runImport(file: File) {
    if (mode === 'replace' && !confirm(t('dashboard_backup_replace_confirm', file.name))) return;
    const progress = (done: number, total: number) =>
      setImportState({ phase: 'saving', done, total, message: t('dashboard_backup_importing', file.name), problems: [] });
    progress(0, 1);
    try {
      const text = await file.text();
      const restored = await sendBackup(text, mode, (request) => sendToBackground('bg:backup-import', request), progress);
      setImportState({
        ...IDLE_IMPORT,
        phase: 'done',
        message: t('dashboard_backup_imported', file.name, restored.entities, restored.articles),
      });
    } catch (e) {
      setImportState({ ...IDLE_IMPORT, phase: 'failed', message: t('dashboard_backup_refused', file.name, message(e)) });
    }
    await refresh();
  }

  async function clearAll() {
    if (!status || !confirm(t('dashboard_clear_confirm', status.articles))) return;
    try {
      await sendToBackground('bg:memory-clear', { confirm: 'delete-all-articles' });
      onNotice(t('dashboard_cleared', status.articles));
    } catch (e) {
      onNotice(t('dashboard_failed', message(e)));
    }
    await refresh();
  }

  return (
    <section class="memory-view" aria-labelledby="view-heading">
      <h2 id="view-heading" tabIndex={-1}>
        {t('dashboard_memory_heading')}
      </h2>
      {status ? (
        <>
          <MemorySettingsPanel
            key={JSON.stringify(status.settings)}
            status={status}
            storage={{ ...usage, persisted }}
            onSave={(s) => void save(s)}
          />
          <BackupPanel
            exporting={exporting}
            exportMessage={exportMessage}
            importState={importState}
            mode={mode}
            onModeChange={setMode}
            onExport={() => void runExport()}
            onFile={(f) => void runImport(f)}
            onClearAll={() => void clearAll()}
            articles={status.articles}
          />
        </>
      ) : (
        <div class="skeleton" role="progressbar" aria-busy="true" aria-label={t('dashboard_loading')} />
      )}
    </section>
  );
}
