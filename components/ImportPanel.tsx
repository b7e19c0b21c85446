/** Import and export of the knowledge base: file, mode, progress with cancel, and what went wrong. */
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
      <h2 id="import-heading">Import and export</h2>
      <p class="hint">
        CSV (name, type, aliases, description), Dramatis JSON, OpenSanctions FollowTheMoney JSON lines, or STIX 2.1 bundles.
      </p>
      <div class="row">
        <label>
          File to import
          <input
            type="file"
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
          <legend>Mode</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => onModeChange('merge')} /> Merge with my
            entities
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => onModeChange('replace')} /> Replace
            everything (the file becomes the whole knowledge base)
          </label>
        </fieldset>
      </div>
      {busy(state.phase) && (
        <div class="progress-row">
          <progress max={state.total || 1} value={state.done} aria-label="Import progress" />
          <button type="button" onClick={onCancel}>
            Cancel import
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
          Export JSON
        </button>
        <button type="button" onClick={() => onExport('csv')}>
          Export CSV
        </button>
      </div>
    </section>
  );
}
