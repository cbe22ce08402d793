import { type Browser, browser } from 'wxt/browser';
import { z } from 'zod';
import { MAX_TAB_REQUESTS, PIN_JSON_MESSAGE, type PinJsonMessage } from '../messaging/tab-protocol';
import { pinAnswerSchema } from '../model/watch';
import { PIN_MATCH_PATTERN } from '../pin/host';
import { readPinJson } from '../pin/json-read';
import type { PinReader } from '../sync/watcher';

/** The worker's own path: Pin's JSON with the recruiter's Pin session (sent only if Pin's cookie allows it). */
export const backgroundReader: PinReader = {
  read: (requests) =>
    Promise.all(requests.map((r) => readPinJson(r.url, { etag: r.etag, credentials: 'include' }))),
};

/**
 * Through an open Pin tab: its content script reads the URLs same-origin (lib/overlay/pin-json-bridge.ts). Never
 * opens a tab; null when no Pin tab answers. Tabs the recruiter is using come first, then the most recent.
 */
export const tabReader: PinReader = {
  read: async (requests) => {
    let tabs: Browser.tabs.Tab[];
    try {
      tabs = await browser.tabs.query({ url: PIN_MATCH_PATTERN });
    } catch {
      return null;
    }
    const ranked = tabs
      .filter((tab) => tab.id !== undefined && !tab.discarded)
      .sort((a, b) => Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
    const chunks: (typeof requests)[number][][] = [];
    for (let at = 0; at < requests.length; at += MAX_TAB_REQUESTS)
      chunks.push(requests.slice(at, at + MAX_TAB_REQUESTS));
    for (const tab of ranked) {
      const answers = await readInTab(tab.id!, chunks);
      if (answers) return answers;
    }
    return null;
  },
};

/** All chunks through one tab, or null when its content script does not answer them all. */
async function readInTab(
  tabId: number,
  chunks: readonly (readonly PinJsonMessage['requests'][number][])[],
): Promise<z.infer<typeof pinAnswerSchema>[] | null> {
  const out: z.infer<typeof pinAnswerSchema>[] = [];
  // No request at all still asks the tab, so that the caller learns whether one can read for it.
  for (const chunk of chunks.length ? chunks : [[]]) {
    const message: PinJsonMessage = { type: PIN_JSON_MESSAGE, requests: [...chunk] };
    try {
      const raw: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
      const parsed = z.array(pinAnswerSchema).length(chunk.length).safeParse(raw);
      if (!parsed.success) return null;
      out.push(...parsed.data);
    } catch {
      // No content script in that tab (it opened before the extension was installed): the caller tries another.
      return null;
    }
  }
  return out;
}
