import type { TokenCache } from '../model/token';
import { tokenCacheItem } from './session-items';

/** Access tokens in storage.session: memory-only, gone when the browser closes, hidden from content scripts. */
export const sessionTokenCache: TokenCache & { clear(): Promise<void> } = {
  get: async (key) => (await tokenCacheItem.getValue())[key] ?? null,
  set: async (key, token) => tokenCacheItem.setValue({ ...(await tokenCacheItem.getValue()), [key]: token }),
  delete: async (key) => {
    const { [key]: _gone, ...rest } = await tokenCacheItem.getValue();
    await tokenCacheItem.setValue(rest);
  },
  clear: () => tokenCacheItem.setValue({}),
};
