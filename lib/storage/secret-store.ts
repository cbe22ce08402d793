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

export const secretStore = {
  get: (): Promise<string | undefined> => get<string>(KEY, secrets()),
  set: (secret: string): Promise<void> => set(KEY, secret, secrets()),
  clear: (): Promise<void> => del(KEY, secrets()),
};
export type SecretStore = typeof secretStore;
