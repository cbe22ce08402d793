import type { ExportItem } from '../model/export-item';
import { type SyncRecord, syncRecordSchema } from '../model/sync-record';
import {
  type ExportRow,
  openDataDb,
  putExportRow,
  readableDataDb,
  readMany,
  readOne,
  writing,
} from '../storage/data-db';
import { createLock } from '../storage/lock';
import { meterRead } from '../storage/meter';
import { migrateLegacyStorage } from '../storage/migrate-local';
import { migrateExportItem } from '../storage/migrations';

/** The activity log keeps the newest finished items (SPEC §8); items still open are never dropped. */
export const MAX_FINISHED_ITEMS = 1000;
/** Records kept in a worker's memory at most (about 200 bytes each). */
const MAX_CACHED_RECORDS = 50_000;
/** Finished items are rotated out in batches, not on every write. */
const PRUNE_EVERY = 50;

const rowOf = (item: ExportItem): ExportRow => ({
  id: item.id,
  open: item.state === 'done' ? 0 : 1,
  pinCandidateId: item.pinCandidateId,
  createdAt: item.createdAt,
  item,
});

/** An item at rest, upgraded to the current shape; unreadable ones are left where they are and reported. */
function itemOf(row: ExportRow | undefined): ExportItem | null {
  if (!row) return null;
  const item = migrateExportItem(row.item);
  if (!item) console.warn(`[pin-greenhouse-sync] unreadable export item ${row.id} left in storage`);
  return item;
}

/**
 * Durable export items and sync records, in the extension origin's IndexedDB (lib/storage/data-db.ts): one row per
 * item and per synced candidate, so a journal write or a new record writes only itself.
 *
 * The background is the only writer, so each worker reads the open items (queued, running, failed, needs review)
 * once and then serves them from memory; finished items and records are read by key or index when asked for. Every
 * write still reaches IndexedDB before its promise settles, in the order it was made (IndexedDB runs one store's
 * write transactions in order), so a worker stopped at any moment loses nothing a new one would need.
 */
export class SyncStore {
  private readonly lock = createLock();
  private open: Promise<Map<string, ExportItem>> | null = null;
  private finishedSincePrune = 0;
  /** Records (or their absence) this worker has read or written: the background is their only writer. */
  private readonly recordCache = new Map<string, SyncRecord | null>();
  /** Items added in memory whose first write has not landed (or failed: those are dropped from memory). */
  private readonly unwritten = new Set<string>();
  /** The newest item finished by this worker, per candidate (what the overlay shows right after a sync). */
  private readonly finishedHere = new Map<string, ExportItem>();
  /** Added items whose first write waits for their first save to carry it (`add`'s `holdMs`). */
  private readonly held = new Map<
    string,
    { timer: ReturnType<typeof setTimeout>; settle: (write: Promise<void>) => void }
  >();

  /** `dbName`: the database; unit tests give each simulated worker's storage its own. */
  constructor(readonly dbName?: string) {}

  private db() {
    // Data an older version kept in storage.local moves here before anything reads it.
    return migrateLegacyStorage(this.dbName).then(() => openDataDb(this.dbName));
  }

  /** For reads: null while the database does not exist (after "Erase all data"), so a read does not create it. */
  private readable() {
    return migrateLegacyStorage(this.dbName).then(() => readableDataDb(this.dbName));
  }

  private openItems_() {
    this.open ??= (async () => {
      const rows = (await (await this.db()).getAllFromIndex('exports', 'open', 1)) as ExportRow[];
      meterRead(rows);
      const items = new Map<string, ExportItem>();
      for (const row of rows) {
        const item = itemOf(row);
        if (item) items.set(item.id, item);
      }
      return items;
    })();
    this.open.catch(() => {
      this.open = null;
    });
    return this.open;
  }

  /** Items not yet done, oldest first (what the queue, the badge and recovery need). */
  async openItems(): Promise<ExportItem[]> {
    return [...(await this.openItems_()).values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Every item in the log, newest first: the activity log (the options page), not a hot path. */
  async items(): Promise<ExportItem[]> {
    const db = await this.readable();
    if (!db) return [];
    const [rows, open] = await Promise.all([db.getAll('exports'), this.openItems_()]);
    return rows
      .map((row) => open.get(row.id) ?? itemOf(row))
      .filter((i): i is ExportItem => i !== null)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  async item(id: string): Promise<ExportItem | null> {
    const open = (await this.openItems_()).get(id);
    const db = open ? null : await this.readable();
    return open ?? (db ? itemOf(await readOne(db, 'exports', id)) : null);
  }

  /** One candidate's items, newest first (the overlay, the queue's duplicate check). */
  async itemsOf(pinCandidateId: string): Promise<ExportItem[]> {
    const db = await this.readable();
    if (!db) return [];
    const [rows, open] = await Promise.all([
      db.getAllFromIndex('exports', 'candidate', pinCandidateId),
      this.openItems_(),
    ]);
    return meterRead(rows)
      .map((row) => open.get(row.id) ?? itemOf(row))
      .filter((i): i is ExportItem => i !== null)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  /** The most recently created finished item (the popup's "last sync"), in one read. */
  async lastFinished(): Promise<ExportItem | null> {
    const db = await this.readable();
    if (!db) return null;
    const cursor = await db
      .transaction('exports')
      .store.index('finished')
      .openCursor(IDBKeyRange.bound([0, -Infinity], [0, Infinity]), 'prev');
    return itemOf(cursor?.value);
  }

  /** How many items are done (the activity summary). */
  async finishedCount(): Promise<number> {
    return (await (await this.readable())?.countFromIndex('exports', 'open', 0)) ?? 0;
  }

  /**
   * The item the overlay shows for a candidate: their export under way, else their newest. From memory when this
   * worker holds it (open, or finished here); else one read.
   */
  async latestOf(pinCandidateId: string): Promise<ExportItem | null> {
    const open = (await this.openItemsOf(pinCandidateId))[0];
    if (open) return open;
    const finished = this.finishedHere.get(pinCandidateId);
    if (finished) return finished;
    return (await this.itemsOf(pinCandidateId))[0] ?? null;
  }

  /** One candidate's items not yet done, newest first, from memory. */
  async openItemsOf(pinCandidateId: string): Promise<ExportItem[]> {
    return (await this.openItems()).filter((i) => i.pinCandidateId === pinCandidateId).reverse();
  }

  /**
   * Adds an item. Reads see it as soon as `add` settles; `written` settles once IndexedDB has it. With `holdMs`, the
   * first write waits up to that long for a `save` of the same item, which then writes both at once.
   */
  async add(item: ExportItem, options: { holdMs?: number } = {}): Promise<{ written: Promise<void> }> {
    const open = await this.openItems_();
    const db = await this.db();
    open.set(item.id, item);
    this.unwritten.add(item.id);
    const put = () => writing('the export journal', () => putExportRow(db, rowOf(item))).then(() => {});
    const first = options.holdMs
      ? new Promise<void>((resolve, reject) => {
          const settle = (write: Promise<void>) => {
            clearTimeout(timer);
            this.held.delete(item.id);
            write.then(resolve, reject);
          };
          const timer = setTimeout(() => settle(put()), options.holdMs);
          this.held.set(item.id, { timer, settle });
        })
      : put();
    const written = first.then(() => {
      this.unwritten.delete(item.id);
    });
    written.catch(() => open.delete(item.id));
    return { written };
  }

  /** Forgets every item this worker holds (after "Erase all data" deleted the database); nothing is reopened. */
  forget(): void {
    this.open = Promise.resolve(new Map());
    for (const { timer } of this.held.values()) clearTimeout(timer);
    this.held.clear();
    this.finishedHere.clear();
    this.unwritten.clear();
    this.recordCache.clear();
  }

  /** Whether the item's first write has landed; false while it is on its way, and for good if it failed. */
  isWritten(id: string): boolean {
    return !this.unwritten.has(id);
  }

  async save(item: ExportItem): Promise<void> {
    const open = await this.openItems_();
    const db = await this.db();
    if (item.state === 'done') open.delete(item.id);
    else open.set(item.id, item);
    const write = writing('the export journal', () => putExportRow(db, rowOf(item))).then(() => {});
    this.held.get(item.id)?.settle(write);
    await write;
    this.afterSave(open, item);
  }

  private afterSave(open: Map<string, ExportItem>, item: ExportItem): void {
    if (item.state !== 'done') return;
    open.delete(item.id);
    if (this.finishedHere.size >= MAX_CACHED_RECORDS) this.finishedHere.clear();
    this.finishedHere.set(item.pinCandidateId, item);
    if (++this.finishedSincePrune >= PRUNE_EVERY) {
      this.finishedSincePrune = 0;
      void this.pruneFinished().catch(() => {});
    }
  }

  /**
   * Updates what this worker shows of an item without writing it (a state a new worker would recover anyway, like
   * "running"); the next save writes it.
   */
  async touch(item: ExportItem): Promise<void> {
    (await this.openItems_()).set(item.id, item);
  }

  /** Drops the oldest finished items beyond the log's cap (sync records stay). */
  async pruneFinished(max = MAX_FINISHED_ITEMS): Promise<number> {
    const db = await this.db();
    const finished = await db.countFromIndex('exports', 'open', 0);
    let extra = finished - max;
    if (extra <= 0) return 0;
    const removed = extra;
    await writing('the activity log', async () => {
      const tx = db.transaction('exports', 'readwrite');
      let cursor = await tx.store
        .index('finished')
        .openKeyCursor(IDBKeyRange.bound([0, -Infinity], [0, Infinity]));
      while (cursor && extra > 0) {
        await tx.store.delete(cursor.primaryKey);
        extra -= 1;
        cursor = await cursor.continue();
      }
      await tx.done;
    });
    return removed;
  }

  // Sync records ----------------------------------------------------------------------------------------------

  async record(pinCandidateId: string): Promise<SyncRecord | null> {
    return (await this.recordsOf([pinCandidateId]))[pinCandidateId] ?? null;
  }

  /**
   * The records of these candidates (those that have one). What this worker has read (or written) it keeps, so a
   * pipeline opened again costs no read; the rest come in one read.
   */
  async recordsOf(pinCandidateIds: readonly string[]): Promise<Record<string, SyncRecord>> {
    const out: Record<string, SyncRecord> = {};
    const missing: string[] = [];
    for (const id of pinCandidateIds) {
      const known = this.recordCache.get(id);
      if (known === undefined) missing.push(id);
      else if (known) out[id] = known;
    }
    if (!missing.length) return out;
    const db = await this.readable();
    if (!db) return out;
    const values = await readMany(db, 'records', missing);
    missing.forEach((id, i) => {
      const parsed = values[i] === undefined ? null : syncRecordSchema.safeParse(values[i]);
      const record = parsed?.success ? parsed.data : null;
      this.remember(id, record);
      if (record) out[id] = record;
    });
    return out;
  }

  private remember(id: string, record: SyncRecord | null): void {
    if (this.recordCache.size >= MAX_CACHED_RECORDS) this.recordCache.clear();
    this.recordCache.set(id, record);
  }

  updateRecord(
    pinCandidateId: string,
    update: (current: SyncRecord | null) => SyncRecord,
  ): Promise<SyncRecord> {
    return this.lock(async () => {
      const db = await this.db();
      const next = await writing('a sync record', async () => {
        const tx = db.transaction('records', 'readwrite');
        const parsed = syncRecordSchema.safeParse(await tx.store.get(pinCandidateId));
        const value = update(parsed.success ? parsed.data : null);
        await tx.store.put(value, pinCandidateId);
        await tx.done;
        return value;
      });
      this.remember(pinCandidateId, next);
      return next;
    });
  }

  /**
   * Writes a finished item together with its candidate's record (`update`, when the export names a person): one
   * IndexedDB commit between Greenhouse's last answer and the synced badge.
   */
  finish(item: ExportItem, update: ((current: SyncRecord | null) => SyncRecord) | null): Promise<void> {
    return this.lock(async () => {
      const open = await this.openItems_();
      const db = await this.db();
      const next = await writing('the export journal', async () => {
        const tx = db.transaction(['records', 'exports'], 'readwrite');
        const records = tx.objectStore('records');
        let value: SyncRecord | null = null;
        if (update) {
          const parsed = syncRecordSchema.safeParse(await records.get(item.pinCandidateId));
          value = update(parsed.success ? parsed.data : null);
          void records.put(value, item.pinCandidateId);
        }
        void tx.objectStore('exports').put(rowOf(item));
        tx.commit();
        await tx.done;
        return value;
      });
      if (next) this.remember(item.pinCandidateId, next);
      this.afterSave(open, item);
    });
  }

  /** Forgets a record (Greenhouse no longer has the person: merged or deleted). */
  async dropRecord(pinCandidateId: string): Promise<void> {
    const db = await this.db();
    await writing('a sync record', () => db.delete('records', pinCandidateId));
    this.remember(pinCandidateId, null);
  }
}
