import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { ExportItem } from '../model/export-item';
import { type SyncRecord, syncRecordSchema } from '../model/sync-record';
import { exportIndexItem, exportKey, recordsItem } from '../storage/items';
import { createLock } from '../storage/lock';
import { migrateExportItem } from '../storage/migrations';

const MAX_FINISHED_ITEMS = 1000;

/**
 * Durable export items and sync records in storage.local. Writes go through one lock so concurrent steps of one
 * worker never lose each other's updates. Stored data is parsed on the way in; an entry that does not parse is
 * left where it is and reported, never silently dropped.
 *
 * The background is the only writer of these keys, so each worker reads them once and then serves reads from
 * memory (an export's first request must not wait for a full read of a 1,000-item log). Every write still goes to
 * storage before its promise settles, so a worker stopped at any moment loses nothing a new one would need.
 *
 * Item writes go to storage.local in the order they were made in memory, without waiting for each other: the
 * browser applies one context's writes in call order, so a journal write awaited before a request also covers the
 * item's own first write (an export's first request waits for one storage write, not two).
 */
/** WXT's `local:` keys as storage.local names them. */
const area = (key: string) => key.replace(/^local:/, '');

/** Goes to storage.local in this call (no await before it), which keeps writes in the order they were made. */
function write(entries: Record<string, unknown>): Promise<void> {
  return browser.storage.local.set(Object.fromEntries(Object.entries(entries).map(([k, v]) => [area(k), v])));
}
function remove(keys: string[]): Promise<void> {
  return browser.storage.local.remove(keys.map(area));
}

export class SyncStore {
  private readonly lock = createLock();
  private loaded: Promise<{ ids: string[]; items: Map<string, ExportItem> }> | null = null;
  private recordsCache: Promise<Record<string, SyncRecord>> | null = null;

  private load() {
    this.loaded ??= (async () => {
      const ids = await exportIndexItem.getValue();
      const items = new Map<string, ExportItem>();
      if (ids.length) {
        const rows = await storage.getItems(ids.map(exportKey));
        for (const { key, value } of rows) {
          const item = migrateExportItem(value);
          if (!item && value !== null)
            console.warn(`[pin-greenhouse-sync] unreadable export item ${key} left in storage`);
          if (item) items.set(item.id, item);
        }
      }
      return { ids, items };
    })();
    this.loaded.catch(() => {
      this.loaded = null;
    });
    return this.loaded;
  }

  async items(): Promise<ExportItem[]> {
    const { ids, items } = await this.load();
    return ids.flatMap((id) => items.get(id) ?? []);
  }

  async item(id: string): Promise<ExportItem | null> {
    return (await this.load()).items.get(id) ?? null;
  }

  /**
   * Adds an item; finished items beyond the cap rotate out, oldest first (sync records stay). Reads see it as soon
   * as `added` settles; `written` settles once storage has it.
   */
  async add(item: ExportItem): Promise<{ written: Promise<void> }> {
    const cache = await this.load();
    let ids = [...cache.ids, item.id];
    let drop: string[] = [];
    if (ids.length > MAX_FINISHED_ITEMS) {
      const finished = ids
        .flatMap((id) => cache.items.get(id) ?? [])
        .filter((i) => i.state === 'done')
        .sort((a, b) => a.createdAt - b.createdAt);
      drop = finished.slice(0, ids.length - MAX_FINISHED_ITEMS).map((i) => i.id);
      ids = ids.filter((id) => !drop.includes(id));
    }
    cache.ids = ids;
    cache.items.set(item.id, item);
    for (const id of drop) cache.items.delete(id);
    // The item and the index land in one write: a worker stopped in between cannot orphan the item.
    const written = write({ [exportKey(item.id)]: item, [exportIndexItem.key]: ids });
    const removed = drop.length ? remove(drop.map(exportKey)) : Promise.resolve();
    return { written: Promise.all([written, removed]).then(() => {}) };
  }

  async save(item: ExportItem): Promise<void> {
    (await this.load()).items.set(item.id, item);
    await write({ [exportKey(item.id)]: item });
  }

  /**
   * Updates what this worker shows of an item without writing it (a state a new worker would recover anyway, like
   * "running"); the next save writes it.
   */
  async touch(item: ExportItem): Promise<void> {
    (await this.load()).items.set(item.id, item);
  }

  private loadRecords() {
    this.recordsCache ??= recordsItem
      .getValue()
      .then((all) =>
        Object.fromEntries(Object.entries(all).filter(([, r]) => syncRecordSchema.safeParse(r).success)),
      );
    this.recordsCache.catch(() => {
      this.recordsCache = null;
    });
    return this.recordsCache;
  }

  async records(): Promise<Record<string, SyncRecord>> {
    return this.loadRecords();
  }

  async record(pinCandidateId: string): Promise<SyncRecord | null> {
    return (await this.loadRecords())[pinCandidateId] ?? null;
  }

  updateRecord(
    pinCandidateId: string,
    update: (current: SyncRecord | null) => SyncRecord,
  ): Promise<SyncRecord> {
    return this.lock(async () => {
      const all = await recordsItem.getValue();
      const next = update(all[pinCandidateId] ?? null);
      await recordsItem.setValue({ ...all, [pinCandidateId]: next });
      (await this.loadRecords())[pinCandidateId] = next;
      return next;
    });
  }
}
