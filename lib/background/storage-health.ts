import { browser } from 'wxt/browser';
import { openDataDb } from '../storage/data-db';
import { onStorageWriteFailure, type StorageWriteError } from '../storage/write-failure';

/** While paused, a small write is tried this often (the minute's safety alarm covers a stopped worker). */
const PROBE_MS = 5_000;

/**
 * Whether the browser takes the extension's writes (SPEC §9). The first failed write (quota, disk) pauses the
 * export queue with its message, shown on the options page and the toolbar; a small probe write is tried every few
 * seconds, and once one goes through the pause is lifted and the queue drained. What was journaled stays: the queue
 * goes on from it.
 */
export class StorageHealth {
  private reason: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: { changed: () => void; resumed: () => void }) {
    onStorageWriteFailure((error) => this.failed(error));
  }

  paused(): string | null {
    return this.reason;
  }

  /** Drops a pause (everything was erased). */
  forget(): void {
    this.reason = null;
    clearTimeout(this.timer);
  }

  private failed(error: StorageWriteError): void {
    const first = this.reason === null;
    const news = this.reason !== error.message;
    this.reason = error.message;
    if (first) console.warn('[pin-greenhouse-sync] storage refused a write; exports are paused', error);
    // Only news is signalled: pages refresh on the signal and read again, which fails again while the disk is full.
    if (news) this.deps.changed();
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.probe(), PROBE_MS);
  }

  /** Tries a small write to both stores; lifts the pause when both go through. */
  async probe(): Promise<boolean> {
    if (this.reason === null) return true;
    try {
      const db = await openDataDb();
      await db.put('meta', Date.now(), 'probe');
      await browser.storage.local.set({ 'storage-probe': Date.now() });
    } catch {
      this.schedule();
      return false;
    }
    this.reason = null;
    clearTimeout(this.timer);
    this.deps.changed();
    this.deps.resumed();
    return true;
  }
}
