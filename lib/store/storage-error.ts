/**
 * Storage failures as the reader reads them. IndexedDB reports a full disk or quota as a
 * `QuotaExceededError` (often as the `inner` of Dexie's `AbortError`, or only on the aborted
 * transaction), and other failures under names that mean nothing to a reader. Writes are one
 * transaction each, so a failed write changed nothing: the message says so, and what to do.
 */
import { Dexie } from 'dexie';

export type StorageFailure = 'full' | 'failed';

/** A write the browser's storage refused, with the reader's message. */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly failure: StorageFailure,
    what: string,
    override readonly cause?: unknown,
  ) {
    super(
      failure === 'full'
        ? `The browser's storage for Dramatis is full, so ${what} could not be saved. Everything saved before is unchanged. ` +
            'Free some space (delete old articles in the dashboard, or free disk space) and try again.'
        : `The browser could not save ${what} (${storageErrorName(cause)}). Everything saved before is unchanged. ` +
            'Try again; if it keeps happening, restart the browser.',
    );
  }
}

/** The errors IndexedDB and Dexie raise, down their `inner`/`cause` chain. */
function* chain(error: unknown): Generator<unknown> {
  for (let e = error, depth = 0; e && depth < 8; depth++) {
    yield e;
    e = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
}

const nameOf = (e: unknown) => (typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name ?? '') : '');

function storageErrorName(error: unknown): string {
  const names = [...chain(error)].map(nameOf).filter(Boolean);
  return names.find((n) => n !== 'AbortError') ?? names[0] ?? 'storage error';
}

/** Whether the storage is full: a quota error anywhere in the chain (Firefox: NS_ERROR_DOM_QUOTA_ERR). */
export function isQuotaError(error: unknown): boolean {
  return [...chain(error)].some((e) => {
    const name = nameOf(e);
    return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_ERR' || (e instanceof DOMException && e.code === 22);
  });
}

/** Whether `error` came from the storage (IndexedDB or Dexie), not from the caller's own checks. */
export function isStorageError(error: unknown): boolean {
  if (error instanceof StorageError) return false;
  return [...chain(error)].some((e) => e instanceof Dexie.DexieError || e instanceof DOMException);
}

/**
 * Runs a write; a storage failure comes out as a `StorageError` the reader can act on, anything
 * else (a refused file, a missing entity) as it was.
 * @example await savingAs('this article', () => repo.put(record)) // "…storage for Dramatis is full, so this article…"
 */
export async function savingAs<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new StorageError('full', what, error);
    if (isStorageError(error)) throw new StorageError('failed', what, error);
    throw error;
  }
}
