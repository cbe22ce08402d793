import { storage } from 'wxt/utils/storage';
import { exportIndexItem, exportKey, recordsItem } from '../storage/items';
import { createLock } from '../storage/lock';
import { type ExportItem, exportItemSchema, type SyncRecord, syncRecordSchema } from './model';

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
      const parsed = exportItemSchema.safeParse(value);
      if (!parsed.success) {
        if (value !== null)
          console.warn(`[pin-greenhouse-sync] unreadable export item ${key}`, parsed.error.issues[0]);
        return [];
      }
      return [parsed.data];
    });
  }

  async item(id: string): Promise<ExportItem | null> {
    const parsed = exportItemSchema.safeParse(await storage.getItem(exportKey(id)));
    return parsed.success ? parsed.data : null;
  }

  /** Adds an item; finished items beyond the cap rotate out, oldest first (sync records stay). */
  add(item: ExportItem): Promise<void> {
    return this.lock(async () => {
      await storage.setItem(exportKey(item.id), item);
      const ids = [...(await exportIndexItem.getValue()), item.id];
      if (ids.length > MAX_FINISHED_ITEMS) {
        const items = await this.items();
        const finished = items.filter((i) => i.state === 'done').sort((a, b) => a.createdAt - b.createdAt);
        const drop = new Set(finished.slice(0, ids.length - MAX_FINISHED_ITEMS).map((i) => i.id));
        await storage.removeItems([...drop].map(exportKey));
        await exportIndexItem.setValue(ids.filter((id) => !drop.has(id)));
      } else {
        await exportIndexItem.setValue(ids);
      }
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
