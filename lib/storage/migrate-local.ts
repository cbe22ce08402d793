import { browser } from 'wxt/browser';
import { DATA_DB_NAME, type ExportRow, openDataDb, type SnapshotRow, writing } from './data-db';

/**
 * Data version 2 moved what grows with use out of `storage.local` (one value per collection, rewritten whole on every
 * change) into IndexedDB (data-db.ts): the export log (`export-index` and `export:<id>`), sync records (`records`),
 * observations (`observations`), Pin profile snapshots (`pin-candidates`) and Greenhouse stages (`stages`). The move
 * copies everything in one IndexedDB transaction, marks the version, then removes the old keys; a worker stopped in
 * between copies again (puts are idempotent) or only finishes the removal. Nothing is dropped: an entry this build
 * cannot read is copied as it is and reported when read.
 */
export const DATA_VERSION = 2;
const VERSION_KEY = 'data-version';
const LEGACY_KEYS = ['export-index', 'records', 'observations', 'pin-candidates', 'stages'] as const;

type Raw = Record<string, unknown>;

const running = new Map<string, Promise<void>>();

/** Runs the move once per worker life (per database: unit tests use their own). */
export function migrateLegacyStorage(dbName = DATA_DB_NAME): Promise<void> {
  let run = running.get(dbName);
  if (!run) {
    run = moveLegacyData(dbName);
    run.catch(() => running.delete(dbName));
    running.set(dbName, run);
  }
  return run;
}

/** The move itself, not memoized (a new worker runs it again if the last one stopped half-way). */
export async function moveLegacyData(dbName = DATA_DB_NAME): Promise<void> {
  const local = browser.storage.local;
  const { [VERSION_KEY]: version } = (await local.get(VERSION_KEY)) as Raw;
  if (typeof version === 'number' && version >= DATA_VERSION) return;
  const legacy = (await local.get([...LEGACY_KEYS])) as Raw;
  const ids = Array.isArray(legacy['export-index']) ? (legacy['export-index'] as unknown[]).map(String) : [];
  const itemKeys = ids.map((id) => `export:${id}`);
  const items = (itemKeys.length ? await local.get(itemKeys) : {}) as Raw;
  const asRecord = (value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {};

  if (itemKeys.length || LEGACY_KEYS.some((key) => legacy[key] !== undefined)) {
    const db = await openDataDb(dbName);
    await writing('the move of stored data to IndexedDB', async () => {
      const tx = db.transaction(['exports', 'records', 'observations', 'snapshots', 'stages'], 'readwrite');
      const writes: Promise<unknown>[] = [];
      for (const key of itemKeys) {
        const item = items[key];
        if (typeof item !== 'object' || item === null) continue;
        const raw = item as Raw;
        const row: ExportRow = {
          id: String(raw.id ?? key.slice('export:'.length)),
          open: raw.state === 'done' ? 0 : 1,
          pinCandidateId: String(raw.pinCandidateId ?? ''),
          createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : 0,
          item,
        };
        writes.push(tx.objectStore('exports').put(row));
      }
      for (const [id, record] of Object.entries(asRecord(legacy.records)))
        writes.push(tx.objectStore('records').put(record as never, id));
      for (const [key, state] of Object.entries(asRecord(legacy.observations)))
        writes.push(tx.objectStore('observations').put(state as never, key));
      // The old map kept profiles in the order they were last seen: that order becomes their time.
      Object.entries(asRecord(legacy['pin-candidates'])).forEach(([id, profile], order) => {
        const row: SnapshotRow = { id, seenAt: order, profile: profile as SnapshotRow['profile'] };
        writes.push(tx.objectStore('snapshots').put(row));
      });
      for (const [applicationId, stage] of Object.entries(asRecord(legacy.stages)))
        writes.push(tx.objectStore('stages').put(stage as never, applicationId));
      await Promise.all([...writes, tx.done]);
    });
  }
  await writing('the data version', () => local.set({ [VERSION_KEY]: DATA_VERSION }));
  const old = [...LEGACY_KEYS, ...LEGACY_KEYS.map((k) => `${k}$`), ...itemKeys];
  await local.remove(old).catch(() => {});
}
