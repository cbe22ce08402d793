import type { PinCandidate } from '../model/pin';
import { openDataDb, readMany, type SnapshotRow, writing } from '../storage/data-db';
import { migrateLegacyStorage } from '../storage/migrate-local';

/** Profiles read on Pin pages are kept this long after they were last seen… */
export const SNAPSHOT_MAX_AGE_MS = 90 * 24 * 3_600_000;
/** …and at most this many, the most recently seen. */
export const MAX_SNAPSHOTS = 2_000;

/**
 * Pin profiles the recruiter has opened: the fallback when Pin's candidate JSON cannot be read, and what pipeline
 * rows are matched against the presence index with. One IndexedDB row per candidate.
 */
export class SnapshotStore {
  /** Rows (or their absence) this worker has read or written: a pipeline opened again reads nothing. */
  private readonly cache = new Map<string, SnapshotRow | null>();

  constructor(private readonly dbName?: string) {}

  private remember(id: string, row: SnapshotRow | null) {
    if (this.cache.size >= 10_000) this.cache.clear();
    this.cache.set(id, row);
  }

  private async db() {
    await migrateLegacyStorage(this.dbName);
    return openDataDb(this.dbName);
  }

  async put(profiles: readonly PinCandidate[], now: number): Promise<void> {
    if (!profiles.length) return;
    const db = await this.db();
    await writing('a Pin profile', async () => {
      const tx = db.transaction('snapshots', 'readwrite');
      await Promise.all([
        ...profiles.map((profile) => tx.store.put({ id: profile.id, seenAt: now, profile })),
        tx.done,
      ]);
    });
    for (const profile of profiles) this.remember(profile.id, { id: profile.id, seenAt: now, profile });
  }

  async get(id: string): Promise<PinCandidate | null> {
    return (await this.rows([id]))[0]?.profile ?? null;
  }

  async rows(ids: readonly string[]): Promise<(SnapshotRow | undefined)[]> {
    const missing = ids.filter((id) => !this.cache.has(id));
    if (missing.length) {
      const found = await readMany(await this.db(), 'snapshots', missing);
      missing.forEach((id, i) => {
        this.remember(id, found[i] ?? null);
      });
    }
    return ids.map((id) => this.cache.get(id) ?? undefined);
  }

  /** Keeps the presence-index keys computed for a snapshot, so a pipeline does not hash them again. */
  async setKeys(rows: readonly SnapshotRow[]): Promise<void> {
    if (!rows.length) return;
    const db = await this.db();
    await writing('a Pin profile', async () => {
      const tx = db.transaction('snapshots', 'readwrite');
      await Promise.all([...rows.map((row) => tx.store.put(row)), tx.done]);
    });
    for (const row of rows) this.remember(row.id, row);
  }

  /** Drops snapshots not seen for `maxAgeMs`, then the least recently seen beyond `max`. */
  async prune(now: number, limits = { maxAgeMs: SNAPSHOT_MAX_AGE_MS, max: MAX_SNAPSHOTS }): Promise<number> {
    const db = await this.db();
    let total = await db.count('snapshots');
    let removed = 0;
    await writing('a Pin profile', async () => {
      const tx = db.transaction('snapshots', 'readwrite');
      let cursor = await tx.store.index('seen').openCursor();
      while (cursor && (total > limits.max || now - cursor.value.seenAt > limits.maxAgeMs)) {
        this.cache.delete(cursor.value.id);
        await cursor.delete();
        total -= 1;
        removed += 1;
        cursor = await cursor.continue();
      }
      await tx.done;
    });
    return removed;
  }
}
