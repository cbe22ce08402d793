import { type IDBPDatabase, openDB } from 'idb';

/**
 * The client secret lives in the extension origin's IndexedDB: content scripts run in Pin's origin and cannot
 * open it (storage.local, by contrast, is readable by content scripts). Only background code imports this.
 */
export const SECRET_DB_NAME = 'pin-greenhouse-sync';
const STORE = 'secrets';
const KEY = 'greenhouse-client-secret';

let db: Promise<IDBPDatabase> | null = null;
const open = () => {
  db ??= openDB(SECRET_DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore(STORE);
    },
    // The browser closed the connection (a full disk, say), or "Erase all data" deletes the database.
    terminated: () => {
      db = null;
    },
    blocking: (_current, _next, event) => {
      (event.target as IDBDatabase).close();
      db = null;
    },
  });
  db.catch(() => {
    db = null;
  });
  return db;
};

/** Once more with a new connection when the browser closed the last one. */
async function retried<T>(use: (database: IDBPDatabase) => Promise<T>): Promise<T> {
  try {
    return await use(await open());
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'InvalidStateError')) throw error;
    db = null;
    return use(await open());
  }
}

export const secretStore = {
  get: (): Promise<string | undefined> => retried((d) => d.get(STORE, KEY)),
  set: async (secret: string): Promise<void> => {
    await retried((d) => d.put(STORE, secret, KEY));
  },
  clear: async (): Promise<void> => {
    await retried((d) => d.delete(STORE, KEY));
  },
};
export type SecretStore = typeof secretStore;
