import { storage } from 'wxt/utils/storage';
import type { GreenhouseJobView } from '../model/greenhouse-job';
import type { LookupEntry } from '../model/match';
import type { CachedToken } from '../model/token';

/** Memory-only values of the background (`storage.session`, closed to content scripts). */
export const tokenCacheItem = storage.defineItem<Record<string, CachedToken>>('session:tokens', {
  fallback: {},
});
/** Live email lookups of the last minute (lib/storage/lookup-store.ts); session-only, closed to content scripts. */
export const lookupsItem = storage.defineItem<Record<string, LookupEntry>>('session:lookups', {
  fallback: {},
});
/** The resume PDF made when an export dialog last opened (10 minutes); session-only, closed to content scripts. */
export const preparedResumeItem = storage.defineItem<{
  key: string;
  at: number;
  filename: string;
  pdf: string;
} | null>('session:prepared-resume', { fallback: null });
/** Greenhouse's job list as last read (5 minutes), session-only: the job pickers and a woken worker share it. */
export const greenhouseJobsItem = storage.defineItem<{
  at: number;
  jobs: GreenhouseJobView[];
} | null>('session:greenhouse-jobs', { fallback: null });
/** The rows each pipeline showed last (lib/background/shown-rows.ts), kept while the worker sleeps; session-only. */
export const shownRowsItem = storage.defineItem<unknown>('session:shown-rows', { fallback: null });
