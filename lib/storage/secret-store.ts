import { createStore, del, get, set, type UseStore } from 'idb-keyval';

/**
 * The client secret lives in the extension origin's IndexedDB: content scripts run in Pin's origin and cannot
 * open it (storage.local, by contrast, is readable by content scripts). Only background code imports this.
 */
let store: UseStore | null = null;
const secrets = () => {
  store ??= createStore('pin-greenhouse-sync', 'secrets');
  return store;
};
const KEY = 'greenhouse-client-secret';

/** Once more with a new connection when the browser closed the last one (a full disk, say). */
async function retried<T>(use: (store: UseStore) => Promise<T>): Promise<T> {
  try {
    return await use(secrets());
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'InvalidStateError')) throw error;
    store = null;
    return use(secrets());
  }
}

export const secretStore = {
  get: (): Promise<string | undefined> => retried((s) => get<string>(KEY, s)),
  set: (secret: string): Promise<void> => retried((s) => set(KEY, secret, s)),
  clear: (): Promise<void> => retried((s) => del(KEY, s)),
};
export type SecretStore = typeof secretStore;
