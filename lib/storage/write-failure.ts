/**
 * A write the browser refused (its storage quota, the disk). The background pauses the export queue on the first one
 * (SPEC §9: no export starts without its journal) and says so on the options page and the toolbar; what was already
 * written stays, and the queue resumes once a write goes through again.
 */
export class StorageWriteError extends Error {
  readonly quota: boolean;
  constructor(
    readonly what: string,
    cause: unknown,
  ) {
    const name = cause instanceof Error ? cause.name : '';
    const detail = cause instanceof Error ? cause.message : String(cause);
    const quota = name === 'QuotaExceededError' || /quota/i.test(detail);
    super(
      quota
        ? `The browser's storage for Pin Greenhouse Sync is full, so ${what} could not be saved. Exports are paused until it can write again; nothing already queued is lost. Free disk space in this browser profile.`
        : `The browser could not save ${what} (${detail || name || 'unknown error'}). Exports are paused until it can write again; nothing already queued is lost.`,
    );
    this.name = 'StorageWriteError';
    this.quota = quota;
  }
}

let listener: ((error: StorageWriteError) => void) | null = null;

/** The background's hook (one per worker life). */
export function onStorageWriteFailure(callback: (error: StorageWriteError) => void): void {
  listener = callback;
}

export function storageFailure(what: string, cause: unknown): StorageWriteError {
  const error = cause instanceof StorageWriteError ? cause : new StorageWriteError(what, cause);
  listener?.(error);
  return error;
}
