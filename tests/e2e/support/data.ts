import type { Worker } from '@playwright/test';

/**
 * The extension's data database (lib/storage/data-db.ts: the export log, sync records, observations, profiles,
 * stages), read or changed from inside its worker the way the product sees it.
 */
export const DATA_DB = 'pin-greenhouse-sync-data';

/** One value of a store by key, or every value when no key is given. */
export function readData<T = unknown>(worker: Worker, store: string, key?: string): Promise<T> {
  return worker.evaluate(
    ({ name, store, key }) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request =
            key === null
              ? open.result.transaction(store).objectStore(store).getAll()
              : open.result.transaction(store).objectStore(store).get(key);
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    { name: DATA_DB, store, key: key ?? null },
  );
}

/**
 * Makes every stage the extension stored look `ms` older (as if that time had passed). Run it from an extension
 * page and stop the worker afterwards: a running worker keeps the stages it read in memory.
 */
export function ageStages(worker: Pick<Worker, 'evaluate'>, ms: number): Promise<void> {
  return worker.evaluate(
    ({ name, ms }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('stages', 'readwrite');
          const request = tx.objectStore('stages').openCursor();
          request.onsuccess = () => {
            const cursor = request.result;
            if (!cursor) return;
            cursor.update({ ...cursor.value, readAt: cursor.value.readAt - ms });
            cursor.continue();
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: DATA_DB, ms },
  );
}
