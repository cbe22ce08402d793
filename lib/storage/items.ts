import { storage } from 'wxt/utils/storage';

export { changeSignalItem, pinMappingItem } from './page-items';

import { type Connection, DEFAULT_SETTINGS, type Settings } from '../model/connection';
import type { PinJob } from '../model/pin';
import type { Rule } from '../model/rule';
import { EMPTY_WATCH_STATE, type WatchState } from '../model/watch';

/**
 * The small settings, versioned from v1 so later shapes migrate (wxt storage keeps the version beside the key).
 * `local:` survives restarts; `session:` (tokens) is memory-only and hidden from content scripts. What grows with
 * use (the export log, sync records, observations, profiles, stages) is in IndexedDB (data-db.ts), and the client
 * secret in its own store (secret-store.ts).
 */
export const connectionItem = storage.defineItem<Connection | null>('local:connection', {
  fallback: null,
  version: 1,
});
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});
export const pinJobsItem = storage.defineItem<Record<string, PinJob & { lastSeenAt: number }>>(
  'local:pin-jobs',
  {
    fallback: {},
    version: 1,
  },
);
export const rulesItem = storage.defineItem<Record<string, Rule>>('local:rules', {
  fallback: {},
  version: 1,
});
/** How each enabled rule's Pin job is watched (SPEC §6.1): the path that works and one small entry per job. */
export const watchStateItem = storage.defineItem<WatchState>('local:watch', {
  fallback: EMPTY_WATCH_STATE,
  version: 1,
});
