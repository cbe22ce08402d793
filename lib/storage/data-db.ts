import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { PinCandidate } from '../model/pin';
import type { ObservationState } from '../model/rule';
import type { SyncRecord } from '../model/sync-record';
import { meterRead } from './meter';
import { storageFailure } from './write-failure';

/**
 * What grows with use, in the extension origin's IndexedDB (SPEC §9): a change writes only what changed, lookups go
 * by key or index, and nothing loads a whole collection to change one entry. Content scripts run in Pin's origin and
 * cannot open it. Small settings stay in `storage.local` (items.ts).
 */
export const DATA_DB_NAME = 'pin-greenhouse-sync-data';

/** An export item at rest, with what its indexes need: `open` is 1 until the item is done. */
export interface ExportRow {
  id: string;
  open: 0 | 1;
  pinCandidateId: string;
  createdAt: number;
  item: unknown;
}

/** A Pin profile seen on a page, with when; `keys` are its presence-index keys (hashed), computed once. */
export interface SnapshotRow {
  id: string;
  seenAt: number;
  profile: PinCandidate;
  keys?: { key: string; reason: 'email' | 'LinkedIn' }[];
}

export interface StageRow {
  stage: string | null;
  status: string | null;
  prospect: boolean;
  readAt: number;
}

interface DataDb extends DBSchema {
  exports: {
    key: string;
    value: ExportRow;
    indexes: { open: number; candidate: string; finished: [number, number] };
  };
  records: { key: string; value: SyncRecord };
  observations: { key: string; value: ObservationState; indexes: { job: string; updated: number } };
  /** One small digest per Pin job: each candidate's last reported status and times, to skip unchanged rows. */
  digests: { key: string; value: Record<string, string> };
  snapshots: { key: string; value: SnapshotRow; indexes: { seen: number } };
  stages: { key: string; value: StageRow };
  meta: { key: string; value: unknown };
}

type StoreName = 'exports' | 'records' | 'observations' | 'digests' | 'snapshots' | 'stages' | 'meta';
export const DATA_STORES: readonly StoreName[] = [
  'exports',
  'records',
  'observations',
  'digests',
  'snapshots',
  'stages',
  'meta',
];

/** One handle per database name and worker life; `name` differs only in unit tests. */
const handles = new Map<string, Promise<IDBPDatabase<DataDb>>>();

export function openDataDb(name = DATA_DB_NAME): Promise<IDBPDatabase<DataDb>> {
  absent.delete(name);
  let db = handles.get(name);
  if (!db) {
    db = openDB<DataDb>(name, 1, {
      upgrade(database) {
        const exports = database.createObjectStore('exports', { keyPath: 'id' });
        exports.createIndex('open', 'open');
        exports.createIndex('candidate', 'pinCandidateId');
        // Finished items oldest first: the log keeps the newest 1,000.
        exports.createIndex('finished', ['open', 'createdAt']);
        database.createObjectStore('records');
        const observations = database.createObjectStore('observations');
        observations.createIndex('job', 'jobId');
        observations.createIndex('updated', 'updatedAt');
        database.createObjectStore('digests');
        const snapshots = database.createObjectStore('snapshots', { keyPath: 'id' });
        snapshots.createIndex('seen', 'seenAt');
        database.createObjectStore('stages');
        database.createObjectStore('meta');
      },
      // The browser closed the connection (a full disk, say): the next use opens it again.
      terminated() {
        handles.delete(name);
      },
      // "Erase all data" deletes the database: let it.
      blocking(_current, _next, event) {
        (event.target as IDBDatabase).close();
        handles.delete(name);
      },
    });
    // A database the browser cannot open (a full disk: "Internal error opening backing store") can take no journal:
    // that pauses exports like a refused write, and the next use tries again.
    db = db.catch((error: unknown) => {
      handles.delete(name);
      throw storageFailure("the extension's data", error);
    });
    handles.set(name, db);
  }
  return db;
}

/** Closes and forgets the handle (Erase all data deletes the database). */
export async function closeDataDb(name = DATA_DB_NAME): Promise<void> {
  const db = handles.get(name);
  handles.delete(name);
  absent.add(name);
  (await db?.catch(() => null))?.close();
}

/** Databases known not to exist (erased): reads find nothing and do not create them again; a write does. */
const absent = new Set<string>();

/** The database for a read, or null while it does not exist (a read never creates it). */
export async function readableDataDb(name = DATA_DB_NAME): Promise<IDBPDatabase<DataDb> | null> {
  if (absent.has(name) && !handles.has(name)) return null;
  return openDataDb(name);
}

/**
 * Runs a write and reports a failed one (quota, disk) as a `StorageWriteError` with a human message, after telling
 * the background, which pauses the queue (SPEC §9: no export starts without its journal).
 */
export async function writing<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw storageFailure(what, error);
  }
}

/**
 * Puts one export row in its own transaction and commits it at once: the commit is asked for with the put instead of
 * after the put's answer has come back to this context, which saves the journal a round trip to IndexedDB.
 */
export async function putExportRow(db: IDBPDatabase<DataDb>, row: ExportRow): Promise<void> {
  const tx = db.transaction('exports', 'readwrite');
  const put = tx.store.put(row);
  tx.commit();
  await Promise.all([put, tx.done]);
}

/** Reads one value by key, counted by the cold-start meter. */
export async function readOne<N extends StoreName>(
  db: IDBPDatabase<DataDb>,
  store: N,
  key: DataDb[N]['key'],
): Promise<DataDb[N]['value'] | undefined> {
  return meterRead(await db.get(store, key));
}

/** Reads many values by key in one transaction (missing keys give undefined), counted by the meter. */
export async function readMany<N extends StoreName>(
  db: IDBPDatabase<DataDb>,
  store: N,
  keys: readonly DataDb[N]['key'][],
): Promise<(DataDb[N]['value'] | undefined)[]> {
  if (!keys.length) return [];
  const tx = db.transaction(store);
  const values = await Promise.all(keys.map((key) => tx.store.get(key)));
  await tx.done;
  return meterRead(values);
}

export type { DataDb, StoreName };
