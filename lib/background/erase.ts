import { browser } from 'wxt/browser';
import { closeDataDb, DATA_DB_NAME } from '../storage/data-db';
import { PRESENCE_DB_NAME } from '../storage/presence-db';
import { SECRET_DB_NAME } from '../storage/secret-store';
import type { Services } from './services';

const deleteDatabase = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // Open connections are asked to close (data-db, presence-db and the secret store do); the delete then goes on.
    request.onblocked = () => {};
  });

/**
 * "Erase all data" (SPEC §13): the secret, tokens, the export log and queue, sync records, observations, profiles,
 * stages, the presence index, rules, settings and alarms. What was still queued is dropped (the options page named it
 * and asked first). The worker forgets what it held; with nothing connected it opens and schedules nothing.
 */
export async function eraseAllData(services: Services): Promise<{ erased: true; droppedQueued: number }> {
  const open = await services.store.openItems().catch(() => []);
  const droppedQueued = open.filter((i) => i.state !== 'done').length;
  // A change signal waiting for its push would store its copy after the clear: dropped now and once more at the end.
  services.resetChangeSignals();
  await browser.alarms.clearAll();
  await browser.storage.local.clear();
  await browser.storage.session.clear();
  await closeDataDb();
  await Promise.all([DATA_DB_NAME, PRESENCE_DB_NAME, SECRET_DB_NAME].map(deleteDatabase));
  await browser.action.setBadgeText({ text: '' });
  // What this worker remembers goes too; nothing is opened again until the extension is used again.
  services.store.forget();
  services.connection.forget();
  services.presence.forget();
  services.greenhouseJobs.forget();
  services.settings.forget();
  services.storageHealth.forget();
  services.resetChangeSignals();
  return { erased: true, droppedQueued };
}
