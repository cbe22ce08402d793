import { storage } from 'wxt/utils/storage';

/**
 * The only stored values a Pin page's content script defines. WXT reads every item it defines as soon as it is
 * defined, so the content script must not import `items.ts`: that would read the whole export log, observations
 * and profiles on every Pin page, and fail on the `session:` items, which content scripts may not read.
 */
/** A tiny signal content scripts watch to refresh what they show; it carries no candidate data. */
export const changeSignalItem = storage.defineItem<{ at: number; candidateIds: string[] }>('local:changed', {
  fallback: { at: 0, candidateIds: [] },
});
/** The admin's imported Pin page mapping (lib/pin/mapping), or null for the built-in one. Data only, never code. */
export const pinMappingItem = storage.defineItem<unknown>('local:pin-mapping', {
  fallback: null,
  version: 1,
});
