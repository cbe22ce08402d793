import { storage } from 'wxt/utils/storage';
import { exportIndexItem, exportKey, recordsItem } from '../storage/items';
import { createLock } from '../storage/lock';
import { migrateExportItem } from '../storage/migrations';
import { type ExportItem, type SyncRecord, syncRecordSchema } from './model';

const MAX_FINISHED_ITEMS = 1000;

/**
 * Durable export items and sync records in storage.local. Writes go through one lock so concurrent steps of
 * one worker never lose each other's updates. Stored data is parsed on the way in; an entry that does not parse
 * is left where it is and reported, never silently dropped.
 */
export class SyncStore {
  private readonly lock = createLock();

  async items(): Promise<ExportItem[]> {
    const ids = await exportIndexItem.getValue();
    if (ids.length === 0) return [];
    const rows = await storage.getItems(ids.map(exportKey));
    return rows.flatMap(({ key, value }) => {
      const item = migrateExportItem(value);
      if (!item && value !== null)
        console.warn(`[pin-greenhouse-sync] unreadable export item ${key} left in storage`);
      return item ? [item] : [];
    });
  }

  async item(id: string): Promise<ExportItem | null> {
    return migrateExportItem(await storage.getItem(exportKey(id)));
  }

  /** Adds an item; finished items beyond the cap rotate out, oldest first (sync records stay). */
  add(item: ExportItem): Promise<void> {
    return this.lock(async () => {
      let ids = [...(await exportIndexItem.getValue()), item.id];
      let drop: string[] = [];
      if (ids.length > MAX_FINISHED_ITEMS) {
        const finished = (await this.items())
          .filter((i) => i.state === 'done')
          .sort((a, b) => a.createdAt - b.createdAt);
        drop = finished.slice(0, ids.length - MAX_FINISHED_ITEMS).map((i) => i.id);
        ids = ids.filter((id) => !drop.includes(id));
      }
      // The item and the index land in one write: a worker stopped in between cannot orphan the item.
      await storage.setItems([
        { key: exportKey(item.id), value: item },
        { key: exportIndexItem.key, value: ids },
      ]);
      if (drop.length) await storage.removeItems(drop.map(exportKey));
    });
  }

  save(item: ExportItem): Promise<void> {
    return this.lock(() => storage.setItem(exportKey(item.id), item));
  }

  async records(): Promise<Record<string, SyncRecord>> {
    const all = await recordsItem.getValue();
    return Object.fromEntries(Object.entries(all).filter(([, r]) => syncRecordSchema.safeParse(r).success));
  }

  async record(pinCandidateId: string): Promise<SyncRecord | null> {
    return (await this.records())[pinCandidateId] ?? null;
  }

  updateRecord(
    pinCandidateId: string,
    update: (current: SyncRecord | null) => SyncRecord,
  ): Promise<SyncRecord> {
    return this.lock(async () => {
      const all = await recordsItem.getValue();
      const next = update(all[pinCandidateId] ?? null);
      await recordsItem.setValue({ ...all, [pinCandidateId]: next });
      return next;
    });
  }
}
