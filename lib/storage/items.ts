import { storage } from 'wxt/utils/storage';

export { changeSignalItem, pinMappingItem } from './page-items';

import { type Connection, DEFAULT_SETTINGS, type Settings } from '../model/connection';
import type { PinCandidate, PinJob } from '../model/pin';
import type { ObservationState, Rule } from '../model/rule';
import type { SyncRecord } from '../model/sync-record';
import { EMPTY_WATCH_STATE, type WatchState } from '../model/watch';

/**
 * Every stored value, versioned from v1 so later shapes migrate (wxt storage keeps the version beside the key).
 * `local:` survives restarts; `session:` (tokens) is memory-only and hidden from content scripts.
 * The client secret is not here: see secret-store.ts.
 */
export const connectionItem = storage.defineItem<Connection | null>('local:connection', {
  fallback: null,
  version: 1,
});
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});
/** Export items live one per key (`local:export:<id>`, each carrying its own `v`), so a journal write is small. */
export const exportIndexItem = storage.defineItem<string[]>('local:export-index', {
  fallback: [],
  version: 1,
});
export const exportKey = (id: string) => `local:export:${id}` as const;
export const recordsItem = storage.defineItem<Record<string, SyncRecord>>('local:records', {
  fallback: {},
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
/** Last known outreach status per `${jobId}/${candidateId}`, with when the extension first saw each trigger met. */
export const observationsItem = storage.defineItem<Record<string, ObservationState>>('local:observations', {
  fallback: {},
  version: 1,
});
/** Profiles read from open Pin pages: the fallback when Pin's candidate API does not answer. */
export const pinCandidatesItem = storage.defineItem<Record<string, PinCandidate>>('local:pin-candidates', {
  fallback: {},
  version: 1,
});
/** The Greenhouse stage and status last read for each synced application (SPEC §11), with when it was read. */
export const stagesItem = storage.defineItem<
  Record<string, { stage: string | null; status: string | null; prospect: boolean; readAt: number }>
>('local:stages', { fallback: {}, version: 1 });

/** How each enabled rule's Pin job is watched (SPEC §6.1): the path that works and one small entry per job. */
export const watchStateItem = storage.defineItem<WatchState>('local:watch', {
  fallback: EMPTY_WATCH_STATE,
  version: 1,
});
