/**
 * The import entry point: detects the format, reads the records in chunks, and either returns
 * every entity or refuses the whole file. The async variant yields to the event loop between
 * chunks so the dashboard stays responsive, reports progress, and stops on an AbortSignal.
 */
import type { EntitySource } from '../entities/types';
import { createCollector, type RecordStream } from './collector';
import { readCsv } from './csv-import';
import { EXPECTED_FORMATS, sniffFormat, type Sniffed } from './detect-format';
import { readDramatisJson } from './dramatis-json';
import { readFtm } from './ftm-import';
import { fail, ImportError, type ImportFormat, type ImportResult } from './import-error';
import { parseJson } from './json-text';
import { IMPORT_CHUNK_SIZE, MAX_IMPORT_BYTES, MAX_IMPORT_RECORDS } from './limits';
import { readStix } from './stix-import';

/** How to read a file. */
export interface ImportOptions {
  /** Skips detection when given. */
  format?: ImportFormat;
  /** Used for detection hints and as the default `sourceName`. */
  fileName?: string;
  /** Recorded as `source: { kind: 'import', name }` (Dramatis JSON keeps its own sources). */
  sourceName?: string;
  signal?: AbortSignal;
  /** Records read so far and in all; called between chunks and once at the end. */
  onProgress?: (done: number, total: number) => void;
}

function chooseFormat(text: string, options: ImportOptions): Sniffed {
  if (options.format) return { format: options.format };
  const sniffed = sniffFormat(options.fileName ?? '', text);
  if (sniffed.format) return sniffed;
  if (sniffed.jsonError) throw sniffed.jsonError;
  return fail({}, `This file is not a format Dramatis can import: ${sniffed.reason} (${EXPECTED_FORMATS})`);
}

function jsonOf(text: string, sniffed: Sniffed): unknown {
  if (sniffed.jsonError) throw sniffed.jsonError;
  return sniffed.json !== undefined ? sniffed.json : parseJson(text);
}

function openStream(text: string, options: ImportOptions): RecordStream {
  if (text.length > MAX_IMPORT_BYTES) fail({}, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  if (!text.trim()) fail({}, 'The file is empty');
  const sniffed = chooseFormat(text, options);
  const source: EntitySource = { kind: 'import', name: options.sourceName ?? options.fileName ?? 'import' };
  switch (sniffed.format) {
    case 'csv':
      return readCsv(text, source);
    case 'ftm':
      return readFtm(text, source);
    case 'stix':
      return readStix(jsonOf(text, sniffed), source);
    default:
      return readDramatisJson(jsonOf(text, sniffed));
  }
}

/** The import as steps: yields `[done, total]` at each chunk boundary, returns the result. */
function* runImport(raw: string, options: ImportOptions): Generator<[number, number], ImportResult> {
  const text = raw.replace(/^\uFEFF/, '');
  const stream = openStream(text, options);
  if (stream.total > MAX_IMPORT_RECORDS) {
    fail(
      {},
      `The file holds ${stream.total.toLocaleString('en')} records; at most ${MAX_IMPORT_RECORDS.toLocaleString('en')} are imported at once`,
    );
  }
  const collector = createCollector();
  let done = 0;
  try {
    for (const outcome of stream.outcomes) {
      if (collector.add(outcome) && ++done % IMPORT_CHUNK_SIZE === 0) yield [done, stream.total];
    }
  } catch (error) {
    if (error instanceof ImportError) collector.fail(error);
    throw error;
  }
  yield [stream.total, stream.total];
  return collector.finish();
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('The import was cancelled', 'AbortError');
}

/**
 * Reads a whole file at once. Throws `ImportError` listing every problem (nothing is imported).
 * @example
 * parseEntities('name,type\nIRGC,org\n', { fileName: 'kb.csv' }).entities[0].id // 'user:organization:irgc'
 */
export function parseEntities(text: string, options: ImportOptions = {}): ImportResult {
  const steps = runImport(text, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * Reads a file in chunks of `IMPORT_CHUNK_SIZE` records, yielding to the event loop between them.
 * Throws `ImportError` for a refused file, or an `AbortError` (see `isAbortError`) once `signal` aborts.
 * @example
 * const result = await importEntities(await file.text(), { fileName: file.name, signal, onProgress });
 */
export async function importEntities(text: string, options: ImportOptions = {}): Promise<ImportResult> {
  throwIfAborted(options.signal);
  const steps = runImport(text, options);
  for (let step = steps.next(); ; step = steps.next()) {
    throwIfAborted(options.signal);
    if (step.done) return step.value;
    options.onProgress?.(step.value[0], step.value[1]);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
