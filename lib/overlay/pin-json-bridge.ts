import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isPinJsonMessage } from '../messaging/tab-protocol';
import { readPinJson } from '../pin/json-read';

/**
 * Lets the background read Pin's JSON through this tab when Pin's session does not reach the worker (a
 * `SameSite=Lax` cookie): same-origin, every cookie sent, nothing shown and nothing for the recruiter to do. Only
 * this extension can send the message, and only Pin URLs are read.
 */
export function answerPinJsonReads(ctx: ContentScriptContext): void {
  // Firefox runs content-script fetches as the extension; `content.fetch` makes them as the page, like Chrome.
  const page = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  const pageFetch = page?.fetch ? page.fetch.bind(page) : undefined;
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || !isPinJsonMessage(message)) return undefined;
    return Promise.all(
      message.requests.map((r) =>
        readPinJson(r.url, {
          etag: r.etag,
          credentials: 'same-origin',
          ...(pageFetch ? { fetch: pageFetch } : {}),
        }),
      ),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
