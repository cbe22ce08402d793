import type { PinCandidate } from '../model/pin';
import { openDataDb, readMany, readOne, type SnapshotRow, writing } from '../storage/data-db';
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
  constructor(private readonly dbName?: string) {}

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
  }

  async get(id: string): Promise<PinCandidate | null> {
    return (await readOne(await this.db(), 'snapshots', id))?.profile ?? null;
  }

  async rows(ids: readonly string[]): Promise<(SnapshotRow | undefined)[]> {
    return readMany(await this.db(), 'snapshots', ids);
  }

  /** Keeps the presence-index keys computed for a snapshot, so a pipeline does not hash them again. */
  async setKeys(rows: readonly SnapshotRow[]): Promise<void> {
    if (!rows.length) return;
    const db = await this.db();
    await writing('a Pin profile', async () => {
      const tx = db.transaction('snapshots', 'readwrite');
      await Promise.all([...rows.map((row) => tx.store.put(row)), tx.done]);
    });
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
